"""The outbox toward DVCQG, delivered to the stand-in over real HTTP on 127.0.0.1 (national/sender.py)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.dossiers import lifecycle
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import vn
from motcua.national import client, outbox, payload, sender
from motcua.national.models import DossierSync, SyncItem
from motcua.national.tests.fixtures import use_adapter

pytestmark = pytest.mark.django_db
PDF = samples.PDF


def new_dossier(version, province, people, applicant, at="2026-03-02 08:55"):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=version,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn(at),
    )
    return lifecycle.receive(dossier.pk, actor=people["desk"], at=vn(at) + dt.timedelta(minutes=5))


def to_the_end(dossier, people):
    """Receipt was the first row; then approval, the result and its return: each a progress row."""
    lifecycle.submit_for_approval(dossier.pk, actor=people["head"])
    lifecycle.approve(dossier.pk, actor=people["head"])
    result = SimpleUploadedFile("ket-qua.pdf", PDF, content_type="application/pdf")
    lifecycle.issue_result(dossier.pk, actor=people["head"], summary="Phiếu số 1", uploads=[("Kết quả", result)])
    return lifecycle.return_result(dossier.pk, actor=people["desk"], method="desk")


def send_until_done(rounds=60) -> list[str]:
    errors = []
    portal_client = client.configured()
    for _ in range(rounds):
        done = sender.send_round(portal_client)
        errors += done.errors
        if not SyncItem.objects.filter(status=SyncItem.Status.PENDING).exists():
            return errors
    raise AssertionError(f"still pending after {rounds} rounds: {errors[-3:]}")


def test_only_a_received_dossier_has_outbox_rows_and_a_rolled_back_action_has_none(
    five_days, province, people, applicant, portal
):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    assert not SyncItem.objects.exists()  # not received yet: DVCQG takes a dossier from its receipt
    lifecycle.receive(dossier.pk, actor=people["desk"])
    assert list(SyncItem.objects.values_list("event__kind", "progress", "status")) == [("received", True, "pending")]
    with pytest.raises(RuntimeError), transaction.atomic():
        lifecycle.submit_for_approval(dossier.pk, actor=people["head"])
        raise RuntimeError("the action's transaction rolls back")
    assert SyncItem.objects.count() == 1


@pytest.mark.parametrize("transport", ["relay", "adapter"])
def test_each_transport_creates_then_updates_the_dossier_with_its_progress(
    transport, five_days, province, people, applicant, portal, settings
):
    if transport == "adapter":
        use_adapter(settings, portal)
    dossier = new_dossier(five_days, province, people, applicant)
    assert send_until_done() == []
    state = portal.state()
    assert state["dossiers"][dossier.code]["TrangThaiHoSo"] == "2"
    assert [r["TrangThai"] for r in state["progress"][dossier.code]] == ["2"]

    dossier = to_the_end(dossier, people)
    assert send_until_done() == []  # the second time: "đã tồn tại" → CapNhat (relay), isUpdating "True" (adapter)
    state = portal.state()
    record = state["dossiers"][dossier.code]
    assert record == DossierSync.objects.get(dossier=dossier).record
    assert record["TrangThaiHoSo"] == "10" and record["NgayTra"]
    assert [r["TrangThai"] for r in state["progress"][dossier.code]] == ["2", "4", "4", "9", "10"]
    assert [d["TenGiayTo"] for d in record["DanhSachGiayToKetQua"]] == ["Kết quả"]
    assert state["backwards"] == []
    assert set(SyncItem.objects.values_list("status", flat=True)) == {"sent"}


def test_a_portal_that_fails_keeps_the_rows_pending_then_failed_and_resend_brings_them_back(
    five_days, province, people, applicant, portal, settings
):
    settings.MOTCUA_DVCQG_MAX_ATTEMPTS = 3
    portal.control(fail=1.0, seed=1)
    dossier = new_dossier(five_days, province, people, applicant)
    portal_client = client.configured()
    for attempt in (1, 2):
        done = sender.send_round(portal_client)
        item = SyncItem.objects.get()
        assert (done.retrying, item.status, item.attempts) == (1, "pending", attempt)
        assert "Cổng DVCQG" in item.last_error
    sender.send_round(portal_client)
    item = SyncItem.objects.get()
    assert (item.status, item.attempts) == ("failed", 3)
    assert sender.send_round(portal_client).dossiers == 0  # failed rows wait for the operator

    portal.control(fail=0.0)
    assert outbox.resend(SyncItem.objects.filter(dossier=dossier)) == 1
    assert send_until_done() == []
    assert portal.state()["dossiers"][dossier.code]["TrangThaiHoSo"] == "2"


def test_progress_goes_in_chunks_of_ten_and_a_failed_chunk_leaves_only_the_rest(
    five_days, province, people, applicant, portal, monkeypatch
):
    dossier = new_dossier(five_days, province, people, applicant)
    for n in range(12):  # rework and back: each a progress row
        at = vn("2026-03-02 10:00") + dt.timedelta(minutes=n)
        lifecycle.submit_for_approval(dossier.pk, actor=people["head"], at=at)
        lifecycle.return_for_rework(dossier.pk, actor=people["head"], reason="Soát lại", at=at)
    rows = SyncItem.objects.filter(progress=True).count()
    assert rows == 25
    chunks = []
    real = client.Relay.progress

    def second_chunk_fails(self, rows):
        chunks.append(len(rows))
        if len(chunks) == 2:
            raise client.SyncError("Cổng DVCQG không nhận tiến độ: lỗi thử")
        return real(self, rows)

    monkeypatch.setattr(client.Relay, "progress", second_chunk_fails)
    sender.send_round(client.configured())
    assert chunks == [10, 10]
    assert SyncItem.objects.filter(status="sent").count() == 10
    assert SyncItem.objects.filter(status="pending").count() == 15
    assert send_until_done() == []
    assert chunks[2:] == [10, 5]
    assert len(portal.state()["progress"][dossier.code]) == 25
    assert portal.state()["backwards"] == []


def test_a_record_outside_the_code_lists_is_never_sent(five_days, province, people, applicant, portal, monkeypatch):
    dossier = new_dossier(five_days, province, people, applicant)
    monkeypatch.setitem(payload.codes.CHANNEL_OF, "direct", "9")
    done = sender.send_round(client.configured())
    item = SyncItem.objects.get()
    assert (done.failed, item.status) == (1, "failed")
    assert "KenhThucHien = '9' không thuộc danh mục" in item.last_error
    assert portal.state()["calls"] == 0 and dossier.code not in portal.state()["dossiers"]


def test_with_failing_and_hanging_calls_the_portal_ends_as_motcua_is(
    five_days, province, people, applicant, portal, settings
):
    portal.control(fail=0.3, hang=0.05, hang_seconds=1, seed=7)
    dossiers = [new_dossier(five_days, province, people, applicant) for _ in range(6)]
    for dossier in dossiers[:4]:
        to_the_end(dossier, people)
    errors = send_until_done(rounds=200)
    assert errors  # the failures happened, and were retried
    assert_portal_equals_motcua(portal)


def assert_portal_equals_motcua(portal) -> None:
    state = portal.state()
    table = payload.Codes()
    synced = DossierSync.objects.select_related("dossier")
    assert synced.count() == SyncItem.objects.values("dossier").distinct().count()
    for sync in synced:
        dossier = sync.dossier
        assert state["dossiers"][dossier.code] == sync.record
        assert sync.record["TrangThaiHoSo"] == str(table.status(dossier.state, dossier.updated_at))
        sent = [i.sent_row for i in SyncItem.objects.filter(dossier=dossier, progress=True).order_by("id")]
        kept = state["progress"][dossier.code]
        assert kept == sent, dossier.code  # each row once, in the order of the events
    assert state["backwards"] == []
