"""Settings for motcua, read from the environment (DESIGN.md principle 8).

MOTCUA_ENV=production switches on the secure defaults; the server refuses to start there with the development
secret. DATABASE_URL chooses SQLite (default, a file beside the project) or PostgreSQL.
"""

import ipaddress
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEV_SECRET = "motcua-development-secret-not-for-production"
ENV = env("MOTCUA_ENV", default="development")
if ENV not in ("production", "development"):
    raise RuntimeError("MOTCUA_ENV phải là 'production' hoặc 'development'")
PRODUCTION = ENV == "production"

SECRET_KEY = env("SECRET_KEY", default=DEV_SECRET)
if PRODUCTION and (SECRET_KEY == DEV_SECRET or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise RuntimeError("SECRET_KEY phải được đặt (ít nhất 50 ký tự) khi MOTCUA_ENV=production")
# Off unless asked for (DEBUG=1): the demo shows people the Vietnamese error pages, never Django's technical ones.
DEBUG = env.bool("DEBUG", default=False)
if PRODUCTION and DEBUG:  # the technical error page shows settings, code and the request to anyone (issue 12)
    raise RuntimeError("DEBUG phải tắt khi MOTCUA_ENV=production: bỏ biến DEBUG hoặc đặt DEBUG=0")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "motcua.accounts",  # first: its createsuperuser (staff password rules) replaces Django's
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_ratelimit",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "motcua.ratelimits",
    "motcua.vntext",
    "motcua.workdays",
    "motcua.agencies",
    "motcua.catalog",
    "motcua.portal",
    "motcua.dossiers",
    "motcua.office",
    "motcua.integrations",
    "motcua.signing",
    "motcua.feedback",
    "motcua.payments",
    "motcua.national",
    "motcua.indicators",
    "motcua.dashboard",
    "motcua.demo",
    "motcua.bench",
    "motcua.backup",
    "django_tasks",
    "django_tasks_db",
    "motcua.serving",
    "django_prometheus",
]

# The request id and the metrics wrap everything else; WhiteNoise serves the static files in every environment
# (`motcua serve` is gunicorn, which serves none itself), right after SecurityMiddleware as its docs ask.
MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "motcua.serving.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "motcua.headers.NoStoreMiddleware",
    "motcua.headers.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "motcua.accounts.session_limits.SessionLimitMiddleware",
    "motcua.accounts.second_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "motcua" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'motcua.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a worker writes; IMMEDIATE avoids lock upgrades failing mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    # Two test runs on one cluster (a developer and CI, or parallel work) each need their own test database.
    DATABASES["default"]["TEST"] = {"NAME": env("MOTCUA_TEST_DATABASE", default=None)}
# MOTCUA_CITUS=1: the database is a Citus cluster distributed by `motcua citus distribute` (serving/citus.py). A
# statement that locks a dossier's row must then name its receiving agency (the distribution column): where the
# caller does not know it, one look-up by id finds it (dossiers/shards.py). Off, nothing changes.
MOTCUA_CITUS = env.bool("MOTCUA_CITUS", default=False)
_engine = DATABASES["default"]["ENGINE"]
if MOTCUA_CITUS:
    # PostgreSQL's backend whose migrations keep to Citus's rules once the tables are distributed
    DATABASES["default"]["ENGINE"] = "motcua.serving.citus_db"
    # A join the ORM writes on a dossier's id (an admin search, a payment with its dossier) is not on the
    # distribution column: Citus runs it by repartitioning instead of refusing it. The hot paths name the agency
    # and run on one shard (tests/test_citus.py). SET LOCAL (a lock timeout) reaches the workers holding the rows.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c citus.enable_repartition_joins=on -c citus.propagate_set_commands=local"
    )
# A PostgreSQL standby the dashboards and reports read from (motcua/replicas.py, docs/scaling.md). Same engine and
# options as "default"; a short connect timeout so an unreachable standby costs a dashboard seconds, not minutes.
# Its test settings mirror "default": the test runner creates no database for it.
if _replica_url := env("MOTCUA_REPLICA_URL", default=""):
    _replica = environ.Env.db_url_config(_replica_url)
    if _replica["ENGINE"] != _engine:
        raise RuntimeError("MOTCUA_REPLICA_URL phải dùng cùng loại cơ sở dữ liệu với DATABASE_URL")
    DATABASES["replica"] = {
        **_replica,
        "ENGINE": DATABASES["default"]["ENGINE"],
        "CONN_MAX_AGE": DATABASES["default"].get("CONN_MAX_AGE", 0),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {**DATABASES["default"].get("OPTIONS", {}), **_replica.get("OPTIONS", {})},
        "TEST": {"MIRROR": "default"},
    }
    if _replica["ENGINE"] != "django.db.backends.sqlite3":
        DATABASES["replica"]["OPTIONS"].setdefault("connect_timeout", 3)
