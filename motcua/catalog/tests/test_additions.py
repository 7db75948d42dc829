"""The side file (`motcua catalog import FILE --with SIDE.json`): what the portal's format lacks, applied to the
versions an import makes, checked before anything is written, kept by a later import without it (docs/catalog.md)."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from motcua.catalog.additions import AdditionsError, read_additions
from motcua.catalog.importer import import_file, pending_drafts
from motcua.catalog.models import Procedure, ProcedureVersion

pytestmark = pytest.mark.django_db

CODE = "9.000001"
RECORD = {
    "ma_thu_tuc": CODE,
    "ten_thu_tuc": "Cấp bản sao trích lục",
    "cap_thuc_hien": "Cấp xã",
    "linh_vuc": "Hộ tịch",
    "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1 Ngày làm việcMiễn phí"
    "Trực tiếp1 Ngày làm việc8,000 Việt Nam Đồng(Phí : 8.000 đồng/bản)",
    "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai yêu cầu cấp bản sao trích lục theo mẫu"
    "1 bản chínhVăn bản ủy quyền trong trường hợp ủy quyền thực hiện yêu cầu.1 bản chính",
}
SCHEMA = {
    "type": "object",
    "title": "Tờ khai",
    "required": ["ho_ten"],
    "properties": {
        "ho_ten": {"type": "string", "title": "Họ tên"},
        "so_ban": {"type": "integer", "title": "Số bản sao", "minimum": 1},
    },
}
COPIES = {"kind": "phi", "amount": 8000, "text": "Phí cấp bản sao: 8.000 đồng/bản", "per": "so_ban"}
SIDE = {
    "agencies": ["000.00.31.H44"],
    "online_level": "full",
    "form_schema": SCHEMA,
    "declaration": "Tờ khai yêu cầu cấp bản sao trích lục theo mẫu",
    "fees": {"direct": [COPIES], "*": [{"kind": "other", "amount": 0, "text": "Miễn phí"}]},
}


def write(tmp_path, name, value) -> str:
    path = tmp_path / name
    path.write_text(
        json.dumps(value, ensure_ascii=False)
        if name.endswith(".json")
        else "\n".join(json.dumps(r, ensure_ascii=False) for r in value),
        encoding="utf-8",
    )
    return str(path)


@pytest.fixture
def agency():
    model = Procedure._meta.get_field("agencies").related_model
    return model.objects.create(code="000.00.31.H44", name="Ủy ban nhân dân phường Việt Trì", level="commune")


def current(code=CODE) -> ProcedureVersion:
    return Procedure.objects.get(code=code).current


def test_what_the_side_file_sets_is_on_the_published_version(tmp_path, agency):
    summary = import_file(write(tmp_path, "p.jsonl", [RECORD]), publish=True, additions={CODE: SIDE})
    version = current()
    assert summary.published == 1 and summary.with_additions == 1 and not summary.problems
    assert version.form_schema == SCHEMA and version.online_level == "full" == version.procedure.online_level
    fees = {channel.kind: channel.fees for channel in version.channels.all()}
    assert fees == {"online": [{"kind": "other", "amount": 0, "text": "Miễn phí"}], "direct": [COPIES]}
    assert [line.name for line in version.documents.filter(declaration=True)] == [SIDE["declaration"]]
    assert list(version.procedure.agencies.all()) == [agency]
    assert version.import_report["additions"] == ["declaration", "fees", "form_schema", "online_level"]


def test_the_same_files_again_change_nothing_and_a_changed_side_file_makes_a_version(tmp_path, agency):
    records = write(tmp_path, "p.jsonl", [RECORD])
    import_file(records, publish=True, additions={CODE: SIDE})
    again = import_file(records, publish=True, additions={CODE: SIDE})
    assert (again.unchanged, again.published, ProcedureVersion.objects.count()) == (1, 0, 1)
    # agencies are not versioned: a new list is set on the procedure without a new version
    import_file(records, publish=True, additions={CODE: {**SIDE, "agencies": []}})
    assert ProcedureVersion.objects.count() == 1 and not current().procedure.agencies.exists()
    changed = import_file(records, publish=True, additions={CODE: {**SIDE, "no_time_limit": True}})
    assert changed.updated == 1 and current().number == 2 and current().no_time_limit


def test_an_import_without_the_side_file_keeps_what_it_set_as_an_officials_choice(tmp_path, agency):
    records = write(tmp_path, "p.jsonl", [RECORD])
    import_file(records, publish=True, additions={CODE: SIDE})
    curated = current()
    summary = import_file(records)  # the portal's page alone: a draft, the curated version stays current
    draft = ProcedureVersion.objects.get(pk=summary.drafts[0])
    assert current() == curated and draft.status == "draft"
    assert draft.form_schema == SCHEMA and draft.online_level == "full"
    assert draft.import_report["base"] == {"number": 1, "curated": True}
    assert set(draft.import_report["inherited"]) == {"form_schema", "online_level"}
    assert "additions" not in draft.import_report
    # the e-form replaces the same tờ khai line; the fees are the page's again, and the report says so
    assert [line.name for line in draft.documents.filter(declaration=True)] == [SIDE["declaration"]]
    assert [fee["channel"] for fee in draft.import_report["fees"]] == ["Trực tiếp"]  # online: "Miễn phí" both
    # re-reading the curated files does not drop the draft the portal's page made
    import_file(records, publish=True, additions={CODE: SIDE})
    assert list(pending_drafts()) == [draft]


def test_a_declaration_line_the_list_does_not_have_is_reported(tmp_path, agency):
    side = {**SIDE, "declaration": "Tờ khai không có trong danh sách"}
    summary = import_file(write(tmp_path, "p.jsonl", [RECORD]), additions={CODE: side})
    assert summary.problems["additions_declaration_missing"] == 1
    draft = ProcedureVersion.objects.get()
    assert not draft.documents.filter(declaration=True).exists()
    assert draft.import_problems == ["additions_declaration_missing: Tờ khai không có trong danh sách"]


def test_an_unknown_agency_stops_the_import_before_anything_is_written(tmp_path):
    with pytest.raises(AdditionsError, match=r"000\.00\.31\.H44"):
        import_file(write(tmp_path, "p.jsonl", [RECORD]), additions={CODE: SIDE})
    assert not Procedure.objects.exists()


@pytest.mark.parametrize(
    "entry, fault",
    [
        ({"online": "full"}, "khóa không dùng được: online"),
        ({"online_level": "toàn trình"}, "online_level là một trong full, partial, none"),
        ({"no_time_limit": "có"}, "no_time_limit"),
        ({"agencies": "000.00.31.H44"}, "agencies là danh sách"),
        ({"form_schema": {"type": "string"}}, "form_schema là JSON Schema của một đối tượng"),
        ({"form_schema": {**SCHEMA, "required": "ho_ten"}}, "form_schema không hợp lệ"),
        ({"declaration": "Tờ khai"}, "cần có form_schema"),
        ({"fees": {"counter": []}}, "“counter” không phải hình thức nộp"),
        ({"fees": {"*": [{"kind": "phi", "amount": "8.000"}]}}, "một dòng phí là"),
        (
            {"form_schema": SCHEMA, "fees": {"*": [{**COPIES, "per": "ho_ten"}]}},
            "“per”: “ho_ten” phải là một trường số",
        ),
    ],
)
def test_a_faulty_side_file_is_refused_with_the_fault_named(tmp_path, entry, fault):
    with pytest.raises(AdditionsError, match=fault):
        read_additions(write(tmp_path, "side.json", {"procedures": {CODE: entry}}))


def test_the_command_reads_the_side_file_and_names_the_codes_it_did_not_use(tmp_path, agency, capsys):
    records = write(tmp_path, "p.jsonl", [RECORD])
    side = write(tmp_path, "side.json", {"procedures": {CODE: SIDE, "9.999999": {"online_level": "none"}}})
    call_command("catalog", "import", records, "--publish", "--with", side, "--no-progress")
    out = capsys.readouterr().out
    assert "Tệp bổ sung: 2 thủ tục; 1 phiên bản mới tạo mang thông tin bổ sung." in out
    assert "không có trong tệp nhập (bỏ qua): 9.999999." in out
    assert current().form_schema == SCHEMA
    with pytest.raises(CommandError, match="không đọc được JSON"):
        call_command(
            "catalog", "import", records, "--with", write(tmp_path, "bad.json", []) + ".missing", "--no-progress"
        )
    with pytest.raises(CommandError, match="cần một đối tượng"):
        call_command("catalog", "import", records, "--with", write(tmp_path, "list.json", []), "--no-progress")
