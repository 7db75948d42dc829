"""Load the demo province, its agencies, one user per role and the demo procedures. Idempotent."""
import hashlib
import json
from types import SimpleNamespace

from django.db import transaction

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole, Unit
from motcua.catalog import conditions, versions
from motcua.catalog.models import Channel, Field, Procedure, ProcedureVersion, RequiredDocument, levels_value

from . import agencies as data
from . import second_factor
from .forms import SCHEMAS
from .procedures import PROCEDURES


@transaction.atomic
def load() -> dict:
    province, _ = Unit.objects.update_or_create(
        era=Unit.Era.POST_2025, level=Unit.Level.PROVINCE, code=data.PROVINCE["code"],
        defaults={"name": data.PROVINCE["name"], "full_name": data.PROVINCE["full_name"],
                  "kind": data.PROVINCE["kind"], "valid_from": "2025-07-01"})
    units = {}
    for code, name, full_name, kind in data.COMMUNES:
        units[code], _ = Unit.objects.update_or_create(
            era=Unit.Era.POST_2025, level=Unit.Level.COMMUNE, code=code,
            defaults={"name": name, "full_name": full_name, "kind": kind, "parent": province,
                      "valid_from": "2025-07-01"})
    agencies = {}
    for code, name, short, level, parent, desk, unit in data.AGENCIES:
        agencies[code], _ = Agency.objects.update_or_create(code=code, defaults={
            "name": name, "short_name": short, "level": level, "parent": agencies.get(parent),
            "has_one_stop_desk": desk, "unit": units[unit] if unit else province})
    for username, full_name, kind, roles in data.USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name, "kind": kind})
        if created:
            user.set_password(data.PASSWORD)
            user.save()
        for agency_code, role in roles:
            StaffRole.objects.get_or_create(user=user, agency=agencies[agency_code], role=role)
    admin, created = User.objects.get_or_create(username="admin", defaults={
        "full_name": "Quản trị hệ thống", "kind": "staff", "is_staff": True, "is_superuser": True})
    if created:
        admin.set_password(data.PASSWORD)
        admin.save()
    second_factor.give_devices()  # the demo admin and leaders: a known TOTP key (demo/second_factor.py)
    entries = [{**entry, "form_schema": SCHEMAS.get(entry["code"]), "read_by": DOCUMENT_READING}
               for entry in PROCEDURES]
    published = sum(_load_procedure(entry, agencies) for entry in entries)
    return {"agencies": len(agencies), "procedures": len(PROCEDURES), "published": published}


# Part of each entry's hash: a database loaded before the demo's document lines had conditions (or a line read as
# the e-form's tờ khai) gets a new version.
DOCUMENT_READING = "conditions-2"
# How the demo words a case it wrote out by hand: "…, khi ủy quyền đăng ký khai sinh", "…, với trẻ bị bỏ rơi".
_DEMO_CASE = (", khi ", ", với ", ", nếu ", ", đối với ", ", trong trường hợp ")


def _document_lines(documents: list) -> tuple[list[RequiredDocument], list[str]]:
    """The demo's lines read by the catalogue's classifier, as an import reads the portal's, so they carry
    conditions; and the lines that are not documents (kept as notes, out of the list).

    A line with a case (the classifier's, or the demo's own wording after ", khi …" / ", với …") is needed in that
    case: the desk marks it "không áp dụng" or the citizen answers the question online; "nếu có" makes a line
    optional; otherwise the demo's own required flag stands."""
    rows = [SimpleNamespace(name=name, group="") for name, *_ in documents]
    lines, notes = [], []
    for (name, originals, copies, required, form), reading in zip(documents, conditions.classify_lines(rows)):
        if not reading.is_document:
            notes.append(name)
            continue
        condition = reading.condition
        if not condition and not required:
            cut = max(name.rfind(mark) for mark in _DEMO_CASE)
            condition = name[cut + 2:].strip(" .;") if cut >= 0 else ""
        needed = (required or bool(condition)) and reading.kind != conditions.OPTIONAL
        lines.append(RequiredDocument(position=len(lines), name=name, originals=originals, copies=copies,
                                      is_required=needed, condition=condition, form_name=form))
    return lines, notes


def _load_procedure(entry: dict, agencies: dict) -> bool:
    """Publish the entry as a new version unless the current version already holds exactly it."""
    digest = hashlib.sha256(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    procedure, _ = Procedure.objects.get_or_create(code=entry["code"])
    procedure.agencies.set([agencies[code] for code in entry["agencies"]])
    if procedure.current and procedure.current.source_hash == digest:
        return False
    field, _ = Field.objects.get_or_create(name=entry["field"])
    lines, notes = _document_lines(entry["documents"])
    if entry.get("form_schema"):
        index = conditions.declaration_index([line.name for line in lines])
        if index is not None:
            lines[index].declaration = True
    number = (procedure.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = ProcedureVersion.objects.create(
        procedure=procedure, number=number, name=entry["name"], field=field, levels=levels_value(entry["levels"]),
        decision_number=entry.get("decision", ""), applicant_types=entry["applicants"],
        competent_agency=entry.get("competent", ""), implementing_agency=entry.get("implementing", ""),
        steps=entry["steps"], conditions=conditions.with_notes(entry.get("conditions", ""), notes),
        results=[{"name": name, "code": code} for name, code in entry["results"]],
        legal_basis=[{"title": title, "number": number} for title, number in entry["legal_basis"]],
        online_level=entry["online"], form_schema=entry.get("form_schema"), source_hash=digest)
    Channel.objects.bulk_create([
        Channel(version=version, position=i, kind=kind, amount=amount, unit=unit, time_text=time_text,
                fees=[dict(zip(("kind", "amount", "text", "per"), fee)) for fee in fees])
        for i, (kind, amount, unit, time_text, fees) in enumerate(entry["channels"])])
    for line in lines:
        line.version = version
    RequiredDocument.objects.bulk_create(lines)
    versions.publish(version)
    return True


def second_factor_logins() -> list[tuple[str, str]]:
    """(username, the demo key in base 32) of the demo accounts that give a TOTP code after the password."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    users = TOTPDevice.objects.filter(name=second_factor.DEVICE_NAME, confirmed=True).order_by("user__username")
    return [(username, second_factor.secret(username)) for username in users.values_list("user__username", flat=True)]


def logins() -> list[tuple[str, str, str]]:
    """(username, password, what the account can do) for the demo banner."""
    roles = {code: label for code, label in StaffRole.Role.choices}
    rows = [("admin", data.PASSWORD, "Quản trị hệ thống (/quan-tri/)")]
    for username, full_name, kind, user_roles in data.USERS:
        what = ", ".join(sorted({roles[role] for _, role in user_roles})) or dict(User.Kind.choices)[kind]
        rows.append((username, data.PASSWORD, f"{full_name}: {what}"))
    return rows
