"""The national portal's published 766 scores: `motcua indicators official import|check` on fixtures in its format."""

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import motcua.indicators
from motcua.agencies.models import Agency
from motcua.indicators import official, official_check
from motcua.indicators.models import OfficialRecord

FIXTURES = Path(__file__).parent / "fixtures"
MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")
CODES = ["H44", "H44.03", "H44.15", "H44.100", "H44.121", "H44.147"]


def run(*args) -> str:
    out = StringIO()
    call_command("indicators", *map(str, args), stdout=out)
    return out.getvalue()


def fixture(name: str) -> Path:
    return FIXTURES / name


def edited(tmp_path, name: str, change) -> Path:
    """A copy of a fixture with one change made to its parsed JSON."""
    body = json.loads(fixture(name).read_text(encoding="utf-8"))
    change(body["data"])
    path = tmp_path / name
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, group",
    [
        ("progress.json", "progress"),
        ("payment.json", "payment"),
        ("online.json", "online"),
        ("digitisation.json", "digitisation"),
        ("satisfaction.json", "satisfaction"),
        ("transparency.json", "transparency"),
    ],
)
def test_the_group_is_recognised_from_the_records(name, group):
    assert official.read_response(fixture(name)).group == group


@pytest.mark.django_db
def test_import_keeps_every_record_as_published(capsys):
    out = run("official", "import", fixture("progress.json"), *MARCH)
    assert "progress.json: nhóm Tiến độ giải quyết, kỳ 01/03/2026–31/03/2026: 6 bản ghi (6 mới, 0 cập nhật)" in out
    records = {r.department_code: r for r in OfficialRecord.objects.filter(group="progress")}
    assert sorted(records) == sorted(CODES)
    root = records["H44"]
    assert root.is_root and root.department_name == "UBND tỉnh Phú Thọ"
    assert (root.score, root.max_score, root.ratio) == (Decimal("16.5"), Decimal(20), Decimal("82.5"))
    assert (root.period_start, root.period_end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    unit = records["H44.03"]
    assert not unit.is_root and unit.score == Decimal("18.42") and unit.source_name == "progress.json"
    assert unit.payload["totalOnTime"] == 221 and unit.payload["level"] == "PROVINCE"
    assert records["H44.147"].payload["totalReceived"] is None and records["H44.147"].score == Decimal("14.26")


@pytest.mark.django_db
def test_reimport_updates_in_place(tmp_path):
    run("official", "import", fixture("payment.json"), *MARCH)
    out = run("official", "import", fixture("payment.json"), *MARCH)
    assert "6 bản ghi (0 mới, 6 cập nhật)" in out
    assert OfficialRecord.objects.count() == 6

    def republish(data):
        data["children"][1]["totalScore"] = 7.5

    run("official", "import", edited(tmp_path, "payment.json", republish), *MARCH)
    assert OfficialRecord.objects.count() == 6
    assert OfficialRecord.objects.get(department_code="H44.15").score == Decimal("7.5")
    # another period is another record
    run("official", "import", fixture("payment.json"), "--from", "2026-04-01", "--to", "2026-04-30")
    assert OfficialRecord.objects.count() == 12


@pytest.mark.django_db
def test_the_agency_is_matched_by_its_code():
    justice = Agency.objects.create(code="H44.15", name="Sở Tư pháp", level="department")
    out = run("official", "import", fixture("progress.json"), *MARCH)
    assert "1 đơn vị khớp cơ quan trong motcua, chưa khớp: H44, H44.03, H44.100, H44.121, H44.147." in out
    assert OfficialRecord.objects.get(department_code="H44.15").agency == justice
    assert OfficialRecord.objects.get(department_code="H44.03").agency is None


@pytest.mark.django_db
def test_records_without_a_code_take_the_code_of_their_department_id_from_another_group():
    with pytest.raises(CommandError, match=r"6 bản ghi không có departmentCode .* Hãy nhập trước"):
        run("official", "import", fixture("satisfaction.json"), *MARCH)
    assert not OfficialRecord.objects.exists()

    run(
        "official",
        "import",
        fixture("digitisation.json"),
        fixture("satisfaction.json"),
        fixture("transparency.json"),
        *MARCH,
    )
    for group in ("satisfaction", "transparency"):
        records = {r.department_code: r for r in OfficialRecord.objects.filter(group=group)}
        assert sorted(records) == sorted(CODES)
        assert records["H44.15"].department_name == "Sở Tư pháp tỉnh Phú Thọ"
    assert OfficialRecord.objects.get(group="satisfaction", department_code="H44.15").score == Decimal("13.73")


@pytest.mark.django_db
def test_a_failed_import_keeps_what_was_saved(tmp_path):
    run("official", "import", fixture("progress.json"), *MARCH)
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"code": "OK", "data": {"parent": {"departmentCode": "H44", "totalScore": "mười"}}}', encoding="utf-8"
    )
    with pytest.raises(CommandError, match=r"data.parent.totalScore không phải số: 'mười'"):
        run("official", "import", fixture("payment.json"), broken, "--group", "payment", *MARCH)
    # the payment file of the same command is rolled back with it; the earlier import is untouched
    assert set(OfficialRecord.objects.values_list("group", flat=True)) == {"progress"}
    assert OfficialRecord.objects.get(department_code="H44").score == Decimal("16.5")


