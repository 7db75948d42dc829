"""`motcua bench generate --dossiers N [--seed S] [--data DIR]`: a province's volume on PostgreSQL (issue 15).

Each dossier is walked through the path the lifecycle would take it (registered, received, assigned, perhaps a
supplement or an extension, submitted for approval, approved, result issued, returned; or refused, stopped,
withdrawn), with the deadlines of `dossiers.timing` on the working-day calendar and the events hash-chained by the
dossiers' own `events.content` and `records.chain.digest`, so `motcua events verify` passes. The walk stops at the
present: what would happen later has not happened, and the dossier stays open in the state it reached. The rows
are written with COPY, 20,000 dossiers at a time, because the lifecycle's one transaction per action (tens of
milliseconds) would take days for a million dossiers. The figures are then rebuilt by `indicators.recompute`, so
`motcua indicators recompute --check` finds no difference.

What the walk does not write: notices and outbox rows, the citizen's data store, rating tokens, liên thông and
consultation steps (no generated dossier takes them). Documents are rows pointing at one stored sample PDF.
"""

import datetime as dt
import hashlib
import json
import math
import random
import shutil
import time
from collections import defaultdict
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from tqdm import tqdm

from motcua.catalog.fees import fee_due
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.dossiers import events as dossier_events
from motcua.dossiers import timing
from motcua.dossiers.models import DailySequence, Dossier
from motcua.dossiers.states import NATIONAL_STATUS, DeliveryStatus, Outcome, PaymentStatus, State
from motcua.records import chain
from motcua.vntext import formats
from motcua.workdays.calendar import local
from motcua.workdays.deadlines import check_extension
from motcua.workdays.services import calendar_for, one_calendar

from . import province

# Measured on `bench generate --dossiers 100000` (bench_c, PostgreSQL 15, real catalogue): the dossier tables with
# their indexes (events 553 MB, dossiers 130 MB, steps 79 MB, documents 49 MB, figures and facts 82 MB) came to
# 945 MB, about 9,450 bytes a dossier; events are most of it, the receipt's with its deadline explanation. The disk
# check asks for 1.3 times this.
BYTES_PER_DOSSIER = 9_500
PER_WORKING_DAY = 8_500  # a merged province: ~150,000 dossiers a month (dossiers/models.py)
MIN_WORKING_DAYS = 60  # three months, so the monthly report has a shape
BATCH = 20_000
CHANNELS = [("online", 0.45), ("direct", 0.50), ("postal", 0.05)]
PROVINCE_SHARE = 0.22  # dossiers of province-level procedures, received at the provincial service centre
ON_TIME = 0.93  # planned on time; supplements and extensions judged by 766 bring it to ~90%
SUPPLEMENT, EXTENSION, REFUSAL, WITHDRAWAL, STOP = 0.06, 0.02, 0.02, 0.01, 0.005
RATED, SATISFIED = 0.30, 0.95
PAID_ONLINE_AT_SUBMISSION = 0.7
SLOT = 15  # minutes: receipts fall on a 15-minute grid, so the deadlines of one slot are counted once

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\nxref\n0 4\n0000000000 65535 f \n"
    b"0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\n"
    b"startxref\n164\n%%EOF\n"
)
SAMPLE_FILE = "bench/giay-to-mau.pdf"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Hà", "Đinh"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thu", "Hồng", "Quang", "Ngọc", "Thanh", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Oanh", "Phúc", "Quyên", "Sơn"]
COMPANIES = ["Chè Phú Thọ", "Gốm Hương Canh", "Xây dựng Đất Tổ", "Nông sản Tam Nông", "Vận tải Việt Trì"]
PHONE_PREFIXES = ["090", "091", "097", "098", "086", "035", "038", "083", "070", "056"]
SUPPLEMENT_ITEMS = [
    {"item": "Bản sao giấy khai sinh", "reason": "Bản sao nộp kèm không rõ số, ngày cấp"},
    {"item": "Giấy xác nhận nơi cư trú", "reason": "Thông tin nơi cư trú không khớp tờ khai"},
    {"item": "Tờ khai", "reason": "Tờ khai chưa ký, ghi rõ họ tên"},
]

DOSSIER_COLUMNS = [
    "id", "code", "channel", "applicant_kind", "applicant_name", "applicant_id_number", "applicant_birth_date",
    "applicant_address", "applicant_phone", "applicant_email", "organisation_tax_code", "organisation_representative",
    "proxy_name", "proxy_id_number", "proxy_phone", "summary", "form_data", "fee_total", "state", "national_status",
    "payment_status", "delivery_status", "submitted_at", "received_at", "clock_started_at", "due_at", "first_due_at",
    "stats_due_at", "paused_at", "finished_at", "returned_at", "outcome", "stats_outcome", "supplement_count",
    "extended", "late_for_stats", "result_summary", "last_event_hash", "event_count", "created_at", "updated_at",
    "applicant_user_id", "assignee_id", "lead_agency_id", "procedure_id", "procedure_version_id",
    "processing_agency_id", "receiving_agency_id", "not_applicable",
]  # fmt: skip
EVENT_COLUMNS = [
    "dossier_id", "seq", "kind", "at", "actor_id", "actor_name", "from_agency_id", "to_agency_id", "from_state",
    "to_state", "note", "data", "step_deadline", "step_outcome", "prev_hash", "hash",
]  # fmt: skip
DATA_COLUMN = EVENT_COLUMNS.index("data")
STEP_COLUMNS = [
    "dossier_id", "kind", "agency_id", "assignee_id", "note", "started_at", "deadline", "finished_at", "outcome",
    "is_lead",
]  # fmt: skip
SUPPLEMENT_COLUMNS = [
    "dossier_id", "number", "at_desk", "items", "note", "requested_by_id", "approved_by_id", "requested_at",
    "answered_at",
]  # fmt: skip
DOCUMENT_COLUMNS = [
    "dossier_id", "kind", "requirement_id", "name", "file", "content_type", "size", "sha256", "digitised", "reused",
    "paper_originals", "paper_copies", "uploaded_by_id", "created_at",
]  # fmt: skip
RATING_COLUMNS = ["dossier_id", "satisfied", "criteria", "comment", "channel", "created_at"]
TABLES = {
    "dossiers_dossier": DOSSIER_COLUMNS,
    "dossiers_event": EVENT_COLUMNS,
    "dossiers_step": STEP_COLUMNS,
    "dossiers_supplementrequest": SUPPLEMENT_COLUMNS,
    "dossiers_document": DOCUMENT_COLUMNS,
    "portal_rating": RATING_COLUMNS,
}


