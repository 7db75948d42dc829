"""The API answers bad input with a Vietnamese 4xx, never a 500 (issue 11, item 8): moments with any offset, amounts
beyond the column, orderings with empty items, NUL characters where PostgreSQL refuses them.
"""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="a.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def token(user) -> str:
    return Token.objects.get_or_create(user=user)[0].key


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token(user)}")
    return client


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def dossiers(people, five_days, province, applicant):
    """One dossier in each of several states, with files, steps, a consultation and finished outcomes."""
    desk, head, specialist = people["desk"], people["head"], people["specialist"]
    line = five_days.documents.first()

    def new(**extra):
        return lifecycle.register(actor=desk, version=five_days, receiving_agency=province["centre"],
                                  applicant={**applicant, **extra}, channel="direct")

    online = lifecycle.register(actor=people["citizen"], version=five_days, receiving_agency=province["centre"],
                                applicant={**applicant, "applicant_email": ""}, channel="online",
                                applicant_user=people["citizen"], uploads=[(line, pdf("to-khai.pdf"))])
    received = new()
    lifecycle.receive(received.pk, actor=desk)
    consulting = new()
    lifecycle.receive(consulting.pk, actor=desk)
    lifecycle.assign(consulting.pk, actor=head, officer=specialist)
    lifecycle.consult(consulting.pk, actor=specialist, agency=province["land"], days=1, question="Đất có tranh chấp?")
    supplement = new()
    lifecycle.receive(supplement.pk, actor=desk)
    lifecycle.request_supplement(supplement.pk, actor=head, items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký"}])
    waiting = new()
    lifecycle.receive(waiting.pk, actor=desk)
    lifecycle.submit_for_approval(waiting.pk, actor=specialist)
    issued = new()
    lifecycle.receive(issued.pk, actor=desk)
    lifecycle.submit_for_approval(issued.pk, actor=head)
    lifecycle.approve(issued.pk, actor=head)
    lifecycle.issue_result(issued.pk, actor=head, summary="Phiếu số 1", uploads=[("Kết quả", pdf("kq.pdf"))])
    returned = new()
    lifecycle.receive(returned.pk, actor=desk)
    lifecycle.submit_for_approval(returned.pk, actor=head)
    lifecycle.approve(returned.pk, actor=head)
    lifecycle.issue_result(returned.pk, actor=head, summary="Phiếu số 2")
    lifecycle.return_result(returned.pk, actor=desk, method="desk")
    paying = new()
    lifecycle.receive(paying.pk, actor=desk)
    lifecycle.request_payment(paying.pk, actor=head)
    return {name: Dossier.objects.get(pk=d.pk) for name, d in (
        ("online", online), ("received", received), ("consulting", consulting), ("supplement", supplement),
        ("waiting", waiting), ("issued", issued), ("returned", returned), ("paying", paying))}


# --- server errors, and bad input of their kind -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["received_after", "received_before", "due_before", "due_after"])
def test_a_moment_with_any_offset_filters_in_utc_and_one_outside_the_calendar_is_a_400(name, dossiers, people):
    client = client_for(people["desk"])
    # +20:00 is no real zone, but RFC 3339 allows it; PostgreSQL refused it (DataError, a 500).
    far = client.get("/api/v1/dossiers/", {name: "2026-03-11T20:00:00+20:00"})
    utc = client.get("/api/v1/dossiers/", {name: "2026-03-11T00:00:00Z"})
    assert far.status_code == utc.status_code == 200
    assert [d["code"] for d in far.json()["results"]] == [d["code"] for d in utc.json()["results"]]
    # Year 1 at +20:00 is in year 0 in UTC: Python cannot hold it (OverflowError, a 500 on every database).
    response = client.get("/api/v1/dossiers/", {name: "0001-01-01T00:00:00+20:00"})
    assert response.status_code == 400 and response.json() == {name: ["Thời điểm nằm ngoài phạm vi cho phép."]}
    response = client.get("/api/v1/dossiers/", {name: "2026-03-11T09:00:00+25:00"})
    assert response.status_code == 400 and "ISO 8601" in response.json()[name][0]


@pytest.mark.parametrize("amount", [2_147_483_648, 2**63])
def test_a_payment_amount_beyond_the_column_is_a_vietnamese_400(amount, dossiers, people):
    code = dossiers["received"].code
    response = client_for(people["head"]).post(f"/api/v1/dossiers/{code}/actions/request_payment/",
                                                {"amount": amount}, format="json")
    assert response.status_code == 400
    assert response.json() == {"amount": ["Giá trị tối đa là 2147483647."]}
    assert Dossier.objects.get(code=code).fee_total == 200000 and not dossiers["received"].events.filter(
        kind="payment_requested").exists()


def test_an_ordering_with_empty_items_is_no_500(dossiers, people):
    response = client_for(people["desk"]).get("/api/v1/dossiers/?ordering=due_at,,-received_at,")
    assert response.status_code == 200 and response.json()["count"] == len(dossiers)


def test_a_nul_character_in_a_code_a_filter_or_a_name_matches_nothing(dossiers, people):
    # PostgreSQL refuses NUL in a query (a 500 there); Django's form said so in English (a 400) for a filter.
    client = client_for(people["desk"])
    assert client.get("/api/v1/dossiers/a%00b/").json() == {"detail": "Không tìm thấy hồ sơ."}
    for name in ("q", "procedure", "receiving_agency", "processing_agency"):
        response = client.get("/api/v1/dossiers/", {name: "000.01\x00"})
        assert response.status_code == 200 and response.json()["count"] == 0, name
    base = f"/api/v1/dossiers/{dossiers['received'].code}/actions"
    head = client_for(people["head"])
    response = head.post(f"{base}/assign/", {"officer": "special\x00ist"}, format="json")
    assert response.json() == {"officer": ["Không tìm thấy “special\\x00ist”."]}
    response = head.post(f"{base}/forward/", {"agencies": ["000.00.12.H44\x00"], "days": 1}, format="json")
    assert response.json() == {"agencies": {"0": ["Không tìm thấy “000.00.12.H44\\x00”."]}}


def test_form_data_with_a_nul_character_is_a_400(people, five_days, applicant):
    response = client_for(people["desk"]).post("/api/v1/dossiers/", {
        "procedure": "3.000333", "receiving_agency": "000.01.01.H44", "channel": "direct", **applicant,
        "form_data": {"ghi_chu": "a\x00b"}}, format="json")
    assert response.status_code == 400 and "NUL" in response.json()["form_data"][0]
    assert not Dossier.objects.exists()


def test_limits_are_told_in_vietnamese(dossiers, people):
    head = client_for(people["head"])
    code = dossiers["received"].code
    response = head.post(f"/api/v1/dossiers/{code}/actions/consult/",
                         {"agency": "000.00.12.H44", "days": "0.1", "question": "x" * 2001}, format="json")
    assert response.json() == {"days": ["Giá trị tối thiểu là 0.5."], "question": ["Tối đa 2000 ký tự."]}
