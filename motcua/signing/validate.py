"""Validation of a signed PDF, reported in Vietnamese with the fields Circular 15/2025 Art. 6 asks for: who issued
the certificate, who signed and for which organisation, when (the claimed time and the timestamp), whether the
content is unchanged, whether the certificate was valid at signing time, its validity period; judged against the
trust store given (the NEAC and Government CA roots in production, the test root in tests).

The verdict is one of three, never "valid" by default: "hợp lệ" (intact, trusted chain, revocation checked and
good), "không hợp lệ" (changed, a broken signature, a revoked or untrusted certificate, outside its period), and
"không xác định" when the revocation status could not be learnt (a CRL or OCSP that did not answer): Annex II wants a
warning there, not a pass (../shared/SIGNING.md §1, "What motcua must do" 5-6).
"""

import io
from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.errors import NoDSSFoundError, SignatureValidationError
from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathValidationError

from . import aio
from .pades import VIETNAM
from .pki import asn1_cert, fetcher

VALID, INVALID, UNKNOWN = "hợp lệ", "không hợp lệ", "không xác định"


@dataclass
class SignatureReport:
    """One signature, as a person reads it."""

    field: str
    signer: str = ""
    title: str = ""
    organisation: str = ""
    issuer: str = ""
    signed_at: datetime | None = None  # the time the signer's software claims (/M)
    timestamp_at: datetime | None = None  # the timestamp authority's, when there is a valid token
    intact: bool = False  # the signed bytes hash to what was signed, and the signature checks out
    covers_document: bool = False  # nothing but the signature's own later additions (the DSS, a next signature)
    certificate_from: datetime | None = None
    certificate_to: datetime | None = None
    valid_at_signing: bool = False
    trusted: bool = False
    revocation: str = UNKNOWN  # "còn hiệu lực" / "đã bị thu hồi" / "không xác định"
    verdict: str = UNKNOWN
    problems: list[str] = field(default_factory=list)

    def local(self, moment: datetime | None) -> str:
        return moment.astimezone(VIETNAM).isoformat(timespec="seconds") if moment else ""


def context(
    trust_roots: list[x509.Certificate],
    intermediates=(),
    *,
    fetch: bool = True,
    reader: PdfFileReader | None = None,
    moment: datetime | None = None,
) -> ValidationContext:
    """What a signature is judged with: the trust store, and the document's own DSS (the chains and revocation
    answers a B-LT signature carries) when `reader` has one; fetching CRLs and OCSP answers over the network only
    when `fetch` (never for a file a stranger uploaded: its certificates name the URLs, server-side requests to
    places an attacker chooses); at `moment` (a signature's timestamp) rather than now, when given."""
    kwargs = {
        "trust_roots": [asn1_cert(c) for c in trust_roots],
        "other_certs": [asn1_cert(c) for c in intermediates],
        "allow_fetching": fetch,
        **({"fetcher_backend": fetcher()} if fetch else {}),
        "revocation_mode": "hard-fail",
        **({"moment": moment} if moment else {}),
        # none held is "nothing known" (a certificate that names a CRL then has no status), not "no checking"
        **({} if fetch else {"crls": [], "ocsps": []}),
    }
    if reader is not None:
        try:
            return DocumentSecurityStore.read_dss(reader).as_validation_context(kwargs)
        except NoDSSFoundError:
            pass
    return ValidationContext(**kwargs)


def report(
    pdf: bytes, trust_roots: list[x509.Certificate], intermediates=(), *, fetch: bool = True
) -> list[SignatureReport]:
    """Every signature of `pdf`, judged; ValueError (in Vietnamese) when it is not a PDF that can be read. Without
    `fetch`, a signature is judged at its timestamp with the revocation answers the document carries."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = list(reader.embedded_signatures)
    except Exception as error:  # pyHanko raises many kinds on a file that is not a PDF
        raise ValueError("Không đọc được tệp: đây không phải một tệp PDF hợp lệ.") from error
    found = []
    for sig in signatures:
        judged = one(sig, context(trust_roots, intermediates, fetch=fetch, reader=reader))
        if not fetch and judged.timestamp_at:
            at_signing = context(trust_roots, intermediates, fetch=False, reader=reader, moment=judged.timestamp_at)
            judged = one(sig, at_signing)
        found.append(judged)
    return found


def one(sig, validation: ValidationContext) -> SignatureReport:
    found = SignatureReport(field=sig.field_name)
    cert = sig.signer_cert
    subject, issuer = cert.subject.native, cert.issuer.native
    found.signer = subject.get("common_name", "")
    found.title = subject.get("title", "")
    found.organisation = subject.get("organization_name", "")
    found.issuer = issuer.get("common_name", "") or issuer.get("organization_name", "")
    found.signed_at = sig.self_reported_timestamp
    found.certificate_from = cert["tbs_certificate"]["validity"]["not_before"].native
    found.certificate_to = cert["tbs_certificate"]["validity"]["not_after"].native
    try:
        status = aio.run(lambda: async_validate_pdf_signature(sig, validation, validation))
    except (SignatureValidationError, PathValidationError, ValueError) as error:
        found.verdict = INVALID
        found.problems.append(f"Không kiểm tra được chữ ký: {error}")
        return found
    found.intact = status.intact and status.valid
    found.covers_document = status.coverage is not None and status.coverage >= SignatureCoverageLevel.ENTIRE_REVISION
    if status.timestamp_validity is not None and status.timestamp_validity.intact and status.timestamp_validity.valid:
        found.timestamp_at = status.timestamp_validity.timestamp
    moment = found.timestamp_at or found.signed_at
    found.valid_at_signing = bool(moment and found.certificate_from <= moment <= found.certificate_to)
    found.trusted = status.trusted
    if status.revoked:
        found.revocation = "đã bị thu hồi"
    elif status.trust_problem_indic == AdESIndeterminate.TRY_LATER:
        found.revocation = UNKNOWN
    elif status.trusted:
        found.revocation = "còn hiệu lực"
    if not found.intact:
        found.problems.append("Nội dung tệp đã bị thay đổi sau khi ký, hoặc chữ ký không khớp với nội dung.")
    if not found.covers_document:
        found.problems.append("Chữ ký không bao trùm toàn bộ tài liệu tại thời điểm ký.")
    elif status.docmdp_ok is False:
        found.problems.append(
            "Tài liệu đã bị sửa sau khi ký (không chỉ thêm chữ ký, dấu thời gian hay dữ liệu kiểm tra)."
        )
    if status.revoked:
        found.problems.append("Chứng thư số của người ký đã bị thu hồi.")
    elif found.revocation == UNKNOWN:
        found.problems.append("Không xác định được tình trạng thu hồi của chứng thư số (không truy cập được CRL/OCSP).")
    elif not status.trusted:
        found.problems.append("Chứng thư số không thuộc chuỗi tin cậy đã cấu hình (NEAC, Ban Cơ yếu Chính phủ).")
    if not found.valid_at_signing:
        found.problems.append("Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư số.")
    if found.timestamp_at is None:
        found.problems.append("Chữ ký không có dấu thời gian hợp lệ.")
    if not found.problems:
        found.verdict = VALID
    elif found.intact and found.revocation == UNKNOWN and not status.revoked and found.valid_at_signing:
        found.verdict = UNKNOWN
    else:
        found.verdict = INVALID
    return found
