"""Figures kept current in the same transaction as the dossier's events (DESIGN.md principle 5).

`DossierFacts` is what one dossier adds to the figures, as last counted; `DailyFigure` holds the sums per day ×
agency × procedure × channel. A change of a dossier moves the difference between its new and its old facts into the
daily rows, so a province-wide yearly report sums a few hundred thousand daily rows, never the dossier table.
`motcua indicators recompute --check` rebuilds both from the dossiers and compares.
"""

from django.conf import settings
from django.db import models

from motcua.dossiers.shards import OfDossier
from motcua.dossiers.states import Channel, Outcome

# The rating criteria, each with its bit in the facts' `criteria_answered` and `criteria_disliked` (fixed here, so a
# change of the criteria's order elsewhere never changes what a stored bit means).
CRITERIA = {"time": 1, "contacts": 2, "information": 4, "attitude": 8, "lawful_cost": 16, "online": 32}

# Per criterion: how many answered it, and how many answered "not satisfied" (the satisfaction shares' sums).
CRITERION_COUNTERS = tuple(f"{kind}_{criterion}" for criterion in CRITERIA for kind in ("rated", "disliked"))

# The counters of a daily row, and the day each is counted on (see `facts.contributions`).
COUNTERS = {
    # by the day the dossier was received (the cohort of the period)
    "received": "received",
    "fee_bearing": "received",
    "paid_online": "received",
    "digitised": "received",
    "reused": "received",
    "citizen_data": "received",
    "resulted": "received",
    "e_result": "received",
    "synced": "received",
    "supplemented": "received",
    "supplement_requests": "received",
    # by the day it ended (766: done > returned > stopped/refused), judged against the 766 due moment
    "finished_early": "finished",
    "finished_on_time": "finished",
    "finished_late": "finished",
    "processing_seconds": "finished",
    "resolved": "finished",
    "refused": "finished",
    "stopped": "finished",
    "withdrawn": "finished",
    "returned": "returned",
    # for "open and overdue at the end of a day": due = became overdue, settled = max(ended, became overdue)
    "due": "due",
    "settled": "settled",
    "rated": "rated",
    "disliked": "rated",
    # per criterion of Decree 61/2018 Art. 31 (dossiers.Rating.CRITERIA): answered, and answered "not satisfied"
    **dict.fromkeys(CRITERION_COUNTERS, "rated"),
}


class DossierFacts(OfDossier):
    """The facts of one received dossier that the figures count, as they were last added to `DailyFigure`."""

    dossier = models.OneToOneField("dossiers.Dossier", models.CASCADE, primary_key=True, related_name="facts")
    agency = models.ForeignKey(
        "agencies.Agency", models.PROTECT, related_name="+", help_text="the lead agency (cơ quan chủ trì giải quyết)"
    )
    procedure = models.ForeignKey("catalog.Procedure", models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    received_on = models.DateField()
    finished_on = models.DateField(null=True, blank=True)
    finish_kind = models.CharField(max_length=10, blank=True, help_text="resolved, refused, stopped or withdrawn")
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    overdue_from = models.DateTimeField(
        null=True, blank=True, help_text="from this moment the dossier counts overdue while open (766)"
    )
    returned_on = models.DateField(null=True, blank=True)
    rated_on = models.DateField(null=True, blank=True)
    processing_seconds = models.BigIntegerField(default=0)
    supplement_requests = models.PositiveSmallIntegerField(default=0)
    fee_bearing = models.BooleanField(default=False)
    paid_online = models.BooleanField(default=False)
    digitised = models.BooleanField(default=False)
    reused = models.BooleanField(default=False)
    citizen_data = models.BooleanField(default=False)
    resulted = models.BooleanField(default=False)
    e_result = models.BooleanField(default=False)
    # on DVCQG, as the daily reconciliation found it there (766, 1.4; national/reconcile.py)
    synced = models.BooleanField(default=False)
    disliked = models.BooleanField(default=False)
    criteria_answered = models.PositiveSmallIntegerField(default=0, help_text="bits of CRITERIA the rating answered")
    criteria_disliked = models.PositiveSmallIntegerField(default=0, help_text="… and answered “not satisfied”")

    class Meta:
        verbose_name = "dữ kiện chỉ số của hồ sơ"
        verbose_name_plural = "dữ kiện chỉ số của hồ sơ"
        indexes = [
            models.Index(fields=["agency", "received_on"], name="facts_agency_received"),
            models.Index(fields=["agency", "finished_on"], name="facts_agency_finished"),
            models.Index(fields=["received_on"], name="facts_received"),
            models.Index(fields=["finished_on"], name="facts_finished"),
            # the open ones by the moment they turn overdue: the live "đang xử lý quá hạn" figure
            models.Index(fields=["overdue_from"], condition=models.Q(finished_on=None), name="facts_open_overdue"),
        ]


class Figures(models.Model):
    """The counters summed over the dossiers of one lead agency × procedure × channel (see `COUNTERS`)."""

    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="+")
    procedure = models.ForeignKey("catalog.Procedure", models.PROTECT, related_name="+")
    channel = models.CharField(max_length=8, choices=Channel.choices)
    received = models.IntegerField(default=0)
    fee_bearing = models.IntegerField(default=0)
    paid_online = models.IntegerField(default=0)
    digitised = models.IntegerField(default=0)
    reused = models.IntegerField(default=0)
    citizen_data = models.IntegerField(default=0)
    resulted = models.IntegerField(default=0)
    e_result = models.IntegerField(default=0)
    synced = models.IntegerField(default=0)
    supplemented = models.IntegerField(default=0)
    supplement_requests = models.IntegerField(default=0)
    finished_early = models.IntegerField(default=0)
    finished_on_time = models.IntegerField(default=0)
    finished_late = models.IntegerField(default=0)
    processing_seconds = models.BigIntegerField(default=0)
    resolved = models.IntegerField(default=0)
    refused = models.IntegerField(default=0)
    stopped = models.IntegerField(default=0)
    withdrawn = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)
    due = models.IntegerField(default=0)
    settled = models.IntegerField(default=0)
    rated = models.IntegerField(default=0)
    disliked = models.IntegerField(default=0)
    # the satisfaction shares per criterion come from the sums too (issue 15: counting a year's ratings was 139 ms)
    rated_time = models.IntegerField(default=0)
    disliked_time = models.IntegerField(default=0)
    rated_contacts = models.IntegerField(default=0)
    disliked_contacts = models.IntegerField(default=0)
    rated_information = models.IntegerField(default=0)
    disliked_information = models.IntegerField(default=0)
    rated_attitude = models.IntegerField(default=0)
    disliked_attitude = models.IntegerField(default=0)
    rated_lawful_cost = models.IntegerField(default=0)
    disliked_lawful_cost = models.IntegerField(default=0)
    rated_online = models.IntegerField(default=0)
    disliked_online = models.IntegerField(default=0)

    class Meta:
        abstract = True


