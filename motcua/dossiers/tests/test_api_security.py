"""Who may not: every role of a foreign agency and another citizen get 404 on everything about a dossier (they must
not learn that its code exists) and change nothing; a province monitor reads everything and changes nothing; staff
of the dossier's own agencies without the right role get 403 for the action."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.dossiers import lifecycle, permissions, transitions
from motcua.dossiers.models import Document, Dossier, IdempotencyRecord
from motcua.dossiers.tests import samples

from .fixtures import staff

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
FOREIGN_ROLES = ["counter", "specialist", "head", "clerk", "agency_admin"]
NOT_FOUND = {"detail": "Không tìm thấy hồ sơ."}


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def payloads(province) -> dict[str, dict]:
    """A well-formed body for every action, so that a refusal can only come from who is asking."""
    pdf = {"files": [SimpleUploadedFile("a.pdf", PDF)]}
    return {
        "receive": {},
        "desk_supplement": {"items": [{"item": "Tờ khai", "reason": "Thiếu chữ ký"}]},
        "desk_refuse": {"reasons": "Không thuộc thẩm quyền"},
        "answer_desk_supplement": {"note": "Đã ký tờ khai"},
        "assign": {"officer": "specialist"},
        "request_supplement": {"items": [{"item": "Tờ khai", "reason": "Thiếu chữ ký"}]},
        "resubmit": {"note": "Đã bổ sung"},
        "forward": {"agencies": [province["land"].code], "days": "1"},
        "complete_step": {"note": "Xong"},
        "consult": {"agency": province["land"].code, "days": "1", "question": "Có tranh chấp?"},
        "answer_consultation": {"answer": "Không"},
        "request_payment": {"amount": 100000},
        "confirm_payment": {"reference": "BL-1"},
        "submit_for_approval": {"proposal": "Đủ điều kiện"},
        "approve": {"note": "Đồng ý"},
        "return_for_rework": {"reason": "Thiếu kết quả xác minh"},
        "refuse": {"reasons": "Không đủ điều kiện"},
        "issue_result": {"summary": "Giấy phép số 1", **pdf},
        "send_for_signing": {"summary": "Giấy phép số 1", **pdf},
        "sign": {},
        "seal": {},
        "extend": {"new_due": "2027-12-31T09:00:00+07:00", "reason": "Chờ xác minh"},
        "return_result": {"method": "desk"},
        "stop": {"reason": "Công dân đề nghị"},
        "withdraw": {"reason": "Rút"},
    }


def post_action(client, code, action, province):
    data = payloads(province)[action]
    return client.post(
        f"/api/v1/dossiers/{code}/actions/{action}/",
        data,
        format="multipart" if "files" in data else "json",
        headers={"Idempotency-Key": f"try-{action}-{code}"},
    )


def snapshot(dossiers) -> list:
    rows = Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).order_by("pk")
    return [
        list(rows.values_list("state", "event_count", "updated_at", "assignee", "processing_agency")),
        Document.objects.count(),
        IdempotencyRecord.objects.count(),
        sorted(Dossier.objects.get(pk=d.pk).steps.count() for d in dossiers),
    ]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def dossiers(people, five_days, province, applicant):
    """Four dossiers of the centre and the Department of Justice in different states, with files and side work."""
    desk = people["desk"]
    online = lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="online",
        applicant_user=people["citizen"],
        uploads=[(five_days.documents.first(), SimpleUploadedFile("t.pdf", PDF))],
    )
    working = lifecycle.register(
        actor=desk,
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        uploads=[(five_days.documents.first(), SimpleUploadedFile("k.pdf", PDF))],
    )
    lifecycle.receive(working.pk, actor=desk)
    lifecycle.assign(working.pk, actor=people["head"], officer=people["specialist"])
    lifecycle.consult(working.pk, actor=people["specialist"], agency=province["land"], days=1, question="Đất?")
    approved = lifecycle.register(
        actor=desk, version=five_days, receiving_agency=province["centre"], applicant=applicant, channel="direct"
    )
    lifecycle.receive(approved.pk, actor=desk)
    lifecycle.submit_for_approval(approved.pk, actor=people["head"])
    lifecycle.approve(approved.pk, actor=people["head"])
    waiting = lifecycle.register(
        actor=desk, version=five_days, receiving_agency=province["centre"], applicant=applicant, channel="direct"
    )
    lifecycle.receive(waiting.pk, actor=desk)
    lifecycle.submit_for_approval(waiting.pk, actor=people["specialist"])
    return [Dossier.objects.get(pk=d.pk) for d in (online, working, approved, waiting)]


@pytest.fixture
def outsiders(province, people):
    """Every role of a foreign agency, the commune's staff, and another citizen."""
    health = Agency.objects.create(code="000.00.13.H44", name="Sở Y tế", level="department", has_one_stop_desk=True)
    users = {role: staff(f"health_{role}", (health, role)) for role in FOREIGN_ROLES}
    users["commune_desk"], users["commune_head"] = people["commune_desk"], people["commune_head"]
    users["other_citizen"] = User.objects.create_user("other", password="pw", kind="citizen", full_name="Người khác")
    return users


