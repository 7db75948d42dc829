"""What the API shows of a dossier: the list row, the detail (documents' metadata, steps, the caller's possible
actions), the history and the documents. Read-only: inputs live in `actions.py` and `registration.py`.

Every serializer here reads only what `queries.py` loads with the dossier, so a page costs a fixed number of queries.
"""

import copy

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from .. import permissions, transitions
from ..models import Document, Dossier, Event, Signature, Step
from ..states import NATIONAL_LABELS, OPEN, Outcome

NAMESPACE = "dossiers_api"


def code_of(help_text: str, **kwargs):
    """An agency by its e-ID code; `allow_null=True` where the model allows none (the schema says `nullable`)."""
    return serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=help_text, **kwargs)


def username_of(help_text: str):
    """A person by username; null until someone is assigned."""
    return serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True, help_text=help_text)


def outcome_field(help_text: str):
    """Trước hạn / đúng hạn / quá hạn, or "" while not finished: the empty string is part of the schema's enum."""
    return serializers.ChoiceField(choices=Outcome.choices, allow_blank=True, read_only=True, help_text=help_text)


class BuiltOnce(serializers.ModelSerializer):
    """A ModelSerializer whose fields are built from the model once per class, then copied for each instance.

    DRF builds every field of a ModelSerializer again for each instance (reading the model's fields, their
    validators and choices): about fifty for a dossier's detail, with its documents and steps, in every answer of the
    API, a tenth of a create or a receipt's Python time (issue 15). What it builds depends on the class alone; a
    copy of a built field is a new field made with the same arguments (Field.__deepcopy__), as DRF makes them."""

    _built: dict[type, dict] = {}

    def get_fields(self):
        cls = type(self)
        if cls not in BuiltOnce._built:
            BuiltOnce._built[cls] = super().get_fields()
        return copy.deepcopy(BuiltOnce._built[cls])


class DossierSummary(BuiltOnce):
    """A row of the dossier list."""

    url = serializers.SerializerMethodField(help_text="Địa chỉ chi tiết hồ sơ")
    procedure = code_of("Mã thủ tục")
    procedure_name = serializers.CharField(source="summary", read_only=True, help_text="Tên thủ tục (trích yếu)")
    state_label = serializers.CharField(source="get_state_display", read_only=True)
    national_status_label = serializers.SerializerMethodField()
    receiving_agency = code_of("Mã định danh nơi tiếp nhận")
    processing_agency = code_of("Mã định danh cơ quan đang xử lý")
    lead_agency = code_of("Mã định danh cơ quan chủ trì")
    assignee = username_of("Tên đăng nhập của chuyên viên xử lý; null khi chưa phân công")
    outcome = outcome_field("Kết quả so với hạn trả: early, on_time, late; chuỗi rỗng khi chưa xử lý xong")
    overdue = serializers.SerializerMethodField(help_text="Đang giải quyết và đã quá hạn trả")

    class Meta:
        model = Dossier
        fields = [
            "code",
            "url",
            "procedure",
            "procedure_name",
            "channel",
            "state",
            "state_label",
            "national_status",
            "national_status_label",
            "payment_status",
            "delivery_status",
            "applicant_kind",
            "applicant_name",
            "receiving_agency",
            "processing_agency",
            "lead_agency",
            "assignee",
            "submitted_at",
            "received_at",
            "due_at",
            "finished_at",
            "returned_at",
            "outcome",
            "overdue",
        ]
        read_only_fields = fields

    def get_url(self, dossier) -> str:
        return reverse(f"{NAMESPACE}:dossier", kwargs={"code": dossier.code}, request=self.context.get("request"))

    def get_national_status_label(self, dossier) -> str:
        return NATIONAL_LABELS.get(dossier.national_status, "")

    def get_overdue(self, dossier) -> bool:
        return dossier.state in OPEN and dossier.due_at is not None and dossier.due_at < timezone.now()

    def to_representation(self, dossier):
        """The row built straight from the dossier: DRF's generic path, a lookup and a conversion per field for 24
        fields, was two thirds of the list's Python time (issue 15). The fields above still make the schema, and
        test_api checks that this gives exactly what the generic path gives. The detail (a subclass) adds fields:
        it goes the generic way."""
        if type(self) is not DossierSummary:
            return super().to_representation(dossier)
        if not hasattr(self, "_url"):  # one reverse() per page, not per row: a code needs no escaping in a path
            self._url = self.get_url(Dossier(code=URL_MARK))
        d = dossier
        return {
            "code": d.code,
            "url": self._url.replace(URL_MARK, d.code),
            "procedure": d.procedure.code,
            "procedure_name": d.summary,
            "channel": d.channel,
            "state": d.state,
            "state_label": d.get_state_display(),
            "national_status": d.national_status,
            "national_status_label": NATIONAL_LABELS.get(d.national_status, ""),
            "payment_status": d.payment_status,
            "delivery_status": d.delivery_status,
            "applicant_kind": d.applicant_kind,
            "applicant_name": d.applicant_name,
            "receiving_agency": d.receiving_agency.code,
            "processing_agency": d.processing_agency.code,
            "lead_agency": d.lead_agency.code,
            "assignee": d.assignee.username if d.assignee_id else None,
            "submitted_at": moment(d.submitted_at),
            "received_at": moment(d.received_at),
            "due_at": moment(d.due_at),
            "finished_at": moment(d.finished_at),
            "returned_at": moment(d.returned_at),
            "outcome": d.outcome,
            "overdue": self.get_overdue(d),
        }


