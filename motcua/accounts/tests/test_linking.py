"""Account pre-hijacking (issue 10): a typed ID number proves nothing; only the e-ID does.

Everything runs over the OpenID provider stand-in on 127.0.0.1 and the SMS stand-in, as a browser would: the
attacker registers through the real form and codes, the victim signs in through the real authorization flow.
The squatter who also files dossiers and keeps documents, seen from both accounts: tests/test_linking.py.
"""

import urllib.parse

import pytest
from django.contrib.auth import get_user

from motcua.accounts.models import User
from motcua.accounts.oidc_standin import TEST_CITIZEN, StandinProvider

from .conftest import PASSWORD, fetch_redirect, follow_callback, start_and_authorize

pytestmark = pytest.mark.django_db
VICTIM_NUMBER = TEST_CITIZEN["so_dinh_danh"]
VICTIM_SUB = StandinProvider.subject(TEST_CITIZEN)
WATCHED = (
    "username",
    "id_number",
    "id_verified",
    "vneid_subject",
    "vneid_verified_at",
    "full_name",
    "email",
    "phone",
    "password",
    "kind",
    "is_active",
)


def signed_in(client):
    user = get_user(client)
    return user if user.is_authenticated else None


def snapshot(user) -> dict:
    user.refresh_from_db()
    return {name: getattr(user, name) for name in WATCHED}


def start_linking(client) -> urllib.parse.SplitResult:
    """The signed-in owner presses "Liên kết VNeID": our start view → the provider → the callback address."""
    response = client.post("/tai-khoan/lien-ket-vneid/")
    assert response.status_code == 302 and response["Location"].startswith("http://127.0.0.1"), response
    return urllib.parse.urlsplit(fetch_redirect(response["Location"]))


def password_citizen(username="hoa.le", id_number="001190000123", **fields) -> User:
    return User.objects.create_user(username, password=PASSWORD, full_name="Lê Thị Hoa", id_number=id_number, **fields)


def test_the_owner_links_their_password_account_in_the_same_session(client, oidc_provider):
    owner = password_citizen(id_number="001190000123")  # typed a wrong number at registration
    assert client.post("/dang-nhap/", {"username": "hoa.le", "password": PASSWORD}).status_code == 302
    page = client.get("/tai-khoan/").content.decode()
    assert 'id="vneid-link"' in page and "tự khai, chưa xác thực" in page
    response = follow_callback(client, start_linking(client))
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    owner.refresh_from_db()
    assert (owner.id_number, owner.id_verified, owner.vneid_subject) == (VICTIM_NUMBER, True, VICTIM_SUB)
    assert owner.vneid_verified_at is not None and owner.has_usable_password()
    assert signed_in(client).pk == owner.pk
    page = client.get("/tai-khoan/").content.decode()
    assert "Đã liên kết tài khoản định danh điện tử (VNeID)" in page and "đã xác thực qua VNeID" in page
    assert 'id="vneid-link"' not in page

    client.post("/dang-xuat/")  # from now on the e-ID opens this account
    follow_callback(client, start_and_authorize(client))
    assert signed_in(client).pk == owner.pk and User.objects.count() == 1


@pytest.mark.parametrize(
    "holder",
    [
        {"id_number": VICTIM_NUMBER, "id_verified": True},  # verified, e.g. migrated
        {"id_number": VICTIM_NUMBER, "id_verified": True, "vneid_subject": VICTIM_SUB},  # signed in with the e-ID
    ],
)
def test_linking_is_refused_when_the_e_id_is_already_on_another_account(client, oidc_provider, holder):
    other = User.objects.create_user("vneid_" + VICTIM_NUMBER, full_name="Nguyễn Văn Thử", **holder)
    owner = password_citizen(id_number="")
    before, other_before = snapshot(owner), snapshot(other)
    client.post("/dang-nhap/", {"username": "hoa.le", "password": PASSWORD})
    response = follow_callback(client, start_linking(client))
    assert response.status_code == 400
    page = response.content.decode()
    assert "đã gắn với một tài khoản khác" in page and "Không liên kết được VNeID" in page
    assert "Tài khoản của bạn không bị thay đổi" in page
    assert snapshot(owner) == before and snapshot(other) == other_before
    assert signed_in(client).pk == owner.pk  # still the password account, never switched to the other one


