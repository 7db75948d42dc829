"""The SQL statements one online dossier costs from submission to receipt (issue 15: "61 SQL statements per create +
receive"), counted as an integration sees them: through the API, with a token and an Idempotency-Key.

A test of the whole system: the statements of the bus's subscribers (the figures, the data store, the notices and
their delivery tasks) count with the action that causes them, so it sits outside the layered package.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.dossiers.models import Dossier, Event, IdempotencyRecord
from motcua.dossiers.tests import samples
from motcua.indicators.models import DailyFigure, DossierFacts
from motcua.integrations.models import Notice
from motcua.workdays import services

pytestmark = pytest.mark.django_db(transaction=True)  # the transactions a request really opens

BUDGET = 20  # issue 15's target for the pair
# What the pair costs now, on SQLite and PostgreSQL alike (89 before issue 15's work), pinned so it only goes down.
CEILING = 48


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def client_for(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def spent(captured: CaptureQueriesContext) -> str:
    """Every statement, numbered, so the next person sees where the budget goes."""
    return "\n".join(f"{n:3} {query['sql'][:400]}" for n, query in enumerate(captured.captured_queries, start=1))


def submit_and_receive(people, five_days, applicant) -> CaptureQueriesContext:
    """POST /api/v1/dossiers/ by the citizen (two files, online) and POST …/actions/receive/ by the desk, each with
    its Idempotency-Key, as an integration sends them; every statement of both requests captured."""
    lines = {line.name: line.pk for line in five_days.documents.all()}
    citizen, desk = client_for(people["citizen"]), client_for(people["desk"])
    submission = {
        "procedure": "3.000333",
        "receiving_agency": "000.01.01.H44",
        "channel": "online",
        **applicant,
        "files": [
            SimpleUploadedFile("to-khai.pdf", samples.PDF, content_type="application/pdf"),
            SimpleUploadedFile("khai-sinh.png", samples.PNG, content_type="image/png"),
        ],
        "file_lines": [lines["Tờ khai"], lines["Giấy chứng sinh"]],
    }
    services.base_calendar()  # a serving process has the calendar's days built already (one check a call remains)
    with CaptureQueriesContext(connection) as captured:
        created = citizen.post("/api/v1/dossiers/", submission, format="multipart", headers={"Idempotency-Key": "n-1"})
        assert created.status_code == 201, created.json()
        code = created.json()["code"]
        received = desk.post(
            f"/api/v1/dossiers/{code}/actions/receive/", {}, format="json", headers={"Idempotency-Key": "t-1"}
        )
        assert received.status_code == 200, received.json()

    # What the statements had to achieve, so that a cheaper path cannot pass by doing less.
    assert received.json()["state"] == "received" and received.json()["due_at"]
    dossier = Dossier.objects.get(code=code)
    assert [e.kind for e in Event.objects.filter(dossier=dossier).order_by("seq")] == ["registered", "received"]
    assert DossierFacts.objects.get(pk=dossier.pk).received_on is not None
    assert sum(row.received for row in DailyFigure.objects.all()) == 1  # and "due" on the due day
    assert Notice.objects.filter(dossier=dossier, channel=Notice.Channel.EMAIL).count() == 2  # sent; received
    assert IdempotencyRecord.objects.filter(status_code__in=[200, 201]).count() == 2
    return captured


def test_an_online_submission_and_its_receipt_cost_no_more_than_they_do_now(people, five_days, applicant):
    """Two requests, one count for both together. Nothing is left out: the token look-ups, the Idempotency-Key
    look-ups, claims and answers, the daily code counter, the events, the figures (the facts, the daily and monthly
    sums), the notices and their delivery tasks, the answers read back. What is left to reach BUDGET: the final
    report of issue 15 and docs/performance.md."""
    captured = submit_and_receive(people, five_days, applicant)
    count = len(captured.captured_queries)
    assert count <= CEILING, f"{count} statements for create + receive (at most {CEILING}):\n{spent(captured)}"


@pytest.mark.xfail(strict=True, reason="issue 15's budget is not reached yet: see CEILING and what is left")
def test_an_online_submission_and_its_receipt_cost_at_most_20_statements(people, five_days, applicant):
    """Issue 15's budget for the same two requests, together. Strict: the day it passes, drop the mark."""
    captured = submit_and_receive(people, five_days, applicant)
    count = len(captured.captured_queries)
    assert count <= BUDGET, f"{count} statements for create + receive (budget {BUDGET}):\n{spent(captured)}"
