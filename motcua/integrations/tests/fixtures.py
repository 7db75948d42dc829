"""Real network on 127.0.0.1 for notice tests: an SMTP sink (aiosmtpd) and the SMS stand-in (the database worker:
`motcua.dossiers.tests.fixtures.run_worker`).

Registered for every test by the root conftest.py (`pytest_plugins`).
"""

import email
import threading
from email import policy

import pytest

from motcua.gateways.standins import free_port
from motcua.integrations.sms_standin import StandinGateway


class SmtpSink:
    """Keeps every message an SMTP client hands it, parsed (subject decoded, body as text).

    The subject is stripped: Python's compat32 folding (used by Django) starts a long encoded subject on a
    continuation line, which the stdlib parser reads back with a leading space; mail clients drop it.
    """

    def __init__(self):
        self.received: list[email.message.EmailMessage] = []
        self.envelopes: list = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.envelopes.append(envelope)
            self.received.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def messages(self) -> list[dict]:
        with self.lock:
            return [
                {
                    "to": m["To"],
                    "from": m["From"],
                    "subject": str(m["Subject"]).strip(),
                    "message_id": m["Message-ID"],
                    "body": m.get_body(("plain",)).get_content().replace("\r\n", "\n"),
                }
                for m in self.received
            ]


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on a free port of 127.0.0.1, with Django's SMTP backend pointed at it."""
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield sink
    controller.stop()


@pytest.fixture
def sms_gateway(settings):
    """The SMS stand-in on a free port of 127.0.0.1, with the project's gateway settings pointed at it."""
    gateway = StandinGateway(free_port(), api_key="test-api-key", secret_key="test-secret-key").start()
    settings.MOTCUA_SMS_URL = gateway.url
    settings.MOTCUA_SMS_API_KEY, settings.MOTCUA_SMS_SECRET_KEY = "test-api-key", "test-secret-key"
    settings.MOTCUA_SMS_BRANDNAME, settings.MOTCUA_SMS_TIMEOUT = "MOTCUA", 5
    yield gateway
    gateway.stop()


@pytest.fixture
def fast_retries(settings):
    settings.MOTCUA_NOTICE_MAX_ATTEMPTS = 3
    settings.MOTCUA_NOTICE_RETRY_SECONDS = 0
