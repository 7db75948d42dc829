"""Settings come from the environment; production refuses the development secret and passes check --deploy."""

import os
import subprocess
import sys

import pytest

STRONG = "k9Qv-3tZ!pL8wR2#nB6yH0sD4fJ7mX1cV5gT9eA2uK8oP3iW6qE0rY4"


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "MOTCUA_ENV", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "motcua.cli", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_production_refuses_to_start_with_the_default_secret():
    run = manage("check", MOTCUA_ENV="production", ALLOWED_HOSTS="motcua.example.vn")
    assert run.returncode != 0 and "SECRET_KEY phải được đặt" in run.stderr


def test_production_refuses_to_start_in_debug_mode():
    """Django's technical error page shows settings, code and the request to whoever causes an error (issue 12)."""
    for debug in ("1", "true", "on"):
        run = manage(
            "check", MOTCUA_ENV="production", SECRET_KEY=STRONG, ALLOWED_HOSTS="motcua.example.vn", DEBUG=debug
        )
        assert run.returncode != 0 and "DEBUG phải tắt khi MOTCUA_ENV=production" in run.stderr
    assert (
        manage(
            "check", MOTCUA_ENV="production", SECRET_KEY=STRONG, ALLOWED_HOSTS="motcua.example.vn", DEBUG="0"
        ).returncode
        == 0
    )
    assert manage("check", DEBUG="1").returncode == 0  # development may


def test_production_check_deploy_reports_nothing():
    run = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        MOTCUA_ENV="production",
        SECRET_KEY=STRONG,
        ALLOWED_HOSTS="motcua.example.vn",
    )
    assert run.returncode == 0, run.stderr
    assert "no issues" in run.stdout


def test_unknown_environment_name_is_refused():
    run = manage("check", MOTCUA_ENV="staging")
    assert run.returncode != 0 and "MOTCUA_ENV" in run.stderr


@pytest.mark.parametrize("language", ["vi", "en", "fr"])
def test_every_page_is_vietnamese_whatever_the_browser_asks(client, db, language):
    """The English catalogue covered a part of the pages: the switch is gone until it is complete (issue 11)."""
    client.cookies["django_language"] = language
    page = client.get("/thu-tuc/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "Danh mục thủ tục hành chính" in page and "English" not in page and 'lang="vi"' in page
    assert client.post("/i18n/setlang/", {"language": "en"}).status_code == 404


def test_debug_is_off_unless_asked_for():
    """The demo (make run) shows people the Vietnamese 404/500 pages, never Django's technical ones."""
    show = "from django.conf import settings; print(settings.DEBUG)"
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "MOTCUA_ENV")}
    quiet = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            f"'motcua.settings'); django.setup(); {show}",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    asked = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            f"'motcua.settings'); django.setup(); {show}",
        ],
        capture_output=True,
        text=True,
        env={**environment, "DEBUG": "1"},
        timeout=60,
    )
    assert (quiet.stdout.strip(), asked.stdout.strip()) == ("False", "True")


def test_operators_set_the_documented_limits_from_the_environment():
    show = (
        "from django.conf import settings; print(settings.MOTCUA_MAX_IMAGE_PIXELS, settings.MOTCUA_PLACE_NAME, "
        "settings.MOTCUA_REGISTER_PER_HOUR)"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if k != "MOTCUA_ENV"},
        "MOTCUA_MAX_IMAGE_PIXELS": "5000000",
        "MOTCUA_PLACE_NAME": "PhuTho",
        "MOTCUA_REGISTER_PER_HOUR": "7",
    }
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
            f"'motcua.settings'); django.setup(); {show}",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert run.stdout.split() == ["5000000", "PhuTho", "7"], run.stderr


def test_no_check_warning_at_the_moment_an_agencys_default_cut_off_comes_round(monkeypatch):
    """At 15:00:00 UTC Django's "fixed default value" check mistook the agencies' 15:00 cut-off for a forgotten
    timezone.now, and every command printed a warning (a CLI test failed on CI at that minute)."""
    import datetime as dt

    from django.core import checks
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2026, 12, 7, 15, 0, 0, tzinfo=dt.UTC))
    found = [m for m in checks.run_checks() if not m.is_silenced()]
    assert [m.id for m in found if m.id == "fields.W161"] == []
