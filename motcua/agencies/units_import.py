"""Import administrative units and the old → new mapping from the public JSON formats.

Formats (recognised by shape, not by file name):
- post-2025 units: a list of provinces with `Wards` (vietnamese-provinces-database, two levels);
- pre-2025 units: a list of provinces with `District[].Ward[]` (three levels);
- `splits.json` (old → new) and `merges.json` (new → old, with full/partial) of dvhcvn/20250701.
Every import is an upsert keyed by (era, level, code), so running it again changes nothing.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from motcua.vntext.normalize import fold, nfc

from .models import REFORM_DATE, Unit, UnitSuccession

PRE_END = REFORM_DATE - dt.timedelta(days=1)


class UnitsFormatError(ValueError):
    """The file is not one of the unit formats motcua knows."""


@dataclass
class ImportReport:
    kind: str
    units: int = 0
    links: int = 0
    missing: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.kind}: {self.units} đơn vị" if self.units else f"{self.kind}: {self.links} liên kết kế thừa"]
        if self.missing:
            parts.append(f"{len(self.missing)} mã không tìm thấy (ví dụ {', '.join(self.missing[:5])})")
        return "; ".join(parts)


def detect_format(data) -> str:
    if isinstance(data, list) and data and isinstance(data[0], dict):
        if "Wards" in data[0]:
            return "post2025"
        if "District" in data[0]:
            return "pre2025"
    if isinstance(data, dict) and isinstance(data.get("data"), list) and data["data"]:
        first = data["data"][0]
        if "level3s" in first:
            return "splits"
        if "level2s" in first:
            return "merges"
    raise UnitsFormatError(
        "tệp không đúng định dạng đơn vị hành chính (cần danh sách tỉnh có Wards/District hoặc splits.json/merges.json)"
    )


def load(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        raise UnitsFormatError(f"không tìm thấy tệp {path}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UnitsFormatError(f"tệp {path.name} không phải JSON hợp lệ ({exc.__class__.__name__})") from None


def import_path(path: Path) -> list[ImportReport]:
    """Import one file, or every recognised JSON file of a folder (units before mappings)."""
    path = Path(path)
    if path.is_dir():
        order = {"pre2025": 0, "post2025": 1, "splits": 2, "merges": 3}
        found = []
        for file in sorted(path.rglob("*.json")):
            data = load(file)
            try:
                found.append((order[detect_format(data)], file, data))
            except UnitsFormatError:
                continue
        if not found:
            raise UnitsFormatError(f"thư mục {path} không có tệp đơn vị hành chính nào")
        return [import_data(data) for _, _, data in sorted(found, key=lambda item: item[0])]
    return [import_data(load(path))]


@transaction.atomic
def import_data(data) -> ImportReport:
    kind = detect_format(data)
    if kind == "post2025":
        return _import_units(kind, [(p, p.get("Wards") or [], None) for p in data])
    if kind == "pre2025":
        return _import_units(kind, [(p, p.get("District") or [], "Ward") for p in data])
    if kind == "splits":
        pairs = [
            (p["level1_id"], s["new_id"], len(p["splits"]) > 1, Unit.Level.PROVINCE)
            for p in data["data"]
            for s in p.get("splits") or []
        ]
        pairs += [
            (w["level3_id"], s["new_id"], len(w["splits"]) > 1, Unit.Level.COMMUNE)
            for p in data["data"]
            for w in p.get("level3s") or []
            for s in w.get("splits") or []
        ]
        return _import_links(kind, pairs)
    pairs = [
        (m["old_id"], p["level1_id"], m.get("type") == "partial", Unit.Level.PROVINCE)
        for p in data["data"]
        for m in p.get("merges") or []
    ]
    pairs += [
        (m["old_id"], w["level2_id"], m.get("type") == "partial", Unit.Level.COMMUNE)
        for p in data["data"]
        for w in p.get("level2s") or []
        for m in w.get("merges") or []
    ]
    return _import_links(kind, pairs)


def _unit(era, level, raw, parent_id=None) -> Unit:
    full_name = nfc(raw.get("FullName") or raw["Name"])
    valid_from, valid_to = (REFORM_DATE, None) if era == Unit.Era.POST_2025 else (None, PRE_END)
    return Unit(
        era=era,
        level=level,
        code=str(raw["Code"]),
        name=nfc(raw["Name"]),
        full_name=full_name,
        kind=nfc(raw.get("AdministrativeUnitShortName") or full_name.split(" ")[0]),
        name_folded=fold(full_name),
        parent_id=parent_id,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def _upsert(units: list[Unit]) -> dict[str, int]:
    if not units:
        return {}
    Unit.objects.bulk_create(
        units,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["era", "level", "code"],
        update_fields=["name", "full_name", "kind", "name_folded", "parent", "valid_from", "valid_to"],
    )
    era, level = units[0].era, units[0].level
    return dict(Unit.objects.filter(era=era, level=level).values_list("code", "pk"))


def _import_units(era: str, provinces) -> ImportReport:
    report = ImportReport(kind="Đơn vị sau 01/7/2025" if era == "post2025" else "Đơn vị trước 01/7/2025")
    try:
        province_ids = _upsert([_unit(era, Unit.Level.PROVINCE, p) for p, _, _ in provinces])
        report.units += len(provinces)
        if era == Unit.Era.POST_2025:
            wards = [_unit(era, Unit.Level.COMMUNE, w, province_ids[p["Code"]]) for p, ws, _ in provinces for w in ws]
            _upsert(wards)
            report.units += len(wards)
            return report
        districts = [
            (_unit(era, Unit.Level.DISTRICT, d, province_ids[p["Code"]]), d) for p, ds, _ in provinces for d in ds
        ]
        district_ids = _upsert([u for u, _ in districts])
        wards = [
            _unit(era, Unit.Level.COMMUNE, w, district_ids[d["Code"]])
            for _, d in districts
            for w in d.get("Ward") or []
        ]
        _upsert(wards)
        report.units += len(districts) + len(wards)
    except (KeyError, TypeError) as exc:
        raise UnitsFormatError(f"thiếu trường {exc} trong dữ liệu đơn vị") from None
    return report


def _import_links(kind: str, pairs) -> ImportReport:
    report = ImportReport(kind="Bảng chuyển đổi cũ → mới (" + kind + ")")
    ids = {}
    for era in (Unit.Era.PRE_2025, Unit.Era.POST_2025):
        for level in (Unit.Level.PROVINCE, Unit.Level.COMMUNE):
            ids[era, level] = dict(Unit.objects.filter(era=era, level=level).values_list("code", "pk"))
    links = []
    for old_code, new_code, partial, level in pairs:
        old_id = ids[Unit.Era.PRE_2025, level].get(old_code)
        new_id = ids[Unit.Era.POST_2025, level].get(new_code)
        if old_id is None or new_id is None:
            report.missing.append(old_code if old_id is None else new_code)
            continue
        links.append(UnitSuccession(old_id=old_id, new_id=new_id, partial=partial))
    UnitSuccession.objects.bulk_create(
        links, batch_size=2000, update_conflicts=True, unique_fields=["old", "new"], update_fields=["partial"]
    )
    report.links = len(links)
    return report