DATABASE_ROUTERS = ["motcua.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Citizens and businesses: 8 characters, not a common password. Staff: 12 characters, not a common password of
# Django's list or ours, nor a common word with digits added (motcua/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "motcua.accounts.passwords.MinimumLengthByKind"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "motcua.accounts.passwords.StaffCommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Vietnamese only: the English catalogue covered a part of the pages, and a half-translated page helps nobody (issue
# 11). Texts stay marked for translation, so a complete English catalogue can be added with its switch.
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "motcua" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "motcua" / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")  # filled by `motcua serve` (collectstatic)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Stored files go to S3-compatible object storage when a bucket is named (docs/storage.md), to MEDIA_ROOT otherwise.
if env("MOTCUA_S3_BUCKET", default=""):
    from motcua.objectstore import s3_storage

    STORAGES["default"] = s3_storage(
        bucket=env("MOTCUA_S3_BUCKET"),
        endpoint_url=env("MOTCUA_S3_ENDPOINT_URL", default=""),
        region=env("MOTCUA_S3_REGION", default=""),
        access_key=env("MOTCUA_S3_ACCESS_KEY_ID", default=""),
        secret_key=env("MOTCUA_S3_SECRET_ACCESS_KEY", default=""),
        prefix=env("MOTCUA_S3_PREFIX", default=""),
        addressing_style=env("MOTCUA_S3_ADDRESSING_STYLE", default=""),
    )

# --- Rate limits and login delays, shared by every server process (motcua.ratelimits, docs/security.md) ---
# The default cache is per process (fine for what it holds); the limits count in a database table every worker
# sees: `ratelimits.WindowCount` (limits) and `ratelimits.CacheEntry` (delays, this cache), made by `migrate`.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "motcua.ratelimits.cache.SharedDatabaseCache",
        "LOCATION": "motcua_ratelimit_cache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },  # above this, expired rows are removed (never live ones)
}
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_IP_META_KEY = "motcua.ratelimits.clients.client_address"
# django-ratelimit knows only memcached and Redis; our database cache has the atomic increment it needs
# (motcua/ratelimits/cache.py), so its "not officially supported" warning is silenced, not ignored.
# fields.W161 ("fixed default value … did you mean timezone.now") fires for a TimeField whose default is a time of
# day during the ten seconds around that time (UTC): an agency's 15:00 cut-off made every command print it from
# 14:59:50 to 15:00:10, and a CLI test failed when CI ran then. Our time defaults are times of day on purpose.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "fields.W161"]
# The reverse proxies (addresses or networks, e.g. "10.0.0.5,10.1.0.0/16") whose X-Forwarded-For is believed.
# Empty (the default): the client is REMOTE_ADDR and the header is ignored.
MOTCUA_TRUSTED_PROXIES = env.list("MOTCUA_TRUSTED_PROXIES", default=[])
for _proxy in MOTCUA_TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError:
        raise RuntimeError(f"MOTCUA_TRUSTED_PROXIES: “{_proxy}” không phải địa chỉ IP hay dải mạng hợp lệ") from None