@pytest.mark.parametrize(
    "name, line",
    [
        (
            "progress.json",
            "Tiến độ giải quyết: khớp 5/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), chênh lệch lớn nhất 0,0047",
        ),
        (
            "payment.json",
            "Thanh toán trực tuyến: khớp 5/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), "
            "chênh lệch lớn nhất 0,0050",
        ),
        (
            "online.json",
            "Dịch vụ công trực tuyến: khớp 2/2 bản ghi, bỏ qua 4 (không công bố tử số, mẫu số), "
            "chênh lệch lớn nhất 0,0000",
        ),
        (
            "digitisation.json",
            "Số hóa hồ sơ: khớp 5/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), chênh lệch lớn nhất 0,0044",
        ),
        (
            "satisfaction.json",
            "Mức độ hài lòng: khớp 5/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), chênh lệch lớn nhất 0,0033",
        ),
        (
            "transparency.json",
            "Công khai, minh bạch: khớp 5/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), "
            "chênh lệch lớn nhất 0,0027",
        ),
    ],
)
def test_check_recomputes_every_published_score_of_the_good_fixtures(name, line):
    out = run("official", "check", fixture(name))
    assert out == f"{name} – {line}\n"


def test_check_names_the_record_that_does_not_match():
    with pytest.raises(CommandError, match="1 bản ghi có tử số, mẫu số nhưng điểm công bố không khớp") as error:
        call_command("indicators", "official", "check", str(fixture("progress-bad.json")), stdout=(out := StringIO()))
    assert error.value.returncode == 1
    assert out.getvalue().splitlines() == [
        "progress-bad.json – Tiến độ giải quyết: khớp 4/5 bản ghi, bỏ qua 1 (không công bố tử số, mẫu số), "
        "chênh lệch lớn nhất 1,6000",
        "  không khớp: H44.15 Sở Tư pháp tỉnh Phú Thọ – điểm: công bố 17,60, tính lại 16,0000 (chênh 1,6000)",
    ]


