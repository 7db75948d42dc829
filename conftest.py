"""Fixtures shared by every app's tests: the screenshot folder and a Chromium page driven by Playwright."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls in tests are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Shared fixtures: a small province with one user per role and a five-day procedure; SMTP and SMS stand-ins.
pytest_plugins = [
    "motcua.dossiers.tests.fixtures",
    "motcua.integrations.tests.fixtures",
    "motcua.signing.tests.fixtures",
    "motcua.national.tests.fixtures",
]

ROOT = Path(__file__).resolve().parent


def pytest_configure(config):
    from motcua.messages import compile_all

    compile_all()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """On a Citus cluster (`make test-citus`), the migrated test database is distributed before any test runs."""
    from motcua.serving import citus

    with django_db_blocker.unblock():
        if citus.is_citus():
            # four shards, two a worker: enough to show where a query runs, and each test's flush stays short
            citus.distribute(log=lambda line: None, shard_count=4)


SHARED_DATA = ROOT.parent / "shared" / "data"
CHROMIUM = "/usr/bin/chromium"


def require(condition: bool, reason: str, strict_env: str) -> None:
    """Skip when something outside the project is missing, but fail instead where CI demands it."""
    if condition:
        return
    if os.environ.get(strict_env) == "1":
        pytest.fail(f"{reason} ({strict_env}=1)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    require(SHARED_DATA.is_dir(), f"no shared data at {SHARED_DATA}", "MOTCUA_REQUIRE_SHARED")
    return SHARED_DATA


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = ROOT / "artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def chromium():
    require(Path(CHROMIUM).exists(), f"{CHROMIUM} is not installed", "MOTCUA_REQUIRE_BROWSER")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Each page of a context reports a Content-Security-Policy violation on the console, as Chromium words it ("Refused
# to execute inline script because it violates…") and as the page's securitypolicyviolation event tells it.
# Playwright's page.wait_for_function("an expression") runs eval in the page, which the policy refuses: wait with a
# locator instead (page.locator("#save-state", has_text="Đã lưu").wait_for()).
CSP_EVENTS = """document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: "
  + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));"""


def watch_csp(context) -> list[str]:
    """The Content-Security-Policy violations of every page of this browser context, as they happen (issue 12)."""
    seen: list[str] = []

    def note(message):
        if message.type == "error" and (
            "Content Security Policy" in message.text or message.text.startswith("CSP violation")
        ):
            seen.append(f"{message.page.url if message.page else '?'}: {message.text}")

    context.add_init_script(CSP_EVENTS)
    context.on("console", note)
    return seen


@pytest.fixture
def csp_watch():
    """`watch_csp`, for a test that makes its own browser contexts."""
    return watch_csp


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN", device_scale_factor=1)
    context.set_default_timeout(10_000)
    violations = watch_csp(context)
    yield context.new_page()
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def desktop_page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(10_000)
    violations = watch_csp(context)
    yield context.new_page()
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture(scope="session")
def demo_ca_file(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-ca") / "demo-ca.pem"


@pytest.fixture(autouse=True)
def demo_authority_apart(settings, demo_ca_file):
    """The demo authority a test's `demo load` makes is kept in the session's temporary folder, never beside the
    code, and serves on a free port, never on the demo's 8029 (a `make run` may be using it)."""
    settings.MOTCUA_DEMO_CA = demo_ca_file
    settings.MOTCUA_TSA_URL = ""


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's 1,000,000 rounds cost ~0.3 s per user; tests create many users and do not test the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    """Each test starts from an empty default cache. The rate limits count in the database (rolled back after each
    test); their windows are fixed minutes or hours, so their clocks (the window counts' and django-ratelimit's, which
    the login delays use) stand still during a test: a window must not end between the 10th and the 11th lookup."""
    import time
    import types

    import django_ratelimit.core
    from django.core.cache import cache

    from motcua.ratelimits import limits

    cache.clear()
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", types.SimpleNamespace(time=lambda: now))
    monkeypatch.setattr(limits, "_now", lambda: now)


@pytest.fixture(autouse=True)
def test_client_logins_are_complete(monkeypatch):
    """`client.force_login(user)` and `client.login(...)` stand for a finished login: like the password, the second
    factor (motcua/accounts/second_factor.py) is taken as given, so that a test about a leader's page does not have
    to enrol an authenticator first. The code step itself is tested through its pages (motcua/accounts/tests/
    test_second_factor.py), and the browser tests sign in through the pages, code included."""
    from django.test import Client

    from motcua.accounts import second_factor

    login = Client._login

    def complete_login(self, user, backend=None):
        login(self, user, backend)
        session = self.session
        if session.pop(second_factor.PENDING, None) is not None:
            session.save()

    monkeypatch.setattr(Client, "_login", complete_login)
