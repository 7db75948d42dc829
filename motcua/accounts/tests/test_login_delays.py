"""Wrong passwords (issue 12, item 1): one answer whether or not the account exists, growing delays per login name and
per client address instead of a lock an attacker could hold, for every caller of authenticate()."""

import time

import pytest
from django.contrib.auth import authenticate

from motcua.accounts import throttle
from motcua.accounts.models import User
from motcua.ratelimits import backoff

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self):
        self.now = time.time()

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(backoff, "_now", lambda: clock.now)
    return clock


@pytest.fixture
def citizen(db):
    return User.objects.create_user(
        "hoa.le", email="hoa@example.vn", phone="0912000111", password=PASSWORD, full_name="Lê Thị Hoa"
    )


def login(client, username, password=PASSWORD, **extra):
    return client.post("/dang-nhap/", {"username": username, "password": password}, **extra)


def answer(response) -> tuple[int, list[str]]:
    return response.status_code, list(response.context["form"].non_field_errors())


def test_a_wrong_password_says_nothing_about_the_account(client, citizen, clock):
    """The old page said “Còn 4 lần thử” for an account and nothing of the sort for a stranger's name."""
    for attempt in range(6):
        known = answer(login(client, "hoa@example.vn", "sai"))
        unknown = answer(login(client, "ai-do@example.vn", "sai"))
        assert known == unknown, attempt
        clock.advance(throttle.name_policy().cap)  # each try as soon as its wait is over
    assert known == (200, ["Tên đăng nhập hoặc mật khẩu không đúng."])


def test_the_delay_answers_alike_for_an_account_and_for_nobody(client, citizen):
    replies = {}
    for name in ("hoa@example.vn", "ai-do@example.vn"):
        replies[name] = [answer(login(client, name, "sai")) for _ in range(6)]
    assert replies["hoa@example.vn"] == replies["ai-do@example.vn"]
    status, [message] = replies["hoa@example.vn"][-1]
    assert status == 429 and "Vui lòng chờ" in message
    for telling in ("lần thử", "khóa", "tạm khóa", "tồn tại"):
        assert telling not in message


def test_wrong_passwords_cost_growing_delays_never_a_lock(client, citizen, clock, settings):
    assert settings.MOTCUA_LOGIN_FREE_FAILURES == 3
    assert [login(client, "hoa.le", "sai").status_code for _ in range(4)] == [200] * 4  # 3 free, the 4th too
    too_soon = login(client, "hoa.le")  # even the right password waits: it is not checked at all
    assert answer(too_soon) == (429, [throttle.WAIT_MESSAGE.format(duration="1 giây")])
    assert "_auth_user_id" not in client.session
    clock.advance(1)
    assert login(client, "hoa.le", "sai").status_code == 200  # a fifth failure: two seconds now
    assert "Vui lòng chờ 2 giây" in login(client, "hoa.le").content.decode()
    clock.advance(2)
    response = login(client, "hoa.le")
    assert response.status_code == 302 and response["Location"] == "/ho-so-cua-toi/"


def test_a_success_forgets_the_failures(client, citizen, clock):
    for _ in range(3):
        login(client, "hoa.le", "sai")
    assert login(client, "hoa.le").status_code == 302
    client.post("/dang-xuat/")
    assert [login(client, "hoa.le", "sai").status_code for _ in range(4)] == [200] * 4  # free ones again


def test_the_wait_ends_by_itself(client, citizen, clock, settings):
    for _ in range(20):
        login(client, "hoa.le", "sai")
        clock.advance(settings.MOTCUA_LOGIN_MAX_DELAY)
    assert login(client, "hoa.le").status_code == 302  # no lock: after the longest wait the owner gets in


def test_many_names_from_one_address_slow_that_address_down(client, citizen, settings):
    settings.MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS = 5
    spray = [
        login(client, f"nguoi{i}@example.vn", "Mat-khau-1", REMOTE_ADDR="203.0.113.9").status_code for i in range(6)
    ]
    assert spray == [200] * 6
    slowed = login(client, "hoa.le", REMOTE_ADDR="203.0.113.9")
    assert slowed.status_code == 429 and "Vui lòng chờ 1 giây" in slowed.content.decode()
    assert login(client, "hoa.le", REMOTE_ADDR="203.0.113.10").status_code == 302  # another address


def test_every_caller_of_authenticate_waits(client, citizen):
    for _ in range(4):
        login(client, "hoa.le", "sai")
    assert authenticate(None, username="hoa.le", password=PASSWORD) is None
    assert not client.login(username="hoa.le", password=PASSWORD)
    admin_login = client.post("/quan-tri/login/", {"username": "hoa.le", "password": PASSWORD})
    assert "_auth_user_id" not in client.session and admin_login.status_code == 200


def test_a_disabled_account_is_told_only_to_who_knows_its_password(client, citizen):
    User.objects.filter(pk=citizen.pk).update(is_active=False)
    assert answer(login(client, "hoa.le")) == (200, ["Tài khoản này đã bị vô hiệu hóa."])
    assert answer(login(client, "hoa.le", "sai")) == (200, ["Tên đăng nhập hoặc mật khẩu không đúng."])


def test_the_login_page_offers_password_recovery(client):
    assert 'href="/quen-mat-khau/"' in client.get("/dang-nhap/").content.decode()