LOGIN_URL = "/dang-nhap/"
LOGIN_REDIRECT_URL = "/can-bo/"
MOTCUA_MAX_UPLOAD_MB = env.int("MOTCUA_MAX_UPLOAD_MB", default=20)
# An image whose header declares more pixels is refused before decoding (dossiers/filechecks.py).
MOTCUA_MAX_IMAGE_PIXELS = env.int("MOTCUA_MAX_IMAGE_PIXELS", default=100_000_000)
# The place printed before the date on forms when an agency has no administrative unit ("Phú Thọ, ngày …").
MOTCUA_PLACE_NAME = env("MOTCUA_PLACE_NAME", default="")
# Registrations that send a code, per client address and hour (SMS costs money).
MOTCUA_REGISTER_PER_HOUR = env.int("MOTCUA_REGISTER_PER_HOUR", default=20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Token first: an anonymous call gets 401 with `WWW-Authenticate: Token`; session requests still need CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "motcua API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"OutcomeEnum": "motcua.dossiers.states.Outcome"},
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"
    # Load balancers and Prometheus ask the server itself over plain HTTP; neither answer is a page to protect.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^livez$", r"^metrics$"]

# --- Headers and sessions (motcua/headers.py, motcua/accounts/session_limits.py, docs/security.md) ---
# Scripts and styles only from our static files, nothing inline, no eval; the payment and account pages add the
# gateway's or the identity provider's origin to form-action themselves (headers.FORM_TARGETS). Stored files keep
# their own stricter policy (dossiers/files.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# A session ends 30 minutes after the last request, and 8 hours (staff) or 12 hours (citizens) after the login,
# whatever the activity; the middleware decides, the cookie's age is a backstop as long as the longest session.
MOTCUA_SESSION_IDLE_MINUTES = env.int("MOTCUA_SESSION_IDLE_MINUTES", default=30)
MOTCUA_STAFF_SESSION_HOURS = env.int("MOTCUA_STAFF_SESSION_HOURS", default=8)
MOTCUA_CITIZEN_SESSION_HOURS = env.int("MOTCUA_CITIZEN_SESSION_HOURS", default=12)
SESSION_COOKIE_AGE = max(MOTCUA_STAFF_SESSION_HOURS, MOTCUA_CITIZEN_SESSION_HOURS) * 3600

# --- Serving: logs, health, metrics, the web server and the worker (motcua.serving, docs/serving.md) ---
# One JSON object per line on standard error, each with the request id of the request (or of the task's request)
# it belongs to. Our own lines (motcua.*: one per request, one per task start and end) from INFO, everything else
# from LOG_LEVEL.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "motcua.serving.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {"motcua": {"level": env("MOTCUA_LOG_LEVEL", default="INFO")}},
}
# `motcua serve`: gunicorn workers (0: 2 × the cores + 1) and the seconds a request may take before its worker is
# restarted (the longest reports and exports included).
MOTCUA_SERVE_WORKERS = env.int("MOTCUA_SERVE_WORKERS", default=0)
MOTCUA_SERVE_TIMEOUT = env.int("MOTCUA_SERVE_TIMEOUT", default=60)
# `motcua worker` beats every N seconds; /healthz answers 503 when the freshest beat is older than the maximum.
MOTCUA_WORKER_HEARTBEAT_SECONDS = env.float("MOTCUA_WORKER_HEARTBEAT_SECONDS", default=10.0)
MOTCUA_WORKER_HEARTBEAT_MAX_AGE = env.int("MOTCUA_WORKER_HEARTBEAT_MAX_AGE", default=60)
# /metrics: addresses (or networks) that may scrape without a token, and the bearer token for the others (empty:
# none). Anyone else gets 404.
MOTCUA_METRICS_ALLOWED = env.list("MOTCUA_METRICS_ALLOWED", default=["127.0.0.1", "::1"])
MOTCUA_METRICS_TOKEN = env("MOTCUA_METRICS_TOKEN", default="")
for _network in MOTCUA_METRICS_ALLOWED:
    try:
        ipaddress.ip_network(_network.strip(), strict=False)
    except ValueError:
        raise RuntimeError(f"MOTCUA_METRICS_ALLOWED: “{_network}” không phải địa chỉ IP hay dải mạng hợp lệ") from None

# --- Background tasks and applicant notices by e-mail and SMS (motcua.integrations, docs/notifications.md) ---
# Tasks are rows of the project's own database (django-tasks-db), written in the transaction of the change that
# causes them; `manage.py db_worker` runs them. The SMS stand-in is the development default only: production
# sends SMS only when MOTCUA_SMS_URL and its keys come from the environment.
# "signing" holds the signing tasks, which may wait minutes for a signer's phone: a worker of its own keeps the
# applicants' notices moving meanwhile (docs/signing.md, docs/deploy.md)
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "signing"]}}
_public_host = next((h.lstrip(".") for h in ALLOWED_HOSTS if h not in ("*", "")), "")
# The site's public address, for the tracking link in notices; production derives it from ALLOWED_HOSTS.
MOTCUA_PUBLIC_URL = env("MOTCUA_PUBLIC_URL", default="").rstrip("/") or (
    (f"https://{_public_host}" if _public_host else "") if PRODUCTION else "http://127.0.0.1:8000"
)
if not MOTCUA_PUBLIC_URL:
    raise RuntimeError("MOTCUA_PUBLIC_URL (địa chỉ công khai của hệ thống) phải được đặt khi MOTCUA_ENV=production")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