def test_the_console_script_exits_1_on_a_mismatch_and_0_otherwise(tmp_path):
    motcua = Path(sys.executable).parent / "motcua"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}  # check reads no database
    bad = subprocess.run(
        [motcua, "indicators", "official", "check", fixture("progress-bad.json")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 1 and "không khớp: H44.15" in bad.stdout and "Traceback" not in bad.stderr
    good = subprocess.run(
        [motcua, "indicators", "official", "check", fixture("progress.json"), fixture("digitisation.json")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert good.returncode == 0 and good.stdout.count("khớp 5/5") == 2


def test_a_wrong_metric_and_a_wrong_group_total_are_each_named(tmp_path):
    def wrong_metric(data):
        data["evaluation"][0]["metrics"][1]["score"] = 2.5  # H44.03 SO_HOA: 4 × 210/240 = 3.5
        data["evaluation"][0]["totalScore"] = 15.4  # consistent with the wrong metric
        data["evaluation"][1]["totalScore"] = 9.62  # H44.15: the metrics sum to 9.26

    result = official_check.check_file(edited(tmp_path, "digitisation.json", wrong_metric))
    assert (result.matched, result.checked) == (3, 5)
    assert [(c.department, c.item, c.published) for c in result.mismatches] == [
        ("H44.03 Ban Quản lý các khu công nghiệp tỉnh Phú Thọ", "SO_HOA_GIAY_TO_GIAI_QUYET", Decimal("2.5")),
        ("H44.03 Ban Quản lý các khu công nghiệp tỉnh Phú Thọ", "tổng điểm nhóm", Decimal("15.4")),
        ("H44.15 Sở Tư pháp tỉnh Phú Thọ", "tổng điểm nhóm", Decimal("9.62")),
    ]
    assert result.mismatches[2].recomputed == Decimal("9.26")


def test_a_score_published_for_a_metric_with_nothing_under_it_does_not_match(tmp_path):
    def scored_without_dossiers(data):
        data["evaluation"][3]["metrics"][0]["score"] = 0  # H44.121 has 0 dossiers: the portal gives null

    result = official_check.check_file(edited(tmp_path, "digitisation.json", scored_without_dossiers))
    [mismatch] = result.mismatches
    assert (mismatch.item, mismatch.published, mismatch.recomputed) == ("ORIGINAL_RESULT_AVAILABLE", 0, None)


def test_records_without_a_code_are_named_by_their_department_in_the_check(tmp_path):
    def wrong(data):
        data["evaluation"][1]["metrics"][2]["score"] = 4.2  # H44.15 PAKN on time: 6 × 4/5 = 4.8
        data["evaluation"][1]["totalScore"] = 13.13

    with pytest.raises(CommandError):
        call_command(
            "indicators",
            "official",
            "check",
            str(edited(tmp_path, "satisfaction.json", wrong)),
            stdout=(out := StringIO()),
        )
    assert (
        "  không khớp: Sở Tư pháp tỉnh Phú Thọ – PETITION_PROCESSING_ON_TIME: công bố 4,20, tính lại 4,8000"
        in out.getvalue()
    )


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe kh\xf4ng ph\xe3i utf-8", "không phải văn bản UTF-8"),
        ('{"code": "OK", "data": ', r"không phải JSON hợp lệ \(dòng 1, cột 24\)"),
        (b"[1, 2]", "không có dạng phản hồi của API báo cáo 766"),
        ('{"code": "OK", "data": []}', "không có dạng phản hồi của API báo cáo 766"),
        (
            '{"code": "ERR_AUTH", "message": "Phiên đăng nhập hết hạn", "data": null}',
            "phản hồi lỗi của Cổng DVCQG: mã 'ERR_AUTH', Phiên đăng nhập hết hạn",
        ),
        ('{"code": "OK", "data": {}}', "không có bản ghi nào"),
        ('{"code": "OK", "data": {"parent": [1]}}', "data.parent phải là một bản ghi"),
        ('{"code": "OK", "data": {"children": {"a": 1}}}', "data.children phải là danh sách"),
        (
            '{"code": "OK", "data": {"children": [{"departmentName": "X", "totalOnTime": 1}]}}',
            r"data.children\[0\] thiếu cả departmentCode lẫn departmentId",
        ),
        ('{"code": "OK", "data": {"overview": {"departmentId": "x", "metrics": 5}}}', "metrics phải là danh sách"),
        (
            '{"code": "OK", "data": {"overview": {"departmentId": "x", "metrics": [{"code": ["a"]}]}}}',
            "metrics phải là danh sách chỉ tiêu",
        ),
        (
            '{"code": "OK", "data": {"parent": {"departmentCode": "H44", "totalScore": 1}}}',
            "Không nhận ra nhóm chỉ số .* hãy chỉ rõ bằng --group",
        ),
        (
            '{"code": "OK", "data": {"parent": {"departmentCode": "H44", "totalOnTime": 1, "authorityCount": 2}}}',
            "lẫn bản ghi của nhiều nhóm chỉ số",
        ),
    ],
)
@pytest.mark.django_db
def test_an_unreadable_or_ill_shaped_file_gets_a_vietnamese_error(tmp_path, content, message):
    path = tmp_path / "response.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for action in (["check", path], ["import", path, *MARCH]):
        with pytest.raises(CommandError, match=message):
            run("official", *action)
    assert not OfficialRecord.objects.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["official", "import", "progress.json", "--from", "2026-03-01"], "Thiếu --to"),
        (
            ["official", "import", "progress.json", "--from", "1/3/2026", "--to", "2026-03-31"],
            "Ngày không hợp lệ ở --from: '1/3/2026'",
        ),
        (
            ["official", "import", "progress.json", "--from", "2026-03-31", "--to", "2026-03-01"],
            "--to 01/03/2026 trước --from 31/03/2026",
        ),
        (["official", "import", "progress.json", *MARCH, "--group", "speed"], "Nhóm chỉ số không hợp lệ: 'speed'"),
        (
            ["official", "check", "progress.json", "--group", "payment"],
            "có dạng nhóm progress, không phải nhóm payment",
        ),
        (["official", "check", "missing.json"], "Không tìm thấy tệp"),
        (["official", "check"], "Thiếu tệp JSON"),
        (["official", "export", "progress.json"], "Lệnh không hợp lệ"),
        ([], "Lệnh không hợp lệ"),
    ],
)
@pytest.mark.django_db
def test_wrong_arguments_get_a_vietnamese_error(args, message):
    args = [str(fixture(a)) if a.endswith(".json") else a for a in args]
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_the_group_is_given_when_the_records_do_not_show_it(tmp_path):
    def units_only(data):
        del data["parent"]  # the units of the online-services API publish only their scores
        del data["children"][3]

    path = edited(tmp_path, "online.json", units_only)
    with pytest.raises(official.OfficialFormatError, match="hãy chỉ rõ bằng --group"):
        official.read_response(path)
    result = official_check.check_file(path, "online")
    assert (result.group, result.records, result.checked) == ("online", 4, 0)


@pytest.fixture
def fake_recompute(monkeypatch):
    calls = []

    class Recompute:
        code = 0

        @staticmethod
        def run(stdout, check):
            calls.append(check)
            stdout.write("đã chạy")
            return Recompute.code

    monkeypatch.setitem(sys.modules, "motcua.indicators.recompute", Recompute)
    monkeypatch.setattr(motcua.indicators, "recompute", Recompute, raising=False)
    Recompute.calls = calls
    return Recompute


def test_recompute_passes_check_and_exits_with_the_code_of_the_run(fake_recompute):
    assert "đã chạy" in run("recompute")
    assert "đã chạy" in run("recompute", "--check")
    fake_recompute.code = 3
    with pytest.raises(CommandError) as error:
        run("recompute", "--check")
    assert error.value.returncode == 3
    assert fake_recompute.calls == [False, True, True]


def test_recompute_says_so_when_it_is_not_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, "motcua.indicators.recompute", None)
    monkeypatch.delattr(motcua.indicators, "recompute", raising=False)
    with pytest.raises(CommandError, match="Chức năng tính lại số liệu chưa có"):
        run("recompute")
