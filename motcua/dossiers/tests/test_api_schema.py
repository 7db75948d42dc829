"""The API answers as its OpenAPI schema says (issue 11, item 8): bad input is a Vietnamese 4xx, never a 500, and
every answer (status, content type, headers, body) is one the schema documents.

The plain tests pin each finding; `test_the_api_matches_its_schema` runs schemathesis over the whole schema with
all its checks, as a counter officer and as the head of the processing agency, on dossiers in several states.
Requests go through Django's WSGI handler in this thread, so they see this test's database transaction.
"""

import os
import zlib

import jsonschema
import pytest
import schemathesis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.dossiers import lifecycle
from motcua.dossiers.models import Document, Dossier
from motcua.dossiers.tests import samples

pytestmark = pytest.mark.django_db
PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
SCHEMA_URL = "/api/v1/schema/?format=json"
# Bounded so that the run costs well under two minutes per database on a 2-core machine (docs/api.md, "Tests");
# MOTCUA_SCHEMATHESIS_EXAMPLES and MOTCUA_SCHEMATHESIS_SEED run it longer or with other data.
EXAMPLES = int(os.environ.get("MOTCUA_SCHEMATHESIS_EXAMPLES", "10"))
SEED = int(os.environ.get("MOTCUA_SCHEMATHESIS_SEED", "20260311"))
# A schema-valid action may still break a rule no schema can state: an agency code or a username that does not
# exist, a second supplement request without the leader's approval, a new due moment before the current one (400),
# or an Idempotency-Key this caller already used on another path (422). Reads have no such rules: there, any 4xx to
# a schema-valid request stays a failure.
ACTION_OUTCOMES = ["2xx", "400", "401", "403", "404", "409", "422"]


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
        return lifecycle.register(
            actor=desk,
            version=five_days,
            receiving_agency=province["centre"],
            applicant={**applicant, **extra},
            channel="direct",
        )

    online = lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant={**applicant, "applicant_email": ""},
        channel="online",
        applicant_user=people["citizen"],
        uploads=[(line, pdf("to-khai.pdf"))],
    )
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
    return {
        name: Dossier.objects.get(pk=d.pk)
        for name, d in (
            ("online", online),
            ("received", received),
            ("consulting", consulting),
            ("supplement", supplement),
            ("waiting", waiting),
            ("issued", issued),
            ("returned", returned),
            ("paying", paying),
        )
    }


@pytest.fixture
def openapi(dossiers, request):
    """The served schema, loaded by schemathesis, whose requests go to Django's WSGI handler in this thread."""
    # Django closes the connection after each request outside the test client, which would end this test's
    # transaction; its test client does the same as this for its own requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # schemathesis 4.32 still reads `node._nodeid`, which pytest 9.2 no longer has.
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid
    config = schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "operations": [
                {
                    "include-method": "POST",
                    "checks": {"positive_data_acceptance": {"expected-statuses": ACTION_OUTCOMES}},
                }
            ],
        }
    )
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, WSGIHandler(), config=config)
    codes = [d.code for d in dossiers.values()]
    files = list(Document.objects.exclude(file="").values_list("dossier__code", "pk"))

    @schema.hook
    def flatmap_path_parameters(context, path_parameters):
        """Half the time a real dossier (and one of its files), so that answers hold real objects."""
        if not path_parameters or "code" not in path_parameters:
            return st.just(path_parameters)
        if "id" in path_parameters:
            real = st.sampled_from(files).map(lambda pair: {**path_parameters, "code": pair[0], "id": pair[1]})
        else:
            real = st.sampled_from(codes).map(lambda code: {**path_parameters, "code": code})
        return st.one_of(st.just(path_parameters), real)

    @schema.hook
    def map_query(context, query):
        """A cursor is a token the server made and signed (the `next` link): any other text is refused with a 400
        no schema can state, so the generated ones are dropped; `test_api.py` walks real cursors."""
        if query and query.get("cursor"):
            query = {name: value for name, value in query.items() if name != "cursor"}
        return query

    try:
        yield schema
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(openapi, user, method, path, **parts):
    """One request through schemathesis, checked by all its checks against the schema; the response."""
    case = openapi[path][method].Case(**parts)
    return case.call_and_validate(headers={"Authorization": f"Token {token(user)}"})


def parameter_schema(openapi, path, method, name) -> dict:
    raw = openapi.raw_schema["paths"][path][method.lower()]
    return next(p["schema"] for p in raw["parameters"] if p["name"] == name)