_mail_domain = _public_host if PRODUCTION and _public_host else "localhost"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"Bộ phận Một cửa <khong-tra-loi@{_mail_domain}>")
MOTCUA_SMS_URL = env("MOTCUA_SMS_URL", default="" if PRODUCTION else "http://127.0.0.1:8025/api/sms/send")
MOTCUA_SMS_API_KEY = env("MOTCUA_SMS_API_KEY", default="" if PRODUCTION else "standin-api-key")
MOTCUA_SMS_SECRET_KEY = env("MOTCUA_SMS_SECRET_KEY", default="" if PRODUCTION else "standin-secret-key")
if MOTCUA_SMS_URL and not (MOTCUA_SMS_API_KEY and MOTCUA_SMS_SECRET_KEY):
    raise RuntimeError("MOTCUA_SMS_API_KEY và MOTCUA_SMS_SECRET_KEY phải được đặt khi có MOTCUA_SMS_URL")
MOTCUA_SMS_BRANDNAME = env("MOTCUA_SMS_BRANDNAME", default="MOTCUA")
MOTCUA_SMS_TYPE = env("MOTCUA_SMS_TYPE", default="2")
MOTCUA_SMS_TIMEOUT = env.float("MOTCUA_SMS_TIMEOUT", default=10.0)
MOTCUA_NOTICE_MAX_ATTEMPTS = env.int("MOTCUA_NOTICE_MAX_ATTEMPTS", default=4)
MOTCUA_NOTICE_RETRY_SECONDS = env.int("MOTCUA_NOTICE_RETRY_SECONDS", default=60)  # doubled after each failure
# The national public-service portal, DVCQG (motcua/national, docs/national.md): off without a URL. "relay": the
# provincial LGSP relay's JSON arrays (URL = its base, ThemMoi … appended); "adapter": the session adapter (URL =
# its root, /auth and /integration appended) with the account, dstcode and madonvi the Government Office issued.
MOTCUA_DVCQG_URL = env("MOTCUA_DVCQG_URL", default="" if PRODUCTION else "http://127.0.0.1:8031/relay")
MOTCUA_DVCQG_TRANSPORT = env("MOTCUA_DVCQG_TRANSPORT", default="relay")
if MOTCUA_DVCQG_TRANSPORT not in ("relay", "adapter"):
    raise RuntimeError("MOTCUA_DVCQG_TRANSPORT phải là relay hoặc adapter")
MOTCUA_DVCQG_USERNAME = env("MOTCUA_DVCQG_USERNAME", default="motcua")
MOTCUA_DVCQG_PASSWORD = env("MOTCUA_DVCQG_PASSWORD", default="" if PRODUCTION else "standin-password")
MOTCUA_DVCQG_DSTCODE = env("MOTCUA_DVCQG_DSTCODE", default="000.00.00.H21")
MOTCUA_DVCQG_UNIT = env("MOTCUA_DVCQG_UNIT", default="000.00.00.H21")
MOTCUA_DVCQG_TIMEOUT_SECONDS = env.float("MOTCUA_DVCQG_TIMEOUT_SECONDS", default=60.0)  # OpenCPS's read timeout
MOTCUA_DVCQG_LEASE_SECONDS = env.float("MOTCUA_DVCQG_LEASE_SECONDS", default=900.0)  # > a dossier's calls
MOTCUA_DVCQG_RETRY_SECONDS = env.int("MOTCUA_DVCQG_RETRY_SECONDS", default=60)  # doubled after each failure
MOTCUA_DVCQG_MAX_ATTEMPTS = env.int("MOTCUA_DVCQG_MAX_ATTEMPTS", default=12)
# the token DVCQG's relay gives when it pushes a dossier submitted on DVCQG (POST /api/dvcqg/ho-so/); off without
MOTCUA_DVCQG_INBOUND_TOKEN = env("MOTCUA_DVCQG_INBOUND_TOKEN", default="" if PRODUCTION else "standin-inbound-token")
# DSKetNoiCSDL.MaCSDL of the national databases a citizen's dossier was checked against (the list is not published)
MOTCUA_DVCQG_DATABASE_CODES = env.list("MOTCUA_DVCQG_DATABASE_CODES", default=[])
# the public address DVCQG fetches the dossier's files from (signed links, valid this long)
MOTCUA_DVCQG_FILE_BASE_URL = env("MOTCUA_DVCQG_FILE_BASE_URL", default=MOTCUA_PUBLIC_URL)
MOTCUA_DVCQG_FILE_LINK_SECONDS = env.int("MOTCUA_DVCQG_FILE_LINK_SECONDS", default=7 * 24 * 3600)
# How long an API call's Idempotency-Key is remembered (`motcua idempotency purge`, run daily: docs/api.md)
MOTCUA_IDEMPOTENCY_DAYS = env.int("MOTCUA_IDEMPOTENCY_DAYS", default=30)

