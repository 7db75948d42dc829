"""The scenarios of `motcua bench run`, each a plan for the load generator (`load.py`): who the simulated users
are (a session or an API token of their own, made here), and the requests each sends in a loop.

Every request goes to the production server as a browser behind the province's HTTPS proxy would: `Host`, the
proxy's `X-Forwarded-Proto: https` and `X-Forwarded-For` with the person's own address (the server trusts
127.0.0.1 as its proxy), so the limits per client address count each simulated citizen on their own.
"""

import datetime as dt
import random
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from rest_framework.authtoken.models import Token

from motcua.accounts import second_factor
from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole
from motcua.dossiers.models import Dossier

from . import submission

OFFICERS = [f"bench-{i:02d}" for i in range(1, 17)]
MONITOR = "bench-giamsat"
CITIZEN = "bench-congdan"
# What people type into the catalogue's search box: whole questions, without accents, with a typo.
QUESTIONS = [
    "làm giấy khai sinh cho con",
    "đăng ký kết hôn",
    "cấp lại căn cước",
    "xin giấy phép xây dựng nhà ở",
    "dang ky kinh doanh ho ca the",
    "chứng thực bản sao",
    "khai sinhh",
    "đăng ký thường trú",
    "cấp phiếu lý lịch tư pháp",
    "trợ cấp xã hội",
    "đăng ký khai tử",
    "giấy chứng nhận quyền sử dụng đất",
    "thành lập doanh nghiệp",
    "cấp giấy phép lái xe",
    "xác nhận tình trạng hôn nhân",
    "đổi tên",
]


@dataclass
class People:
    """The bench's users with what the load generator needs to be them."""

    host: str
    secret_key: str
    officers: list[User] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    sessions: dict[str, str] = field(default_factory=dict)  # username → session key
    tokens: dict[str, str] = field(default_factory=dict)  # username → API token


def people(host: str, secret_key: str) -> People:
    """Sessions (signed with the server's key) and API tokens for the bench users `bench generate` made."""
    found = People(host=host, secret_key=secret_key)
    users = {u.username: u for u in User.objects.filter(username__in=[*OFFICERS, MONITOR, CITIZEN])}
    missing = [name for name in [*OFFICERS, MONITOR, CITIZEN] if name not in users]
    if missing:
        raise LookupError(f"thiếu người dùng {', '.join(missing)}: chạy motcua bench generate trước")
    found.officers = [users[name] for name in OFFICERS]
    desks = dict(
        StaffRole.objects.filter(user__in=found.officers, role=StaffRole.Role.COUNTER_OFFICER).values_list(
            "user_id", "agency_id"
        )
    )
    by_id = Agency.objects.in_bulk(desks.values())
    found.agencies = [by_id[desks[officer.pk]] for officer in found.officers]
    for user in users.values():
        found.tokens[user.username] = Token.objects.get_or_create(user=user)[0].key
    with override_settings(SECRET_KEY=secret_key):
        for user in [*found.officers, users[MONITOR]]:
            client = Client()
            client.force_login(user)
            key = client.cookies[settings.SESSION_COOKIE_NAME].value
            # The state of a session after a right second-factor code (second_factor.finish): leaders must have one.
            session = SessionStore(session_key=key)
            session.pop(second_factor.PENDING, None)
            session.save()
            found.sessions[user.username] = key
    return found


def headers(p: People, address: str, **more) -> dict[str, str]:
    return {"Host": p.host, "X-Forwarded-Proto": "https", "X-Forwarded-For": address, **more}


def address(user: int, n: int = 0) -> str:
    return f"10.{user}.{(n >> 8) & 255}.{n & 255}"


def session_headers(p: People, username: str, user: int) -> dict[str, str]:
    return headers(p, address(user), Cookie=f"{settings.SESSION_COOKIE_NAME}={p.sessions[username]}")


def token_headers(p: People, username: str, user: int, **more) -> dict[str, str]:
    return headers(p, address(user), Authorization=f"Token {p.tokens[username]}", **more)


def plan(users: list[list[dict]], host: str, ports: list[int], seconds: float) -> dict:
    """The load generator's plan: user i sends to the app server on ports[i mod n], always with the first server's
    `Host` (as behind one balancer's address)."""
    return {"host": host.split(":")[0], "ports": ports, "seconds": seconds, "users": users}


