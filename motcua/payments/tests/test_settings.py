"""The sandbox is the development default only; production needs the real gateway from the environment."""

import json
import os
import subprocess
import sys

STRONG = "k9Qv-3tZ!pL8wR2#nB6yH0sD4fJ7mX1cV5gT9eA2uK8oP3iW6qE0rY4"
SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({k: "
    "getattr(s, k) for k in ('MOTCUA_VNPAY_URL', 'MOTCUA_VNPAY_TMN_CODE', 'MOTCUA_VNPAY_SECRET')}))"
)
PRODUCTION = {"MOTCUA_ENV": "production", "SECRET_KEY": STRONG, "ALLOWED_HOSTS": "motcua.example.vn"}


def settings_under(**env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MOTCUA_", "DJANGO_")) and k not in ("SECRET_KEY", "DATABASE_URL")
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="motcua.settings")
    return subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True, env=environment, timeout=60)


def test_development_points_at_the_sandbox():
    shown = json.loads(settings_under().stdout)
    assert shown["MOTCUA_VNPAY_URL"] == "http://127.0.0.1:8027/paymentv2/vpcpay.html"


def test_production_has_no_gateway_until_configured_and_never_the_sandbox():
    shown = json.loads(settings_under(**PRODUCTION).stdout)
    assert shown == {"MOTCUA_VNPAY_URL": "", "MOTCUA_VNPAY_TMN_CODE": "", "MOTCUA_VNPAY_SECRET": ""}
    sandbox = settings_under(
        **PRODUCTION,
        MOTCUA_VNPAY_URL="http://127.0.0.1:8027/paymentv2/vpcpay.html",
        MOTCUA_VNPAY_TMN_CODE="T",
        MOTCUA_VNPAY_SECRET="S",
    )
    assert sandbox.returncode != 0 and "không phải cổng giả lập" in sandbox.stderr
    no_secret = settings_under(**PRODUCTION, MOTCUA_VNPAY_URL="https://pay.vnpay.vn/vpcpay.html")
    assert no_secret.returncode != 0 and "MOTCUA_VNPAY_SECRET" in no_secret.stderr
    real = settings_under(
        **PRODUCTION,
        MOTCUA_VNPAY_URL="https://pay.vnpay.vn/vpcpay.html",
        MOTCUA_VNPAY_TMN_CODE="T",
        MOTCUA_VNPAY_SECRET="S",
    )
    assert json.loads(real.stdout)["MOTCUA_VNPAY_URL"] == "https://pay.vnpay.vn/vpcpay.html", real.stderr
