"""Load the demo province, its agencies, one user per role and the demo procedures. Idempotent.

The procedures are files (motcua/demo/data/, docs/catalog.md "Demo data"): `procedures.jsonl` in the national
portal crawl's format and `additions.json`, the side file of what that format lacks (e-forms, fee lines per channel,
online levels, the agencies that handle each procedure). They load through the catalogue's importer with `--publish`,
as a province loads its own: `motcua catalog import motcua/demo/data/procedures.jsonl --publish --with
motcua/demo/data/additions.json` does the same.
"""

from pathlib import Path

from django.db import transaction

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole, Unit
from motcua.catalog import importer
from motcua.catalog.additions import read_additions

from . import agencies as data
from . import second_factor

DATA = Path(__file__).resolve().parent / "data"
PROCEDURES = DATA / "procedures.jsonl"
ADDITIONS = DATA / "additions.json"


@transaction.atomic
def load() -> dict:
    province, _ = Unit.objects.update_or_create(
        era=Unit.Era.POST_2025,
        level=Unit.Level.PROVINCE,
        code=data.PROVINCE["code"],
        defaults={
            "name": data.PROVINCE["name"],
            "full_name": data.PROVINCE["full_name"],
            "kind": data.PROVINCE["kind"],
            "valid_from": "2025-07-01",
        },
    )
    units = {}
    for code, name, full_name, kind in data.COMMUNES:
        units[code], _ = Unit.objects.update_or_create(
            era=Unit.Era.POST_2025,
            level=Unit.Level.COMMUNE,
            code=code,
            defaults={
                "name": name,
                "full_name": full_name,
                "kind": kind,
                "parent": province,
                "valid_from": "2025-07-01",
            },
        )
    agencies = {}
    for code, name, short, level, parent, desk, unit in data.AGENCIES:
        agencies[code], _ = Agency.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "level": level,
                "parent": agencies.get(parent),
                "has_one_stop_desk": desk,
                "unit": units[unit] if unit else province,
            },
        )
    for username, full_name, kind, roles in data.USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name, "kind": kind})
        if created:
            user.set_password(data.PASSWORD)
            user.save()
        for agency_code, role in roles:
            StaffRole.objects.get_or_create(user=user, agency=agencies[agency_code], role=role)
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"full_name": "Quản trị hệ thống", "kind": "staff", "is_staff": True, "is_superuser": True},
    )
    if created:
        admin.set_password(data.PASSWORD)
        admin.save()
    second_factor.give_devices()  # the demo admin and leaders: a known TOTP key (demo/second_factor.py)
    summary = importer.import_file(PROCEDURES, publish=True, additions=read_additions(ADDITIONS))
    return {"agencies": len(agencies), "procedures": summary.total, "published": summary.published}


def second_factor_logins() -> list[tuple[str, str]]:
    """(username, the demo key in base 32) of the demo accounts that give a TOTP code after the password."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    users = TOTPDevice.objects.filter(name=second_factor.DEVICE_NAME, confirmed=True).order_by("user__username")
    return [(username, second_factor.secret(username)) for username in users.values_list("user__username", flat=True)]


def logins() -> list[tuple[str, str, str]]:
    """(username, password, what the account can do) for the demo banner."""
    roles = dict(StaffRole.Role.choices)
    rows = [("admin", data.PASSWORD, "Quản trị hệ thống (/quan-tri/)")]
    for username, full_name, kind, user_roles in data.USERS:
        what = ", ".join(sorted({roles[role] for _, role in user_roles})) or dict(User.Kind.choices)[kind]
        rows.append((username, data.PASSWORD, f"{full_name}: {what}"))
    return rows
