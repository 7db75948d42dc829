"""`motcua due`: the due moment of a procedure as one JSON object, with an agency's office hours when named."""

import datetime as dt
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from motcua.agencies.models import Agency
from motcua.workdays import services

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def fresh_cache():
    services.clear_cache()
    yield
    services.clear_cache()


def run_due(*args) -> dict:
    out = StringIO()
    call_command("due", *args, stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


@pytest.mark.django_db
def test_cli_prints_one_json_object():
    data = run_due("--received", "2026-02-13 10:00", "--working-days", "5")
    assert data["receipt"] == "2026-02-13T10:00:00+07:00"
    assert data["due"] == "2026-02-27T10:00:00+07:00"
    assert {"date": "2026-02-16", "reason": "Giao thừa Tết Nguyên Đán"} in data["skipped"]
    assert data["explanation"][-1] == "Hạn giải quyết: 10:00 thứ Sáu 27/02/2026."
    assert data["agency"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, expected",
    [
        (["--received", "2026-03-02 15:30", "--within-day"], "2026-03-03T17:00:00+07:00"),
        (["--received", "13/02/2026 10:00", "--hours", "4"], "2026-02-13T15:30:00+07:00"),
        (["--received", "2026-03-02 09:00", "--days", "5"], "2026-03-09T17:00:00+07:00"),
        (["--received", "2026-01-30 09:00", "--months", "1"], "2026-03-02T17:00:00+07:00"),
        (["--received", "2026-03-02 07:30", "--working-days", "0,5"], "2026-03-02T11:30:00+07:00"),
        (
            [
                "--received",
                "2026-03-02 09:00",
                "--working-days",
                "5",
                "--pause",
                "2026-03-04 10:00",
                "2026-03-09 14:00",
            ],
            "2026-03-12T11:30:00+07:00",
        ),
    ],
)
def test_cli_units_and_pauses(args, expected):
    assert run_due(*args)["due"] == expected


@pytest.mark.django_db
def test_cli_uses_the_agency_office_hours():
    Agency.objects.create(
        code="000.00.12.H62",
        name="Sở Tư pháp",
        level="department",
        morning_start=dt.time(8),
        morning_end=dt.time(12),
        afternoon_start=dt.time(13, 30),
        afternoon_end=dt.time(17, 30),
        cutoff=dt.time(16),
    )
    data = run_due("--received", "2026-03-02 15:30", "--working-days", "1", "--agency", "000.00.12.H62")
    assert data["due"] == "2026-03-03T15:30:00+07:00" and data["agency"] == "000.00.12.H62"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["--received", "2026-02-30 10:00", "--working-days", "5"], "không hợp lệ"),
        (["--received", "hôm qua", "--working-days", "5"], "không hợp lệ"),
        (["--working-days", "5"], "Thiếu --received"),
        (["--received", "2026-02-13 10:00"], "Thiếu thời hạn"),
        (["--received", "2026-02-13 10:00", "--working-days", "5", "--days", "3"], "Chỉ được chọn một thời hạn"),
        (["--received", "2026-02-13 10:00", "--working-days", "-1"], "không được âm"),
        (["--received", "2026-02-13 10:00", "--working-days", "năm"], "phải là một số"),
        (["--received", "2026-02-13 10:00", "--days", "1.5"], "số nguyên"),
        (["--received", "2026-02-13 10:00", "--days", "2", "--agency", "000.00.99.H99"], "Không tìm thấy cơ quan"),
        (
            ["--received", "2026-02-13 10:00", "--days", "2", "--pause", "2026-02-20 10:00", "2026-02-19 10:00"],
            "tạm dừng",
        ),
    ],
)
def test_cli_refuses_bad_input_in_vietnamese(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("due", *args, stdout=StringIO())


def test_cli_exits_non_zero_with_one_line_and_no_traceback():
    proc = subprocess.run(
        [sys.executable, "manage.py", "due", "--received", "2026-13-01", "--working-days", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "không hợp lệ" in proc.stderr
