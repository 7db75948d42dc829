"""What DVCQG receives: the exact field set (a golden file), the state codes by date, the code lists checked."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.models import Field, Procedure
from motcua.dossiers import lifecycle
from motcua.dossiers.states import State
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import vn
from motcua.national import codes, payload
from motcua.national.models import StatusCode

pytestmark = pytest.mark.django_db
GOLDEN = Path(__file__).parent / "golden" / "dossier_record.json"


@pytest.fixture
def returned(five_days, province, people, applicant, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MOTCUA_DVCQG_FILE_BASE_URL = "https://dichvucong.example.vn"
    field = Field.objects.create(name="Lý lịch tư pháp", code="G15-TP04")
    Procedure.objects.filter(pk=five_days.procedure_id).update(field=field)
    upload = SimpleUploadedFile("to-khai.pdf", samples.PDF, content_type="application/pdf")
    line = five_days.documents.get(position=0)
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        uploads=[(line, upload)],
        at=vn("2026-03-02 08:55"),
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    lifecycle.request_supplement(
        dossier.pk,
        actor=people["head"],
        items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}],
        at=vn("2026-03-03 10:00"),
    )
    lifecycle.resubmit(dossier.pk, actor=people["desk"], at=vn("2026-03-04 14:00"))
    lifecycle.submit_for_approval(dossier.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(dossier.pk, actor=people["head"], at=vn("2026-03-05 10:00"))
    result = SimpleUploadedFile("ket-qua.pdf", samples.PDF, content_type="application/pdf")
    lifecycle.issue_result(
        dossier.pk,
        actor=people["head"],
        summary="Phiếu lý lịch tư pháp số 12",
        uploads=[("Phiếu LLTP", result)],
        at=vn("2026-03-06 15:00"),
    )
    return lifecycle.return_result(dossier.pk, actor=people["desk"], method="desk", at=vn("2026-03-09 08:30"))


def stable(record: dict) -> dict:
    """The record with what differs from run to run (row ids, the signed links' tokens) put as placeholders."""
    text = json.dumps(record, ensure_ascii=False)
    record = json.loads(text)
    for row in record["TaiLieuNop"]:
        row["TepDinhKemId"], row["DuongDanTaiTepTin"] = "<id>", row["DuongDanTaiTepTin"].rsplit("/", 2)[0] + "/<token>/"
        row["MaThanhPhanHoSo"] = "<id>"
    for row in record["DanhSachGiayToKetQua"]:
        row["GiayToId"], row["DuongDanTepTinKetQua"] = (
            "<id>",
            row["DuongDanTepTinKetQua"].rsplit("/", 2)[0] + "/<token>/",
        )
    for row in record["DanhSachHoSoBoSung"]:
        row["HoSoBoSungId"] = "<id>"
    return record


def test_the_record_is_exactly_the_national_field_set(returned):
    record = payload.dossier_record(returned, payload.Codes(), now=vn("2026-03-09 09:00"))
    assert list(record) == payload.DOSSIER_FIELDS
    if os.environ.get("MOTCUA_WRITE_GOLDEN") == "1":  # after a decided change of the contract, read, committed
        GOLDEN.write_text(json.dumps(stable(record), ensure_ascii=False, indent=2) + "\n")
    assert stable(record) == json.loads(GOLDEN.read_text())


def test_every_progress_row_has_the_national_fields_and_dates(returned):
    table = payload.Codes()
    rows = [payload.progress_row(e, returned, table) for e in returned.events.order_by("seq") if e.to_state]
    assert all(list(row) == payload.PROGRESS_FIELDS for row in rows)
    assert [r["TrangThai"] for r in rows][-3:] == ["4", "9", "10"]
    assert rows[-1]["ThoiDiemXuLy"] == "20260309083000"  # yyyyMMddHHmmss, Vietnam time


def test_every_state_has_a_code_and_a_later_table_row_applies_from_its_day(returned):
    table = payload.Codes()
    for state in State:
        assert 1 <= table.status(state, vn("2026-03-09 09:00")) <= 10
    # never folded into 9: refused and stopped are 8, supplement 5, payment 6
    assert [
        table.status(s, vn("2026-03-09 09:00")) for s in ("refused", "stopped", "supplement", "awaiting_payment")
    ] == [8, 8, 5, 6]
    StatusCode.objects.all().delete()  # an emptied table falls back to DOMAIN.md 1.11's codes
    assert payload.Codes().status(State.REFUSED, vn("2026-03-09 09:00")) == 8
    StatusCode.objects.create(state=State.REFUSED, code=8, valid_from=dt.date(2019, 1, 1))
    StatusCode.objects.create(state=State.REFUSED, code=3, valid_from=dt.date(2027, 1, 1))
    table = payload.Codes()
    assert table.status(State.REFUSED, vn("2026-12-31 23:59")) == 8
    assert table.status(State.REFUSED, vn("2027-01-01 00:01")) == 3


def test_a_value_outside_its_code_list_is_refused_in_vietnamese(returned, monkeypatch):
    monkeypatch.setitem(codes.CHANNEL_OF, "direct", "7")
    with pytest.raises(codes.InvalidRecord, match="KenhThucHien = '7' không thuộc danh mục"):
        payload.dossier_record(returned, payload.Codes())
