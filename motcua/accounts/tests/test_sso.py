"""Single sign-on through the OpenID provider stand-in over real HTTP on 127.0.0.1."""

import urllib.parse

import pytest

from motcua.accounts.models import User
from motcua.accounts.oidc_standin import TEST_CITIZEN, StandinProvider

from .conftest import follow_callback, start_and_authorize

pytestmark = pytest.mark.django_db


def logged_in_user(client):
    from django.contrib.auth import get_user

    user = get_user(client)
    return user if user.is_authenticated else None


def test_authorization_request_carries_pkce_state_and_nonce(client, oidc_provider):
    response = client.get("/dang-nhap/vneid/")
    url = urllib.parse.urlsplit(response["Location"])
    params = dict(urllib.parse.parse_qsl(url.query))
    assert f"{url.scheme}://{url.netloc}" == oidc_provider.issuer and url.path == "/authorize"
    assert params["response_type"] == "code" and params["client_id"] == "test-client"
    assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) == 43
    assert params["state"] and params["nonce"] and params["scope"] == "openid"
    assert params["redirect_uri"] == "http://testserver/dang-nhap/vneid/callback/"


def test_first_sso_login_creates_a_citizen_account_from_the_claims(client, oidc_provider):
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"
    user = logged_in_user(client)
    assert user.id_number == TEST_CITIZEN["so_dinh_danh"] and user.kind == User.Kind.CITIZEN
    assert user.full_name == "Nguyễn Văn Thử" and user.phone == "0912345678"
    assert user.email == "nguyen.van.thu@example.vn" and not user.has_usable_password()
    assert user.vneid_verified_at is not None and user.id_verified
    assert user.vneid_subject == StandinProvider.subject(TEST_CITIZEN)
    assert oidc_provider.token_requests == [{"ok": True, "error": ""}]


def test_sso_opens_the_account_whose_number_the_e_id_verified_and_records_its_subject(client, oidc_provider):
    # An account verified before subjects were kept (migration 0003): found by its verified number, once.
    existing = User.objects.create_user(
        "chu.ho", full_name="Trần Thị Có", id_number=TEST_CITIZEN["so_dinh_danh"], id_verified=True
    )
    response = follow_callback(client, start_and_authorize(client, next_url="/thu-tuc/"))
    assert response.status_code == 302 and response["Location"] == "/thu-tuc/"
    assert logged_in_user(client).pk == existing.pk
    assert User.objects.count() == 1
    existing.refresh_from_db()
    assert existing.full_name == "Trần Thị Có" and existing.vneid_verified_at is not None
    assert existing.vneid_subject == StandinProvider.subject(TEST_CITIZEN)


def test_sso_never_opens_an_account_whose_number_was_only_typed(client, oidc_provider):
    typed = User.objects.create_user(
        "chu.ho", password="x-Secret-123", full_name="Trần Thị Có", id_number=TEST_CITIZEN["so_dinh_danh"]
    )
    follow_callback(client, start_and_authorize(client))
    user = logged_in_user(client)
    assert user.pk != typed.pk and user.id_verified and user.full_name == "Nguyễn Văn Thử"
    typed.refresh_from_db()
    assert not typed.id_verified and typed.vneid_subject is None and typed.vneid_verified_at is None


def test_an_e_id_with_another_subject_does_not_open_a_verified_account(client, oidc_provider):
    User.objects.create_user(
        "chu.ho", id_number=TEST_CITIZEN["so_dinh_danh"], id_verified=True, vneid_subject="another-subject"
    )
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400 and "một tài khoản VNeID khác" in response.content.decode()
    assert logged_in_user(client) is None and User.objects.count() == 1


def test_citizen_id_claim_name_is_accepted(client, oidc_provider, settings):
    settings.MOTCUA_OIDC_ID_CLAIM = "citizen_id"
    oidc_provider.citizen = {**TEST_CITIZEN, "so_dinh_danh": "", "citizen_id": "002085001234"}
    follow_callback(client, start_and_authorize(client))
    assert logged_in_user(client).id_number == "002085001234"


