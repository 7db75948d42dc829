"""The SMS gateway protocol over real HTTP on 127.0.0.1: the adapter against the stand-in, and the stand-in's CLI."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from motcua.gateways import sms
from motcua.gateways.standins import free_port
from motcua.integrations.sms_standin import SEND_PATH, StandinGateway


def gateway_for(standin, **changes) -> sms.Gateway:
    fields = {
        "url": standin.url,
        "api_key": "test-api-key",
        "secret_key": "test-secret-key",
        "brandname": "MOTCUA",
        "sms_type": "2",
        "timeout": 5,
    }
    return sms.Gateway(**{**fields, **changes})


def get_json(url):
    with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=5) as response:
        return json.loads(response.read())


def test_a_message_reaches_the_standin_and_gets_its_smsid(sms_gateway):
    smsid = sms.send("0912 345 678", "Hồ sơ 000.01.01.H44-260302-0001 đã được tiếp nhận.")
    messages = get_json(sms_gateway.url.replace(SEND_PATH, "/messages"))
    assert messages == [
        {
            "SMSID": smsid,
            "Phone": "0912345678",
            "Brandname": "MOTCUA",
            "SmsType": "2",
            "Content": "Hồ sơ 000.01.01.H44-260302-0001 đã được tiếp nhận.",
            "ReceivedAt": messages[0]["ReceivedAt"],
        }
    ]
    assert "ApiKey" not in messages[0] and "SecretKey" not in messages[0]


@pytest.mark.parametrize("key, secret", [("wrong", "test-secret-key"), ("test-api-key", "wrong"), ("", "")])
def test_wrong_credentials_are_refused_with_101_and_not_retried(sms_gateway, key, secret):
    with pytest.raises(sms.SmsError) as refused:
        gateway_for(sms_gateway, api_key=key, secret_key=secret).send("0912345678", "Thử")
    assert refused.value.code == "101" and not refused.value.retryable
    assert "Sai ApiKey hoặc SecretKey" in str(refused.value)
    assert sms_gateway.messages == []


@pytest.mark.parametrize(
    "phone, content, why",
    [
        ("02103812345", "Thử", "di động"),  # a landline
        ("0912345678", "x" * 700, "dài quá"),
        ("0912345678", "", "Content"),
    ],
)
def test_invalid_requests_are_refused_with_102(sms_gateway, phone, content, why):
    with pytest.raises(sms.SmsError, match=why) as refused:
        gateway_for(sms_gateway).send(phone, content)
    assert refused.value.code == "102" and not refused.value.retryable


def test_a_gateway_error_code_is_transient(sms_gateway):
    sms_gateway.fail = ("99", "Lỗi hệ thống")
    with pytest.raises(sms.SmsError, match="mã 99") as refused:
        gateway_for(sms_gateway).send("0912345678", "Thử")
    assert refused.value.retryable and refused.value.code == "99"


def test_no_gateway_listening_is_transient():
    with pytest.raises(sms.SmsError, match="Không kết nối được") as refused:
        sms.Gateway(url=f"http://127.0.0.1:{free_port()}{SEND_PATH}", api_key="k", secret_key="s").send(
            "0912345678", "Thử"
        )
    assert refused.value.retryable


def test_a_gateway_that_never_answers_times_out():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        started = time.monotonic()
        with pytest.raises(sms.SmsError) as refused:
            sms.Gateway(
                url=f"http://127.0.0.1:{silent.getsockname()[1]}{SEND_PATH}", api_key="k", secret_key="s", timeout=0.5
            ).send("0912345678", "Thử")
        assert time.monotonic() - started < 3 and refused.value.retryable
    finally:
        silent.close()


def test_unknown_path_and_non_json_bodies(sms_gateway):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    bad = urllib.request.Request(sms_gateway.url, data=b"not json", method="POST")
    with opener.open(bad, timeout=5) as response:
        assert json.loads(response.read())["CodeResult"] == "102"
    with pytest.raises(urllib.error.HTTPError) as missing:
        opener.open(urllib.request.Request(sms_gateway.url + "x", data=b"{}", method="POST"), timeout=5)
    assert missing.value.code == 404


def test_mobile_numbers_only():
    assert sms.is_mobile("0912345678") and sms.is_mobile("84912345678") and sms.is_mobile("0912 345 678")
    assert not sms.is_mobile("02103812345") and not sms.is_mobile("12345")


def test_the_standin_runs_as_a_program_and_stops_on_sigterm():
    port = free_port()
    env = {**os.environ, "MOTCUA_SMS_API_KEY": "cli-key", "MOTCUA_SMS_SECRET_KEY": "cli-secret"}
    process = subprocess.Popen(
        [sys.executable, "-m", "motcua.integrations.sms_standin", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert "Cổng SMS giả lập" in process.stdout.readline()
        url = f"http://127.0.0.1:{port}{SEND_PATH}"
        smsid = sms.Gateway(url=url, api_key="cli-key", secret_key="cli-secret").send("0912345678", "Xin chào")
        assert smsid and "0912345678: Xin chào" in process.stdout.readline()
        assert [m["SMSID"] for m in get_json(f"http://127.0.0.1:{port}/messages")] == [smsid]
        with pytest.raises(sms.SmsError, match="101"):
            sms.Gateway(url=url, api_key="standin-api-key", secret_key="standin-secret-key").send("0912345678", "x")
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
        process.stdout.close()
        process.stderr.close()


def test_a_busy_port_is_reported():
    taken = StandinGateway(free_port()).start()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "motcua.integrations.sms_standin", "--port", str(taken.server_address[1])],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert run.returncode == 1 and "không mở được" in run.stderr
    finally:
        taken.stop()