def resolved(openapi, schema: dict) -> dict:
    """`schema` with its $refs replaced (one level is all these tests need)."""
    if "$ref" in schema:
        return openapi.raw_schema["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


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
    response = client_for(people["head"]).post(
        f"/api/v1/dossiers/{code}/actions/request_payment/", {"amount": amount}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"amount": ["Giá trị tối đa là 2147483647."]}
    assert (
        Dossier.objects.get(code=code).fee_total == 200000
        and not dossiers["received"].events.filter(kind="payment_requested").exists()
    )


def test_an_ordering_with_empty_items_is_no_500(dossiers, people):
    response = client_for(people["desk"]).get("/api/v1/dossiers/?ordering=due_at,,-received_at,")
    assert response.status_code == 200 and len(response.json()["results"]) == len(dossiers)


def test_a_nul_character_in_a_code_a_filter_or_a_name_matches_nothing(dossiers, people):
    # PostgreSQL refuses NUL in a query (a 500 there); Django's form said so in English (a 400) for a filter.
    client = client_for(people["desk"])
    assert client.get("/api/v1/dossiers/a%00b/").json() == {"detail": "Không tìm thấy hồ sơ."}
    for name in ("q", "procedure", "receiving_agency", "processing_agency"):
        response = client.get("/api/v1/dossiers/", {name: "000.01\x00"})
        assert response.status_code == 200 and response.json()["results"] == [], name
    base = f"/api/v1/dossiers/{dossiers['received'].code}/actions"
    head = client_for(people["head"])
    response = head.post(f"{base}/assign/", {"officer": "special\x00ist"}, format="json")
    assert response.json() == {"officer": ["Không tìm thấy “special\\x00ist”."]}
    response = head.post(f"{base}/forward/", {"agencies": ["000.00.12.H44\x00"], "days": 1}, format="json")
    assert response.json() == {"agencies": {"0": ["Không tìm thấy “000.00.12.H44\\x00”."]}}


def test_form_data_with_a_nul_character_is_a_400(people, five_days, applicant):
    response = client_for(people["desk"]).post(
        "/api/v1/dossiers/",
        {
            "procedure": "3.000333",
            "receiving_agency": "000.01.01.H44",
            "channel": "direct",
            **applicant,
            "form_data": {"ghi_chu": "a\x00b"},
        },
        format="json",
    )
    assert response.status_code == 400 and "NUL" in response.json()["form_data"][0]
    assert not Dossier.objects.exists()


def test_limits_are_told_in_vietnamese(dossiers, people):
    head = client_for(people["head"])
    code = dossiers["received"].code
    response = head.post(
        f"/api/v1/dossiers/{code}/actions/consult/",
        {"agency": "000.00.12.H44", "days": "0.1", "question": "x" * 2001},
        format="json",
    )
    assert response.json() == {"days": ["Giá trị tối thiểu là 0.5."], "question": ["Tối đa 2000 ký tự."]}


# --- answers the schema did not describe ------------------------------------------------------------------------------
def test_an_unassigned_dossier_and_an_event_between_no_agencies_match_the_schema(openapi, dossiers, people):
    code = dossiers["received"].code
    detail = call(openapi, people["desk"], "GET", "/api/v1/dossiers/{code}/", path_parameters={"code": code})
    assert detail.json()["assignee"] is None
    events = call(openapi, people["desk"], "GET", "/api/v1/dossiers/{code}/events/", path_parameters={"code": code})
    assert events.json()["results"][0]["to_agency"] is None
    steps = call(
        openapi,
        people["head"],
        "GET",
        "/api/v1/dossiers/{code}/",
        path_parameters={"code": dossiers["consulting"].code},
    ).json()["steps"]
    assert any(step["assignee"] is None for step in steps)


def test_an_unfinished_dossier_has_an_empty_outcome_in_the_schema(openapi, dossiers, people):
    body = call(openapi, people["desk"], "GET", "/api/v1/dossiers/", query={"state": "received"}).json()
    assert body["results"][0]["outcome"] == ""
    detail = call(
        openapi, people["desk"], "GET", "/api/v1/dossiers/{code}/", path_parameters={"code": dossiers["received"].code}
    ).json()
    assert detail["outcome"] == detail["stats_outcome"] == ""
    assert any(step["outcome"] == "" for step in detail["steps"])  # the open step


def test_an_applicant_without_email_matches_the_schema(openapi, dossiers, people):
    detail = call(
        openapi, people["desk"], "GET", "/api/v1/dossiers/{code}/", path_parameters={"code": dossiers["online"].code}
    )
    assert detail.json()["applicant_email"] == ""


def test_a_400_has_the_documented_shape(openapi, dossiers, people):
    path = "/api/v1/dossiers/{code}/actions/{action}/"
    code = dossiers["received"].code
    for action, body, expected in [
        ("assign", {}, {"officer": ["Trường này là bắt buộc."]}),  # the schema required non_field_errors
        (
            "request_supplement",
            {"items": [{"item": "Tờ khai"}]},  # errors of a list's item, by index
            {"items": {"0": {"reason": ["Trường này là bắt buộc."]}}},
        ),
    ]:
        response = call(
            openapi,
            people["head"],
            "POST",
            path.replace("{action}", action),
            path_parameters={"code": code},
            body=body,
            media_type="application/json",
        )
        assert (response.status_code, response.json()) == (400, expected), action


def test_a_body_that_is_not_json_is_a_400_of_the_same_shape(dossiers, people):
    response = client_for(people["head"]).post(
        f"/api/v1/dossiers/{dossiers['received'].code}/actions/assign/", b"{officer", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Dữ liệu gửi lên không đọc được (JSON hoặc multipart sai cú pháp)."]
    }


def test_404s_are_documented(openapi, dossiers, people):
    missing = {"code": "000.01.01.H44-991231-9999"}
    for path in ("/api/v1/dossiers/{code}/events/", "/api/v1/dossiers/{code}/documents/"):
        response = call(openapi, people["desk"], "GET", path, path_parameters=missing)
        assert response.status_code == 404
    response = call(
        openapi,
        people["desk"],
        "GET",
        "/api/v1/dossiers/{code}/events/",
        query={"page": 99},
        path_parameters={"code": dossiers["issued"].code},
    )
    assert (response.status_code, response.json()) == (404, {"detail": "Trang không tồn tại."})


def test_a_bad_cursor_is_a_documented_400(openapi, dossiers, people):
    response = call(openapi, people["desk"], "GET", "/api/v1/dossiers/", query={"cursor": "khong-phai-con-tro"})
    assert response.status_code == 400 and "Con trỏ trang không hợp lệ" in response.json()["cursor"][0]


def test_a_download_has_its_documented_content_type(openapi, dossiers, people):
    document = dossiers["issued"].documents.get(kind="result")
    response = call(
        openapi,
        people["desk"],
        "GET",
        "/api/v1/dossiers/{code}/documents/{id}/download/",
        path_parameters={"code": dossiers["issued"].code, "id": document.pk},
    )
    headers = {name.lower(): value for name, value in response.headers.items()}
    assert response.status_code == 200 and headers["content-type"] == ["application/pdf"]  # was octet-stream


def test_an_address_the_api_does_not_have_is_a_json_404(openapi, dossiers, people):
    code = dossiers["issued"].code
    response = call(
        openapi,
        people["desk"],
        "GET",
        "/api/v1/dossiers/{code}/documents/{id}/download/",
        path_parameters={"code": code, "id": "abc"},
    )
    assert response.status_code == 404 and "Không có địa chỉ này" in response.json()["detail"]
    client = client_for(people["desk"])
    response = client.get("/api/v1/dossiers")
    assert response.status_code == 404 and response.json() == {
        "detail": "Địa chỉ của API luôn kết thúc bằng “/”: dùng /api/v1/dossiers/"
    }
    response = client.post(f"/api/v1/dossiers/{code}/actions/fly/")
    assert response.status_code == 404 and response.json()["detail"].startswith("Không có thao tác “fly”")
    assert APIClient().get("/api/v1/khong-co/").status_code == 401


def test_the_assignee_filter_is_a_text(openapi, dossiers, people):
    schema = parameter_schema(openapi, "/api/v1/dossiers/", "GET", "assignee")
    jsonschema.validate("me", schema)  # was {"type": "integer", "enum": ["me"]}: no value could match
    body = call(openapi, people["specialist"], "GET", "/api/v1/dossiers/", query={"assignee": "me"}).json()
    assert [d["code"] for d in body["results"]] == [dossiers["consulting"].code]


# --- requests the schema did not describe -----------------------------------------------------------------------------
def test_an_empty_parameter_filters_nothing_and_the_schema_says_so(openapi, dossiers, people):
    client = client_for(people["desk"])
    everything = client.get("/api/v1/dossiers/").json()["results"]
    for name in (
        "state",
        "channel",
        "national_status",
        "assignee",
        "overdue",
        "due_before",
        "ordering",
        "cursor",
        "page_size",
    ):
        schema = parameter_schema(openapi, "/api/v1/dossiers/", "GET", name)
        jsonschema.validate([""] if schema.get("type") == "array" else "", schema)
        response = client.get(f"/api/v1/dossiers/?{name}=")
        assert response.status_code == 200 and response.json()["results"] == everything, name  # state= was a 400


def test_a_page_size_outside_1_to_200_is_a_400(openapi, dossiers, people):
    for path, parts in [
        ("/api/v1/dossiers/", {}),
        ("/api/v1/dossiers/{code}/events/", {"path_parameters": {"code": dossiers["received"].code}}),
    ]:
        for size in ("0", "201", "abc"):  # DRF quietly used 50, or 200
            response = call(openapi, people["desk"], "GET", path, query={"page_size": size}, **parts)
            assert (response.status_code, response.json()) == (
                400,
                {"page_size": ["Số hồ sơ mỗi trang phải là số nguyên từ 1 đến 200."]},
            ), (path, size)


def test_uploads_are_binary_and_only_multipart_carries_them(openapi):
    body = openapi.raw_schema["paths"]["/api/v1/dossiers/{code}/actions/resubmit/"]["post"]["requestBody"]
    multipart = resolved(openapi, body["content"]["multipart/form-data"]["schema"])
    as_json = resolved(openapi, body["content"]["application/json"]["schema"])
    assert multipart["properties"]["files"]["items"] == {"type": "string", "format": "binary"}  # was `uri`
    assert "files" not in as_json["properties"] and "file_lines" not in as_json["properties"]
    refuse = openapi.raw_schema["paths"]["/api/v1/dossiers/{code}/actions/refuse/"]["post"]["requestBody"]
    assert list(refuse["content"]) == ["application/json"]  # items of objects cannot travel in a form


def test_an_action_sent_as_a_form_is_a_415_in_vietnamese(dossiers, people):
    response = client_for(people["head"]).post(
        f"/api/v1/dossiers/{dossiers['received'].code}/actions/assign/", {"officer": "specialist"}, format="multipart"
    )
    assert response.status_code == 415 and "application/json" in response.json()["detail"]


def test_json_values_must_have_the_schema_types(dossiers, people):
    head = client_for(people["head"])
    code = dossiers["received"].code
    for action, body, field, message in [
        ("refuse", {"reasons": 5}, "reasons", "Cần một chuỗi ký tự."),
        ("request_payment", {"amount": "100000"}, "amount", "Cần một số nguyên."),
        (
            "forward",
            {"agencies": ["000.00.12.H44"], "days": 1, "parallel": "yes"},
            "parallel",
            "Cần giá trị true hoặc false.",
        ),
    ]:
        response = head.post(f"/api/v1/dossiers/{code}/actions/{action}/", body, format="json")
        assert response.status_code == 400 and response.json()[field] == [message], action
    assert Dossier.objects.get(code=code).state == "received"


def test_required_texts_and_days_say_what_they_take(openapi):
    components = openapi.raw_schema["components"]["schemas"]
    reasons = components["Refuse"]["properties"]["reasons"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate("  ", reasons)  # the lifecycle refuses a blank reason
    days = components["Consult"]["properties"]["days"]
    for good in (0.5, 1.5, "2", "1.5"):
        jsonschema.validate(good, days)
    for bad in ("-", "", 0, 1000):  # the guessed pattern took "-" and ""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, days)
    key = parameter_schema(openapi, "/api/v1/dossiers/{code}/actions/assign/", "POST", "Idempotency-Key")
    assert key["maxLength"] == 200


# --- the whole schema -------------------------------------------------------------------------------------------------
schema = schemathesis.pytest.from_fixture("openapi")


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_matches_its_schema(case, people):
    """Every operation, with examples, boundary values (coverage phase) and random data, valid and invalid, and
    every check of schemathesis on every answer. Each case is sent as a counter officer of the receiving desk or as
    the head of the processing agency: one of the two, chosen by the case's content so that a replayed case (while
    Hypothesis shrinks a failure) is sent as the same person; every operation meets both."""
    parts = repr((case.path_parameters, case.query, case.headers, case.body)).encode()
    role = ("desk", "head")[zlib.crc32(parts) % 2]
    case.call_and_validate(headers={"Authorization": f"Token {token(people[role])}"})
