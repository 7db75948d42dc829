"""The Idempotency-Key is claimed in the change's own transaction, and the answer is built after it commits
(issue 15: the wrapper held its transaction, the dossier's row lock and the day's code counter while the response was
read and serialised)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from motcua.dossiers.api import idempotency
from motcua.dossiers.api.serializers import DossierDetail
from motcua.dossiers.management.commands import idempotency as purge
from motcua.dossiers.models import IdempotencyRecord

from .test_api import act, client_for


@pytest.mark.django_db(transaction=True)
def test_the_answer_is_built_after_the_change_and_its_key_committed(received, people, monkeypatch):
    seen = []
    build = DossierDetail.to_representation

    def watched(self, instance):
        seen.append((connection.in_atomic_block, IdempotencyRecord.objects.values_list("key", "status_code").get()))
        return build(self, instance)

    monkeypatch.setattr(DossierDetail, "to_representation", watched)
    response = act(client_for(people["head"]), received.code, "assign", {"officer": "specialist"}, key="giao-1")
    assert response.status_code == 200
    # outside any transaction, the key already committed with the change, its answer not yet stored
    assert seen == [(False, ("giao-1", idempotency.CLAIMED))]
    record = IdempotencyRecord.objects.get()
    assert record.status_code == 200 and record.body == response.json()


@pytest.mark.django_db
def test_a_key_whose_answer_was_never_stored_is_not_run_again(received, people, monkeypatch):
    """The process died between the commit and the answer: the change stands once, the retry hears 409."""
    head = client_for(people["head"])

    def dies(*args, **kwargs):
        raise RuntimeError("the process died while building the answer")

    monkeypatch.setattr(DossierDetail, "to_representation", dies)
    with pytest.raises(RuntimeError):
        act(head, received.code, "assign", {"officer": "specialist"}, key="giao-2")
    monkeypatch.undo()
    again = act(head, received.code, "assign", {"officer": "specialist"}, key="giao-2")
    assert again.status_code == 409 and "không thực hiện lại" in again.json()["detail"]
    assert [e.kind for e in received.events.order_by("seq")] == ["registered", "received", "assigned"]


@pytest.mark.django_db
def test_a_call_that_publishes_nothing_stores_nothing_but_its_answer(received, people):
    """A refused action claims nothing: the lifecycle rolled back before any event, and the retry runs again."""
    head = client_for(people["head"])
    assert act(head, received.code, "approve", {}, key="duyet").status_code == 409
    assert not IdempotencyRecord.objects.exists()


@pytest.mark.django_db
def test_keys_past_their_retention_are_purged_and_a_fresh_one_still_replays(received, people, settings, monkeypatch):
    """`motcua idempotency purge`: the records older than MOTCUA_IDEMPOTENCY_DAYS go, answered or only claimed,
    in batches; a key of today still gives its first answer back."""
    head = client_for(people["head"])
    assert act(head, received.code, "assign", {"officer": "specialist"}, key="hom-nay").status_code == 200
    old = timezone.now() - timedelta(days=31)
    IdempotencyRecord.objects.bulk_create(
        IdempotencyRecord(key=f"cu-{n}", user=people["head"], method_path="POST /x/", status_code=code, body={})
        for n, code in enumerate([200, 201, idempotency.CLAIMED, 200, 200])
    )
    IdempotencyRecord.objects.filter(key__startswith="cu-").update(created_at=old)
    monkeypatch.setattr(purge, "BATCH", 2)  # three batches and an empty one
    settings.MOTCUA_IDEMPOTENCY_DAYS = 30
    out = io.StringIO()
    call_command("idempotency", "purge", stdout=out)
    assert out.getvalue().strip() == "Đã xóa 5 khóa gửi lại an toàn cũ hơn 30 ngày."
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["hom-nay"]
    again = act(head, received.code, "assign", {"officer": "specialist"}, key="hom-nay")
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    call_command("idempotency", "purge", "--days", "1", stdout=out)
    assert IdempotencyRecord.objects.count() == 1  # made a moment ago: kept
    with pytest.raises(CommandError, match="từ 1 đến 3650"):
        call_command("idempotency", "purge", "--days", "0", stdout=out)
