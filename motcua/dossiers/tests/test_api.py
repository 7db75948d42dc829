"""The REST API read as what an integrator and a UI rely on (docs/api.md): the whole path of a dossier, filters,
pages, idempotent retries, Vietnamese field errors, uploads checked by content, fixed query counts, the schema."""

import hashlib

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.dossiers import lifecycle, transitions
from motcua.dossiers.api.actions import ACTIONS
from motcua.dossiers.models import Document, Dossier, IdempotencyRecord
from motcua.dossiers.tests import samples

from .fixtures import make_procedure, vn

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
PNG = samples.PNG


def client_for(user) -> APIClient:
    """An integration's client: `Authorization: Token …` (DRF authtoken)."""
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def act(client, code, action, data=None, key=None, multipart=False):
    headers = {"Idempotency-Key": key} if key else {}
    return client.post(
        f"/api/v1/dossiers/{code}/actions/{action}/",
        data or {},
        format="multipart" if multipart else "json",
        headers=headers,
    )


def pdf(name="ket-qua.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def lines(five_days):
    return {line.name: line.pk for line in five_days.documents.all()}


def desk_registration(applicant, **extra):
    return {"procedure": "3.000333", "receiving_agency": "000.01.01.H44", "channel": "direct", **applicant, **extra}


def test_every_lifecycle_action_has_an_endpoint_and_a_serializer():
    assert set(ACTIONS) == set(transitions.TABLE)


def test_a_text_longer_than_the_schema_allows_is_refused_even_when_it_starts_with_a_space():
    """maxLength counts what was sent: DRF trimmed first and took 2,001 characters starting with a line break."""
    from rest_framework.exceptions import ValidationError as Invalid

    from motcua.dossiers.api.inputs import Said, text

    for field in (text(), Said()):
        with pytest.raises(Invalid, match="2000"):
            field.run_validation("\n" + "*" * 2000)
        assert field.run_validation(" " + "*" * 1999) == "*" * 1999


def test_full_path_from_the_desk_to_the_returned_result(people, five_days, applicant, lines, media):
    desk, head, specialist, clerk = (client_for(people[r]) for r in ("desk", "head", "specialist", "clerk"))
    response = desk.post(
        "/api/v1/dossiers/",
        desk_registration(
            applicant,
            files=[pdf("to-khai.pdf"), SimpleUploadedFile("khai-sinh.png", PNG)],
            file_lines=[lines["Tờ khai"], lines["Giấy chứng sinh"]],
        ),
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    code = response.json()["code"]
    assert response["Location"].endswith(f"/api/v1/dossiers/{code}/")
    assert [(d["name"], d["content_type"]) for d in response.json()["documents"]] == [
        ("Tờ khai", "application/pdf"),
        ("Giấy chứng sinh", "image/png"),
    ]
    assert response.json()["actions"] == ["receive", "desk_supplement", "desk_refuse", "withdraw"]

    steps = [
        (desk, "receive", {}, "received"),
        (head, "assign", {"officer": "specialist"}, "in_progress"),
        (
            specialist,
            "request_supplement",
            {"items": [{"item": "Giấy chứng sinh", "reason": "Bản chụp mờ"}]},
            "supplement",
        ),
    ]
    for client, action, data, state in steps:
        response = act(client, code, action, data)
        assert response.status_code == 200, (action, response.json())
        assert response.json()["state"] == state
    response = act(
        desk,
        code,
        "resubmit",
        {"note": "Bản chụp rõ", "files": [pdf("khai-sinh-moi.pdf")], "file_lines": [lines["Giấy chứng sinh"]]},
        multipart=True,
    )
    assert response.status_code == 200 and response.json()["state"] == "in_progress"
    assert act(specialist, code, "submit_for_approval", {"proposal": "Đủ điều kiện"}).status_code == 200
    assert act(head, code, "approve", {"note": "Đồng ý"}).json()["state"] == "approved"
    response = act(clerk, code, "issue_result", {"summary": "Phiếu LLTP số 12/2026", "files": [pdf()]}, multipart=True)
    assert response.status_code == 200 and response.json()["state"] == "issued"
    assert response.json()["national_status"] == 9 and response.json()["delivery_status"] == "ready"
    response = act(desk, code, "return_result", {"method": "desk"})
    body = response.json()
    assert body["state"] == "returned" and body["national_status"] == 10 and body["delivery_status"] == "at_desk"
    assert body["actions"] == []

    events = desk.get(f"/api/v1/dossiers/{code}/events/").json()
    assert [e["kind"] for e in events["results"]] == [
        "registered",
        "received",
        "assigned",
        "supplement_requested",
        "resubmitted",
        "submitted_for_approval",
        "approved",
        "result_issued",
        "returned",
    ]
    assert events["results"][1]["label"] == "Tiếp nhận"
    assert all(e["prev_hash"] == p["hash"] for p, e in zip(events["results"], events["results"][1:]))

    documents = desk.get(f"/api/v1/dossiers/{code}/documents/").json()["results"]
    result = next(d for d in documents if d["kind"] == "result")
    download = desk.get(result["download"])
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and "attachment" in download["Content-Disposition"]
    assert result["sha256"] == hashlib.sha256(PDF).hexdigest() and download["X-Content-Type-Options"] == "nosniff"


def test_citizen_submits_online_for_themselves_and_withdraws(people, five_days, applicant, province):
    citizen = people["citizen"]
    citizen.id_number = applicant["applicant_id_number"]
    citizen.save()
    client = client_for(citizen)
    data = {
        "procedure": "3.000333",
        "receiving_agency": "000.01.01.H44",
        "applicant_name": "Vũ Thị Mai",
        "applicant_phone": "0912345678",
    }
    response = client.post("/api/v1/dossiers/", data, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["channel"] == "online" and response.json()["applicant_id_number"] == "025090001234"
    assert Dossier.objects.get().applicant_user == citizen
    response = client.post("/api/v1/dossiers/", {**data, "applicant_id_number": "001090009999"}, format="json")
    assert response.status_code == 400 and "chính mình" in response.json()["applicant_id_number"][0]
    response = client.post("/api/v1/dossiers/", {**data, "channel": "direct"}, format="json")
    assert response.status_code == 403 and "Một cửa" in response.json()["detail"]
    code = Dossier.objects.get().code
    assert [d["code"] for d in client.get("/api/v1/dossiers/").json()["results"]] == [code]
    assert act(client, code, "withdraw", {"reason": "Nộp nhầm thủ tục"}).json()["national_status"] == 7


@pytest.mark.parametrize(
    "value, message",
    [
        ("12345", "Số định danh cá nhân phải gồm đúng 12 chữ số."),
        ("999090001234", "ba chữ số đầu phải là mã tỉnh"),
    ],
)
def test_invalid_id_number_is_a_field_level_vietnamese_400(people, five_days, applicant, value, message):
    applicant["applicant_id_number"] = value
    response = client_for(people["desk"]).post("/api/v1/dossiers/", desk_registration(applicant), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["applicant_id_number"]
    assert message in response.json()["applicant_id_number"][0]
    assert not Dossier.objects.exists()


def test_an_upload_that_is_not_pdf_jpeg_or_png_is_refused_and_nothing_is_stored(
    people, five_days, applicant, lines, media
):
    fake = SimpleUploadedFile("to-khai.pdf", b"MZ\x90\x00 this is a program, not a PDF", "application/pdf")
    response = client_for(people["desk"]).post(
        "/api/v1/dossiers/",
        desk_registration(
            applicant, files=[pdf("dung.pdf"), fake], file_lines=[lines["Tờ khai"], lines["Giấy chứng sinh"]]
        ),
        format="multipart",
    )
    assert response.status_code == 400
    assert "chỉ nhận PDF, JPEG hoặc PNG" in response.json()["files"][0]
    assert not Dossier.objects.exists() and not Document.objects.exists()
    assert not media.exists() or not any(path.is_file() for path in media.rglob("*"))


def test_files_must_name_lines_of_the_procedure(people, five_days, applicant, lines):
    client = client_for(people["desk"])
    response = client.post(
        "/api/v1/dossiers/", desk_registration(applicant, files=[pdf()], file_lines=[]), format="multipart"
    )
    assert response.status_code == 400 and "file_lines" in response.json()
    response = client.post(
        "/api/v1/dossiers/", desk_registration(applicant, files=[pdf()], file_lines=[999999]), format="multipart"
    )
    assert "không thuộc thủ tục" in response.json()["file_lines"][0]


def test_idempotent_retry_answers_the_first_response_and_records_one_event(received, people):
    desk = client_for(people["head"])
    first = act(desk, received.code, "assign", {"officer": "specialist"}, key="phan-cong-1")
    again = act(desk, received.code, "assign", {"officer": "specialist"}, key="phan-cong-1")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert [e.kind for e in received.events.order_by("seq")] == ["registered", "received", "assigned"]
    reused = act(desk, received.code, "approve", {}, key="phan-cong-1")
    assert reused.status_code == 422 and "đã được dùng cho một yêu cầu khác" in reused.json()["detail"]
    assert Dossier.objects.get(pk=received.pk).state == "in_progress"
    assert IdempotencyRecord.objects.get().method_path.endswith("/actions/assign/")


def test_idempotent_registration_creates_one_dossier_and_keys_belong_to_their_user(people, five_days, applicant):
    desk = client_for(people["desk"])
    first = desk.post(
        "/api/v1/dossiers/", desk_registration(applicant), format="json", headers={"Idempotency-Key": "k-1"}
    )
    again = desk.post(
        "/api/v1/dossiers/", desk_registration(applicant), format="json", headers={"Idempotency-Key": "k-1"}
    )
    assert first.status_code == again.status_code == 201 and first.json()["code"] == again.json()["code"]
    assert Dossier.objects.count() == 1
    other = client_for(people["commune_desk"]).post(
        "/api/v1/dossiers/",
        desk_registration(applicant, receiving_agency="000.00.31.H44"),
        format="json",
        headers={"Idempotency-Key": "k-1"},
    )
    assert other.status_code == 201 and Dossier.objects.count() == 2


def test_a_racing_retry_is_rolled_back_and_answers_the_first_response(received, people, monkeypatch):
    from motcua.dossiers.api import idempotency

    head = client_for(people["head"])
    first = act(head, received.code, "assign", {"officer": "specialist"}, key="dua")
    real, calls = idempotency._stored, []

    def not_yet_committed(user, key):  # the retry looks before the first call has committed
        calls.append(key)
        return None if len(calls) == 1 else real(user, key)

    monkeypatch.setattr(idempotency, "_stored", not_yet_committed)
    again = act(head, received.code, "assign", {"officer": "specialist"}, key="dua")
    assert again.status_code == 200 and again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert received.events.count() == 3  # the second assignment ran, collided on the key and was rolled back


def test_a_failed_call_stores_nothing_and_its_retry_is_evaluated_again(received, people):
    head = client_for(people["head"])
    assert act(head, received.code, "refuse", {"reasons": " "}, key="tu-choi").status_code == 400
    assert act(head, received.code, "refuse", {"reasons": "Không đủ điều kiện"}, key="tu-choi").status_code == 200
    assert Dossier.objects.get(pk=received.pk).state == "refused"


def test_errors_map_to_400_403_404_409_in_vietnamese(received, people):
    desk, head = client_for(people["desk"]), client_for(people["head"])
    response = act(desk, received.code, "receive")
    assert response.status_code == 409 and "Đã tiếp nhận" in response.json()["detail"]
    response = act(head, received.code, "refuse", {"reasons": ""})
    assert response.status_code == 400 and response.json() == {"reasons": ["Ghi rõ lý do từ chối giải quyết."]}
    response = act(head, received.code, "request_supplement", {"items": [{"item": "Tờ khai", "reason": ""}]})
    assert response.status_code == 400 and "lý do" in response.json()["items"][0]
    response = act(head, received.code, "assign", {"officer": "khong-ton-tai"})
    assert response.status_code == 400 and response.json()["officer"] == ["Không tìm thấy “khong-ton-tai”."]
    assert act(desk, received.code, "approve", {}).status_code == 403
    assert act(head, received.code, "fly").status_code == 404
    response = head.get("/api/v1/dossiers/000.01.01.H44-260302-9999/")
    assert response.status_code == 404 and response.json() == {"detail": "Không tìm thấy hồ sơ."}
    assert received.events.count() == 2


def test_anonymous_gets_401_and_a_session_needs_csrf(received, people):
    response = APIClient().get("/api/v1/dossiers/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"
    assert APIClient().post(f"/api/v1/dossiers/{received.code}/actions/assign/", {}).status_code == 401
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["head"])
    assert browser.get(f"/api/v1/dossiers/{received.code}/").status_code == 200
    url = f"/api/v1/dossiers/{received.code}/actions/assign/"
    response = browser.post(url, {"officer": "specialist"}, content_type="application/json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]
    browser.cookies["csrftoken"] = token = "a" * 32  # what a page served by Django would have set
    response = browser.post(
        url, {"officer": "specialist"}, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200 and response.json()["assignee"] == "specialist"


# --- list: filters in SQL, pages, query counts --------------------------------------------------------------------
def register(people, version, applicant, *, at, agency, desk="desk", receive=True, **extra):
    dossier = lifecycle.register(
        actor=people[desk],
        version=version,
        receiving_agency=agency,
        applicant=applicant,
        channel=extra.pop("channel", "direct"),
        at=at,
    )
    return lifecycle.receive(dossier.pk, actor=people[desk], at=at) if receive else dossier


@pytest.fixture
def queue(people, five_days, province, applicant):
    """Old overdue dossiers, fresh ones, one not received yet, one assigned, one of another procedure."""
    centre = province["centre"]
    old = [
        register(
            people,
            five_days,
            {**applicant, "applicant_name": f"Trần Văn {name}"},
            at=vn(f"2026-03-0{i} 09:00"),
            agency=centre,
        )
        for i, name in ((2, "Bình"), (3, "Cường"))
    ]
    fresh = register(people, five_days, {**applicant, "applicant_name": "Lê Thị Hoa"}, at=None, agency=centre)
    waiting = register(people, five_days, applicant, at=None, agency=centre, receive=False)
    lifecycle.assign(fresh.pk, actor=people["head"], officer=people["specialist"])
    other = make_procedure("1.000001", "Đăng ký khai sinh", 3, "working_days", [province["commune"]])
    commune = register(
        people, other, applicant, at=vn("2026-03-04 09:00"), agency=province["commune"], desk="commune_desk"
    )
    return {"old": old, "fresh": fresh, "waiting": waiting, "commune": commune}


def codes(client, query="") -> list[str]:
    response = client.get(f"/api/v1/dossiers/?{query}")
    assert response.status_code == 200, response.json()
    return [row["code"] for row in response.json()["results"]]


def test_a_list_row_is_what_drfs_generic_path_makes_of_it(queue, people, rf):
    """DossierSummary builds its row by hand (issue 15); each field must read as DRF's own field would write it."""
    from rest_framework import serializers as drf
    from rest_framework.request import Request

    from motcua.dossiers.api.serializers import DossierSummary

    request = Request(rf.get("/api/v1/dossiers/"))
    dossiers = Dossier.objects.select_related("procedure", "receiving_agency", "processing_agency", "lead_agency")
    rows = list(dossiers.select_related("assignee"))
    assert {d.state for d in rows} >= {"in_progress", "submitted"} and any(d.assignee_id for d in rows)
    rows[0].state, rows[0].outcome = "returned", "late"  # a finished one, in memory: both paths read attributes
    rows[0].finished_at = rows[0].returned_at = vn("2026-03-20 16:45")
    for dossier in rows:
        serializer = DossierSummary(context={"request": request})
        fast = serializer.to_representation(dossier)
        generic = drf.ModelSerializer.to_representation(DossierSummary(context={"request": request}), dossier)
        assert fast == dict(generic), dossier.code


def test_filters(queue, people):
    client = client_for(people["specialist"])
    old, fresh, waiting = queue["old"], queue["fresh"], queue["waiting"]
    assert set(codes(client)) == {d.code for d in (*old, fresh, waiting)}  # the commune's dossier is not ours
    assert set(codes(client, "overdue=true")) == {d.code for d in old}
    assert set(codes(client, "overdue=false")) == {fresh.code, waiting.code}
    assert codes(client, "assignee=me") == [fresh.code]
    assert codes(client, "state=submitted") == [waiting.code]
    assert set(codes(client, "state=submitted&state=in_progress")) == {waiting.code, fresh.code}
    assert set(codes(client, "national_status=2")) == {d.code for d in old}
    assert codes(client, "procedure=1.000001") == [] and len(codes(client, "procedure=3.000333")) == 4
    assert len(codes(client, "receiving_agency=000.01.01.H44&processing_agency=000.00.10.H44")) == 4
    assert codes(client, "channel=online") == []
    assert codes(client, "received_after=2026-03-03T00:00:00%2B07:00&received_before=2026-03-04T00:00:00%2B07:00") == [
        old[1].code
    ]
    assert codes(client, "due_before=2026-03-10T00:00:00%2B07:00") == [old[0].code]
    assert set(codes(client, "due_after=2026-03-10T00:00:00%2B07:00")) == {old[1].code, fresh.code}
    assert codes(client, "q=Lê Thị") == [fresh.code]
    assert codes(client, f"q={old[0].code[-11:]}") == [old[0].code]
    assert len(codes(client, "q=025090001234")) == 4
    assert codes(client, "ordering=due_at") == [old[0].code, old[1].code, fresh.code, waiting.code]
    assert codes(client, "ordering=-due_at") == [fresh.code, old[1].code, old[0].code, waiting.code]
    response = client.get("/api/v1/dossiers/?state=bogus&overdue=maybe")
    assert response.status_code == 400 and set(response.json()) == {"state", "overdue"}
    assert "lựa chọn hợp lệ" in response.json()["state"][0]
    assert codes(client, "due_before=2026-03-10") == [old[0].code]  # a date: 00:00 Vietnam time
    assert codes(client_for(people["commune_head"]), "procedure=1.000001") == [queue["commune"].code]


def walk(client, query: str) -> list[str]:
    """Every code of the list, page after page by the `next` links."""
    seen, url = [], f"/api/v1/dossiers/?page_size=4&{query}"
    while url:
        body = client.get(url).json()
        assert set(body) == {"next", "results"}  # no count: counting a province's list reads the table
        assert len(body["results"]) == 4 or body["next"] is None
        seen += [row["code"] for row in body["results"]]
        url = body["next"]
    return seen


def test_pages_cover_every_dossier_once_in_every_order(people, five_days, province, applicant):
    for i in range(23):  # received or not: moments that are null, equal or different
        register(people, five_days, applicant, at=None, agency=province["centre"], receive=i % 3 != 0)
    client = client_for(people["desk"])
    everything = codes(client, "page_size=100")
    assert len(everything) == 23
    for ordering in ("", "ordering=due_at", "ordering=-due_at", "ordering=received_at", "ordering=-created_at,due_at"):
        assert walk(client, ordering) == codes(client, f"page_size=100&{ordering}"), ordering
    first = client.get("/api/v1/dossiers/?page_size=10").json()
    assert "cursor=" in first["next"] and "page_size=10" in first["next"]


def test_a_dossier_added_while_walking_is_never_seen_twice(people, five_days, province, applicant):
    for _ in range(6):
        register(people, five_days, applicant, at=None, agency=province["centre"], receive=False)
    client = client_for(people["desk"])
    first = client.get("/api/v1/dossiers/?page_size=4").json()
    register(people, five_days, applicant, at=None, agency=province["centre"], receive=False)  # newest: page 1
    rest = client.get(first["next"]).json()
    seen = [row["code"] for row in first["results"] + rest["results"]]
    assert len(seen) == len(set(seen)) == 6 and rest["next"] is None  # OFFSET would have shown one row again


def test_bad_cursors_and_page_numbers_are_a_vietnamese_400(people, five_days, province, applicant):
    for _ in range(3):
        register(people, five_days, applicant, at=None, agency=province["centre"], receive=False)
    client = client_for(people["desk"])
    link = client.get("/api/v1/dossiers/?page_size=1").json()["next"]
    cursor = link.split("cursor=")[1].split("&")[0]
    for query, field, words in [
        (f"cursor={cursor[:-2]}xx&page_size=1", "cursor", "không hợp lệ"),
        ("cursor=%00", "cursor", "không hợp lệ"),
        (f"cursor={cursor}&page_size=1&ordering=due_at", "cursor", "cách sắp xếp khác"),
        ("page=2", "page", "liên kết “next”"),
        ("page_size=0", "page_size", "từ 1 đến 200"),
    ]:
        response = client.get(f"/api/v1/dossiers/?{query}")
        assert response.status_code == 400, query
        assert words in response.json()[field][0], query
    assert client.get(f"/api/v1/dossiers/?cursor={cursor}&page_size=1").status_code == 200


def test_list_and_detail_make_a_fixed_number_of_queries(
    people, five_days, province, applicant, lines, django_assert_max_num_queries
):
    for i in range(32):
        dossier = register(people, five_days, applicant, at=None, agency=province["centre"], receive=i % 2 == 0)
        if i % 4 == 0:
            lifecycle.assign(dossier.pk, actor=people["head"], officer=people["specialist"])
    busy = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        uploads=[(five_days.documents.first(), pdf(f"t{i}.pdf")) for i in range(6)],
    )
    lifecycle.receive(busy.pk, actor=people["desk"])
    lifecycle.consult(busy.pk, actor=people["specialist"], agency=province["land"], days=1, question="Xác minh?")
    # On Citus a dossier found by its code costs one read more: its agency, from the code (dossiers/shards.py).
    by_code = 1 if settings.MOTCUA_CITUS else 0
    for user in (people["head"], people["monitor"]):
        client = client_for(user)
        with django_assert_max_num_queries(3):  # token, roles, page (no count)
            response = client.get("/api/v1/dossiers/?page_size=100")
        assert len(response.json()["results"]) == 33
        with django_assert_max_num_queries(5 + by_code):  # token, roles, dossier, documents, steps
            response = client.get(f"/api/v1/dossiers/{busy.code}/")
        assert len(response.json()["documents"]) == 6 and len(response.json()["steps"]) == 3
        with django_assert_max_num_queries(5 + by_code):
            assert client.get(f"/api/v1/dossiers/{busy.code}/documents/").json()["count"] == 6
        with django_assert_max_num_queries(5 + by_code):
            assert client.get(f"/api/v1/dossiers/{busy.code}/events/").json()["count"] == 3


# --- schema and docs ---------------------------------------------------------------------------------------------
def test_schema_is_valid_openapi_3_with_an_operation_per_action(people):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    paths = schema["paths"]
    for action in transitions.TABLE:
        assert "post" in paths[f"/api/v1/dossiers/{{code}}/actions/{action}/"]
    assert {"get", "post"} <= set(paths["/api/v1/dossiers/"])
    response = client_for(people["desk"]).get("/api/v1/schema/?format=json")
    assert response.status_code == 200 and response.json()["openapi"].startswith("3.")


def test_docs_page_loads_swagger_ui_from_our_own_static_files():
    page = Client().get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    for asset in ("swagger-ui-dist/swagger-ui-bundle.js", "swagger-ui-dist/swagger-ui.css"):
        assert f"/static/drf_spectacular_sidecar/{asset}" in html
        assert finders.find(f"drf_spectacular_sidecar/{asset}")
    assert "cdn" not in html.lower() and "https://" not in html
