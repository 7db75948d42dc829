"""The dossier (hồ sơ) and what hangs off it. Only `dossiers.lifecycle` changes a dossier's state.

Volume: a merged province receives ~150,000 dossiers a month, so the queue indexes below match the office queues
(my agency by due moment, mine by due moment, overdue, waiting for supplement) and every list is paginated.
"""

from django.conf import settings
from django.db import models

from motcua.records.append_only import ChainedEntry

from .shards import DossierLink, OfDossier, OnShard
from .states import OPEN, Channel, DeliveryStatus, Outcome, PaymentStatus, State

OPEN_STATES = sorted(OPEN)


class Dossier(OnShard):
    class ApplicantKind(models.TextChoices):
        CITIZEN = "citizen", "Công dân"
        ORGANISATION = "organisation", "Tổ chức, doanh nghiệp"

    code = models.CharField("mã hồ sơ", max_length=32, unique=True)
    procedure = models.ForeignKey("catalog.Procedure", models.PROTECT, related_name="dossiers", verbose_name="thủ tục")
    procedure_version = models.ForeignKey(
        "catalog.ProcedureVersion", models.PROTECT, related_name="dossiers", verbose_name="phiên bản thủ tục"
    )
    receiving_agency = models.ForeignKey(
        "agencies.Agency", models.PROTECT, related_name="received_dossiers", verbose_name="nơi tiếp nhận"
    )
    processing_agency = models.ForeignKey(
        "agencies.Agency", models.PROTECT, related_name="processing_dossiers", verbose_name="cơ quan đang xử lý"
    )
    lead_agency = models.ForeignKey(
        "agencies.Agency", models.PROTECT, related_name="led_dossiers", verbose_name="cơ quan chủ trì"
    )
    channel = models.CharField("kênh nộp", max_length=8, choices=Channel.choices)
    # Applicant (chủ hồ sơ) and an optional proxy (người nộp thay)
    applicant_kind = models.CharField(
        "loại chủ hồ sơ", max_length=12, choices=ApplicantKind.choices, default=ApplicantKind.CITIZEN
    )
    applicant_name = models.CharField("họ tên / tên tổ chức", max_length=200)
    applicant_id_number = models.CharField("số định danh cá nhân", max_length=12, blank=True)
    applicant_birth_date = models.DateField("ngày sinh", null=True, blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=300, blank=True)
    applicant_phone = models.CharField("số điện thoại", max_length=15, blank=True)
    applicant_email = models.EmailField("thư điện tử", blank=True)
    organisation_tax_code = models.CharField("mã số thuế", max_length=14, blank=True)
    organisation_representative = models.CharField("người đại diện", max_length=200, blank=True)
    proxy_name = models.CharField("người nộp thay", max_length=200, blank=True)
    proxy_id_number = models.CharField("số định danh người nộp thay", max_length=12, blank=True)
    proxy_phone = models.CharField("điện thoại người nộp thay", max_length=15, blank=True)
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name="tài khoản công dân",
    )
    summary = models.CharField("trích yếu", max_length=500, blank=True)
    form_data = models.JSONField("dữ liệu tờ khai", default=dict, blank=True)
    # Conditional document lines whose condition does not apply to this applicant (the citizen's answer online, or
    # the desk's mark at receipt; who decided is in the event). See dossiers/completeness.py.
    not_applicable = models.JSONField("thành phần không áp dụng", default=list, blank=True)
    fee_total = models.PositiveIntegerField("phí, lệ phí (đồng)", default=0)
    # Statuses, kept apart (DOMAIN.md 1.11): business state, payment, delivery; the portal code is derived.
    state = models.CharField("trạng thái", max_length=20, choices=State.choices, default=State.SUBMITTED)
    national_status = models.PositiveSmallIntegerField("trạng thái DVCQG", default=1)
    payment_status = models.CharField(
        "thanh toán", max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.NONE
    )
    delivery_status = models.CharField(
        "trả kết quả", max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.NOT_READY
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_dossiers",
        verbose_name="chuyên viên xử lý",
    )
    # Moments
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    received_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True)
    clock_started_at = models.DateTimeField("bắt đầu tính thời hạn", null=True, blank=True)
    due_at = models.DateTimeField("hẹn trả (theo luật)", null=True, blank=True)
    first_due_at = models.DateTimeField("hẹn trả ban đầu", null=True, blank=True)
    stats_due_at = models.DateTimeField(
        "hạn tính chỉ số 766",
        null=True,
        blank=True,
        help_text="first due moment shifted by the paused working time (766, 2.1)",
    )
    paused_at = models.DateTimeField("tạm dừng từ", null=True, blank=True)
    finished_at = models.DateTimeField("xử lý xong lúc", null=True, blank=True)
    returned_at = models.DateTimeField("trả kết quả lúc", null=True, blank=True)
    outcome = models.CharField("kết quả đúng hạn", max_length=8, choices=Outcome.choices, blank=True)
    stats_outcome = models.CharField("kết quả theo 766", max_length=8, choices=Outcome.choices, blank=True)
    supplement_count = models.PositiveSmallIntegerField("số lần yêu cầu bổ sung", default=0)
    extended = models.BooleanField("đã gia hạn", default=False)
    late_for_stats = models.BooleanField(
        "tính quá hạn (766)", default=False, help_text="a second supplement request counts the dossier late (766, 2.1)"
    )
    result_summary = models.TextField("kết quả giải quyết", blank=True)
    last_event_hash = models.CharField(max_length=64, blank=True, editable=False)
    event_count = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "hồ sơ"
        verbose_name_plural = "hồ sơ"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["processing_agency", "state", "due_at"], name="dossier_agency_queue"),
            # open dossiers by due moment: the overdue and due-soon queues across agencies (province monitor)
            models.Index(fields=["due_at"], condition=models.Q(state__in=OPEN_STATES), name="dossier_open_due"),
            models.Index(fields=["receiving_agency", "state", "created_at"], name="dossier_desk_queue"),
            models.Index(fields=["assignee", "state", "due_at"], name="dossier_assignee_queue"),
            models.Index(fields=["state", "due_at"], name="dossier_state_due"),
            models.Index(fields=["applicant_user", "created_at"], name="dossier_applicant"),
            models.Index(fields=["applicant_id_number"], name="dossier_applicant_id"),
            # The orders of the long lists, so that a page is read off an index, never the whole table sorted
            # (issue 15, tests/test_explain.py): newest first (the API list, the queues' "-moi"), newest received
            # first (the overdue box, the drill-downs). Not by due moment alone: the counter's small queues would
            # walk it (docs/performance.md).
            models.Index(fields=["created_at", "id"], name="dossier_created"),
            models.Index(fields=["received_at", "id"], name="dossier_received"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def national_status_label(self) -> str:
        """The DVCQG status in words ("Đang xử lý"), as the national portal names its code 1-10."""
        from .states import NATIONAL_LABELS

        return NATIONAL_LABELS.get(self.national_status, "")

    @property
    def is_open(self) -> bool:
        from .states import OPEN

        return self.state in OPEN


class Document(OfDossier):
    """A file of the dossier, tied to a required-document line; the SHA-256 is taken on storing."""

    class Kind(models.TextChoices):
        INPUT = "input", "Thành phần hồ sơ"
        RESULT = "result", "Kết quả giải quyết"
        # The result while it waits for its signatures: numbered and dated, never shown to the applicant. The seal
        # makes it the result (lifecycle/signing.py).
        DRAFT = "draft", "Kết quả chờ ký"

    dossier = DossierLink(Dossier, models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=6, choices=Kind.choices, default=Kind.INPUT)
    requirement = models.ForeignKey(
        "catalog.RequiredDocument", models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="thành phần"
    )
    name = models.CharField("tên giấy tờ", max_length=500)
    file = models.FileField(upload_to="dossiers/%Y/%m/", blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    digitised = models.BooleanField("đã số hóa", default=False)
    reused = models.BooleanField(
        "tái sử dụng từ kho dữ liệu",
        default=False,
        help_text="taken from the applicant's data store instead of uploaded again (766, 4.3)",
    )
    paper_originals = models.PositiveSmallIntegerField("bản chính nhận", default=0)
    paper_copies = models.PositiveSmallIntegerField("bản sao nhận", default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "giấy tờ"
        verbose_name_plural = "giấy tờ"
        ordering = ["dossier_id", "kind", "id"]


class Step(OfDossier):
    """A stretch of work at one agency with its own deadline, judged early / on time / late at hand-over."""

    class Kind(models.TextChoices):
        RECEIVE = "receive", "Tiếp nhận, chuyển hồ sơ"
        PROCESS = "process", "Thẩm định, xử lý"
        LIEN_THONG = "lien_thong", "Xử lý liên thông"
        CONSULT = "consult", "Lấy ý kiến"
        APPROVE = "approve", "Phê duyệt"
        SIGN = "sign", "Ký số, đóng dấu kết quả"
        RETURN = "return", "Trả kết quả"

    dossier = DossierLink(Dossier, models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    agency = models.ForeignKey("agencies.Agency", models.PROTECT, related_name="steps")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    is_lead = models.BooleanField(default=False)

    class Meta:
        verbose_name = "bước xử lý"
        verbose_name_plural = "bước xử lý"
        ordering = ["dossier_id", "started_at", "id"]
        indexes = [
            models.Index(fields=["agency", "finished_at", "deadline"], name="step_agency_open"),
            # The open liên thông and consultation steps, a few in a province at any time: the queue "Chờ cơ quan
            # khác" starts from them instead of reading every open dossier of the province (issue 15).
            models.Index(
                fields=["dossier"],
                condition=models.Q(finished_at__isnull=True, kind__in=["lien_thong", "consult"]),
                name="step_open_between_agencies",
            ),
            # An agency's liên thông and consultation steps, open or not: who may see a dossier (permissions).
            models.Index(
                fields=["agency", "dossier"],
                condition=models.Q(kind__in=["lien_thong", "consult"]),
                name="step_agency_between_agencies",
            ),
        ]


class SupplementRequest(OfDossier):
    """Yêu cầu bổ sung: every missing item with its reason, at once (bổ sung một lần đầy đủ)."""

    dossier = DossierLink(Dossier, models.CASCADE, related_name="supplement_requests")
    number = models.PositiveSmallIntegerField()
    at_desk = models.BooleanField(default=False, help_text="asked at the desk before receipt: no clock runs")
    items = models.JSONField(help_text='[{"item": "Giấy chứng sinh", "reason": "..."}]')
    note = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dossier_id", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="supplement_number")]

    def __str__(self) -> str:
        return f"Yêu cầu bổ sung lần {self.number} – {self.dossier.code}"  # the admin selects the dossier with it


class DailySequence(models.Model):
    """The NNNN of `<agency>-YYMMDD-NNNN`: one row per agency per day, incremented under a row lock."""

    agency = models.ForeignKey("agencies.Agency", models.CASCADE, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="daily_sequence_agency_day")]


class ResultSequence(models.Model):
    """The number of a result (số văn bản): one row per agency per year, the number restarting each 1 January
    (Decree 30/2020 Art. 15), taken under the row's lock like the dossier codes (records/numbering.py)."""

    agency = models.ForeignKey("agencies.Agency", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="result_sequence_agency_year")]


class Signature(OfDossier):
    """One signature asked for a result, and its evidence (issue 17): the leader's, then the agency's seal.

    The row is written when the signature is asked for (waiting) and finished by the signing task: signed, with
    what a dispute needs (the SHA-256 of the file before and after, the certificate chain, the revocation answers
    and the timestamp token as embedded, the remote service's transaction id), or refused, expired or failed, with
    the reason. At most one waits per dossier: a second click never signs twice."""

    class Role(models.TextChoices):
        LEADER = "leader", "Lãnh đạo ký"
        SEAL = "seal", "Văn thư đóng dấu (chữ ký số cơ quan)"

    class Status(models.TextChoices):
        WAITING = "waiting", "Đang ký"
        SIGNED = "signed", "Đã ký"
        REFUSED = "refused", "Người ký từ chối"
        EXPIRED = "expired", "Hết hạn xác nhận"
        FAILED = "failed", "Không ký được"

    dossier = DossierLink(Dossier, models.CASCADE, related_name="signatures")
    document = models.ForeignKey(Document, models.PROTECT, related_name="+", verbose_name="kết quả")
    role = models.CharField("vai trò", max_length=6, choices=Role.choices)
    status = models.CharField("trạng thái", max_length=8, choices=Status.choices, default=Status.WAITING)
    key = models.ForeignKey("signing.SigningKey", models.PROTECT, related_name="+", verbose_name="khóa ký")
    layout = models.ForeignKey(
        "signing.Layout", models.PROTECT, null=True, blank=True, related_name="+", verbose_name="mẫu trình bày"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="người yêu cầu"
    )
    asked_at = models.DateTimeField("yêu cầu lúc")
    finished_at = models.DateTimeField("kết thúc lúc", null=True, blank=True)
    reason = models.CharField("lý do", max_length=500, blank=True)
    sha256_before = models.CharField("SHA-256 trước khi ký", max_length=64)
    sha256_after = models.CharField("SHA-256 sau khi ký", max_length=64, blank=True)
    signer_subject = models.CharField("người ký (chứng thư)", max_length=300, blank=True)
    certificate_serial = models.CharField("số hiệu chứng thư", max_length=64, blank=True)
    chain_pem = models.TextField("chuỗi chứng thư", blank=True)
    revocation = models.BinaryField("thông tin thu hồi (CRL, OCSP)", blank=True, default=b"")
    timestamp_token = models.BinaryField("dấu thời gian (RFC 3161)", blank=True, default=b"")
    signed_at = models.DateTimeField("thời điểm ký", null=True, blank=True)
    transaction_id = models.CharField("mã giao dịch ký từ xa", max_length=128, blank=True)

    class Meta:
        verbose_name = "chữ ký số kết quả"
        verbose_name_plural = "chữ ký số kết quả"
        ordering = ["dossier_id", "asked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"], condition=models.Q(status="waiting"), name="signature_one_waiting"
            )
        ]


