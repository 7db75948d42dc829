"""The registry a generated province stands on (`motcua bench generate`, issue 15): the demo's agencies, users and
procedures, the national catalogue and one province's real communes when the reference data is there, one agency with
a one-stop desk per commune, and the bench's people.

The demo is loaded through its command (`motcua demo load`), not imported: bench and demo are sibling layers.
"""

import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole, Unit
from motcua.agencies.units_import import import_data
from motcua.catalog.importer import import_file
from motcua.catalog.models import Procedure

PROVINCE_CODE = "25"  # Phú Thọ, the demo's province: its real communes replace the demo's eight
PROVINCE_AGENCY = "000.00.00.H44"  # the demo's provincial people's committee (the monitor's scope)
PROVINCE_DESK = "000.01.01.H44"  # the demo's provincial service centre: receives the province-level dossiers
# Bench communes are numbered NNN.90.00.H44: the demo's codes use 00 and 01 in the second group, never 90, so the
# two can live in one database (and a real catalogue loaded later is told apart by its own numbers).
CODE_GROUP = "90.00.H44"
MADE_UP = 40  # communes made up when the reference data is missing
STAFF = 16  # bench-01 … bench-16, one per busiest commune (the runner signs in as them)
MONITOR = "bench-giamsat"
CITIZEN = "bench-congdan"
CITIZEN_ID = "025190001234"
PLACES = [
    "An Bình",
    "Bình Minh",
    "Cẩm Khê",
    "Đại Đồng",
    "Đông Thành",
    "Hạ Hòa",
    "Hiền Lương",
    "Hòa Lạc",
    "Hưng Hóa",
    "Kim Đức",
    "Lạc Sơn",
    "Liên Minh",
    "Minh Đức",
    "Nghĩa Hưng",
    "Phong Châu",
    "Phù Ninh",
    "Quang Húc",
    "Sơn Vi",
    "Tân Sơn",
    "Tam Nông",
    "Thanh Ba",
    "Thanh Thủy",
    "Thượng Long",
    "Tiên Cát",
    "Trung Hà",
    "Văn Lang",
    "Vân Phú",
    "Xuân Lũng",
    "Yên Lập",
    "Yên Kỳ",
    "Bảo Yên",
    "Chân Mộng",
    "Hùng Việt",
    "Khả Cửu",
    "Long Cốc",
    "Mỹ Lung",
    "Ngọc Lập",
    "Phú Khê",
    "Quảng Yên",
    "Tứ Mỹ",
]


@dataclass
class Province:
    communes: list[Agency]  # the generated agencies, in code order
    desk: Agency  # the provincial service centre
    real_data: bool
    procedures_imported: int


def data_dir(given: str | None) -> Path:
    """The reference data: the given folder, or `shared/data` beside the repository (CONTRIBUTING.md)."""
    return Path(given) if given else Path(settings.BASE_DIR).parent / "shared" / "data"


def load_base(data: Path, log) -> Province:
    """Demo registry, then the real catalogue and communes when `data` holds them; idempotent."""
    call_command("demo", "load", stdout=io.StringIO(), stderr=io.StringIO())
    catalogue = data / "tthc-national-portal" / "procedures.jsonl"
    units = sorted((data / "vietnamese-provinces-database" / "post-2025").glob("*.json"))
    imported = 0
    sample = _first_codes(catalogue) if catalogue.is_file() else []
    if sample and Procedure.objects.filter(code__in=sample).count() < len(set(sample)):
        log(f"Nhập danh mục thủ tục thật từ {catalogue} (công bố ngay)…")
        imported = import_file(catalogue, publish=True).total
    communes = _real_communes(units[0]) if units else None
    with transaction.atomic():
        agencies = _agencies(communes)
        _share_demo_procedures(agencies)
    return Province(agencies, Agency.objects.get(code=PROVINCE_DESK), communes is not None, imported)


def _first_codes(path: Path, count: int = 200) -> list[str]:
    """The codes of the file's first records: when all are in the database, the catalogue was imported before (the
    demo's few procedures, taken from the same catalogue, are not enough to say so)."""
    codes = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if len(codes) >= count:
                break
            try:
                code = json.loads(line).get("ma_thu_tuc")
            except (ValueError, AttributeError):
                continue
            if code:
                codes.append(str(code))
    return codes


