"""Importing the national catalogue over the demo never overwrites a curated version (issue 10, item 7)."""

import json

import pytest
from django.core.management import call_command

from motcua.catalog.conditions import NOTES_HEADING
from motcua.catalog.models import ProcedureVersion
from motcua.demo.load import load

pytestmark = pytest.mark.django_db

BIRTH = "1.001193"


@pytest.fixture
def birth_page(shared_data, tmp_path):
    """The national portal's page for birth registration, alone in a file."""
    path = tmp_path / "birth.jsonl"
    with open(shared_data / "tthc-national-portal" / "procedures.jsonl", encoding="utf-8") as f:
        path.write_text(next(line for line in f if json.loads(line)["ma_thu_tuc"] == BIRTH), encoding="utf-8")
    return path


def test_import_over_the_demo_keeps_the_curated_version_and_reports_a_draft(birth_page, capsys):
    load()
    curated = ProcedureVersion.objects.get(procedure__code=BIRTH, status="published")
    assert curated.form_schema and curated.takes_dossiers

    call_command("catalog", "import", str(birth_page), "--no-progress")
    out = capsys.readouterr().out
    assert "0 mới, 1 thay đổi, 0 không đổi" in out and "phiên bản đang áp dụng giữ nguyên" in out
    # the page lost the unit of "1" (ngày): the curated "Trong ngày" is kept, so the draft still takes dossiers
    assert "không có thời hạn giải quyết" not in out
    current = ProcedureVersion.objects.get(procedure__code=BIRTH, status="published")
    assert current == curated and current.procedure.current_id == curated.pk
    assert current.form_schema and current.takes_dossiers, "the curated deadline and e-form are still in force"

    draft = ProcedureVersion.objects.get(procedure__code=BIRTH, status="draft")
    report = draft.import_report
    assert report["base"] == {"number": curated.number, "curated": True}
    added = {line["name"] for line in report["documents"]["added"]}
    removed = {line["name"] for line in report["documents"]["removed"]}
    assert any(name.startswith("- Trường hợp trẻ em bị bỏ rơi") for name in added)
    assert "Tờ khai đăng ký khai sinh theo mẫu" in removed
    conditional = [line for line in report["documents"]["added"] if line["condition"]]
    assert any("trẻ em bị bỏ rơi" in line["condition"] for line in conditional)
    assert {t["channel"]: (t["source"], t["kept"]) for t in report["time_kept"]}["Trực tiếp"] == ("1", "Trong ngày")
    assert "Trực tiếp" not in {t["channel"] for t in report["time"]}
    assert report["fees"] and report["states_time_limit"]
    # what the page cannot know comes from the curated version
    assert draft.form_schema == curated.form_schema and draft.online_level == curated.online_level == "full"
    assert set(report["inherited"]) >= {"form_schema", "online_level"}
    # the page's 33 lines hold notes ("* Lưu ý: …"): they are not documents to receive
    assert report["notes"] > 0 and draft.documents.count() == 33 - report["notes"]
    assert NOTES_HEADING in draft.conditions and not draft.documents.filter(group__startswith="* Lưu ý").exists()

    # importing the same page again changes nothing
    call_command("catalog", "import", str(birth_page), "--no-progress")
    assert "0 mới, 0 thay đổi, 1 không đổi" in capsys.readouterr().out
    assert ProcedureVersion.objects.filter(procedure__code=BIRTH).count() == 2

    # loading the demo again does not touch the waiting draft nor the current version
    load()
    assert ProcedureVersion.objects.filter(procedure__code=BIRTH).count() == 2

    # --publish publishes on purpose: the imported version is current, the curated one retired
    call_command("catalog", "import", str(birth_page), "--publish", "--no-progress")
    draft.refresh_from_db()
    curated.refresh_from_db()
    assert draft.status == "published" and curated.status == "retired"
    assert draft.procedure.current_id == draft.pk and draft.form_schema == curated.form_schema
    assert draft.takes_dossiers, "published on purpose, with the time the source lost kept from the curated version"


def test_demo_lines_carry_conditions():
    load()
    birth = ProcedureVersion.objects.get(procedure__code=BIRTH, status="published")
    lines = {line.name: line for line in birth.documents.all()}
    proxy = next(line for name, line in lines.items() if name.startswith("Văn bản ủy quyền"))
    assert proxy.condition == "khi ủy quyền đăng ký khai sinh" and proxy.is_required  # needed in its case
    declaration = lines["Tờ khai đăng ký khai sinh theo mẫu"]
    assert declaration.condition == "" and declaration.declaration  # the e-form replaces it online
    conditional = ProcedureVersion.objects.filter(status="published", documents__condition__gt="").distinct()
    assert conditional.count() >= 20


def test_an_import_draft_marks_the_same_declaration_line(shared_data, tmp_path):
    """The curated e-form replaces the tờ khai; the imported list's own tờ khai line carries the mark on."""
    load()
    source = shared_data / "tthc-national-portal" / "procedures.jsonl"
    record = next(line for line in source.open(encoding="utf-8") if json.loads(line)["ma_thu_tuc"] == BIRTH)
    page = tmp_path / "birth.jsonl"
    page.write_text(record, encoding="utf-8")
    call_command("catalog", "import", str(page), "--no-progress")
    draft = ProcedureVersion.objects.get(procedure__code=BIRTH, status="draft")
    marked = list(draft.documents.filter(declaration=True))
    assert len(marked) == 1 and marked[0].name.lstrip("- ").lower().startswith("tờ khai")
