"""An action locks the dossier's own row and nothing else: a lock held on one dossier of a procedure does not make
an action on another dossier of the same procedure wait (issue 15). Before, `select_for_update()` with
`select_related("procedure_version")` locked the version's row too, so every dossier of one procedure queued
behind the first. PostgreSQL only: SQLite has no row locks to show."""

import threading

import pytest
from django.db import connection, transaction

from motcua.dossiers import lifecycle
from motcua.dossiers.lifecycle import core

from .fixtures import vn


def register(people, five_days, province, applicant):
    return lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:55"),
    )


@pytest.mark.django_db(transaction=True)
def test_a_lock_on_one_dossier_does_not_hold_another_of_the_same_procedure(people, five_days, province, applicant):
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run on PostgreSQL by `make test`")
    first = register(people, five_days, province, applicant)
    second = register(people, five_days, province, applicant)
    held, release, failures = threading.Event(), threading.Event(), []

    def hold_the_first():
        try:
            with transaction.atomic():
                core.load(first.pk, people["desk"], "receive")
                held.set()
                release.wait(30)
        except Exception as exc:  # reported to the test's thread below
            failures.append(exc)
            held.set()
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_first)
    holder.start()
    try:
        assert held.wait(30) and not failures
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")  # waiting at all is the failure
            dossier, target = core.load(second.pk, people["desk"], "receive")
        assert (dossier.pk, dossier.procedure_version_id, target) == (second.pk, five_days.pk, "received")
        # and the whole action goes through while the first dossier stays locked
        received = lifecycle.receive(second.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
        assert received.state == "received"
    finally:
        release.set()
        holder.join(30)
    assert not failures


@pytest.mark.django_db(transaction=True)
def test_the_same_dossier_still_waits_for_its_lock(people, five_days, province, applicant):
    """The lock that matters stays: a second action on the same dossier waits for the first to commit."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run on PostgreSQL by `make test`")
    from django.db.utils import OperationalError

    dossier = register(people, five_days, province, applicant)
    held, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                core.load(dossier.pk, people["desk"], "receive")
                held.set()
                release.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(30)
        with pytest.raises(OperationalError, match="lock timeout"), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '500ms'")
            core.load(dossier.pk, people["desk"], "receive")
    finally:
        release.set()
        holder.join(30)


def hold_open(work, held, release, failures):
    """Run `work` in a transaction on another connection and keep it open until `release` is set."""

    def run():
        try:
            with transaction.atomic():
                work()
                held.set()
                release.wait(30)
        except Exception as exc:  # reported to the test's thread
            failures.append(exc)
            held.set()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


@pytest.mark.django_db(transaction=True)
def test_intakes_and_receipts_at_different_agencies_never_wait_for_each_other(people, five_days, province, applicant):
    """Issue 15: the day's code counter is a row per agency, the figures rows per lead agency, so a desk whose
    registration or receipt is still open holds up no other agency's desk."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run on PostgreSQL by `make test`")
    from .fixtures import make_procedure

    commune_procedure = make_procedure("1.000001", "Đăng ký khai sinh", 3, "working_days", [province["commune"]])
    at_commune = {
        "actor": people["commune_desk"],
        "version": commune_procedure,
        "receiving_agency": province["commune"],
        "applicant": applicant,
        "channel": "direct",
    }
    waiting = lifecycle.register(**at_commune, at=vn("2026-03-02 08:50"))
    open_at_centre = register(people, five_days, province, applicant)
    for open_work, other_work in [
        (lambda: register(people, five_days, province, applicant), lambda: lifecycle.register(**at_commune)),
        (
            lambda: lifecycle.receive(open_at_centre.pk, actor=people["desk"], at=vn("2026-03-02 09:00")),
            lambda: lifecycle.receive(waiting.pk, actor=people["commune_desk"], at=vn("2026-03-02 09:00")),
        ),
    ]:
        held, release, failures = threading.Event(), threading.Event(), []
        holder = hold_open(open_work, held, release, failures)
        try:
            assert held.wait(30) and not failures
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")  # waiting at all is the failure
                other_work()
        finally:
            release.set()
            holder.join(30)
        assert not failures
