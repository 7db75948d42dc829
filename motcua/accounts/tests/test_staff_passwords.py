"""Issue 12, item 3: a staff password has 12 characters at least and is not a common password (Django's list and a
Vietnamese one, also once digits and symbols are taken off), wherever it is set: the admin, `changepassword`,
`createsuperuser`. Citizens keep their rules: 8 characters, not in Django's list (motcua/accounts/passwords.py)."""

import io

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from motcua.accounts.models import User

pytestmark = pytest.mark.django_db
STRONG = "Sen-hồng-nở-muộn-47"


def refused(password, user) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return [error.code for error in exc.error_list]
    return []


@pytest.mark.parametrize(
    "password, codes",
    [
        ("Tr4ng-Anh9", ["password_too_short"]),  # 10 characters: enough for a citizen, not for staff
        ("matkhau123456", ["password_too_common"]),  # the Vietnamese list
        ("Matkhau@2026!", ["password_too_common"]),  # a listed word with a year and symbols
        ("Mậtkhẩu@2026!", ["password_too_common"]),  # … with its accents
        ("123456789012", ["password_too_common"]),  # Django's list
        ("Password12345!", ["password_too_common"]),  # a word of Django's list, digits and symbols added
        ("123456a@", ["password_too_short", "password_too_common"]),
        ("0912345678-2026", ["password_too_common"]),  # digits and symbols only
        (STRONG, []),
        ("mua-xuan-tren-doi-che-47", []),
    ],
)
def test_staff_password_rules(password, codes):
    staff = User(username="canbo.a", kind=User.Kind.STAFF)
    assert sorted(set(refused(password, staff))) == sorted(codes)


def test_admin_access_counts_as_staff_whatever_the_kind():
    for user in (User(username="qt", is_staff=True), User(username="qt", is_superuser=True)):
        assert refused("Tr4ng-Anh9", user) == ["password_too_short"]


@pytest.mark.parametrize(
    "password, codes",
    [
        ("Tr4ng-Anh9", []),
        ("Matkhau@2026!", []),
        ("hoa-sen-1", []),  # today's rules: 8 characters, Django's list
        ("xq7", ["password_too_short"]),
        ("12345678", ["password_too_common"]),
    ],
)
def test_citizens_keep_todays_rules(password, codes):
    for kind in (User.Kind.CITIZEN, User.Kind.BUSINESS):
        assert refused(password, User(username="congdan", kind=kind)) == codes


def test_the_staff_message_is_vietnamese():
    with pytest.raises(ValidationError) as caught:
        validate_password("matkhau", User(username="canbo.a", kind=User.Kind.STAFF))
    text = " ".join(caught.value.messages)
    assert "tài khoản cán bộ" in text and "ít nhất 12 ký tự" in text and "quá phổ biến" in text


def test_the_admin_checks_a_staff_password_when_the_account_is_made(admin_client):
    form = {
        "username": "canbo.moi",
        "usable_password": "true",
        "password1": "matkhau12345",
        "password2": "matkhau12345",
    }
    page = admin_client.post("/quan-tri/accounts/user/add/", {**form, "kind": "staff"})
    assert page.status_code == 200 and not User.objects.filter(username="canbo.moi").exists()
    assert "tài khoản cán bộ" in page.content.decode()
    made = admin_client.post("/quan-tri/accounts/user/add/", {**form, "kind": "citizen"})  # a citizen may
    assert made.status_code == 302 and User.objects.get(username="canbo.moi").kind == "citizen"


def test_the_admin_checks_a_staff_password_when_it_is_changed(admin_client, people):
    url = f"/quan-tri/accounts/user/{people['desk'].pk}/password/"
    page = admin_client.post(url, {"usable_password": "true", "password1": "Hanoi-2026", "password2": "Hanoi-2026"})
    assert page.status_code == 200 and "ít nhất 12 ký tự" in page.content.decode()
    done = admin_client.post(url, {"usable_password": "true", "password1": STRONG, "password2": STRONG})
    assert done.status_code == 302
    people["desk"].refresh_from_db()
    assert people["desk"].check_password(STRONG)


def test_changepassword_checks_a_staff_password(people, monkeypatch):
    answers = iter(["matkhau123456", "matkhau123456"] * 3)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="Aborting"):
        call_command("changepassword", "desk", stdout=io.StringIO(), stderr=io.StringIO())
    people["desk"].refresh_from_db()
    assert people["desk"].check_password("pw-desk")  # unchanged


def test_createsuperuser_checks_the_password_as_a_staff_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Quantri@2026")
    with pytest.raises(CommandError, match="quá phổ biến"):
        call_command(
            "createsuperuser", "--noinput", "--username", "quantri", "--email", "qt@example.vn", stdout=io.StringIO()
        )
    assert not User.objects.filter(username="quantri").exists()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", STRONG)
    call_command(
        "createsuperuser", "--noinput", "--username", "quantri", "--email", "qt@example.vn", stdout=io.StringIO()
    )
    assert User.objects.get(username="quantri").is_superuser


def test_createsuperuser_asks_again_for_a_weak_password(monkeypatch):
    from django.contrib.auth.management.commands import createsuperuser as django_command

    answers = iter(["Tr4ng-Anh9", "Tr4ng-Anh9", STRONG, STRONG])
    monkeypatch.setattr(django_command.getpass, "getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("builtins.input", lambda prompt="": "n")  # "Bypass password validation?" no
    errors = io.StringIO()
    call_command(
        "createsuperuser",
        "--username",
        "quantri",
        "--email",
        "qt@example.vn",
        interactive=True,
        stdout=io.StringIO(),
        stderr=errors,
        stdin=type("Tty", (io.StringIO,), {"isatty": lambda s: True})(),
    )
    assert "ít nhất 12 ký tự" in errors.getvalue()
    assert User.objects.get(username="quantri").check_password(STRONG)
    assert django_command.validate_password.__name__ == "validate_password"  # put back after the command