@pytest.mark.parametrize("who", [*FOREIGN_ROLES, "commune_desk", "commune_head", "other_citizen"])
def test_outsiders_get_404_on_every_endpoint_and_change_nothing(who, outsiders, dossiers, province):
    client = client_for(outsiders[who])
    before = snapshot(dossiers)
    missing = client.get("/api/v1/dossiers/000.01.01.H44-991231-9999/")
    assert missing.status_code == 404 and missing.json() == NOT_FOUND
    assert client.get("/api/v1/dossiers/").json()["results"] == []
    assert client.get(f"/api/v1/dossiers/?q={dossiers[0].code}&receiving_agency=000.01.01.H44").json()["results"] == []
    for dossier in dossiers:
        base = f"/api/v1/dossiers/{dossier.code}/"
        for url in (base, base + "events/", base + "documents/"):
            response = client.get(url)
            assert (response.status_code, response.json()) == (404, NOT_FOUND), url
        for document in dossier.documents.all():
            assert client.get(f"{base}documents/{document.pk}/download/").status_code == 404
        for action in transitions.TABLE:
            response = post_action(client, dossier.code, action, province)
            assert (response.status_code, response.json()) == (404, NOT_FOUND), (action, response.json())
    assert snapshot(dossiers) == before


def test_outsiders_cannot_register_at_our_desk(outsiders, five_days, applicant):
    for who in ("counter", "head", "commune_desk"):
        response = client_for(outsiders[who]).post(
            "/api/v1/dossiers/",
            {"procedure": "3.000333", "receiving_agency": "000.01.01.H44", "channel": "direct", **applicant},
            format="json",
        )
        assert response.status_code == 403, who
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("where", ["justice", "health"])
def test_a_province_monitor_reads_everything_and_every_action_is_403(where, people, dossiers, province):
    if where == "justice":
        monitor = people["monitor"]
    else:
        health = Agency.objects.create(code="000.00.13.H44", name="Sở Y tế", level="department")
        monitor = staff("health_monitor", (health, "monitor"))
    client = client_for(monitor)
    before = snapshot(dossiers)
    assert {row["code"] for row in client.get("/api/v1/dossiers/").json()["results"]} == {d.code for d in dossiers}
    for dossier in dossiers:
        base = f"/api/v1/dossiers/{dossier.code}/"
        detail = client.get(base)
        assert detail.status_code == 200 and detail.json()["actions"] == []
        assert client.get(base + "events/").status_code == 200
        for document in client.get(base + "documents/").json()["results"]:
            assert client.get(document["download"]).status_code == 200
        for action in transitions.TABLE:
            response = post_action(client, dossier.code, action, province)
            assert response.status_code == 403, (action, response.json())
            assert "không có quyền" in response.json()["detail"]
    assert snapshot(dossiers) == before


def test_own_agency_staff_without_the_role_get_403_and_change_nothing(people, dossiers, province):
    before = snapshot(dossiers)
    tried = 0
    for name in ("desk", "specialist", "head", "clerk", "surveyor", "citizen"):
        user, client = people[name], client_for(people[name])
        for dossier in dossiers:
            if not permissions.visible_dossiers(Dossier.objects.all(), user).filter(pk=dossier.pk).exists():
                continue
            for action in transitions.TABLE:
                if permissions.can(user, action, dossier):
                    continue
                tried += 1
                response = post_action(client, dossier.code, action, province)
                assert response.status_code == 403, (name, action, response.json())
    assert tried > 150
    assert snapshot(dossiers) == before


def test_a_document_of_another_dossier_is_not_reachable_through_a_visible_one(people, dossiers):
    citizen = client_for(people["citizen"])
    foreign_document = dossiers[1].documents.get()
    response = citizen.get(f"/api/v1/dossiers/{dossiers[0].code}/documents/{foreign_document.pk}/download/")
    assert response.status_code == 404
    own = dossiers[0].documents.get()
    assert citizen.get(f"/api/v1/dossiers/{dossiers[0].code}/documents/{own.pk}/download/").status_code == 200


def test_anonymous_reaches_nothing(dossiers, province):
    client = APIClient()
    code = dossiers[1].code
    for url in (
        "/api/v1/dossiers/",
        f"/api/v1/dossiers/{code}/",
        f"/api/v1/dossiers/{code}/events/",
        f"/api/v1/dossiers/{code}/documents/",
    ):
        assert client.get(url).status_code == 401
    for action in transitions.TABLE:
        assert post_action(client, code, action, province).status_code == 401
    bad_token = APIClient()
    bad_token.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    response = bad_token.get("/api/v1/dossiers/")
    assert response.status_code == 401 and "không hợp lệ" in response.json()["detail"]