# --- Accounts: password hashing, login lockout, single sign-on over OpenID Connect (docs/accounts.md) ---
# Argon2 hashes new passwords; older PBKDF2 hashes still verify and are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Login by username, e-mail or phone. No lock: after the free failures each wrong password doubles the wait before
# the next try (1 s, 2 s, 4 s … up to MAX_DELAY), counted per login name and per client address (docs/security.md).
AUTHENTICATION_BACKENDS = ["motcua.accounts.backends.IdentifierBackend"]
MOTCUA_LOGIN_FREE_FAILURES = env.int("MOTCUA_LOGIN_FREE_FAILURES", default=3)
MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS = env.int("MOTCUA_LOGIN_FREE_FAILURES_PER_ADDRESS", default=20)
MOTCUA_LOGIN_MAX_DELAY = env.int("MOTCUA_LOGIN_MAX_DELAY", default=900)
# Second factor (motcua/accounts/second_factor.py): a TOTP code after the password for staff who enrolled an app, and
# always for admins and leaders. The code must follow the password within MOTCUA_SECOND_FACTOR_MINUTES. One step of
# drift each way (django-otp's default tolerance), never resynchronised: a synced drift would follow whoever gave the
# last code, and phones keep their clocks. Wrong codes wait like wrong passwords, so django-otp's own throttle is off.
# The admin never shows a device's key.
MOTCUA_SECOND_FACTOR_MINUTES = env.int("MOTCUA_SECOND_FACTOR_MINUTES", default=10)
OTP_TOTP_ISSUER = env("MOTCUA_TOTP_ISSUER", default="Cổng dịch vụ công")
OTP_TOTP_SYNC = False
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Password recovery: code requests an hour from one client address (accounts/recovery.py).
MOTCUA_RECOVERY_PER_HOUR = env.int("MOTCUA_RECOVERY_PER_HOUR", default=10)
# The identity provider (DVCQG / VNeID, client registered with the Government Office). Development points at the
# stand-in (`python -m motcua.accounts.oidc_standin`, port 8028); production has SSO off (button hidden) unless
# MOTCUA_OIDC_ISSUER, MOTCUA_OIDC_CLIENT_ID and MOTCUA_OIDC_CLIENT_SECRET come from the environment.
MOTCUA_OIDC_ISSUER = env("MOTCUA_OIDC_ISSUER", default="" if PRODUCTION else "http://127.0.0.1:8028")
MOTCUA_OIDC_CLIENT_ID = env("MOTCUA_OIDC_CLIENT_ID", default="" if PRODUCTION else "motcua-dev")
MOTCUA_OIDC_CLIENT_SECRET = env("MOTCUA_OIDC_CLIENT_SECRET", default="" if PRODUCTION else "standin-client-secret")
if MOTCUA_OIDC_ISSUER and not (MOTCUA_OIDC_CLIENT_ID and MOTCUA_OIDC_CLIENT_SECRET):
    raise RuntimeError("MOTCUA_OIDC_CLIENT_ID và MOTCUA_OIDC_CLIENT_SECRET phải được đặt khi có MOTCUA_OIDC_ISSUER")
MOTCUA_OIDC_SCOPE = env("MOTCUA_OIDC_SCOPE", default="openid")
MOTCUA_OIDC_ACR_VALUES = env("MOTCUA_OIDC_ACR_VALUES", default="")  # e.g. LoA1 at xacthuc.dichvucong.gov.vn
MOTCUA_OIDC_ID_CLAIM = env("MOTCUA_OIDC_ID_CLAIM", default="so_dinh_danh")  # "citizen_id" is also accepted
MOTCUA_OIDC_REDIRECT_URI = env("MOTCUA_OIDC_REDIRECT_URI", default="")  # default: <this site>/dang-nhap/vneid/callback/
MOTCUA_OIDC_TIMEOUT = env.float("MOTCUA_OIDC_TIMEOUT", default=10.0)