def _real_communes(path: Path) -> list[tuple[str, str, str]] | None:
    """(unit code, name, kind) of the province's communes and wards, the units imported as they come."""
    with open(path, encoding="utf-8") as fh:
        provinces = [p for p in json.load(fh) if str(p.get("Code")) == PROVINCE_CODE]
    if not provinces or not provinces[0].get("Wards"):
        return None
    import_data(provinces)
    return [
        (str(w["Code"]), w["Name"], w.get("AdministrativeUnitShortName") or w["FullName"].split(" ")[0])
        for w in provinces[0]["Wards"]
    ]


def _agencies(communes) -> list[Agency]:
    """One people's committee with a one-stop desk per commune (real, or made up without the data)."""
    province = Agency.objects.get(code=PROVINCE_AGENCY)
    units = dict(
        Unit.objects.filter(era=Unit.Era.POST_2025, level=Unit.Level.COMMUNE).values_list("code", "pk")
        if communes
        else []
    )
    rows = communes or [(None, place, "Xã") for place in PLACES[:MADE_UP]]
    made = []
    for number, (unit_code, name, kind) in enumerate(rows, start=1):
        word = "phường" if kind.lower() == "phường" else "xã"
        agency, _ = Agency.objects.update_or_create(
            code=f"{number:03d}.{CODE_GROUP}",
            defaults={
                "name": f"Ủy ban nhân dân {word} {name}",
                "short_name": f"UBND {word} {name}"[:40],
                "level": Agency.Level.COMMUNE,
                "parent": province,
                "has_one_stop_desk": True,
                "unit_id": units.get(unit_code) or province.unit_id,
            },
        )
        made.append(agency)
    return made


def _share_demo_procedures(communes: list[Agency]) -> None:
    """A procedure the catalogue gives to the demo's communes is handled by every commune: dossiers are then routed
    to the commune that received them, as `lifecycle.competent_agency` does for a competent desk."""
    through = Procedure.agencies.through
    demo_communes = Agency.objects.filter(level=Agency.Level.COMMUNE).exclude(code__endswith=CODE_GROUP)
    shared = set(through.objects.filter(agency__in=demo_communes).values_list("procedure_id", flat=True))
    have = set(through.objects.filter(agency__in=communes).values_list("procedure_id", "agency_id"))
    through.objects.bulk_create(
        [through(procedure_id=p, agency_id=a.pk) for p in sorted(shared) for a in communes if (p, a.pk) not in have]
    )


@transaction.atomic
def people(busiest: list[Agency], others: list[Agency]) -> dict[int, dict[str, User]]:
    """The bench's accounts, none with a usable password (the runner makes its own sessions and tokens):
    bench-01 … bench-16 (counter, specialist and head at one of the busiest communes each), one official for every
    other agency that handles dossiers, the province-wide monitor and a citizen. Returns {agency id: {role: user}}."""
    staff = {}
    numbered = [(f"bench-{i:02d}", a) for i, a in enumerate(busiest[:STAFF], start=1)]
    numbered += [(f"bench-cb-{a.code}", a) for a in busiest[STAFF:] + others]
    for username, agency in numbered:
        user = _user(username, f"Cán bộ {agency.short_name or agency.name}"[:200], User.Kind.STAFF)
        for role in (StaffRole.Role.COUNTER_OFFICER, StaffRole.Role.SPECIALIST, StaffRole.Role.HEAD):
            StaffRole.objects.get_or_create(user=user, agency=agency, role=role)
        staff[agency.pk] = {"counter": user, "specialist": user, "head": user}
    monitor = _user(MONITOR, "Giám sát đo tốc độ", User.Kind.STAFF)
    StaffRole.objects.get_or_create(
        user=monitor, agency=Agency.objects.get(code=PROVINCE_AGENCY), role=StaffRole.Role.PROVINCE_MONITOR
    )
    citizen = _user(CITIZEN, "Nguyễn Thị Thử", User.Kind.CITIZEN)
    if citizen.id_number != CITIZEN_ID:
        citizen.id_number, citizen.phone = CITIZEN_ID, "0912000111"
        citizen.save(update_fields=["id_number", "phone"])
    return staff


def _user(username: str, full_name: str, kind: str) -> User:
    user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name, "kind": kind})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def citizen() -> User:
    return User.objects.get(username=CITIZEN)
