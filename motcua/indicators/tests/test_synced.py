"""The daily reconciliation with DVCQG (national/reconcile.py), and indicator 1.4 computed from it, with its
drill-down."""

import pytest
from django.utils import timezone

from motcua.indicators import drill
from motcua.indicators.figures import Period, Scope, totals
from motcua.indicators.models import DossierFacts
from motcua.indicators.scorecard import scorecard
from motcua.national import client, reconcile
from motcua.national.models import DossierSync
from motcua.national.tests.test_sync import new_dossier, send_until_done, to_the_end

pytestmark = pytest.mark.django_db


def test_reconciliation_confirms_what_dvcqg_holds_and_lists_the_rest_and_1_4_follows(
    five_days, province, people, applicant, portal
):
    dossiers = [new_dossier(five_days, province, people, applicant, at="2026-03-02 08:00") for _ in range(4)]
    to_the_end(dossiers[0], people)
    send_until_done()
    with portal.lock:  # DVCQG lost one, and holds another with an older status
        del portal.dossiers[dossiers[1].code]
        portal.dossiers[dossiers[2].code] = {**portal.dossiers[dossiers[2].code], "TrangThaiHoSo": "1"}
    new_dossier(five_days, province, people, applicant, at="2026-03-02 09:00")  # received, not sent yet

    run = reconcile.reconcile(client.configured())
    assert (run.checked, run.confirmed) == (4, 2)
    assert sorted(d["what"] for d in run.differences) == [
        "Không có trên Cổng DVCQG",
        "Trạng thái trên Cổng 1, hệ thống đã gửi 2",
    ]
    assert set(DossierFacts.objects.filter(synced=True).values_list("dossier_id", flat=True)) == {
        dossiers[0].pk,
        dossiers[3].pk,
    }
    march, justice = Period.month(2026, 3), Scope.of_agency(province["justice"])
    result = scorecard(justice, march).result("1.4")
    assert (result.numerator, result.denominator) == (2, 5)
    assert float(result.score) == pytest.approx(6 * 2 / 5)
    assert drill.dossiers(justice, march, "unsynced").count() == totals(justice, march).unsynced == 3
    assert {d.pk for d in drill.dossiers(justice, march, "synced")} == {dossiers[0].pk, dossiers[3].pk}

    # a second run asks only what is not confirmed, or was sent again since
    assert reconcile.reconcile(client.configured()).checked == 2
    DossierSync.objects.filter(dossier=dossiers[0]).update(sent_at=timezone.now())
    assert reconcile.reconcile(client.configured()).checked == 3


def test_a_portal_that_is_down_ends_the_run_with_its_error(five_days, province, people, applicant, portal):
    new_dossier(five_days, province, people, applicant)
    send_until_done()
    portal.control(fail=1.0, seed=1)
    run = reconcile.reconcile(client.configured())
    assert run.confirmed == 0 and "Cổng DVCQG" in run.error
    assert not DossierFacts.objects.filter(synced=True).exists()
