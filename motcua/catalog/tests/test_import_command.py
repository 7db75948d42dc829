"""`motcua catalog import` on the real crawl of the national portal: every record, the coverage target, idempotence,
drafts that wait to be published on purpose."""

import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q

from motcua.catalog.importer import pending_drafts
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument

pytestmark = pytest.mark.django_db


def first_lines(shared_data, tmp_path, count=3):
    source = shared_data / "tthc-national-portal" / "procedures.jsonl"
    with open(source, encoding="utf-8") as f:
        lines = [next(f).rstrip("\n") for _ in range(count)]
    return lines, tmp_path / "some.jsonl"


def test_real_catalogue_imports_every_record_and_meets_the_coverage_target(shared_data, capsys):
    path = shared_data / "tthc-national-portal" / "procedures.jsonl"
    call_command("catalog", "import", str(path), "--publish", "--no-progress")
    out = capsys.readouterr().out
    assert "2642 thủ tục: 2642 mới" in out
    assert Procedure.objects.filter(is_published=True).count() == 2642
    assert not pending_drafts().exists()

    with_unit = Channel.objects.filter(version__status="published").exclude(amount=None).exclude(unit="")
    rows = Channel.objects.filter(version__status="published")
    # every row whose source states a number with its unit got parsed; rows that lost the unit are never guessed
    assert with_unit.count() >= 0.95 * 5882
    assert "thời hạn đọc được 5882/5882" in out
    assert "dòng nguồn mất đơn vị (không đoán)" in out and "channel_unit_missing" in out
    assert not rows.filter(amount__isnull=False, unit="").exists(), "a number without its unit is never stored"
    birth = Procedure.objects.get(code="1.001193").current
    assert birth.name == "Thủ tục đăng ký khai sinh" and birth.field.name == "Hộ tịch"
    assert ",commune," in birth.levels and birth.results[0]["code"] == "KQ.G15.000031"

    # the whole catalogue's document lines, by kind; notes are not documents and stay out of the checklist
    counts = re.search(
        r"Thành phần hồ sơ: (\d+) dòng: (\d+) bắt buộc, (\d+) có điều kiện, (\d+) nếu có; "
        r"(\d+) dòng là ghi chú",
        out,
    )
    total, required, conditional, optional, notes = map(int, counts.groups())
    assert total == required + conditional + optional + notes == 14430
    assert conditional > required > optional and notes > 0
    stored = RequiredDocument.objects.filter(version__status="published")
    assert stored.count() == required + conditional + optional
    assert stored.exclude(condition="").count() >= conditional
    assert stored.filter(is_required=False).count() == optional
    no_time = int(re.search(r"(\d+) phiên bản mới không có thời hạn giải quyết", out).group(1))
    timed = (
        ProcedureVersion.objects.filter(
            Q(channels__unit="within_day") | Q(channels__amount__isnull=False) & ~Q(channels__unit="")
        )
        .distinct()
        .count()
    )
    assert no_time == 2642 - timed > 0
    assert f"Trong số phiên bản vừa công bố, {no_time} phiên bản không có thời hạn" in out

    call_command("catalog", "import", str(path), "--no-progress")
    assert "0 mới, 0 thay đổi, 2642 không đổi" in capsys.readouterr().out
    assert ProcedureVersion.objects.count() == 2642


def test_an_import_makes_drafts_and_publishes_only_on_purpose(tmp_path, shared_data, capsys):
    lines, path = first_lines(shared_data, tmp_path)
    path.write_text("\n".join(lines), encoding="utf-8")
    call_command("catalog", "import", str(path), "--no-progress")
    out = capsys.readouterr().out
    assert "3 thủ tục: 3 mới, 0 thay đổi, 0 không đổi" in out and "Đang chờ công bố: 3 phiên bản dự thảo" in out
    assert not Procedure.objects.filter(is_published=True).exists()
    assert ProcedureVersion.objects.filter(status="draft").count() == 3

    # a changed page replaces the pending draft of the earlier import instead of piling up
    path.write_text("\n".join(lines).replace('"Cấp bộ"', '"Cấp tỉnh"', 1), encoding="utf-8")
    call_command("catalog", "import", str(path), "--no-progress")
    out = capsys.readouterr().out
    assert "0 mới, 1 thay đổi, 2 không đổi" in out and "thay 1 dự thảo của lần nhập trước" in out
    assert ProcedureVersion.objects.count() == 3 and pending_drafts().count() == 3

    # --publish publishes what the import made, also a draft an earlier import left waiting
    call_command("catalog", "import", str(path), "--publish", "--no-progress")
    out = capsys.readouterr().out
    assert "0 mới, 0 thay đổi, 3 không đổi" in out and "Đã công bố 3 phiên bản" in out
    assert Procedure.objects.filter(is_published=True).count() == 3 and not pending_drafts().exists()

    # a later change is a draft beside the published version, which stays current
    path.write_text("\n".join(lines).replace('"Cấp bộ"', '"Cấp xã"', 1), encoding="utf-8")
    call_command("catalog", "import", str(path), "--no-progress")
    assert "0 mới, 1 thay đổi, 2 không đổi" in capsys.readouterr().out
    changed = Procedure.objects.filter(versions__number=2).get()
    assert changed.current.number == 1 and changed.versions.get(number=2).status == "draft"
    report = changed.versions.get(number=2).import_report
    assert report["base"] == {"number": 1, "curated": False}
    assert report["documents"] == {"added": [], "removed": [], "changed": []} and report["time"] == []

    call_command("catalog", "import", str(path), "--publish", "--no-progress")
    changed.refresh_from_db()
    assert changed.current.number == 2 and changed.versions.get(number=1).status == "retired"


@pytest.mark.parametrize(
    "content, message",
    [
        ("day khong phai json\n", "không phải JSON hợp lệ"),
        ('{"a": 1}\n', "thiếu trường ma_thu_tuc"),
    ],
)
def test_wrong_file_gets_a_vietnamese_error_and_imports_nothing(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("catalog", "import", str(path), "--no-progress")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("catalog", "import", str(tmp_path / "none.jsonl"), "--no-progress")
    assert Procedure.objects.count() == 0


def test_cli_error_is_one_line_without_traceback(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("<html>not json</html>\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "motcua.cli", "catalog", "import", str(path), "--no-progress"],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "JSON" in run.stderr
