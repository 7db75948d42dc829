"""What a dossier's state adds to the figures, as the lifecycle's subscriber records it (indicators/facts.py)."""

import pytest

from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import vn
from motcua.indicators.models import DossierFacts

pytestmark = pytest.mark.django_db


def test_a_dossier_waiting_for_approval_counts_as_open_and_overdue_after_its_due(received, people):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    dossier = lifecycle.submit_for_approval(
        received.pk, actor=people["specialist"], proposal="Đủ điều kiện cấp", at=vn("2026-03-04 16:00")
    )
    facts = DossierFacts.objects.get(dossier_id=dossier.pk)
    assert facts.finish_kind == "" and facts.overdue_from == dossier.stats_due_at  # open, overdue after its due
