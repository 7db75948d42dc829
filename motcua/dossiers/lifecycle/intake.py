"""Intake at the desk or online: register, receive, supplement request before receipt, refusal at the desk."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.catalog import frozen_lines
from motcua.catalog.fees import fee_due
from motcua.vntext.validators import (
    validate_email_address,
    validate_id_number,
    validate_organisation_name,
    validate_person_name,
    validate_phone,
)
from motcua.workdays.services import one_calendar

from .. import codes, completeness, permissions, timing
from ..models import Document, Dossier, Step
from ..states import PaymentStatus
from .core import (
    Ref,
    check_uploads,
    load,
    new_supplement,
    now,
    record,
    share,
    store_inputs,
    supplement_items,
)

APPLICANT_FIELDS = [
    "applicant_kind",
    "applicant_name",
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
]


def check_applicant(applicant: dict) -> dict:
    """The applicant's fields, or a ValidationError naming each wrong field in Vietnamese."""
    errors = {}
    organisation = applicant.get("applicant_kind") == "organisation"
    if not (applicant.get("applicant_name") or "").strip():
        errors["applicant_name"] = "Nhập họ tên hoặc tên tổ chức."
    for field, check in (
        ("applicant_name", validate_organisation_name if organisation else validate_person_name),
        ("proxy_name", validate_person_name),
        ("organisation_representative", validate_person_name),
        ("applicant_email", validate_email_address),
        ("applicant_id_number", validate_id_number),
        ("proxy_id_number", validate_id_number),
        ("applicant_phone", validate_phone),
        ("proxy_phone", validate_phone),
    ):
        if applicant.get(field) and field not in errors:
            try:
                check(applicant[field])
            except ValidationError as exc:
                errors[field] = exc.messages[0]
    if applicant.get("applicant_kind", "citizen") == "citizen" and not applicant.get("applicant_id_number"):
        errors["applicant_id_number"] = "Nhập số định danh cá nhân của người có yêu cầu."
    if errors:
        raise ValidationError(errors)
    return {key: value for key, value in applicant.items() if key in APPLICANT_FIELDS}


def competent_agency(version, receiving_agency: Agency, chosen: Agency | None = None) -> Agency:
    """Routing by competence, not by the desk's location (DOMAIN.md 0): the chosen or the only competent agency."""
    competent = list(version.procedure.agencies.all())
    if chosen is not None:
        if competent and chosen not in competent:
            raise ValidationError(
                {"processing_agency": "Cơ quan được chọn không có thẩm quyền giải quyết thủ tục này."}
            )
        return chosen
    if receiving_agency in competent or not competent:
        return receiving_agency
    if len(competent) == 1:
        return competent[0]
    raise ValidationError({"processing_agency": "Thủ tục do nhiều cơ quan giải quyết: hãy chọn cơ quan giải quyết."})


def require_time_limit(version) -> None:
    """No dossier without a due moment: a version whose processing time was not read takes none, unless an
    official marked that the law sets no time limit (issue 10, docs/catalog.md)."""
    if not (version.states_time_limit or version.no_time_limit):
        raise ValidationError(
            "Thủ tục này chưa có thời hạn giải quyết trong danh mục nên chưa tiếp nhận hồ sơ được "
            "(không tính được ngày hẹn trả). Cán bộ quản trị danh mục cần bổ sung thời hạn, hoặc "
            "đánh dấu “pháp luật không quy định thời hạn giải quyết”.",
            code="no_time_limit",
        )


def _line_names(lines, ids) -> list[str]:
    wanted = set(ids)
    return [line.name for line in lines if line.pk in wanted]


