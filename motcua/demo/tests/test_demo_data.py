"""The demo's procedures are files in the national portal crawl's format plus a side file, loaded through the
catalogue's importer (issue 13, item 4): they parse without a problem, no document name is cut short, and loading
them twice changes nothing."""

import json
import re

import pytest
from django.core.management import call_command

from motcua.catalog import portal_format
from motcua.catalog.additions import read_additions
from motcua.catalog.importer import IMPORT_MARK
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.demo.load import ADDITIONS, PROCEDURES, load

RECORDS = [json.loads(line) for line in PROCEDURES.read_text(encoding="utf-8").splitlines() if line.strip()]
PARSED = [portal_format.parse_record(record) for record in RECORDS]
# A name longer than this is a sentence (or several) and ends like one; the old demo cut names at 200 characters.
LONG = 150
FINAL = (".", ";", ")", "”", "!", "?")
# Words a Vietnamese name cannot end on: the sentence goes on after them.
CONTINUES = set(
    "của và hoặc các những một theo tại trong được có cho với để là thì mà khi nếu đã bằng từ về do "
    "gồm như sau đây".split()
)


def cut_short(name: str) -> str:
    """Why `name` reads as cut short, or "" when it is whole."""
    if name.count("(") != name.count(")"):
        return "brackets left open"
    if name.rstrip()[-1:] in (",", ":", "-", "/", "(", "–"):
        return f"ends with “{name.rstrip()[-1]}”"
    last = re.search(r"(\w+)\W*$", name)
    if not name.rstrip(". ;").endswith(")") and last and last.group(1).lower() in CONTINUES:
        return f"ends with “{last.group(1)}”"
    if len(name) > LONG and not name.endswith(FINAL):
        return f"{len(name)} characters without a final stop"
    return ""


def _bare(name: str) -> str:
    return " ".join(name.split()).lstrip("-+*• ").strip()


def test_the_demo_files_parse_without_a_problem_and_match_each_other():
    assert len(RECORDS) == 37 and len({p.code for p in PARSED}) == 37
    for parsed in PARSED:
        assert parsed.problems == [], parsed.code
        assert parsed.channels and all(row.unit for row in parsed.channels), parsed.code  # a time the engine counts
        assert parsed.documents and parsed.results and parsed.legal_basis, parsed.code
    additions = read_additions(ADDITIONS)
    assert set(additions) == {p.code for p in PARSED}
    assert all(entry["agencies"] and entry["online_level"] for entry in additions.values())


def test_no_document_name_is_cut_short():
    names = [(p.code, doc.name) for p in PARSED for doc in p.documents]
    assert len(names) == 152
    assert [(code, name[-60:], cut_short(name)) for code, name in names if cut_short(name)] == []
    # the rule finds what the old demo did: names cut at 200 characters, mid-word or mid-sentence
    assert cut_short(
        "Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp. Trường hợp người yêu "
        "cầu đã nộp bản điện tử Giấy báo tử hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện "
        "tử có ký s"
    )
    assert (
        cut_short(
            "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các "
            "giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng "
            "(sau đây"
        )
        == "brackets left open"
    )
    assert (
        cut_short(
            "Giấy tờ về việc xếp hạng di tích lịch sử - văn hóa, danh lam thắng cảnh hoặc danh mục kiểm kê di "
            "tích theo quy định của pháp luật về di sản văn hoá của Uỷ ban nhân dân cấp tỉnh đối với trường "
            "hợp cấp"
        )
        == "199 characters without a final stop"
    )
    assert not cut_short("Tờ khai đăng ký khai sinh theo mẫu") and not cut_short("Giấy tờ, tài liệu khác (nếu có).")


def test_no_document_name_stops_inside_a_word_of_its_portal_counterpart(shared_data):
    """Where the national portal's page has the same line, the demo's name is that line or stops at a word's end
    (the demo may shorten a line to a whole phrase, never cut it mid-word; the page's own "….1.MuCT01…" after a
    final stop is a form's file name glued on by the crawl, which the demo leaves out)."""
    codes = {p.code for p in PARSED}
    portal = {}
    with open(shared_data / "tthc-national-portal" / "procedures.jsonl", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["ma_thu_tuc"] in codes:
                portal[record["ma_thu_tuc"]] = [_bare(d.name) for d in portal_format.parse_record(record).documents]
    cut, matched = [], 0
    for parsed in PARSED:
        for doc in parsed.documents:
            name = _bare(doc.name)
            longer = [line for line in portal[parsed.code] if line.startswith(name) and line != name]
            matched += bool(longer) or name in portal[parsed.code]
            if name[-1].isalnum() and any(line[len(name)].isalnum() for line in longer):  # stops inside a word
                cut.append((parsed.code, name[-60:]))
    assert cut == [] and matched > 100


@pytest.mark.django_db
def test_the_demo_loads_through_the_importer_and_a_second_load_changes_nothing(capsys):
    first = load()
    assert first == {"agencies": 14, "procedures": 37, "published": 37}
    versions = ProcedureVersion.objects.filter(status="published")
    assert versions.count() == 37 and all(IMPORT_MARK in v.import_report for v in versions)
    birth = Procedure.objects.get(code="1.001193").current
    assert birth.online_level == "full" and birth.form_schema["properties"]["so_ban_sao"]["type"] == "integer"
    assert {fee.get("per") for channel in birth.channels.all() for fee in channel.fees} == {None, "so_ban_sao"}
    assert birth.documents.get(declaration=True).name == "Tờ khai đăng ký khai sinh theo mẫu"
    assert birth.procedure.agencies.count() == 5
    copy = Procedure.objects.get(code="2.000815").current
    assert copy.form_schema and not copy.documents.filter(declaration=True).exists()
    assert Procedure.objects.get(code="3.000333").agencies.get().code == "000.00.10.H44"

    assert load() == {**first, "published": 0}
    assert ProcedureVersion.objects.count() == 37
    # the same files through the command a province uses: nothing new either
    call_command("catalog", "import", str(PROCEDURES), "--publish", "--with", str(ADDITIONS), "--no-progress")
    assert "37 thủ tục: 0 mới, 0 thay đổi, 37 không đổi" in capsys.readouterr().out
    assert ProcedureVersion.objects.count() == 37
