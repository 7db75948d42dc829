"""Fixtures for every test (registered in the root conftest.py): a small province with a service centre desk,
three departments, a commune, one user per role, and a five-day procedure."""

import datetime as dt
import signal
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from motcua.accounts.models import User
from motcua.agencies.models import Agency, StaffRole
from motcua.catalog import versions
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=VN)


def run_worker(queues: str = "*") -> str:
    """Run every ready task of `queues` (all of them: the signing tasks have one of their own) with the real worker,
    `manage.py db_worker --batch`, in this process; what it printed. The worker installs its own SIGINT/SIGTERM
    handlers; they are put back afterwards so Ctrl-C still stops pytest. A test that runs it is transactional: the
    worker closes the database connection, as in production."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    out = StringIO()
    try:
        once = ["--batch", "--no-startup-delay", "--interval", "0", "--no-reload", "--queue-name", queues]
        call_command("db_worker", *once, verbosity=0, stdout=out)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
    return out.getvalue()


def staff(username, *roles):
    user = User.objects.create_user(username, password="pw-" + username, kind="staff", full_name=username.title())
    for agency, role in roles:
        StaffRole.objects.create(user=user, agency=agency, role=role)
    return user


@pytest.fixture
def province(db):
    centre = Agency.objects.create(
        code="000.01.01.H44", name="Trung tâm Phục vụ hành chính công tỉnh", level="department", has_one_stop_desk=True
    )
    justice = Agency.objects.create(code="000.00.10.H44", name="Sở Tư pháp", level="department")
    construction = Agency.objects.create(code="000.00.11.H44", name="Sở Xây dựng", level="department")
    land = Agency.objects.create(code="000.00.12.H44", name="Sở Nông nghiệp và Môi trường", level="department")
    commune = Agency.objects.create(
        code="000.00.31.H44", name="UBND phường Việt Trì", level="commune", has_one_stop_desk=True
    )
    return {"centre": centre, "justice": justice, "construction": construction, "land": land, "commune": commune}


@pytest.fixture
def people(province):
    p = province
    return {
        "desk": staff("desk", (p["centre"], "counter")),
        "specialist": staff("specialist", (p["justice"], "specialist")),
        "head": staff("head", (p["justice"], "head")),
        "clerk": staff("clerk", (p["justice"], "clerk")),
        "builder": staff("builder", (p["construction"], "specialist")),
        "surveyor": staff("surveyor", (p["land"], "specialist")),
        "commune_desk": staff("commune_desk", (p["commune"], "counter")),
        "commune_head": staff("commune_head", (p["commune"], "head")),
        "monitor": staff("monitor", (p["justice"], "monitor")),
        "citizen": User.objects.create_user("citizen", password="pw-citizen", kind="citizen", full_name="Vũ Thị Mai"),
    }


def make_procedure(code, name, amount, unit, agencies, fee=0):
    procedure = Procedure.objects.create(code=code)
    version = ProcedureVersion.objects.create(procedure=procedure, number=1, name=name, levels=",province,")
    for kind in ("direct", "online", "postal"):
        Channel.objects.create(
            version=version,
            kind=kind,
            amount=Decimal(amount) if amount else None,
            unit=unit,
            fees=[{"kind": "le_phi", "amount": fee, "text": f"Lệ phí {fee} đồng"}] if fee else [],
        )
    RequiredDocument.objects.create(version=version, position=0, name="Tờ khai", originals=1)
    RequiredDocument.objects.create(version=version, position=1, name="Giấy chứng sinh", originals=1)
    procedure.agencies.set(agencies)
    return versions.publish(version)


@pytest.fixture
def five_days(province):
    return make_procedure("3.000333", "Cấp Phiếu lý lịch tư pháp", 5, "working_days", [province["justice"]], fee=200000)


@pytest.fixture
def applicant():
    return {
        "applicant_name": "Nguyễn Văn An",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
        "applicant_email": "an@example.vn",
        "applicant_address": "Phường Việt Trì, tỉnh Phú Thọ",
    }


@pytest.fixture
def received(five_days, province, people, applicant):
    """A dossier received at the centre on Monday 2 March 2026, 09:00, for the Department of Justice."""
    from motcua.dossiers import lifecycle

    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 08:55"),
    )
    return lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:00"))