class DailyFigure(Figures):
    """Sums for one day: any date range is read from these at its ragged ends."""

    day = models.DateField()

    class Meta:
        verbose_name = "số liệu theo ngày"
        verbose_name_plural = "số liệu theo ngày"
        constraints = [
            models.UniqueConstraint(fields=["day", "agency", "procedure", "channel"], name="daily_figure_key")
        ]
        indexes = [models.Index(fields=["agency", "day"], name="daily_figure_agency_day")]


class MonthlyFigure(Figures):
    """The same sums for a whole month (`day` = its first day), kept beside the daily ones in the same
    transaction: a yearly report reads twelve rows per agency × procedure × channel instead of 365."""

    day = models.DateField(help_text="first day of the month")

    class Meta:
        verbose_name = "số liệu theo tháng"
        verbose_name_plural = "số liệu theo tháng"
        constraints = [
            models.UniqueConstraint(fields=["day", "agency", "procedure", "channel"], name="monthly_figure_key")
        ]
        indexes = [models.Index(fields=["agency", "day"], name="monthly_figure_agency_day")]


class OfficialRecord(models.Model):
    """One record of the national portal's 766 reporting API (DOMAIN.md 4a), kept as published."""

    class Group(models.TextChoices):
        TRANSPARENCY = "transparency", "Công khai, minh bạch"
        PROGRESS = "progress", "Tiến độ giải quyết"
        ONLINE = "online", "Dịch vụ công trực tuyến"
        PAYMENT = "payment", "Thanh toán trực tuyến"
        DIGITISATION = "digitisation", "Số hóa hồ sơ"
        SATISFACTION = "satisfaction", "Mức độ hài lòng"

    group = models.CharField("nhóm chỉ số", max_length=12, choices=Group.choices)
    department_code = models.CharField("mã đơn vị", max_length=32)
    department_name = models.CharField("tên đơn vị", max_length=300, blank=True)
    agency = models.ForeignKey("agencies.Agency", models.SET_NULL, null=True, blank=True, related_name="+")
    is_root = models.BooleanField("đơn vị gốc", default=False)
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    score = models.DecimalField("điểm công bố", max_digits=8, decimal_places=4, null=True, blank=True)
    max_score = models.DecimalField("điểm tối đa", max_digits=8, decimal_places=4, null=True, blank=True)
    ratio = models.DecimalField("tỷ lệ công bố (%)", max_digits=9, decimal_places=4, null=True, blank=True)
    payload = models.JSONField("bản ghi gốc", default=dict)
    source_name = models.CharField("tệp nguồn", max_length=300, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "điểm 766 công bố"
        verbose_name_plural = "điểm 766 công bố"
        constraints = [
            models.UniqueConstraint(
                fields=["group", "department_code", "period_start", "period_end"], name="official_record_key"
            )
        ]


class SectorKpi(models.Model):
    """A sector figure another agency enters each period for the reform report (value over its denominator)."""

    code = models.CharField("chỉ tiêu", max_length=40)
    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="+", verbose_name="cơ quan báo cáo")
    period_start = models.DateField("từ ngày")
    period_end = models.DateField("đến ngày")
    value = models.PositiveBigIntegerField("giá trị")
    denominator = models.PositiveBigIntegerField("mẫu số", null=True, blank=True)
    note = models.CharField("ghi chú", max_length=500, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "chỉ tiêu ngành"
        verbose_name_plural = "chỉ tiêu ngành"
        constraints = [
            models.UniqueConstraint(fields=["code", "agency", "period_start", "period_end"], name="sector_kpi_key")
        ]