URL_MARK = "__ma_ho_so__"
MOMENT = serializers.DateTimeField()


def moment(value):
    """A moment as the API writes it (DRF's DateTimeField: ISO 8601 in the current time zone), None as null."""
    return None if value is None else MOMENT.to_representation(value)


class DocumentSerializer(BuiltOnce):
    download = serializers.SerializerMethodField(help_text="Địa chỉ tải tệp; null nếu giấy tờ chỉ có bản giấy")

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "requirement",
            "name",
            "content_type",
            "size",
            "sha256",
            "digitised",
            "paper_originals",
            "paper_copies",
            "created_at",
            "download",
        ]
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_download(self, document) -> str | None:
        if not document.file:
            return None
        return reverse(
            f"{NAMESPACE}:document-file",
            request=self.context.get("request"),
            kwargs={"code": document.dossier.code, "pk": document.pk},
        )


class StepSerializer(BuiltOnce):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    agency = code_of("Mã định danh cơ quan thực hiện bước")
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    assignee = username_of("Người thực hiện bước; null khi chưa phân công")
    outcome = outcome_field("Kết quả của bước so với thời hạn; chuỗi rỗng khi bước chưa xong")

    class Meta:
        model = Step
        fields = [
            "kind",
            "kind_label",
            "agency",
            "agency_name",
            "assignee",
            "note",
            "started_at",
            "deadline",
            "finished_at",
            "outcome",
            "is_lead",
        ]
        read_only_fields = fields


class SignatureSerializer(BuiltOnce):
    """A signature asked for on the result (ký số): who asked, what became of it, and the certificate that signed."""

    role_label = serializers.CharField(source="get_role_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    asked_by = username_of("Người yêu cầu ký (lãnh đạo hoặc văn thư)")

    class Meta:
        model = Signature
        fields = [
            "role",
            "role_label",
            "status",
            "status_label",
            "asked_by",
            "asked_at",
            "finished_at",
            "reason",
            "signer_subject",
            "signed_at",
            "sha256_before",
            "sha256_after",
            "transaction_id",
        ]
        read_only_fields = fields


class DossierDetail(DossierSummary):
    """The dossier with its applicant, deadlines, documents (metadata), steps and what the caller may do next."""

    procedure_version = serializers.IntegerField(source="procedure_version.number", read_only=True)
    documents = DocumentSerializer(many=True, read_only=True)
    steps = StepSerializer(many=True, read_only=True)
    signatures = serializers.SerializerMethodField(help_text="Các lần ký số kết quả (lãnh đạo ký, văn thư đóng dấu)")
    actions = serializers.SerializerMethodField(
        help_text="Các thao tác người gọi được làm ngay bây giờ (POST …/actions/<thao tác>/)"
    )
    applicant_email = serializers.EmailField(
        read_only=True, allow_blank=True, help_text="Thư điện tử của người nộp; chuỗi rỗng khi không khai"
    )
    stats_outcome = outcome_field("Kết quả theo cách tính của Quyết định 766; chuỗi rỗng khi chưa xử lý xong")

    class Meta(DossierSummary.Meta):
        fields = DossierSummary.Meta.fields + [
            "procedure_version",
            "summary",
            "form_data",
            "fee_total",
            "applicant_id_number",
            "applicant_birth_date",
            "applicant_address",
            "applicant_phone",
            "applicant_email",
            "organisation_tax_code",
            "organisation_representative",
            "proxy_name",
            "proxy_id_number",
            "proxy_phone",
            "clock_started_at",
            "first_due_at",
            "stats_due_at",
            "paused_at",
            "stats_outcome",
            "supplement_count",
            "extended",
            "late_for_stats",
            "result_summary",
            "event_count",
            "created_at",
            "updated_at",
            "documents",
            "steps",
            "signatures",
            "actions",
        ]
        read_only_fields = fields

    @extend_schema_field(SignatureSerializer(many=True))
    def get_signatures(self, dossier) -> list[dict]:
        # Read only for a dossier that went through the signing step (its steps, already read, say so): the hot
        # path (an online submission, its receipt) answers without the extra statement (tests/test_statement_budget)
        if not any(step.kind == Step.Kind.SIGN for step in dossier.steps.all()):
            return []
        return SignatureSerializer(dossier.signatures.select_related("asked_by"), many=True).data

    def get_actions(self, dossier) -> list[str]:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return permissions.available_actions(user, dossier) if user is not None else []


class EventSerializer(BuiltOnce):
    label = serializers.SerializerMethodField()
    from_agency = code_of("Cơ quan chuyển; null khi sự kiện không chuyển giữa các cơ quan", allow_null=True)
    to_agency = code_of("Cơ quan nhận; null khi sự kiện không chuyển giữa các cơ quan", allow_null=True)
    step_outcome = outcome_field("Kết quả của bước mà sự kiện khép lại; chuỗi rỗng nếu không có")

    class Meta:
        model = Event
        fields = [
            "seq",
            "kind",
            "label",
            "at",
            "actor_name",
            "from_agency",
            "to_agency",
            "from_state",
            "to_state",
            "note",
            "data",
            "step_deadline",
            "step_outcome",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields

    def get_label(self, event) -> str:
        return transitions.EVENT_LABELS.get(event.kind, event.kind)