class ResultCheck(models.Model):
    """A result in the public check, "Kiểm tra kết quả" (issue 17): its code, printed with a QR on the result before
    the first signature, and once issued the SHA-256 of the file the applicant received. Anyone holding the paper
    (the QR) or the file (its hash) learns whether it is a result this system issued, unchanged, and for which
    dossier: what the result itself says, nothing about the applicant.

    Read by its code or hash alone, so not on the dossier's shard: on Citus it stays a table of the coordinator
    (the dossier and the agency are kept as numbers, without a foreign key into the distributed tables)."""

    code = models.CharField("mã kiểm tra", max_length=14, unique=True)
    sha256 = models.CharField("SHA-256 của tệp kết quả", max_length=64, blank=True)
    dossier_id = models.BigIntegerField("hồ sơ")
    receiving_agency_id = models.BigIntegerField("nơi tiếp nhận")
    dossier_code = models.CharField("mã hồ sơ", max_length=32)
    title = models.CharField("tên kết quả", max_length=500)
    issuer = models.CharField("cơ quan ban hành", max_length=300)
    procedure = models.CharField("thủ tục", max_length=500)
    issued_at = models.DateTimeField("ban hành lúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "mã kiểm tra kết quả"
        verbose_name_plural = "mã kiểm tra kết quả"
        indexes = [models.Index(fields=["sha256"], condition=~models.Q(sha256=""), name="result_check_sha256")]


class IdempotencyRecord(models.Model):
    """The first answer to a state-changing API call, returned again for a retry with the same key."""

    key = models.CharField(max_length=200)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    method_path = models.CharField(max_length=300)
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_user_key")]
        # `motcua idempotency purge` removes the records past their retention, oldest first, in batches
        indexes = [models.Index(fields=["created_at"], name="idempotency_created")]


class Event(OfDossier, ChainedEntry):
    """One entry of a dossier's history; append-only and hash-chained (DESIGN.md principle 2)."""

    log_name = "Nhật ký hồ sơ"

    dossier = DossierLink(Dossier, models.PROTECT, related_name="events")
    kind = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    actor_name = models.CharField(max_length=200, blank=True)
    from_agency = models.ForeignKey("agencies.Agency", models.PROTECT, null=True, blank=True, related_name="+")
    to_agency = models.ForeignKey("agencies.Agency", models.PROTECT, null=True, blank=True, related_name="+")
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    step_deadline = models.DateTimeField(null=True, blank=True)
    step_outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = "sự kiện hồ sơ"
        verbose_name_plural = "nhật ký hồ sơ"
        ordering = ["dossier_id", "seq"]
        constraints = [models.UniqueConstraint(fields=["dossier", "seq"], name="event_dossier_seq")]


class RatingToken(OfDossier):
    """Mã đánh giá: a one-time token that lets the applicant rate a returned dossier without an account, at the kiosk
    at the desk or on the public rating page its QR code or SMS link opens (rating_tokens.py, docs/security.md).

    Only a keyed hash of the token is kept; the token itself exists on the paper slip or in the message that carried
    it. The first rating made with any token of the dossier uses it up (one rating per dossier).
    """

    class Channel(models.TextChoices):
        PRINTED = "printed", "Phiếu mời đánh giá (in)"
        NOTICE = "notice", "Tin nhắn, thư điện tử"

    dossier = DossierLink(Dossier, models.CASCADE, related_name="rating_tokens", verbose_name="hồ sơ")
    digest = models.CharField("mã băm", max_length=64, unique=True)
    channel = models.CharField("trao qua", max_length=8, choices=Channel.choices)
    # Who printed the slip (None for a notice): a rating made with a printed token can be traced to the print.
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="người in phiếu"
    )
    created_at = models.DateTimeField("cấp lúc", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn lúc")
    used_at = models.DateTimeField("đã dùng lúc", null=True, blank=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "mã đánh giá"
        verbose_name_plural = "mã đánh giá"

    def __str__(self) -> str:
        return f"{self.dossier_id} – {self.get_channel_display()}"


class Rating(OfDossier):
    """Đánh giá sự hài lòng on the criteria of Decree 61/2018 Art. 31, one per returned dossier (ratings.py).

    The figures count it (766 indicator 5.4), so it lives with the dossier, below them; its table keeps the name it
    had when the portal held it."""

    CRITERIA = [
        ("time", "Thời gian giải quyết"),
        ("contacts", "Số lần phải liên hệ, đi lại"),
        ("information", "Thông tin công khai chính xác"),
        ("attitude", "Thái độ của cán bộ"),
        ("lawful_cost", "Đúng quy định, không phát sinh chi phí"),
        ("online", "Dịch vụ trực tuyến"),
    ]

    dossier = models.OneToOneField(Dossier, models.CASCADE, related_name="rating")
    satisfied = models.BooleanField("hài lòng")
    criteria = models.JSONField(default=dict, help_text='{"time": true, "attitude": false, ...}')
    comment = models.TextField(blank=True)
    channel = models.CharField(max_length=6, choices=[("portal", "Cổng dịch vụ công"), ("kiosk", "Ki-ốt tại quầy")])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "portal_rating"
