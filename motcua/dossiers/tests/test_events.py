"""Events are append-only and hash-chained; `motcua events verify` names the first broken link."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from motcua.dossiers import lifecycle
from motcua.dossiers.events import broken_chains, content, verify
from motcua.dossiers.models import Event
from motcua.records import chain

from .fixtures import vn

pytestmark = pytest.mark.django_db


def test_no_update_or_delete_path_exists(received):
    event = received.events.first()
    event.note = "sửa"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        Event.objects.filter(pk=event.pk).update(note="x")
    with pytest.raises(PermissionError):
        Event.objects.all().delete()


def test_verify_passes_then_fails_after_a_one_byte_change(received, people, capsys):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    call_command("events", "verify")
    assert "3 sự kiện đã kiểm tra" in capsys.readouterr().out
    second = received.events.get(seq=2)
    with connection.cursor() as cursor:  # what someone with database access could do behind the application's back
        cursor.execute("UPDATE dossiers_event SET note = %s WHERE id = %s", [second.note + "x", second.pk])
    with pytest.raises(CommandError, match=f"Hồ sơ {received.code}, sự kiện số 2: nội dung sự kiện đã bị sửa"):
        call_command("events", "verify")


def test_verify_detects_a_removed_last_event(received, people):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    last = received.events.order_by("-seq").first()
    with connection.cursor() as cursor:  # what points at the event goes with it (the DVCQG outbox row)
        cursor.execute("DELETE FROM national_syncitem WHERE event_id = %s", [last.pk])
        cursor.execute("DELETE FROM dossiers_event WHERE id = %s", [last.pk])
    _, broken = verify()
    assert broken.dossier_code == received.code and broken.seq == 3 and "cuối chuỗi" in broken.reason


def test_broken_chains_names_every_broken_chain_not_only_the_first(received, people, five_days, province, applicant):
    other = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 09:30"),
    )
    intact = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 09:40"),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE dossiers_event SET note = 'x' WHERE dossier_id IN (%s, %s) AND seq = 1", [received.pk, other.pk]
        )
    broken = list(broken_chains(batch=1))  # one dossier a query: the walk goes on across batches
    assert [(b.dossier_code, b.seq) for b in broken] == [(received.code, 1), (other.code, 1)]
    assert intact.code not in {b.dossier_code for b in broken}
    assert verify()[1].dossier_code == received.code  # `events verify` still stops at the first


def test_the_hash_of_a_stored_event_does_not_change():
    """Chains already stored verify only while an event's content hashes as it did when it was written."""
    vn7 = dt.timezone(dt.timedelta(hours=7))
    event = Event(
        seq=2,
        kind="extended",
        at=dt.datetime(2026, 3, 2, 9, 5, tzinfo=vn7),
        actor_id=7,
        actor_name="Nguyễn Thị Bình",
        from_agency_id=3,
        to_agency_id=None,
        from_state="in_progress",
        to_state="in_progress",
        note="Gia hạn",
        data={"old_due": "2026-03-09 09:05:00+07:00", "days": 2},
        step_deadline=dt.datetime(2026, 3, 6, 17, 0, tzinfo=vn7),
        step_outcome="on_time",
        prev_hash="ab" * 32,
    )
    assert (
        chain.digest(content(event, "000.01.01.H44-260302-0001"))
        == "1c9d1de3d2419e8be96fb46a16c4750ce8aacf66924dac6aa6ea8ac06193144a"
    )