def test_a_linking_flow_started_by_one_user_cannot_link_another(client, oidc_provider):
    x = password_citizen("x.user", id_number="")
    y = password_citizen("y.user", id_number="")
    before = {u.pk: snapshot(u) for u in (x, y)}

    # X starts linking, signs out, Y signs in on the same browser and the callback arrives: refused.
    client.post("/dang-nhap/", {"username": "x.user", "password": PASSWORD})
    callback = start_linking(client)
    client.post("/dang-xuat/")
    client.post("/dang-nhap/", {"username": "y.user", "password": PASSWORD})
    assert follow_callback(client, callback).status_code == 400

    # Even with X's open flow carried over into Y's session, the callback checks who is signed in.
    client.post("/dang-xuat/")
    client.post("/dang-nhap/", {"username": "x.user", "password": PASSWORD})
    callback = start_linking(client)
    flows = client.session["oidc_flows"]
    client.force_login(y)
    session = client.session
    session["oidc_flows"] = flows
    session.save()
    response = follow_callback(client, callback)
    assert response.status_code == 400 and "Phiên liên kết VNeID không còn hợp lệ" in response.content.decode()
    assert oidc_provider.token_requests == []  # refused before the code was even exchanged
    assert {u.pk: snapshot(u) for u in (x, y)} == before
    assert not User.objects.filter(id_verified=True).exists()

    # Nor does a signed-out browser turn X's linking flow into a sign-in.
    client.logout()
    session = client.session
    session["oidc_flows"] = flows
    session.save()
    assert follow_callback(client, callback).status_code == 400 and signed_in(client) is None


def test_a_sign_in_started_while_signed_in_never_links(client, oidc_provider):
    owner = password_citizen(id_number=VICTIM_NUMBER)
    before = snapshot(owner)
    client.post("/dang-nhap/", {"username": "hoa.le", "password": PASSWORD})
    follow_callback(client, start_and_authorize(client))  # "Đăng nhập bằng VNeID", not "Liên kết VNeID"
    assert signed_in(client).pk != owner.pk and snapshot(owner) == before


def test_linking_needs_the_post_button_and_a_signed_in_user(client, oidc_provider):
    assert client.post("/tai-khoan/lien-ket-vneid/")["Location"].startswith("/dang-nhap/")
    password_citizen()
    client.post("/dang-nhap/", {"username": "hoa.le", "password": PASSWORD})
    assert client.get("/tai-khoan/lien-ket-vneid/").status_code == 405


def test_staff_never_link_nor_sign_in_with_the_e_id(client, oidc_provider):
    official = User.objects.create_user("canbo", password=PASSWORD, kind="staff", id_number=VICTIM_NUMBER)
    before = snapshot(official)
    client.post("/dang-nhap/", {"username": "canbo", "password": PASSWORD})
    assert 'id="vneid-link"' not in client.get("/tai-khoan/").content.decode()
    response = client.post("/tai-khoan/lien-ket-vneid/")
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/"
    assert "Tài khoản cán bộ không liên kết" in client.get("/tai-khoan/").content.decode()
    assert snapshot(official) == before

    # The official's typed number does not make the e-ID open the staff account: the person gets a citizen one.
    client.post("/dang-xuat/")
    follow_callback(client, start_and_authorize(client))
    assert signed_in(client).kind == User.Kind.CITIZEN and snapshot(official) == before


def test_a_verified_staff_account_is_refused_at_e_id_sign_in(client, oidc_provider):
    User.objects.create_user("canbo", password="x", kind="staff", id_number=VICTIM_NUMBER, id_verified=True)
    response = follow_callback(client, start_and_authorize(client))
    assert response.status_code == 400
    assert "Tài khoản cán bộ không đăng nhập bằng VNeID" in response.content.decode()
    assert signed_in(client) is None


def test_only_one_account_may_hold_a_verified_number():
    from django.db import IntegrityError, transaction

    User.objects.create_user("a", id_number=VICTIM_NUMBER)
    User.objects.create_user("b", id_number=VICTIM_NUMBER)  # typed twice: allowed
    User.objects.create_user("c", id_number=VICTIM_NUMBER, id_verified=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("d", id_number=VICTIM_NUMBER, id_verified=True)


def test_a_link_cancelled_at_the_provider_leaves_the_owner_signed_in_and_unchanged(client, oidc_provider):
    owner = password_citizen()
    before = snapshot(owner)
    client.post("/dang-nhap/", {"username": "hoa.le", "password": PASSWORD})
    oidc_provider.deny = "access_denied"
    response = follow_callback(client, start_linking(client))
    page = response.content.decode()
    assert response.status_code == 400 and "Không liên kết được VNeID" in page and "từ chối hoặc hủy" in page
    assert signed_in(client).pk == owner.pk and snapshot(owner) == before
