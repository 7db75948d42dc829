import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.agencies.models import Unit, UnitSuccession
from motcua.agencies.units_import import UnitsFormatError, import_path

pytestmark = pytest.mark.django_db


def test_real_units_and_mapping_import_with_successors(shared_data):
    folder = shared_data
    import_path(folder / "vietnamese-provinces-database")
    assert Unit.objects.filter(era="post2025", level="province").count() == 34
    assert Unit.objects.filter(era="post2025", level="commune").count() == 3321
    assert Unit.objects.filter(era="pre2025", level="province").count() == 63
    assert Unit.objects.filter(era="pre2025", level="district").count() == 696
    assert Unit.objects.filter(era="pre2025", level="commune").count() == 10035

    import_path(folder / "dvhcvn-20250701" / "merges.json")
    # Vĩnh Phúc (26) + Hòa Bình (17) + Phú Thọ (25) → Phú Thọ (25): the old provinces point to the new one.
    new_phu_tho = Unit.objects.get(era="post2025", level="province", code="25")
    old_codes = set(new_phu_tho.predecessors.values_list("code", flat=True))
    assert {"17", "25", "26"} <= old_codes
    ward = Unit.objects.get(era="post2025", level="commune", code="00004")  # Phường Ba Đình (new)
    partial = dict(UnitSuccession.objects.filter(new=ward).values_list("old__code", "partial"))
    assert partial["00004"] is False and partial["00016"] is True
    assert ward.valid_from.isoformat() == "2025-07-01"
    old = Unit.objects.get(era="pre2025", level="commune", code="00004")
    assert old.valid_to.isoformat() == "2025-06-30" and old.parent.level == "district"

    before = (Unit.objects.count(), UnitSuccession.objects.count())
    import_path(folder / "dvhcvn-20250701" / "merges.json")
    import_path(folder / "vietnamese-provinces-database" / "post-2025")
    assert (Unit.objects.count(), UnitSuccession.objects.count()) == before, "re-import must change nothing"


def test_splits_file_links_old_wards_to_new(shared_data, tmp_path):
    import_path(shared_data / "vietnamese-provinces-database")
    reports = import_path(shared_data / "dvhcvn-20250701" / "splits.json")
    assert reports[0].links > 10000
    old = Unit.objects.get(era="pre2025", level="commune", code="00001")  # Phường Phúc Xá
    assert list(old.successors.values_list("code", flat=True)) == ["00097"]


def test_not_a_units_file_is_refused_in_vietnamese(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"hello": 1}))
    with pytest.raises(UnitsFormatError, match="không đúng định dạng"):
        import_path(bad)
    broken = tmp_path / "y.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match="không phải JSON hợp lệ"):
        call_command("units", "import", str(broken))
    with pytest.raises(CommandError, match="không tìm thấy"):
        call_command("units", "import", str(tmp_path / "missing.json"))
    assert Unit.objects.count() == 0
