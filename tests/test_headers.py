"""Issue 12, item 3: the Content-Security-Policy every page is served with, no inline code left in a page, and
Cache-Control: no-store on every response of a page with personal data (motcua/headers.py, docs/security.md)."""

import io
import re
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from motcua import headers
from motcua.dossiers import lifecycle
from motcua.dossiers.files import FILE_POLICY

ROOT = Path(__file__).resolve().parent.parent
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def directives(response) -> dict:
    header = response["Content-Security-Policy"]
    return dict((part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part.strip())


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def filed(five_days, province, people, applicant):
    """An online dossier of the citizen, with one scanned document (personal data on every page that shows it)."""
    scan = SimpleUploadedFile("giay-chung-sinh.png", png(), content_type="image/png")
    dossier = lifecycle.register(
        actor=people["citizen"],
        version=five_days,
        receiving_agency=province["centre"],
        channel="online",
        applicant_user=people["citizen"],
        uploads=[(None, scan)],
        applicant={**applicant, "applicant_name": "Vũ Thị Mai"},
    )
    return dossier


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


# --- Content-Security-Policy ---


@pytest.mark.django_db
def test_every_page_is_served_with_the_strict_policy(client):
    for url in ("/thu-tuc/", "/dang-nhap/", "/tra-cuu/", "/danh-gia-tai-quay/", "/khong-co-trang-nay/"):
        assert directives(client.get(url)) == POLICY, url


def test_the_policy_allows_no_inline_code_and_no_eval():
    from django.conf import settings

    policy = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for directive in ("default-src", "script-src", "style-src"):
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:"} & set(policy[directive])
    assert "script-src-attr" not in policy and "style-src-attr" not in policy


@pytest.mark.django_db
def test_the_payment_page_may_send_its_form_on_to_the_gateway_only(filed, people, settings):
    settings.MOTCUA_VNPAY_URL = "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
    citizen = signed_in(people["citizen"])
    page = citizen.get(reverse("payments:start", args=[filed.code]))
    assert page.status_code == 200
    assert directives(page)["form-action"] == "'self' https://sandbox.vnpayment.vn"
    assert directives(citizen.get("/ho-so-cua-toi/"))["form-action"] == "'self'"  # nowhere else


@pytest.mark.django_db
def test_the_account_page_may_send_the_vneid_link_form_on_to_the_identity_provider(people, settings):
    settings.MOTCUA_OIDC_ISSUER = "https://xacthuc.dichvucong.gov.vn/oidc"
    page = signed_in(people["citizen"]).get("/tai-khoan/")
    assert directives(page)["form-action"] == "'self' https://xacthuc.dichvucong.gov.vn"


@pytest.mark.django_db
def test_a_stored_file_keeps_its_own_sandbox_policy(filed, people):
    url = reverse("office:document", args=[filed.code, filed.documents.get().pk])
    response = signed_in(people["desk"]).get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == FILE_POLICY
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_swagger_ui_runs_no_inline_script_or_style(client):
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200 and directives(page)["script-src"] == "'self'"
    html = page.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) and "<style" not in html and " style=" not in html
    script = re.search(r'<script src="([^"]*\?[^"]*script=[^"]*)"', html).group(1).replace("&amp;", "&")
    initializer = client.get(script)
    assert initializer.status_code == 200 and initializer["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle(" in initializer.content


@pytest.mark.django_db
def test_only_the_browsable_api_may_have_inline_styles_and_never_inline_scripts(received, people):
    officer = signed_in(people["desk"])
    page = officer.get("/api/v1/dossiers/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and b"Django REST framework" in page.content
    assert directives(page) == {**POLICY, "style-src": "'self' 'unsafe-inline'"}
    assert directives(officer.get("/api/v1/dossiers/")) == POLICY  # JSON
    assert directives(officer.get("/api/v1/docs/")) == POLICY  # Swagger UI


# The templates a browser gets (the others are turned into PDF by WeasyPrint, where no policy applies).
PDF_TEMPLATES = {
    "dossiers/forms/",
    "indicators/report_pdf.html",
    "indicators/tables_pdf.html",
    "payments/receipt.html",
    "dashboard/export.html",
}
INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I), "inline script"),
    (re.compile(r"<style[\s>]", re.I), "<style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_no_page_template_has_inline_code():
    found = []
    for template in sorted(ROOT.glob("motcua/**/templates/**/*.html")):
        name = template.as_posix().split("/templates/", 1)[1]
        if any(name.startswith(prefix) for prefix in PDF_TEMPLATES):
            continue
        text = template.read_text(encoding="utf-8")
        found += [f"{name}: {what}" for pattern, what in INLINE if pattern.search(text)]
    assert not found, "\n".join(found)


# --- Cache-Control: no-store ---


def routes(patterns=None, prefix=""):
    """(path with its converters, view name) of every URL pattern of the project."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            for path, name in routes(entry.url_patterns, prefix + str(entry.pattern)):
                yield path, (namespace + name) if name else name
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name or ""


SAMPLE = {"int": "1", "str": "X-1", "slug": "x", "uuid": str(uuid.uuid4()), "path": "x"}


def concrete(route: str, code: str) -> str | None:
    """A path for a route: the dossier's code for <str:code>, a sample for any other converter; None for admin
    regexes (the admin's own pages are requested by name below)."""
    if route.startswith("^") or "(?P" in route:
        return None
    path = re.sub(r"<str:code>", code, route)
    path = re.sub(r"<(\w+):\w+>", lambda m: SAMPLE[m.group(1)], path)
    return "/" + path


def test_every_route_is_walked():
    paths = [concrete(route, "X") for route, _ in routes()]
    assert len([p for p in paths if p]) > 60 and "/can-bo/ho-so/X/" in paths and "/api/v1/dossiers/X/" in paths


@pytest.mark.django_db
def test_every_response_but_the_public_pages_is_never_stored(filed, people, admin_user):
    """Every URL of urls.py, for nobody, the citizen, an officer and the admin, whatever it answers (a page, a
    redirect to the login page, 403, 404, 405): no-store, except the catalogue and the public statistics."""
    clients = {
        "anonymous": Client(raise_request_exception=False),
        "citizen": signed_in(people["citizen"]),
        "officer": signed_in(people["desk"]),
        "admin": signed_in(admin_user),
    }
    admin_pages = [
        "/quan-tri/",
        "/quan-tri/login/",
        "/quan-tri/accounts/user/",
        f"/quan-tri/accounts/user/{people['citizen'].pk}/change/",
        f"/quan-tri/accounts/user/{people['citizen'].pk}/password/",
        "/quan-tri/dossiers/dossier/",
    ]
    paths = sorted({p for p in (concrete(route, filed.code) for route, _ in routes()) if p} | set(admin_pages))
    stored, seen = [], 0
    for who, client in clients.items():
        for path in paths:
            response = client.get(path)
            seen += 1
            public = headers.view_name(response.wsgi_request) in headers.PUBLIC_VIEWS
            if public:
                continue
            if "no-store" not in response.get("Cache-Control", "") or response.get("Pragma") != "no-cache":
                stored.append(
                    f"{who} {path}: HTTP {response.status_code}, Cache-Control "
                    f"{response.get('Cache-Control')!r}, Pragma {response.get('Pragma')!r}"
                )
    assert seen > 250 and not stored, "\n".join(stored)


@pytest.mark.django_db
def test_pages_with_personal_data_answer_and_are_never_stored(filed, people, admin_user):
    citizen, officer, admin = signed_in(people["citizen"]), signed_in(people["desk"]), signed_in(admin_user)
    document = filed.documents.get().pk
    pages = [
        (officer, "get", reverse("office:home"), {}),
        (officer, "get", reverse("office:dossier", args=[filed.code]), {}),
        (officer, "get", reverse("office:document", args=[filed.code, document]), {}),
        (officer, "get", "/api/v1/dossiers/", {}),
        (officer, "get", f"/api/v1/dossiers/{filed.code}/", {}),
        (citizen, "get", "/ho-so-cua-toi/", {}),
        (citizen, "get", f"/ho-so-cua-toi/{filed.code}/", {}),
        (citizen, "get", "/tai-khoan/", {}),
        (citizen, "get", "/kho-du-lieu/", {}),
        (Client(), "post", "/tra-cuu/", {"ma": filed.code, "xac_minh": filed.applicant_phone}),
        (Client(), "get", "/danh-gia-tai-quay/", {}),
        (admin, "get", f"/quan-tri/accounts/user/{people['citizen'].pk}/change/", {}),
    ]
    for client, method, url, data in pages:
        response = getattr(client, method)(url, data)
        assert response.status_code == 200, (url, response.status_code)
        assert "no-store" in response["Cache-Control"] and response["Pragma"] == "no-cache", url
    tracked = pages[9][0].post("/tra-cuu/", pages[9][3]).content.decode()
    assert filed.code in tracked  # the tracking result really shows the dossier


@pytest.mark.django_db
def test_the_public_catalogue_and_statistics_stay_cacheable(client, five_days):
    assert "no-store" not in client.get("/thu-tuc/").get("Cache-Control", "")
    assert "no-store" not in client.get(f"/thu-tuc/{five_days.procedure.code}/").get("Cache-Control", "")
    assert client.get("/thong-ke/")["Cache-Control"] == "max-age=300"