@transaction.atomic
def register(
    *,
    actor,
    version,
    receiving_agency: Agency,
    applicant: dict,
    channel: str,
    form_data=None,
    uploads=(),
    processing_agency: Agency | None = None,
    applicant_user=None,
    assisted: bool = False,
    not_applicable=(),
    not_applicable_reasons=None,
    at=None,
) -> Dossier:
    """Đăng ký hồ sơ: an online submission, or a paper dossier entered at the desk before the desk decides.

    `uploads` is a list of (required-document line or None, uploaded file[, reused from the data store]). Every
    file is checked before anything is written, so one bad file stores nothing. `not_applicable` lists the
    document lines the applicant (or the desk) said do not apply; a line without a condition needs its reason in
    `not_applicable_reasons` ({line id: text}).
    """
    at = now(at)
    if version.status != version.Status.PUBLISHED:
        raise ValidationError("Thủ tục chưa được công bố hoặc đã hết hiệu lực.")
    require_time_limit(version)
    counter = permissions.can_act_at(actor, receiving_agency, {permissions.COUNTER})
    if (channel != "online" or assisted) and not counter:
        raise PermissionDenied("Chỉ cán bộ Một cửa của nơi tiếp nhận mới được nhập hồ sơ tại quầy hoặc nộp thay.")
    data = check_applicant(applicant)
    frozen_lines.prefetch([version])  # its document lines and channels, read once per process
    lines = list(version.documents.all())
    skipped = completeness.check_not_applicable(lines, not_applicable, not_applicable_reasons)
    checked = check_uploads(uploads)
    checked += _declaration(version, lines, checked, receiving_agency, data, form_data, at)
    processing = competent_agency(version, receiving_agency, processing_agency)
    fee = sum(fee_due(row.fees, form_data or {}) for row in version.channels.all() if row.kind == channel)
    dossier = Dossier(
        procedure=version.procedure,
        procedure_version=version,
        receiving_agency=receiving_agency,
        processing_agency=processing,
        lead_agency=processing,
        channel=channel,
        form_data=form_data or {},
        fee_total=fee,
        payment_status=PaymentStatus.PENDING if fee else PaymentStatus.NONE,
        applicant_user=applicant_user,
        submitted_at=at,
        summary=version.name[:500],
        not_applicable=skipped,
        **data,
    )
    # The day's number last, after every check and every file read, just before the rows that need it: its counter
    # row stays locked until this intake commits, and another intake at this desk today waits for it.
    dossier.code = codes.next_code(receiving_agency, timezone.localdate(at))
    record(
        dossier,
        "registered",
        actor,
        at,
        rows=lambda: store_inputs(dossier, actor, checked),
        note="Nộp thay (hỗ trợ tại quầy)" if assisted else "",
        data={
            "channel": channel,
            "assisted": assisted,
            "documents": len(checked),
            "not_applicable": _line_names(lines, skipped),
            "overrides": completeness.overrides(lines, skipped, not_applicable_reasons),
        },
    )
    return dossier


def _declaration(version, lines, checked, agency, applicant: dict, form_data, at) -> list[tuple]:
    """The e-form, filled online, as the document of the tờ khai line it replaces (rendered to PDF), unless a file
    was given for that line. The data itself stays structured in `form_data`."""
    line = next((line for line in lines if line.declaration), None)
    if line is None or not form_data or not version.form_schema or any(row[0] == line for row in checked):
        return []
    from ..printing.declaration import render_declaration

    pdf = render_declaration(
        title=version.form_schema.get("title") or line.name,
        procedure=version.name,
        agency_name=agency.name,
        applicant=applicant,
        schema=version.form_schema,
        data=form_data,
        filed_at=at,
    )
    return [
        (
            line,
            SimpleUploadedFile("to-khai-dien-tu.pdf", pdf, content_type="application/pdf"),
            False,
            pdf,
            "application/pdf",
        )
    ]


