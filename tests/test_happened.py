"""The bus (motcua/happened.py): who listens to what, in which order, and that a listener's failure undoes the action.

A test of the whole system: it names subscribers of several layers, which only a module outside the layered
package may import together (the contract in pyproject.toml covers `motcua`, not `tests`).
"""

import pytest
from django.db import transaction

from motcua import happened
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier, Event, Rating
from motcua.dossiers.tests.fixtures import vn
from motcua.indicators.models import DailyFigure, DossierFacts
from motcua.integrations.models import Notice
from motcua.national.models import DossierSync, SyncItem


def names(kind) -> list[str]:
    return [f"{s.order} {s.name}" for s in happened.subscribers(kind)]


def test_dossier_events_claim_the_api_key_then_reach_the_figures_the_data_store_the_notices():
    assert names(Event) == [
        "5 motcua.dossiers.api.idempotency.claim",  # an API call's Idempotency-Key, with the change it makes
        "10 motcua.indicators.facts.on_event",  # aggregates first
        "20 motcua.portal.store.keep_result",  # the citizen's copy of a result
        "25 motcua.national.outbox.on_dossier_event",  # the DVCQG outbox row, sent after commit
        "30 motcua.integrations.notices.on_dossier_event",  # outbox rows last, delivered after commit
    ]


def test_ratings_reach_the_figures():
    assert names(Rating) == ["10 motcua.indicators.facts.on_rating"]  # 766 indicator 5.4, with the rating


def test_dvcqgs_confirmations_reach_the_figures():
    assert names(DossierSync) == ["10 motcua.indicators.facts.on_synced"]  # 766 indicator 1.4


def test_an_order_number_is_taken_once():
    with pytest.raises(ValueError, match=r"order 10 is taken by motcua\.indicators\.facts\.on_event"):
        happened.subscribe(Event, lambda event: None, order=10)
    [first] = [s for s in happened.subscribers(Event) if s.order == 10]
    happened.subscribe(Event, first.handler, order=10)  # a ready() run twice changes nothing
    assert len(happened.subscribers(Event)) == 5


def test_publishing_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="outside a transaction"):
        happened.publish(Event())


@pytest.fixture
def failing():
    """A subscriber between the DVCQG outbox and the notices that fails on a receipt."""
    seen = []

    def fail(event):
        seen.append(event.kind)
        if event.kind == "received":
            raise RuntimeError("a listener failed")

    happened.subscribe(Event, fail, order=27)
    yield seen
    happened.unsubscribe(Event, fail)


@pytest.mark.django_db(transaction=True)  # the action's own transaction is the outermost: its rollback is real
def test_a_failing_subscriber_rolls_the_whole_action_back(five_days, province, people, applicant, failing):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:55"),
    )
    facts_before, figures_before = list(DossierFacts.objects.values()), list(DailyFigure.objects.values())
    assert failing == ["registered"]
    with pytest.raises(RuntimeError, match="a listener failed"):
        lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
    assert failing == ["registered", "received"]
    dossier.refresh_from_db()
    assert dossier.state == "submitted" and dossier.received_at is None and dossier.event_count == 1
    assert list(dossier.events.values_list("kind", flat=True)) == ["registered"]
    # The figures' subscriber (order 10) had run before the failure: its writes are gone with the action's.
    assert list(DossierFacts.objects.values()) == facts_before
    assert list(DailyFigure.objects.values()) == figures_before
    assert not Notice.objects.exists()  # order 30 never ran; nothing waits to be sent
    assert not SyncItem.objects.exists()  # the DVCQG outbox row (order 25) went with the action


@pytest.mark.django_db
def test_subscribers_run_inside_the_action(received):
    """What the figures and the notices wrote is there as soon as the action returns, in its transaction."""
    assert DossierFacts.objects.filter(dossier_id=received.pk, received_on=vn("2026-03-02 09:00").date()).exists()
    assert Notice.objects.filter(event__dossier=received, event__kind="received", channel="email").exists()
    with transaction.atomic():
        assert Dossier.objects.get(pk=received.pk).state == "received"