# --- Online fee payment through a VNPay-style gateway (motcua.payments, docs/payments.md) ---
# Development points at the sandbox (`python -m motcua.payments.sandbox`, port 8027, started by `motcua demo serve`);
# production has online payment off unless MOTCUA_VNPAY_URL, MOTCUA_VNPAY_TMN_CODE and MOTCUA_VNPAY_SECRET come
# from the environment, and never accepts a gateway on this machine (the sandbox).
MOTCUA_VNPAY_URL = env("MOTCUA_VNPAY_URL", default="" if PRODUCTION else "http://127.0.0.1:8027/paymentv2/vpcpay.html")
MOTCUA_VNPAY_TMN_CODE = env("MOTCUA_VNPAY_TMN_CODE", default="" if PRODUCTION else "MOTCUA01")
MOTCUA_VNPAY_SECRET = env("MOTCUA_VNPAY_SECRET", default="" if PRODUCTION else "sandbox-hash-secret")
MOTCUA_VNPAY_TRANSACTIONS_URL = env(
    "MOTCUA_VNPAY_TRANSACTIONS_URL", default="" if PRODUCTION else "http://127.0.0.1:8027/transactions"
)
MOTCUA_VNPAY_EXPIRE_MINUTES = env.int("MOTCUA_VNPAY_EXPIRE_MINUTES", default=15)
MOTCUA_VNPAY_TIMEOUT = env.float("MOTCUA_VNPAY_TIMEOUT", default=15.0)
if MOTCUA_VNPAY_URL and not (MOTCUA_VNPAY_TMN_CODE and MOTCUA_VNPAY_SECRET):
    raise RuntimeError("MOTCUA_VNPAY_TMN_CODE và MOTCUA_VNPAY_SECRET phải được đặt khi có MOTCUA_VNPAY_URL")
if (
    PRODUCTION
    and MOTCUA_VNPAY_URL
    and (
        not MOTCUA_VNPAY_URL.startswith("https://")
        or (MOTCUA_VNPAY_URL.split("/")[2].split(":")[0] in ("127.0.0.1", "localhost", "[::1]"))
    )
):
    raise RuntimeError("MOTCUA_VNPAY_URL phải là cổng thanh toán thật (https), không phải cổng giả lập")

# --- Signing results (motcua.signing, docs/signing.md) ---
# The PKCS#12 files and remote-signing passwords are stored encrypted under MOTCUA_KEY_ENCRYPTION_KEY
# (signing/vault.py); production must set it (32 characters or more) apart from SECRET_KEY, and without it starts but
# refuses to store or open a signing key. The timestamp authority stamps every signature (RFC 3161). Development
# points at the demo authority `motcua demo serve` starts (port 8029: its CRL and TSA) and at its remote-signing
# stand-in (port 8030, approving every request at once); production signs remotely only when the service's URL and
# system credentials come from the environment.
MOTCUA_KEY_ENCRYPTION_KEY = env("MOTCUA_KEY_ENCRYPTION_KEY", default="")
MOTCUA_TSA_URL = env("MOTCUA_TSA_URL", default="" if PRODUCTION else "http://127.0.0.1:8029/tsa")
MOTCUA_REMOTE_SIGNING_URL = env("MOTCUA_REMOTE_SIGNING_URL", default="" if PRODUCTION else "http://127.0.0.1:8030")
MOTCUA_REMOTE_SIGNING_CLIENT_ID = env("MOTCUA_REMOTE_SIGNING_CLIENT_ID", default="" if PRODUCTION else "motcua-dev")
MOTCUA_REMOTE_SIGNING_CLIENT_SECRET = env(
    "MOTCUA_REMOTE_SIGNING_CLIENT_SECRET", default="" if PRODUCTION else "standin-signing-secret"
)
MOTCUA_REMOTE_SIGNING_POLL_SECONDS = env.float("MOTCUA_REMOTE_SIGNING_POLL_SECONDS", default=3.0)
# The demo authority's keys (`motcua demo load` makes it once; `motcua demo serve` serves its CRL and TSA).
MOTCUA_DEMO_CA = env.path("MOTCUA_DEMO_CA", default=BASE_DIR / "demo-ca.pem")