@transaction.atomic
def receive(
    dossier: Ref, *, actor, received_lines=None, not_applicable=None, not_applicable_reasons=None, at=None
) -> Dossier:
    """Tiếp nhận: the dossier is complete; the clock starts at the receipt moment (office hours, 15:00 cut-off).

    Complete means every needed document line is held (completeness.needed): as a file of the dossier, or, for a
    paper dossier, in `received_lines` (the lines the desk ticked as received). `not_applicable`, when given, is
    the desk's final word on which conditional lines do not apply (recorded in the event with who said so). An
    online dossier is always checked against its files; a caller that states no received lines for a paper
    dossier vouches for the papers itself (the API documents this).
    """
    at = now(at)
    dossier, target = load(dossier, actor, "receive")
    version = dossier.procedure_version
    frozen_lines.prefetch([version])  # its document lines and channels, read once per process
    require_time_limit(version)
    lines = list(version.documents.all())
    overridden = []
    if not_applicable is not None:
        dossier.not_applicable = completeness.check_not_applicable(lines, not_applicable, not_applicable_reasons)
        overridden = completeness.overrides(lines, dossier.not_applicable, not_applicable_reasons)
    present = set(
        dossier.documents.filter(kind=Document.Kind.INPUT, requirement__isnull=False).values_list(
            "requirement_id", flat=True
        )
    )
    if received_lines is not None:
        present |= {line.pk for line in lines if line.pk in {int(i) for i in received_lines}}
    if received_lines is not None or dossier.channel == "online":
        completeness.require_complete(lines, present, dossier.not_applicable)
    dossier.received_at = at
    with one_calendar():  # four deadlines below, one look at the calendar's override table
        dossier.clock_started_at = timing.receipt(dossier.receiving_agency, at)
        duration = timing.processing_duration(version, dossier.channel)
        explanation, skipped = [], []
        if duration is not None:
            promised = timing.due_from(dossier.processing_agency, at, duration)
            dossier.due_at = dossier.first_due_at = dossier.stats_due_at = promised.due
            explanation, skipped = promised.explanation, [s.__dict__ for s in promised.skipped]
        # The desk hands a paper dossier over the same working day (61/2018 Art. 18): half a working day from
        # receipt. The desk's step is written finished (this is its hand-over), the processing step open.
        desk_deadline = timing.after_working_days(dossier.receiving_agency, dossier.clock_started_at, "0.5")
        process_deadline = share(dossier, "process")
    if dossier.payment_status not in (PaymentStatus.PAID, PaymentStatus.PAID_ONLINE):  # paid with the submission
        dossier.payment_status = PaymentStatus.PENDING if dossier.fee_total else PaymentStatus.NONE
    desk = Step(
        dossier=dossier,
        receiving_agency_id=dossier.receiving_agency_id,
        kind=Step.Kind.RECEIVE,
        agency=dossier.receiving_agency,
        started_at=at,
        deadline=desk_deadline,
        finished_at=at,
        outcome=timing.judge(at, desk_deadline),
    )
    process = Step(
        dossier=dossier,
        receiving_agency_id=dossier.receiving_agency_id,
        kind=Step.Kind.PROCESS,
        agency=dossier.processing_agency,
        started_at=at,
        deadline=process_deadline,
    )
    Step.objects.bulk_create([desk, process])
    if dossier.event_count > 1:  # a request at the desk is an event: with none since registration, none is open
        dossier.supplement_requests.filter(at_desk=True, answered_at=None).update(answered_at=at)
    record(
        dossier,
        "received",
        actor,
        at,
        to_state=target,
        to_agency=dossier.processing_agency,
        step=desk,
        data={
            "due": dossier.due_at,
            "receipt": dossier.clock_started_at,
            "explanation": explanation,
            "skipped": skipped,
            "duration": duration.label() if duration else None,
            "not_applicable": _line_names(lines, dossier.not_applicable),
            "overrides": overridden,
            "received_lines": sorted(present),
        },
    )
    return dossier


@transaction.atomic
def desk_supplement(dossier: Ref, *, actor, items: list[dict], note: str = "", at=None) -> Dossier:
    """Yêu cầu bổ sung tại quầy (form 02): not received, no clock; every missing item with its reason, at once."""
    at = now(at)
    dossier, target = load(dossier, actor, "desk_supplement")
    request = new_supplement(dossier, actor, at, supplement_items(items), note, at_desk=True)
    record(
        dossier,
        "desk_supplement",
        actor,
        at,
        to_state=target,
        note=note,
        data={"number": request.number, "items": request.items},
    )
    return dossier


@transaction.atomic
def answer_desk_supplement(dossier: Ref, *, actor, uploads=(), note: str = "", at=None) -> Dossier:
    """Bổ sung trước tiếp nhận: the applicant (online) or the desk adds what the desk asked for; the dossier waits
    for receipt again, in the counter's "Đã bổ sung, chờ tiếp nhận". No clock runs before receipt."""
    at = now(at)
    dossier, target = load(dossier, actor, "answer_desk_supplement")
    checked = check_uploads(uploads)
    if not checked and not (note or "").strip():
        raise ValidationError({"uploads": "Đính kèm giấy tờ bổ sung hoặc ghi rõ nội dung đã bổ sung."})
    request = dossier.supplement_requests.filter(at_desk=True, answered_at=None).order_by("-number").first()
    if request is not None:
        request.answered_at = at
        request.save(update_fields=["answered_at"])
    store_inputs(dossier, actor, checked)
    record(
        dossier,
        "desk_supplement_answered",
        actor,
        at,
        to_state=target,
        note=(note or "").strip(),
        data={"number": request.number if request else None, "documents": len(checked)},
    )
    return dossier


@transaction.atomic
def desk_refuse(dossier: Ref, *, actor, reasons: str, at=None) -> Dossier:
    """Từ chối tiếp nhận (form 03), with the reasons."""
    at = now(at)
    if not (reasons or "").strip():
        raise ValidationError({"reasons": "Ghi rõ lý do từ chối tiếp nhận."})
    dossier, target = load(dossier, actor, "desk_refuse")
    dossier.finished_at = at
    record(dossier, "desk_refused", actor, at, to_state=target, note=reasons.strip())
    return dossier