def one(request: dict) -> list[dict]:
    """A user's script of one request, repeated."""
    return [{"requests": [request]}]


def bare(p: People, users: int) -> list[list[dict]]:
    return [one({"name": "bare", "path": "/livez", "headers": headers(p, address(i))}) for i in range(users)]


def queue(p: People, users: int) -> list[list[dict]]:
    """Each officer of its own agency opens its agency's queue (open dossiers, nearest due moment first)."""
    return [
        one(
            {
                "name": "queue",
                "path": "/can-bo/hang-doi/co-quan/",
                "headers": session_headers(p, OFFICERS[i % 16], i),
            }
        )
        for i in range(users)
    ]


def api_list(p: People, users: int) -> list[list[dict]]:
    return [
        one({"name": "api_list", "path": "/api/v1/dossiers/", "headers": token_headers(p, OFFICERS[i % 16], i)})
        for i in range(users)
    ]


def tracking(p: People, users: int, per_user: int = 1500) -> list[list[dict]]:
    """Citizens look their dossier up by code and phone, each from their own address (the limit is per address)."""
    rows = list(Dossier.objects.exclude(applicant_phone="").order_by("?").values_list("code", "applicant_phone")[:2000])
    if not rows:
        raise LookupError("không có hồ sơ nào để tra cứu: chạy motcua bench generate trước")
    csrf = secrets.token_hex(16)  # a 32-character secret: cookie and form field, as the form's page would set
    rng = random.Random(15)
    scripts = []
    for i in range(users):
        script = []
        for n in range(per_user):
            code, phone = rng.choice(rows)
            body = urlencode({"csrfmiddlewaretoken": csrf, "ma": code, "xac_minh": phone})
            more = {
                "Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf}",
                "Origin": f"https://{p.host}",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            request = {"name": "tracking", "method": "POST", "path": "/tra-cuu/", "body": body}
            script.append({"requests": [{**request, "headers": headers(p, address(i, n), **more)}]})
        scripts.append(script)
    return scripts


def search(p: People, users: int) -> list[list[dict]]:
    return [
        [
            {
                "requests": [
                    {
                        "name": "search",
                        "path": "/thu-tuc/?" + urlencode({"q": question}),
                        "headers": headers(p, address(i)),
                    }
                ]
            }
            for question in QUESTIONS[i % len(QUESTIONS) :] + QUESTIONS[: i % len(QUESTIONS)]
        ]
        for i in range(users)
    ]


def submit_and_receive(p: People, users: int) -> list[list[dict]]:
    """A citizen submits online with one small PDF at the officer's agency; that officer receives it."""
    procedure = submission.procedure(p.agencies)
    citizen = User.objects.get(username=CITIZEN)
    scripts = []
    for i in range(users):
        agency, officer = p.agencies[i % 16], OFFICERS[i % 16]
        form = submission.multipart(
            submission.registration_fields(procedure, agency.code, citizen), [("files", "to-khai.pdf", submission.PDF)]
        )
        create = {
            "name": "submit",
            "method": "POST",
            "path": "/api/v1/dossiers/",
            "body": form.body.decode("latin-1"),
            "headers": token_headers(p, CITIZEN, i, **{"Content-Type": form.content_type}),
            "expect": 201,
            "from_json": "code",
        }
        receive = {
            "name": "receive",
            "method": "POST",
            "path": "/api/v1/dossiers/{value}/actions/receive/",
            "body": "{}",
            "headers": token_headers(p, officer, i, **{"Content-Type": "application/json"}),
        }
        scripts.append([{"requests": [create, receive]}])
    return scripts


def report(p: People, username: str, agency_code: str, period: str) -> list[list[dict]]:
    query = urlencode({"co_quan": agency_code, "ky": period})
    return [one({"name": "report", "path": f"/bao-cao/?{query}", "headers": session_headers(p, username, 0)})]


def year_so_far() -> tuple[dt.datetime, dt.datetime, str]:
    today = timezone.localdate()
    start = timezone.make_aware(dt.datetime(today.year, 1, 1))
    return start, timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=1), dt.time())), str(today.year)


def month_so_far() -> tuple[dt.datetime, dt.datetime, str]:
    today = timezone.localdate()
    start = timezone.make_aware(dt.datetime(today.year, today.month, 1))
    end = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=1), dt.time()))
    return start, end, f"{today.year}-{today.month:02d}"
