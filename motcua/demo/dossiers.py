"""Demo dossiers: about three months of work at the Department of Justice and the Việt Trì ward, made through the
lifecycle (so events, deadlines and the indicator figures are all real), with a fixed random seed.

Each dossier takes one path: done early, on time or late, returned; a supplement first; a refusal; a withdrawal;
or still open. A path step the rules refuse (a supplement after three working days, say) just ends the path there.
"""

import datetime as dt
import random

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.accounts.models import User
from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.dossiers import lifecycle
from motcua.dossiers.models import Dossier
from motcua.dossiers.transitions import TransitionError

from . import national, results

# A well-formed one-page blank PDF (uploads are opened and inspected: a PDF that cannot be read is refused).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\nxref\n0 4\n0000000000 65535 f \n"
    b"0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\n"
    b"startxref\n164\n%%EOF\n"
)
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Hà",
    "Đặng Văn Hùng",
    "Bùi Thị Lan",
    "Đỗ Văn Long",
    "Ngô Thị Mai",
    "Dương Văn Nam",
    "Lý Thị Oanh",
]
PATHS = (
    ["early"] * 6
    + ["on_time"] * 2
    + [
        "late",
        "supplement",
        "refused",
        "withdrawn",
        "open",
        "open",
        "for_approval",
        "approved",  # waits for the specialist to draft the result and send it for signing
        "to_sign",  # waits in the leader's "Chờ ký"
    ]
)


def working_moment(rng: random.Random, day: dt.date) -> dt.datetime:
    hour = rng.choice([8, 9, 10, 14, 15])
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59))))


def pdf(name="giay-to.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def load_dossiers(count: int = 90, days: int = 100) -> int:
    """Make `count` dossiers received over the last `days` days; nothing when the database already has some."""
    if Dossier.objects.exists():
        return 0
    users = {u.username: u for u in User.objects.filter(username__in=["tiepnhan", "chuyenvien", "lanhdao", "congdan"])}
    desk, officer, head, citizen = (users[n] for n in ("tiepnhan", "chuyenvien", "lanhdao", "congdan"))
    centre, ward = Agency.objects.get(code="000.01.01.H44"), Agency.objects.get(code="000.00.31.H44")
    justice = Agency.objects.get(code="000.00.10.H44")
    choices = []
    for procedure in (
        Procedure.objects.filter(is_published=True, agencies__in=[justice, ward])
        .distinct()
        .select_related("current")
        .prefetch_related("agencies")
    ):
        agencies = list(procedure.agencies.all())
        if len(agencies) == 1:
            choices.append((procedure.current, centre if agencies[0] == justice else ward))
    rng = random.Random(2026)
    today = timezone.localdate()
    made = 0
    with results.signing() as signing:
        signing.register(leaders=[(head, justice), (head, ward)], clerks=[justice, ward])
        for number in range(count):
            made += _one(rng, number, choices, today, days, citizen, desk, officer, head, signing)
    national.sync_and_reconcile()
    return made


def _one(rng, number, choices, today, days, citizen, desk, officer, head, signing) -> int:
    """One dossier made and walked along a path; 1 when made."""
    version, desk_agency = rng.choice(choices)
    day = today - dt.timedelta(days=rng.randint(3, days))
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    at = working_moment(rng, day)
    applicant = {
        "applicant_name": rng.choice(NAMES),
        "applicant_id_number": f"0250900{number:05d}",
        "applicant_phone": f"09{rng.randint(10000000, 99999999)}",
        "applicant_address": "Phường Việt Trì, tỉnh Phú Thọ",
    }
    online = rng.random() < 0.5
    lines = list(version.documents.all())[:2]
    try:
        dossier = lifecycle.register(
            actor=citizen if online else desk,
            version=version,
            receiving_agency=desk_agency,
            applicant=applicant,
            channel="online" if online else "direct",
            applicant_user=citizen if online else None,
            at=at - dt.timedelta(minutes=20),
            uploads=[(line, pdf()) for line in lines] if online or rng.random() < 0.6 else [],
        )
    except (ValidationError, PermissionDenied):
        return 0  # a procedure whose e-form needs data this generator does not write
    _follow(rng.choice(PATHS), dossier.pk, at, desk, officer, head, signing)
    return 1


def _follow(path: str, pk: int, at: dt.datetime, desk, officer, head, signing) -> None:
    """Walk one dossier along its path; stop quietly at the first step the rules refuse, or that is not yet due."""
    now = timezone.now()

    def later(hours):
        return at + dt.timedelta(hours=hours)

    due_hours = {"early": 30, "on_time": None, "late": 24 * 25, "supplement": 26, "refused": 20}
    try:
        dossier = lifecycle.receive(pk, actor=desk, at=at)
        if path == "withdrawn":
            lifecycle.withdraw(pk, actor=desk, reason="Công dân đề nghị rút hồ sơ", at=later(22))
            return
        if path in ("open", "for_approval", "approved", "to_sign"):
            lifecycle.assign(pk, actor=head, officer=officer, at=later(1))
            if path != "open":  # waits in the leader's "Chờ phê duyệt", or goes on to the signing step
                lifecycle.submit_for_approval(pk, actor=officer, proposal="Đủ điều kiện giải quyết", at=later(4))
            if path in ("approved", "to_sign"):
                lifecycle.approve(pk, actor=head, at=later(6))
            if path == "to_sign":
                summary = "Chấp thuận theo đề nghị"
                draft = signing.draft(dossier, head)
                lifecycle.send_for_signing(pk, actor=officer, summary=summary, upload=draft, at=later(8))
            return
        if path == "supplement":
            lifecycle.request_supplement(
                pk, actor=officer, at=later(20), items=[{"item": "Tờ khai", "reason": "Thiếu chữ ký của người khai"}]
            )
            lifecycle.resubmit(pk, actor=desk, at=later(44))
            path = "early"
            at = later(44)
        if path == "refused":
            lifecycle.refuse(pk, actor=head, reasons="Hồ sơ không đủ điều kiện theo quy định", at=later(20))
            return
        end = (
            dossier.due_at - dt.timedelta(hours=1)
            if path == "on_time" and dossier.due_at
            else later(due_hours.get(path) or 30)
        )
        if end >= now:
            return  # not done yet: it stays open
        lifecycle.assign(pk, actor=head, officer=officer, at=end - dt.timedelta(hours=2))
        lifecycle.submit_for_approval(pk, actor=officer, at=end - dt.timedelta(hours=1))
        lifecycle.approve(pk, actor=head, at=end - dt.timedelta(minutes=30))
        lifecycle.issue_result(
            pk,
            actor=head,
            summary="Đã giải quyết theo đề nghị",
            at=end,
            uploads=[("Kết quả giải quyết", signing.result(dossier, head))],  # signed and sealed
        )
        if end + dt.timedelta(hours=2) < now:
            lifecycle.return_result(pk, actor=desk, method="desk", at=end + dt.timedelta(hours=2))
    except (ValidationError, PermissionDenied, TransitionError):
        return
