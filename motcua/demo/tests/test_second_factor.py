"""The demo stays usable with the second factor: its admin and leaders get a known authenticator key, printed in the
banner, and `motcua demo otp NAME` prints a code the login accepts (motcua/demo/second_factor.py)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from motcua.accounts import second_factor as rules
from motcua.demo import second_factor
from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load, second_factor_logins

pytestmark = pytest.mark.django_db


def test_the_demo_admin_and_leaders_get_a_known_key_and_nobody_else():
    load()
    assert [name for name, _ in second_factor_logins()] == ["admin", "giamsat", "lanhdao"]
    device = TOTPDevice.objects.get(user__username="lanhdao")
    assert device.confirmed and device.key == second_factor.key("lanhdao")
    assert dict(second_factor_logins())["lanhdao"] == second_factor.secret("lanhdao")
    load()  # again: the same keys, no second device
    assert TOTPDevice.objects.filter(user__username="lanhdao").count() == 1
    assert TOTPDevice.objects.get(user__username="lanhdao").pk == device.pk


def test_the_printed_code_signs_a_demo_leader_in_and_the_next_one_is_new():
    load()
    for attempt in range(2):  # two logins in a row: the second gets a code the first did not use
        out, err = io.StringIO(), io.StringIO()
        call_command("demo", "otp", "lanhdao", stdout=out, stderr=err)
        code = out.getvalue().strip()
        assert len(code) == 6 and code.isdigit() and "Mã xác thực của lanhdao" in err.getvalue()
        client = Client()
        step = client.post("/dang-nhap/", {"username": "lanhdao", "password": PASSWORD})
        assert step["Location"].startswith("/dang-nhap/ma-xac-thuc/"), attempt
        done = client.post("/dang-nhap/ma-xac-thuc/", {"code": code})
        assert done.status_code == 302 and rules.PENDING not in client.session, attempt


def test_otp_for_an_account_without_a_demo_key_says_which_have_one():
    load()
    with pytest.raises(CommandError, match="admin, giamsat, lanhdao"):
        call_command("demo", "otp", "tiepnhan")
