"""`motcua catalog import` on the real crawl of the national portal: every record, the coverage target, idempotence."""
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalog.models import Channel, Procedure, ProcedureVersion

pytestmark = pytest.mark.django_db


def test_real_catalogue_imports_every_record_and_meets_the_coverage_target(shared_data, capsys):
    path = shared_data / "tthc-national-portal" / "procedures.jsonl"
    call_command("catalog", "import", str(path), "--no-progress")
    out = capsys.readouterr().out
    assert "2642 thủ tục: 2642 mới" in out
    assert Procedure.objects.filter(is_published=True).count() == 2642

    with_unit = Channel.objects.filter(version__status="published").exclude(amount=None).exclude(unit="")
    rows = Channel.objects.filter(version__status="published")
    # every row whose source states a number with its unit got parsed; rows that lost the unit are never guessed
    assert with_unit.count() >= 0.95 * 5882
    assert "thời hạn đọc được 5882/5882" in out
    assert "dòng nguồn mất đơn vị (không đoán)" in out and "channel_unit_missing" in out
    assert not rows.filter(amount__isnull=False, unit="").exists(), "a number without its unit is never stored"
    birth = Procedure.objects.get(code="1.001193").current
    assert birth.name == "Thủ tục đăng ký khai sinh" and "Hộ tịch" == birth.field.name
    assert ",commune," in birth.levels and birth.results[0]["code"] == "KQ.G15.000031"

    call_command("catalog", "import", str(path), "--no-progress")
    assert "0 mới, 0 cập nhật, 2642 không đổi" in capsys.readouterr().out
    assert ProcedureVersion.objects.count() == 2642


def test_changed_record_publishes_a_new_version(tmp_path, shared_data, capsys):
    source = shared_data / "tthc-national-portal" / "procedures.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:3]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    call_command("catalog", "import", str(path), "--no-progress")
    path.write_text("\n".join(lines).replace('"Cấp bộ"', '"Cấp tỉnh"', 1), encoding="utf-8")
    call_command("catalog", "import", str(path), "--no-progress")
    assert "0 mới, 1 cập nhật, 2 không đổi" in capsys.readouterr().out
    changed = Procedure.objects.filter(versions__number=2).get()
    assert changed.current.number == 2 and changed.versions.get(number=1).status == "retired"


@pytest.mark.parametrize("content, message", [
    ("day khong phai json\n", "không phải JSON hợp lệ"),
    ('{"a": 1}\n', "thiếu trường ma_thu_tuc"),
])
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
    run = subprocess.run([sys.executable, "-m", "motcua.cli", "catalog", "import", str(path), "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert "JSON" in run.stderr