def command(cmd, *, dossiers: int, seed: int = 2026, data: str | None = None, **_options) -> None:
    """The command's work: checks, base data, dossiers, PAKN, figures, statistics, report."""
    out = cmd.stdout.write
    if connection.vendor != "postgresql":
        raise CommandError(
            "motcua bench generate chỉ chạy trên PostgreSQL (ghi bằng COPY): đặt DATABASE_URL trỏ tới một cơ sở dữ "
            "liệu PostgreSQL, ví dụ DATABASE_URL=postgres://motcua:motcua@127.0.0.1:5432/bench."
        )
    if dossiers <= 0:
        raise CommandError("Số hồ sơ (--dossiers) phải lớn hơn 0.")
    check_disk(dossiers - _existing_dossiers())
    phases: dict[str, float] = {}
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    existing = Dossier.objects.count()
    if existing >= dossiers:
        out(f"Cơ sở dữ liệu đã có {formats.count(existing)} hồ sơ (≥ {formats.count(dossiers)}): không tạo thêm.")
        return
    phases["dữ liệu nền"] = _timed(began)
    start = time.perf_counter()
    folder = province.data_dir(data)
    base = province.load_base(folder, out)
    out(
        f"Dữ liệu nền: {len(base.communes)} UBND cấp xã "
        + ("theo đơn vị hành chính thật của tỉnh Phú Thọ" if base.real_data else "(tên giả định, không có dữ liệu")
        + (f" tại {folder})" if not base.real_data else "")
        + (f"; đã nhập {base.procedures_imported} thủ tục từ danh mục quốc gia" if base.procedures_imported else "")
        + "."
    )
    phases["dữ liệu nền"] += _timed(start)
    existing = Dossier.objects.count()  # the demo's own few dossiers count towards N
    start = time.perf_counter()
    generator = Generator(base, random.Random(seed), total=dossiers)
    written = generator.run(dossiers - existing, cmd.stderr._out)
    phases["hồ sơ (COPY)"] = _timed(start)
    start = time.perf_counter()
    written["feedback_feedback"] = generator.feedback(target=min(400, max(30, dossiers // 1000)))
    phases["PAKN"] = _timed(start)
    start = time.perf_counter()
    from motcua.indicators import recompute

    recompute.run(stdout=_Quiet(), check=False)
    phases["số liệu chỉ số (recompute)"] = _timed(start)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    phases["ANALYZE"] = _timed(start)
    report(out, written, phases, Dossier.objects.count())


def _timed(start: float) -> float:
    return time.perf_counter() - start


class _Quiet:
    def write(self, *args, **kwargs) -> None:
        pass


def _existing_dossiers() -> int:
    if "dossiers_dossier" not in connection.introspection.table_names():
        return 0
    return Dossier.objects.count()


def data_directory() -> Path:
    """PostgreSQL's data directory when this role may read it (superuser, pg_read_all_settings); else here."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:  # a savepoint: the refusal leaves no broken tx
            cursor.execute("SHOW data_directory")
            folder = Path(cursor.fetchone()[0])
        return folder if folder.exists() else Path.cwd()
    except DatabaseError:
        return Path.cwd()


def check_disk(missing: int) -> None:
    """Refuse, before writing anything, a volume whose estimated size (× 1.3) does not fit on the disk."""
    if missing <= 0:
        return
    folder = data_directory()
    need = int(missing * BYTES_PER_DOSSIER * 1.3)
    free = shutil.disk_usage(folder).free
    if need > free:
        raise CommandError(
            f"Không đủ chỗ trên đĩa: {formats.count(missing)} hồ sơ cần khoảng {formats.size(need)} (ước tính "
            f"{formats.count(BYTES_PER_DOSSIER)} byte mỗi hồ sơ kèm sự kiện và chỉ mục, thêm 30% dự phòng), thư mục "
            f"{folder} chỉ còn trống {formats.size(free)}. Hãy giảm --dossiers hoặc giải phóng đĩa."
        )


def report(out, written: dict[str, int], phases: dict[str, float], total: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    out("Số dòng đã ghi:")
    for table, rows in written.items():
        out(f"  {table}: {formats.count(rows)}")
    out("Thời gian từng bước:")
    for phase, seconds in phases.items():
        out(f"  {phase}: {formats.decimal(seconds, 1)} giây")
    out(
        f"Cơ sở dữ liệu: {formats.size(size)} cho {formats.count(total)} hồ sơ, khoảng "
        f"{formats.count(size // max(total, 1))} byte mỗi hồ sơ; tổng thời gian "
        f"{formats.decimal(sum(phases.values()), 1)} giây."
    )


# --- the procedures and the calendar -------------------------------------------------------------------------------


class Plan:
    """What a dossier of one procedure needs: its version, time limit and fee per channel, its first document line,
    the agencies competent for it."""

    __slots__ = ("competent", "durations", "fees", "line", "name", "procedure_id", "version_id")

    def __init__(self, version: ProcedureVersion, competent: list[int]):
        self.procedure_id, self.version_id, self.name = version.procedure_id, version.pk, version.name[:500]
        self.durations = {kind: timing.processing_duration(version, kind) for kind, _ in CHANNELS}
        self.fees = {
            kind: sum(fee_due(row.fees, {}) for row in version.channels.all() if row.kind == kind)
            for kind, _ in CHANNELS
        }
        lines = [line for line in version.documents.all() if line.is_required] or list(version.documents.all())
        self.line = (lines[0].pk, lines[0].name[:500]) if lines else None
        self.competent = competent


def plans() -> tuple[list[Plan], list[Plan]]:
    """(commune-level, province-level) procedures that take dossiers with a due moment, most popular first."""
    versions = (
        ProcedureVersion.objects.filter(status=ProcedureVersion.Status.PUBLISHED, procedure__current_id=F("pk"))
        .prefetch_related("channels", "documents")
        .order_by("procedure__code")
    )
    through = Procedure.agencies.through
    competent = defaultdict(list)
    for procedure_id, agency_id in through.objects.order_by("agency_id").values_list("procedure_id", "agency_id"):
        competent[procedure_id].append(agency_id)
    commune, provincial = [], []
    for version in versions:
        plan = Plan(version, competent.get(version.procedure_id, []))
        if not any(plan.durations.values()):
            continue  # no time limit read: the desk cannot receive it (lifecycle.intake.require_time_limit)
        if ",commune," in version.levels:
            commune.append(plan)
        elif ",province," in version.levels:
            provincial.append(plan)
    return commune, provincial


def zipf(count: int, s: float) -> list[float]:
    return [1 / (rank**s) for rank in range(1, count + 1)]


class Clock:
    """The working-day calendar the dossiers are walked on, and random working moments."""

    def __init__(self, now: dt.datetime):
        self.now = now
        self.cal = calendar_for(None)
        self.hours = self.cal.hours
        self.tz = local(now).tzinfo
        self.minutes = [
            m
            for a, b in (
                (self.hours.morning_start, self.hours.morning_end),
                (self.hours.afternoon_start, self.hours.cutoff),
            )
            for m in range(a.hour * 60 + a.minute, b.hour * 60 + b.minute, SLOT)
        ]

    def working_days(self, count: int) -> list[dt.date]:
        """The last `count` working days up to today (today only while it has a past receipt slot)."""
        today = local(self.now).date()
        found, day = [], today
        while len(found) < count:
            if self.cal.is_working_day(day) and self.slots(day):
                found.append(day)
            day -= dt.timedelta(days=1)
        return found[::-1]

    def slots(self, day: dt.date) -> list[int]:
        if day < local(self.now).date():
            return self.minutes
        cut = local(self.now) - dt.timedelta(minutes=2 * SLOT)
        return [m for m in self.minutes if self.at(day, m) <= cut] if day == cut.date() else []

    def at(self, day: dt.date, minute: int) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=self.tz)

    def between(self, rng: random.Random, a: dt.datetime, b: dt.datetime, skew: float = 1.0) -> dt.datetime:
        """A moment after `a` and by `b`, in office hours when one is free between them (people act at work)."""
        if b <= a:
            return a + dt.timedelta(minutes=1)
        raw = a + (b - a) * (rng.random() ** skew)
        moment = local(raw)
        day, minute = moment.date(), moment.hour * 60 + moment.minute
        if not self.cal.is_working_day(day) or minute >= self.hours.afternoon_end.hour * 60:
            day = self.cal.next_working_day(day)
            minute = self.hours.morning_start.hour * 60 + self.hours.morning_start.minute + rng.randint(0, 90)
        elif minute < self.hours.morning_start.hour * 60 + self.hours.morning_start.minute:
            minute = self.hours.morning_start.hour * 60 + self.hours.morning_start.minute + rng.randint(0, 60)
        elif (
            self.hours.morning_end.hour * 60 + self.hours.morning_end.minute
            <= minute
            < self.hours.afternoon_start.hour * 60
        ):
            minute = self.hours.afternoon_start.hour * 60 + rng.randint(0, 60)
        snapped = self.at(day, minute) + dt.timedelta(seconds=rng.randint(0, 59))
        if a < snapped <= b:
            return snapped
        return raw if raw > a else a + dt.timedelta(minutes=1)


# --- one dossier's walk -------------------------------------------------------------------------------------------


class Link:
    """An event as `dossiers.events.content` reads it (the attributes it hashes), without a model instance."""

    __slots__ = (
        "actor_id", "actor_name", "at", "data", "from_agency_id", "from_state", "hash", "kind", "note", "prev_hash",
        "seq", "step_deadline", "step_outcome", "to_agency_id", "to_state",
    )  # fmt: skip


class Walk:
    """One dossier walked through the lifecycle's actions up to the present; `rows()` gives what to COPY."""

    def __init__(self, gen: "Generator", d: dict):
        self.gen, self.d = gen, d
        self.links: list[Link] = []
        self.steps: list[dict] = []
        self.supplements: list[dict] = []
        self.documents: list[dict] = []
        self.rating: dict | None = None

    # the lifecycle's core.record: state, national status, the next link of the chain
    def record(self, kind, actor, at, *, to_state=None, note="", data=None, to_agency=None, step=None) -> None:
        d = self.d
        link = Link()
        link.from_state = d["state"]
        if to_state:
            d["state"] = to_state
        d["national_status"] = NATIONAL_STATUS[d["state"]]
        link.kind, link.at, link.note = kind, at, note
        link.actor_id = actor.pk if actor else None
        link.actor_name = chain.actor_name(actor)
        link.from_agency_id = step["agency_id"] if step else d["processing_agency_id"]
        link.to_agency_id = to_agency
        link.to_state = d["state"]
        link.data = chain.plain(data)
        link.step_deadline = step["deadline"] if step else None
        link.step_outcome = step["outcome"] if step else ""
        d["updated_at"] = at  # seq and the hashes come once the dossier has its code (Generator.number)
        self.links.append(link)

    def open_step(self, kind, agency_id, at, deadline, assignee=None) -> dict:
        step = {
            "kind": kind,
            "agency_id": agency_id,
            "assignee_id": assignee.pk if assignee else None,
            "note": "",
            "started_at": at,
            "deadline": deadline,
            "finished_at": None,
            "outcome": "",
            "is_lead": False,
        }
        self.steps.append(step)
        return step

    def close_steps(self, at, kinds=None) -> list[dict]:
        closed = []
        for step in self.steps:
            if step["finished_at"] is None and (kinds is None or step["kind"] in kinds):
                step["finished_at"], step["outcome"] = at, timing.judge(at, step["deadline"])
                closed.append(step)
        return closed

    def finish(self, at) -> None:
        """results._finish: judged against the legal promise and, for 766, the pause-shifted first promise."""
        d = self.d
        d["finished_at"] = at
        d["outcome"] = timing.judge(at, d["due_at"])
        d["stats_outcome"] = Outcome.LATE if d["late_for_stats"] else timing.judge(at, d["stats_due_at"])

    def await_return(self, at) -> None:
        self.open_step("return", self.d["receiving_agency_id"], at, max(self.d["due_at"] or at, at))
        self.d["delivery_status"] = DeliveryStatus.READY


class Generator:
    def __init__(self, base: province.Province, rng: random.Random, total: int):
        self.rng = rng
        self.now = timezone.now()
        self.clock = Clock(self.now)
        self.base = base
        self.commune_plans, self.province_plans = plans()
        if not self.commune_plans:
            raise CommandError("Không có thủ tục cấp xã nào đã công bố và có thời hạn giải quyết để tạo hồ sơ.")
        rng.shuffle(self.commune_plans)  # which procedure is the most popular: the seed decides
        rng.shuffle(self.province_plans)
        self.commune_weights = zipf(len(self.commune_plans), 1.1)
        self.province_weights = zipf(len(self.province_plans), 1.1)
        communes = list(base.communes)
        rng.shuffle(communes)
        self.communes = communes  # busiest first
        self.commune_weights_agency = zipf(len(communes), 0.8)
        agencies = {a.pk: a for a in communes}
        agencies[base.desk.pk] = base.desk
        others = [base.desk]
        from motcua.agencies.models import Agency

        extra = {a for plan in self.province_plans for a in plan.competent} - set(agencies)
        for agency in Agency.objects.filter(pk__in=extra).order_by("code"):
            agencies[agency.pk] = agency
            others.append(agency)
        self.agencies = agencies
        self.unit_names = dict(Agency.objects.filter(pk__in=agencies).values_list("pk", "unit__full_name"))
        self.staff = province.people(communes, others)
        from motcua.agencies.models import StaffRole

        heads = defaultdict(int)
        for agency_id in StaffRole.objects.filter(role=StaffRole.Role.HEAD).values_list("agency_id", flat=True):
            heads[agency_id] += 1
        self.single_head = {a for a, n in heads.items() if n == 1}
        self.citizen = province.citizen()
        self.days = self.clock.working_days(max(MIN_WORKING_DAYS, math.ceil(total / PER_WORKING_DAY)))
        self.numbers = {
            (agency, day): last for agency, day, last in DailySequence.objects.values_list("agency_id", "day", "last")
        }
        self.cache: dict = {}
        self.sample = _sample_file()
        self.citizen_share = min(1.0, 300 / max(total, 1))

    # -- volume --------------------------------------------------------------------------------------------------

    def per_day(self, missing: int) -> list[int]:
        """The missing dossiers over the working days: Monday busiest, Friday lightest, a little noise."""
        weights = [(1.1, 1.0, 1.0, 0.95, 0.9)[day.weekday() % 5] * self.rng.uniform(0.9, 1.1) for day in self.days]
        total = sum(weights)
        counts = [int(missing * w / total) for w in weights]
        for i in range(missing - sum(counts)):
            counts[-1 - i % len(counts)] += 1
        return counts

    def run(self, missing: int, progress_file) -> dict[str, int]:
        written: dict[str, int] = defaultdict(int)
        buffer: list[Walk] = []
        with (
            one_calendar(),
            tqdm(total=missing, desc="Tạo hồ sơ", unit=" hồ sơ", file=progress_file, mininterval=1) as bar,
        ):
            for day, count in zip(self.days, self.per_day(missing), strict=True):
                walks = sorted((self.walk(day) for _ in range(count)), key=lambda w: w.d["submitted_at"])
                for walk in walks:
                    self.number(walk)
                buffer += walks
                if len(buffer) >= BATCH:
                    self.flush(buffer, written)
                    bar.update(len(buffer))
                    buffer = []
            if buffer:
                self.flush(buffer, written)
                bar.update(len(buffer))
        return dict(written)

    def number(self, walk: Walk) -> None:
        """The dossier's code, then its chain: the code is hashed in every link, so the walk is replayed here."""
        d = walk.d
        key = (d["receiving_agency_id"], local(d["submitted_at"]).date())
        self.numbers[key] = self.numbers.get(key, 0) + 1
        d["code"] = f"{self.agencies[key[0]].code}-{key[1]:%y%m%d}-{self.numbers[key]:04d}"
        d["event_count"], d["last_event_hash"] = 0, ""
        for link in walk.links:
            link.seq = d["event_count"] + 1
            link.prev_hash = d["last_event_hash"] or chain.GENESIS
            link.hash = chain.digest(dossier_events.content(link, d["code"]))
            d["event_count"], d["last_event_hash"] = link.seq, link.hash

    # -- deadlines, counted once per receipt slot ----------------------------------------------------------------

    def deadlines(self, received_at, duration, receiving, processing) -> dict:
        key = (received_at, duration)  # every generated agency keeps the default office hours (one calendar)
        found = self.cache.get(key)
        if found is None:
            clock_start = timing.receipt(receiving, received_at)
            promised = timing.due_from(processing, received_at, duration)
            found = {
                "clock": clock_start,
                "due": promised.due,
                "explanation": promised.explanation,
                "skipped": [s.__dict__ for s in promised.skipped],
                "desk": timing.after_working_days(receiving, clock_start, "0.5"),
                "process": timing.share_deadline(processing, clock_start, promised.due, "process"),
                "approve": timing.share_deadline(processing, clock_start, promised.due, "approve"),
                "supplement_limit": timing.after_working_days(processing, clock_start, "3"),
            }
            self.cache[key] = found
        return found

    def memo(self, function, agency, *args):
        """A deadline function's answer, once per arguments: every generated agency has the default hours."""
        key = (function, *args)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = function(agency, *args)
        return found

    # -- the walk ------------------------------------------------------------------------------------------------

    def applicant(self) -> dict:
        rng = self.rng
        phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}"
        birth = dt.date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        person = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        century = "0" if birth.year < 2000 else "2"
        id_number = f"025{int(century) + rng.randint(0, 1)}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
        if rng.random() < 0.08:
            return {
                "applicant_kind": "organisation",
                "applicant_name": f"Công ty TNHH {rng.choice(COMPANIES)} {rng.randint(1, 99)}",
                "applicant_id_number": "",
                "applicant_birth_date": None,
                "organisation_tax_code": f"26{rng.randrange(10**8):08d}",
                "organisation_representative": person,
                "applicant_phone": phone,
            }
        return {
            "applicant_kind": "citizen",
            "applicant_name": person,
            "applicant_id_number": id_number,
            "applicant_birth_date": birth,
            "organisation_tax_code": "",
            "organisation_representative": "",
            "applicant_phone": phone,
        }

    def pick(self, plans, weights) -> Plan:
        return self.rng.choices(plans, weights)[0]

    def walk(self, day: dt.date) -> Walk:
        rng, clock = self.rng, self.clock
        at_province = self.province_plans and rng.random() < PROVINCE_SHARE
        if at_province:
            plan, receiving = self.pick(self.province_plans, self.province_weights), self.base.desk
        else:
            plan = self.pick(self.commune_plans, self.commune_weights)
            receiving = rng.choices(self.communes, self.commune_weights_agency)[0]
        competent = plan.competent
        if not competent or receiving.pk in competent:
            processing = receiving
        else:
            processing = self.agencies.get(rng.choice(competent)) or receiving
        channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
        duration = plan.durations[channel] or next(d for d in plan.durations.values() if d)
        fee = plan.fees[channel]
        received_at = clock.at(day, rng.choice(clock.slots(day)))
        if channel == "online":
            submitted_at = received_at - dt.timedelta(minutes=rng.randint(10, 30 * 60))
        else:
            submitted_at = received_at - dt.timedelta(minutes=rng.randint(2, SLOT - 1), seconds=rng.randint(0, 59))
        applicant = self.applicant()
        user = self.citizen if channel == "online" and rng.random() < self.citizen_share else None
        if user is not None:
            applicant.update(applicant_kind="citizen", applicant_name=user.full_name)
            applicant.update(applicant_id_number=user.id_number, applicant_phone=user.phone)
        unit_name = self.unit_names.get(receiving.pk, "")
        d = {
            "code": "",
            "channel": channel,
            **applicant,
            "applicant_address": f"Tổ {rng.randint(1, 30)}, {unit_name or receiving.name}, tỉnh Phú Thọ",
            "applicant_email": "",
            "proxy_name": "",
            "proxy_id_number": "",
            "proxy_phone": "",
            "summary": plan.name,
            "form_data": "{}",
            "fee_total": fee,
            "state": State.SUBMITTED,
            "national_status": 1,
            "payment_status": PaymentStatus.PENDING if fee else PaymentStatus.NONE,
            "delivery_status": DeliveryStatus.NOT_READY,
            "submitted_at": submitted_at,
            "received_at": None,
            "clock_started_at": None,
            "due_at": None,
            "first_due_at": None,
            "stats_due_at": None,
            "paused_at": None,
            "finished_at": None,
            "returned_at": None,
            "outcome": "",
            "stats_outcome": "",
            "supplement_count": 0,
            "extended": False,
            "late_for_stats": False,
            "result_summary": "",
            "last_event_hash": "",
            "event_count": 0,
            "created_at": submitted_at,
            "updated_at": submitted_at,
            "applicant_user_id": user.pk if user else None,
            "assignee_id": None,
            "lead_agency_id": processing.pk,
            "procedure_id": plan.procedure_id,
            "procedure_version_id": plan.version_id,
            "processing_agency_id": processing.pk,
            "receiving_agency_id": receiving.pk,
            "not_applicable": "[]",
        }
        w = Walk(self, d)
        self._path(w, plan, receiving, processing, duration, fee, received_at, user, recent=day >= self.days[-2])
        return w

    def _path(self, w: Walk, plan, receiving, processing, duration, fee, received_at, user, recent: bool) -> None:
        rng, clock, now, d = self.rng, self.clock, self.now, w.d
        desk = self.staff[receiving.pk]["counter"]
        specialist = self.staff[processing.pk]["specialist"]
        head = self.staff[processing.pk]["head"]
        channel = d["channel"]
        scanned = channel == "online" or rng.random() < 0.4  # online files, or the desk scans the paper dossier
        line_id = plan.line[0] if plan.line else None
        if scanned:
            w.documents.append(
                self._document("input", plan.line[1] if plan.line else "Tờ khai", line_id, d["submitted_at"], user)
            )
        w.record(
            "registered",
            None if channel == "online" else desk,
            d["submitted_at"],
            data={
                "channel": channel,
                "assisted": False,
                "documents": 1 if scanned else 0,
                "not_applicable": [],
                "overrides": [],
            },
        )
        if fee and channel == "online" and rng.random() < PAID_ONLINE_AT_SUBMISSION:
            paid_at = d["submitted_at"] + dt.timedelta(minutes=rng.randint(1, 8))
            if paid_at < received_at:
                d["payment_status"] = PaymentStatus.PAID_ONLINE
                w.record(
                    "payment_confirmed",
                    None,
                    paid_at,
                    note="Nộp qua cổng thanh toán trực tuyến",
                    data={"online": True, "reference": f"BENCH{rng.randrange(10**10):010d}", "amount": fee},
                )
        if received_at > now or (channel == "online" and recent and rng.random() < 0.3):
            return  # submitted online, not yet received by the desk
        # receive
        dl = self.deadlines(received_at, duration, receiving, processing)
        d["received_at"], d["clock_started_at"] = received_at, dl["clock"]
        d["due_at"] = d["first_due_at"] = d["stats_due_at"] = dl["due"]
        desk_step = {
            "kind": "receive",
            "agency_id": receiving.pk,
            "assignee_id": None,
            "note": "",
            "started_at": received_at,
            "deadline": dl["desk"],
            "finished_at": received_at,
            "outcome": timing.judge(received_at, dl["desk"]),
            "is_lead": False,
        }
        w.steps.append(desk_step)
        process = w.open_step("process", processing.pk, received_at, dl["process"])
        w.record(
            "received",
            desk,
            received_at,
            to_state=State.RECEIVED,
            to_agency=processing.pk,
            step=desk_step,
            data={
                "due": dl["due"],
                "receipt": dl["clock"],
                "explanation": dl["explanation"],
                "skipped": dl["skipped"],
                "duration": duration.label(),  # as lifecycle.intake.receive writes it
                "not_applicable": [],
                "overrides": [],
                "received_lines": [line_id] if scanned and line_id else [],
            },
        )
        fate = rng.random()
        ahead = dl["due"] if dl["due"] > received_at else received_at + dt.timedelta(days=1)
        if fate < WITHDRAWAL:
            at = clock.between(rng, received_at, min(ahead, received_at + dt.timedelta(days=3)))
            if at <= now:
                d["finished_at"] = at
                w.close_steps(at)
                w.record("withdrawn", desk, at, to_state=State.WITHDRAWN, note="Công dân đề nghị rút hồ sơ")
            return
        at = clock.between(rng, received_at, received_at + dt.timedelta(hours=rng.choice([1, 3, 20])), skew=2)
        if at > now:
            return
        d["assignee_id"] = specialist.pk
        process["assignee_id"] = specialist.pk
        w.record(
            "assigned",
            head,
            at,
            to_state=State.IN_PROGRESS,
            data={"officer": specialist.get_username()},
            note=f"Giao {specialist.full_name or specialist.username} xử lý",
        )
        last = at
        if fate < WITHDRAWAL + STOP:
            at = clock.between(rng, last, ahead)
            if at <= now:
                d["finished_at"] = at
                w.close_steps(at)
                w.record("stopped", desk, at, to_state=State.STOPPED, note="Người có yêu cầu đề nghị dừng giải quyết")
            return
        if rng.random() < SUPPLEMENT:
            last = self._supplement(w, last, dl, receiving, processing, duration, desk, specialist)
            if last is None:
                return
        if rng.random() < EXTENSION and not self._extend(w, last, processing, head):
            return
        late = rng.random() > ON_TIME
        due = d["due_at"]
        if late:
            later = self.memo(timing.after_working_days, processing, due, rng.choice(["1", "2", "5"]))
            finish = clock.between(rng, due, later)
        else:
            finish = clock.between(rng, last, max(due, last + dt.timedelta(minutes=30)), skew=1.6)
            if finish > due and due > last:
                finish = last + (due - last) / 2
        if fee and d["payment_status"] == PaymentStatus.PENDING:
            at = clock.between(rng, last, finish)
            if at > now:
                return
            w.record(
                "payment_requested",
                specialist,
                at,
                to_state=State.AWAITING_PAYMENT,
                data={"amount": fee},
            )
            paid = clock.between(rng, at, finish)
            if paid > now:
                return
            online = rng.random() < 0.3
            d["payment_status"] = PaymentStatus.PAID_ONLINE if online else PaymentStatus.PAID
            w.record(
                "payment_confirmed",
                desk,
                paid,
                to_state=State.IN_PROGRESS,
                data={"amount": fee, "online": online, "reference": ""},
            )
            last = paid
        if rng.random() < REFUSAL / (1 - WITHDRAWAL - STOP):
            if finish > now:
                return
            d["result_summary"] = "Hồ sơ không đủ điều kiện giải quyết theo quy định"
            w.finish(finish)
            closed = w.close_steps(finish)
            w.await_return(finish)
            w.record(
                "refused",
                head,
                finish,
                to_state=State.REFUSED,
                note=d["result_summary"],
                step=closed[-1] if closed else None,
                to_agency=receiving.pk,
            )
            return
        submitted = clock.between(rng, last, finish, skew=0.7)
        if submitted >= finish:
            submitted = last + (finish - last) * 0.7
        if submitted > now:
            return
        closed = w.close_steps(submitted, {"process"})
        leader = head if processing.pk in self.single_head else None
        approve_step = w.open_step("approve", processing.pk, submitted, dl_share(w, processing, "approve"), leader)
        d["assignee_id"] = leader.pk if leader else None
        w.record(
            "submitted_for_approval",
            specialist,
            submitted,
            to_state=State.AWAITING_APPROVAL,
            step=closed[0] if closed else None,
            to_agency=processing.pk,
            data={"approver": leader.get_username() if leader else None, "submitted_by": specialist.get_username()},
        )
        approved = submitted + (finish - submitted) * rng.uniform(0.3, 0.9)
        if approved > now:
            return
        w.close_steps(approved, {"approve"})
        d["assignee_id"] = specialist.pk
        w.record("approved", head, approved, to_state=State.APPROVED, step=approve_step)
        if finish > now:
            return
        e_result = rng.random() < 0.6
        if e_result:
            w.documents.append(self._document("result", "Kết quả giải quyết", None, finish, specialist))
        d["result_summary"] = f"Đã giải quyết: {plan.name[:200]}"
        w.finish(finish)
        w.close_steps(finish, {"approve", "process"})
        w.await_return(finish)
        w.record(
            "result_issued",
            specialist,
            finish,
            to_state=State.ISSUED,
            note=d["result_summary"],
            to_agency=receiving.pk,
            data={"files": 1 if e_result else 0, "outcome": d["outcome"], "stats_outcome": d["stats_outcome"]},
        )
        method = {"online": "online", "direct": "desk", "postal": "post"}[channel]
        if method == "online":
            returned = finish + dt.timedelta(minutes=rng.randint(1, 30))
        else:
            returned = clock.between(rng, finish, finish + dt.timedelta(days=rng.choice([1, 2, 4])), skew=1.5)
        if returned > now:
            return
        d["returned_at"] = returned
        d["delivery_status"] = {
            "desk": DeliveryStatus.AT_DESK,
            "post": DeliveryStatus.BY_POST,
            "online": DeliveryStatus.ONLINE,
        }[method]
        closed = w.close_steps(returned, {"return"})
        w.record(
            "returned",
            desk,
            returned,
            to_state=State.RETURNED,
            step=closed[0] if closed else None,
            data={"method": method},
        )
        if rng.random() < RATED:
            rated = returned + dt.timedelta(minutes=rng.randint(1, 600))
            if rated <= now:
                satisfied = rng.random() < SATISFIED
                criteria = {key: satisfied or rng.random() < 0.5 for key in ("time", "attitude", "information")}
                w.rating = {
                    "satisfied": satisfied,
                    "criteria": json.dumps(criteria),
                    "comment": "" if satisfied else "Thời gian chờ lâu",
                    "channel": "portal" if channel == "online" else "kiosk",
                    "created_at": rated,
                }

    def _supplement(self, w, last, dl, receiving, processing, duration, desk, specialist):
        """lifecycle.request_supplement (within 3 working days of receipt), then resubmit: the legal clock
        restarts, the 766 one skips the pause. None when the walk stops at the present."""
        rng, clock, now, d = self.rng, self.clock, self.now, w.d
        if dl["supplement_limit"] <= last:
            return last
        at = clock.between(rng, last, dl["supplement_limit"])
        if at > now:
            return None
        items = [rng.choice(SUPPLEMENT_ITEMS)]
        request = {
            "number": 1,
            "at_desk": False,
            "items": json.dumps(items, ensure_ascii=False),
            "note": "",
            "requested_by_id": specialist.pk,
            "approved_by_id": None,
            "requested_at": at,
            "answered_at": None,
        }
        w.supplements.append(request)
        d["supplement_count"] += 1
        d["paused_at"] = at
        w.record(
            "supplement_requested",
            specialist,
            at,
            to_state=State.SUPPLEMENT_REQUESTED,
            data={"number": 1, "items": items, "earlier": [], "approved_by": None},
        )
        back = clock.between(rng, at, at + dt.timedelta(days=rng.choice([1, 3, 7])))
        if back > now:
            return None
        request["answered_at"] = back
        d["clock_started_at"] = self.memo(timing.receipt, receiving, back)
        restarted = self.memo(timing.due_from, processing, back, duration)
        d["due_at"] = restarted.due
        d["stats_due_at"] = timing.due_from(processing, d["received_at"], duration, pauses=[(at, back)]).due
        d["paused_at"] = None
        for step in w.steps:
            if step["finished_at"] is None and step["kind"] == "process":
                step["deadline"] = dl_share(w, processing, "process")
        w.record(
            "resubmitted",
            desk,
            back,
            to_state=State.IN_PROGRESS,
            data={
                "number": 1,
                "due": d["due_at"],
                "stats_due": d["stats_due_at"],
                "documents": 0,
                "explanation": restarted.explanation,
            },
        )
        return back

    def _extend(self, w, last, processing, head) -> bool:
        """lifecycle.extend (once, asked at least a working day before the due moment); False when the walk stops."""
        rng, d = self.rng, w.d
        at = last + dt.timedelta(minutes=rng.randint(5, 90))
        if at > self.now:
            return False
        old = d["due_at"]
        new = self.memo(timing.after_working_days, processing, old, rng.choice(["2", "5", "10"]))
        try:
            check_extension(old, at, new, False, self.clock.cal)
        except ValueError:
            return True  # too close to the due moment: the lifecycle would refuse, the dossier goes on without
        d["due_at"], d["extended"] = new, True
        for step in w.steps:
            if step["finished_at"] is None and step["deadline"] == old:
                step["deadline"] = new
        w.record(
            "extended",
            head,
            at,
            note="Hồ sơ cần xác minh thêm; cơ quan xin lỗi và hẹn lại ngày trả kết quả",
            data={"old_due": old, "new_due": new, "moved": None},
        )
        return True

    def _document(self, kind, name, line_id, at, user) -> dict:
        return {
            "kind": kind,
            "requirement_id": line_id,
            "name": name,
            "file": self.sample[0],
            "content_type": "application/pdf",
            "size": self.sample[1],
            "sha256": self.sample[2],
            "digitised": True,
            "reused": False,
            "paper_originals": 0,
            "paper_copies": 0,
            "uploaded_by_id": user.pk if user else None,
            "created_at": at,
        }

    # -- writing -------------------------------------------------------------------------------------------------

    def flush(self, walks: list[Walk], written) -> None:
        """One batch in one transaction: ids from the sequence, every table by COPY, the day counters raised."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('dossiers_dossier', 'id')) FROM generate_series(1, %s)",
                [len(walks)],
            )
            ids = [row[0] for row in cursor.fetchall()]
            rows: dict[str, list] = {table: [] for table in TABLES}
            for pk, walk in zip(ids, walks, strict=True):
                d = walk.d
                d["id"] = pk
                rows["dossiers_dossier"].append([d[c] for c in DOSSIER_COLUMNS])
                agency = d["receiving_agency_id"]  # every row of the dossier carries it (dossiers.shards.OfDossier)
                for link in walk.links:
                    row = [pk, *(getattr(link, c) for c in EVENT_COLUMNS[1:]), agency]
                    row[DATA_COLUMN] = json.dumps(link.data, ensure_ascii=False)
                    rows["dossiers_event"].append(row)
                for step in walk.steps:
                    rows["dossiers_step"].append([pk, *(step[c] for c in STEP_COLUMNS[1:]), agency])
                for request in walk.supplements:
                    row = [pk, *(request[c] for c in SUPPLEMENT_COLUMNS[1:]), agency]
                    rows["dossiers_supplementrequest"].append(row)
                for document in walk.documents:
                    rows["dossiers_document"].append([pk, *(document[c] for c in DOCUMENT_COLUMNS[1:]), agency])
                if walk.rating:
                    rows["portal_rating"].append([pk, *(walk.rating[c] for c in RATING_COLUMNS[1:]), agency])
            for table, table_rows in rows.items():
                columns = TABLES[table] + ([] if table == "dossiers_dossier" else ["receiving_agency_id"])
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in table_rows:
                        copy.write_row(row)
                written[table] += len(table_rows)
            self.raise_counters(cursor, walks)

    def raise_counters(self, cursor, walks) -> None:
        """DailySequence holds the last number used per desk and day, so a dossier registered later by the real
        lifecycle takes the next number, never a generated one."""
        keys = {(w.d["receiving_agency_id"], local(w.d["submitted_at"]).date()) for w in walks}
        agencies, days, lasts = zip(*((a, day, self.numbers[(a, day)]) for a, day in sorted(keys)), strict=True)
        cursor.execute(
            "INSERT INTO dossiers_dailysequence (agency_id, day, last) "
            "SELECT * FROM unnest(%s::bigint[], %s::date[], %s::integer[]) "
            "ON CONFLICT (agency_id, day) DO UPDATE "
            "SET last = GREATEST(dossiers_dailysequence.last, excluded.last)",
            [list(agencies), list(days), list(lasts)],
        )

    # -- PAKN ----------------------------------------------------------------------------------------------------

    def feedback(self, target: int) -> int:
        """A few hundred PAKN through their own lifecycle (each action at its moment): answered and published,
        some rated, some still open. Few enough that the lifecycle's pace does not matter."""
        from motcua.feedback import lifecycle
        from motcua.feedback.models import Feedback

        have = Feedback.objects.count()
        rng, clock = self.rng, self.clock
        made = 0
        for _ in range(max(0, target - have)):
            agency = rng.choices(self.communes, self.commune_weights_agency)[0]
            official = self.staff[agency.pk]["head"]
            day = rng.choice(self.days)
            at = clock.at(day, rng.choice(clock.slots(day)))
            person = self.applicant()
            fb = lifecycle.submit(
                {
                    "kind": rng.choice(["report", "proposal"]),
                    "sender_name": person["organisation_representative"] or person["applicant_name"],
                    "sender_address": f"{agency.name}, tỉnh Phú Thọ",
                    "sender_phone": person["applicant_phone"],
                    "procedure_id": rng.choice(self.commune_plans[:50]).procedure_id,
                    "subject_agency": agency,
                    "title": "Phản ánh về thời gian giải quyết hồ sơ",
                    "content": "Đề nghị cơ quan xem xét, rút ngắn thời gian giải quyết và hướng dẫn rõ giấy tờ.",
                    "receiving_agency": agency,
                },
                at=at,
            )
            made += 1
            for action in ("classify", "answer", "publish"):
                at = clock.between(rng, at, at + dt.timedelta(days=rng.choice([1, 4, 12])))
                if at > self.now or rng.random() < 0.05:
                    break  # still open at the present, or left waiting
                if action == "classify":
                    lifecycle.classify(fb.pk, official, "competent", at=at)
                elif action == "answer":
                    lifecycle.answer(fb.pk, official, "Cơ quan đã tiếp thu, chấn chỉnh và trả lời công dân.", at=at)
                else:
                    lifecycle.publish(fb.pk, official, at=at)
            else:
                rated = at + dt.timedelta(hours=rng.randint(1, 48))
                if rated <= self.now and rng.random() < 0.4:
                    choice = "satisfied" if rng.random() < 0.85 else "dissatisfied"
                    lifecycle.rate(fb.code, fb.sender_phone, choice, at=rated)
        return made


def dl_share(w: Walk, agency, kind: str):
    d = w.d
    return w.gen.memo(timing.share_deadline, agency, d["clock_started_at"], d["due_at"], kind)


def _sample_file() -> tuple[str, int, str]:
    """One small PDF in the file store that every generated document points at, so a document opens."""
    if not default_storage.exists(SAMPLE_FILE):
        default_storage.save(SAMPLE_FILE, ContentFile(PDF))
    return SAMPLE_FILE, len(PDF), hashlib.sha256(PDF).hexdigest()