@pytest.mark.parametrize(
    "fault, message",
    [
        ("tamper", "Chữ ký của mã xác thực không hợp lệ"),
        ("expired", "Phiên xác thực đã hết hạn"),
        ("wrong_audience", "Mã xác thực không hợp lệ"),
        ("wrong_issuer", "Mã xác thực không hợp lệ"),
        ("wrong_nonce", "Mã xác thực không hợp lệ"),
    ],
)
def test_bad_id_tokens_are_refused(client, oidc_provider, fault, message):
    oidc_provider.faults.add(fault)
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400
    assert message in response.content.decode() and "Không đăng nhập được" in response.content.decode()
    assert logged_in_user(client) is None and not User.objects.exists()


def test_wrong_state_is_refused_before_any_token_request(client, oidc_provider):
    response = follow_callback(client, start_and_authorize(client), state="forged-state")
    assert response.status_code == 400 and "Phiên đăng nhập không hợp lệ" in response.content.decode()
    assert logged_in_user(client) is None and oidc_provider.token_requests == []


def test_a_callback_cannot_be_replayed(client, oidc_provider):
    callback = start_and_authorize(client)
    assert follow_callback(client, callback).status_code == 302
    client.logout()
    assert follow_callback(client, callback).status_code == 400
    assert logged_in_user(client) is None


def test_pkce_verifier_mismatch_is_refused_by_the_provider(client, oidc_provider):
    callback = start_and_authorize(client)
    session = client.session
    state = dict(urllib.parse.parse_qsl(callback.query))["state"]
    session["oidc_flows"][state]["verifier"] = "x" * 64  # not the verifier the challenge was made from
    session.save()
    response = follow_callback(client, callback)
    assert response.status_code == 400 and "Máy chủ xác thực từ chối" in response.content.decode()
    assert oidc_provider.token_requests[-1]["description"] == "PKCE verification failed"
    assert logged_in_user(client) is None


def test_wrong_client_secret_is_refused(client, oidc_provider, settings):
    settings.MOTCUA_OIDC_CLIENT_SECRET = "not-the-secret"
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400 and oidc_provider.token_requests[-1]["error"] == "invalid_client"
    assert logged_in_user(client) is None


def test_provider_error_is_shown_in_vietnamese(client, oidc_provider):
    oidc_provider.deny = "access_denied"
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400 and "từ chối hoặc hủy đăng nhập" in response.content.decode()
    assert logged_in_user(client) is None


def test_unreachable_provider_gives_an_error_page(client, oidc_provider):
    oidc_provider.stop()
    response = client.get("/dang-nhap/vneid/")
    assert response.status_code == 502 and "Không kết nối được" in response.content.decode()


def test_sso_off_hides_the_button_and_refuses_the_start(client, db, settings):
    settings.MOTCUA_OIDC_ISSUER = ""
    assert "vneid-login" not in client.get("/dang-nhap/").content.decode()
    assert client.get("/dang-nhap/vneid/").status_code == 404


def test_login_page_shows_the_button_when_configured(client, oidc_provider):
    assert 'id="vneid-login"' in client.get("/dang-nhap/").content.decode()


def test_production_never_defaults_to_the_standin():
    import json
    import os
    import subprocess
    import sys

    show = (
        "import json, django; django.setup(); from django.conf import settings as s; from motcua.accounts "
        "import oidc; print(json.dumps([s.MOTCUA_OIDC_ISSUER, s.MOTCUA_OIDC_CLIENT_ID, oidc.enabled()]))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(
        MOTCUA_ENV="production",
        SECRET_KEY="k9Qv-3tZ!pL8wR2#nB6yH0sD4fJ7mX1cV5gT9eA2uK8oP3iW6qE0rY4",
        ALLOWED_HOSTS="motcua.example.vn",
        DJANGO_SETTINGS_MODULE="motcua.settings",
    )
    run = subprocess.run([sys.executable, "-c", show], capture_output=True, text=True, env=env, timeout=60)
    assert json.loads(run.stdout) == ["", "", False], run.stderr
    env["MOTCUA_OIDC_ISSUER"] = "https://xacthuc.dichvucong.gov.vn/oauth2/token"
    run = subprocess.run([sys.executable, "-c", show], capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode != 0 and "MOTCUA_OIDC_CLIENT_ID" in run.stderr


def test_sso_never_signs_into_a_staff_account(client, oidc_provider):
    User.objects.create_user(
        "canbo", password="x", kind="staff", id_number=TEST_CITIZEN["so_dinh_danh"], id_verified=True
    )
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400
    assert "Tài khoản cán bộ không đăng nhập bằng VNeID" in response.content.decode()
    assert logged_in_user(client) is None
