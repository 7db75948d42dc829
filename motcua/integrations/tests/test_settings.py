"""The SMS stand-in is the development default only; production takes the gateway and its keys from the environment."""

import json
import os
import subprocess
import sys

STRONG = "k9Qv-3tZ!pL8wR2#nB6yH0sD4fJ7mX1cV5gT9eA2uK8oP3iW6qE0rY4"
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: "
    "str(getattr(s, k)) for k in ('MOTCUA_SMS_URL', 'MOTCUA_SMS_API_KEY', 'EMAIL_BACKEND', 'MOTCUA_PUBLIC_URL', "
    "'DEFAULT_FROM_EMAIL', 'TASKS')}))"
)
CLEARED = (
    "SECRET_KEY",
    "MOTCUA_ENV",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "MOTCUA_PUBLIC_URL",
    "EMAIL_BACKEND",
    "DEFAULT_FROM_EMAIL",
)


def settings_under(**env):
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED and not k.startswith("MOTCUA_SMS_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="motcua.settings")
    return subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True, env=environment, timeout=60)


PRODUCTION = {"MOTCUA_ENV": "production", "SECRET_KEY": STRONG, "ALLOWED_HOSTS": "motcua.example.vn"}


def test_development_defaults_to_the_standin_and_the_console():
    run = settings_under()
    shown = json.loads(run.stdout)
    assert shown["MOTCUA_SMS_URL"] == "http://127.0.0.1:8025/api/sms/send"
    assert shown["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert "django_tasks_db.DatabaseBackend" in shown["TASKS"]


def test_production_never_defaults_to_the_standin():
    run = settings_under(**PRODUCTION)
    shown = json.loads(run.stdout)
    assert shown["MOTCUA_SMS_URL"] == "" and shown["MOTCUA_SMS_API_KEY"] == ""  # no SMS until configured
    assert shown["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert shown["MOTCUA_PUBLIC_URL"] == "https://motcua.example.vn"
    assert shown["DEFAULT_FROM_EMAIL"].endswith("<khong-tra-loi@motcua.example.vn>")


def test_production_gateway_needs_its_keys():
    run = settings_under(**PRODUCTION, MOTCUA_SMS_URL="https://sms.example.vn/api/send")
    assert run.returncode != 0 and "MOTCUA_SMS_API_KEY" in run.stderr
    run = settings_under(
        **PRODUCTION,
        MOTCUA_SMS_URL="https://sms.example.vn/api/send",
        MOTCUA_SMS_API_KEY="a",
        MOTCUA_SMS_SECRET_KEY="b",
    )
    assert json.loads(run.stdout)["MOTCUA_SMS_URL"] == "https://sms.example.vn/api/send"


def test_production_needs_a_public_address_for_the_tracking_link():
    run = settings_under(**{**PRODUCTION, "ALLOWED_HOSTS": "*"})
    assert run.returncode != 0 and "MOTCUA_PUBLIC_URL" in run.stderr
