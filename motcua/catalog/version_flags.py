"""What the Decision 766 scorecard asks of a published procedure version: published with its seven components,
charging a fee, open to citizens, giving an electronic certified copy.

A published version is frozen (`ProcedureVersion.save`, `refuse_if_frozen`), so these are decided once, when
`versions.publish` publishes it, and stored on it (`ProcedureVersion.seven_components`, …); the report reads the
stored booleans of every current version in one query instead of loading the catalogue with its channels and
documents on every request (issue 15). Migration 0005 filled them for the versions published before, with these
same functions, which is why they read only what a historical model has: fields and the `channels` and
`documents` relations.
"""

from motcua.vntext.normalize import fold

FLAGS = ("seven_components", "charges_fee", "for_citizens", "certified_copy")


def seven_components(version, channels, has_documents: bool) -> bool:
    """Published with all seven components (Decree 63/2010 Art. 8(2)): name, steps, channels, documents, time
    limit, applicants, agency."""
    return bool(
        version.name.strip()
        and version.steps.strip()
        and channels
        and has_documents
        and any(c.unit or c.time_text for c in channels)
        and version.applicant_types
        and (version.competent_agency.strip() or version.implementing_agency.strip())
    )


def charges_fee(channels) -> bool:
    """A channel states a fee or charge with an amount."""
    return any(fee.get("amount") for channel in channels for fee in channel.fees)


def for_citizens(applicant_types) -> bool:
    """Citizens may file it: no applicant stated, or citizens (công dân) or individuals (cá nhân) among them."""
    folded = " ".join(fold(t) for t in applicant_types)
    return not applicant_types or "cong dan" in folded or "ca nhan" in folded


def certified_copy(name: str) -> bool:
    """It issues an electronic certified copy (cấp bản sao điện tử), as its name says."""
    return "ban sao dien tu" in fold(name)


def flags(version, channels=None) -> dict[str, bool]:
    """The stored flags of a version, read from its content: its channels (given, or read in one query) and whether
    it has documents (one query, unless prefetched)."""
    if channels is None:
        # unordered: the model's ordering joins the version and the procedure, and on PostgreSQL a catalogue import
        # (thousands of rows not yet analysed) turns that into a second per publication
        channels = version.channels.order_by()
    channels = list(channels)
    return {
        "seven_components": seven_components(version, channels, version.documents.exists()),
        "charges_fee": charges_fee(channels),
        "for_citizens": for_citizens(version.applicant_types),
        "certified_copy": certified_copy(version.name),
    }
