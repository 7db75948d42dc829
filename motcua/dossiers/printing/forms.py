"""Forms 01-06 of Circular 03/2025/TT-VPCP (Annex I), each built from the dossier and its events (DOMAIN.md 2.2).

Each builder returns (template, context); the context holds only strings, numbers and lists of them, so the
templates never reach back into the database.
"""

from ..models import Document, Step
from ..states import Channel as DossierChannel
from ..states import Outcome
from . import qr
from .pdf import abbreviation, date_text, heading, long_date, moment_text, number_base, parse_moment, unbroken_locality

FORM_TITLES = {
    1: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    2: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    3: "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    4: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    5: "Thông báo dừng giải quyết hồ sơ",
    6: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    7: "Sổ theo dõi hồ sơ",
}
# The event a form is printed from, and what to say when the dossier has none.
EVENT_KINDS = {
    3: (
        ("desk_refused", "refused"),
        "Hồ sơ chưa bị từ chối tiếp nhận hay từ chối giải quyết nên không có Phiếu từ chối.",
    ),
    4: (("extended",), "Hồ sơ chưa được gia hạn nên không có Văn bản xin lỗi và đề nghị gia hạn."),
    5: (("stopped",), "Hồ sơ chưa bị dừng giải quyết nên không có Thông báo dừng giải quyết hồ sơ."),
}
OUTCOME_LABELS = dict(Outcome.choices)
STEP_LABELS = dict(Step.Kind.choices)


def applicant(dossier) -> dict:
    """Who the form is about: the applicant, the organisation's details and the proxy who filed for them."""
    organisation = dossier.applicant_kind == dossier.ApplicantKind.ORGANISATION
    return {
        "name": dossier.applicant_name,
        "organisation": organisation,
        "salutation": "" if organisation else "Ông/Bà ",
        "id_number": dossier.applicant_id_number,
        "tax_code": dossier.organisation_tax_code,
        "representative": dossier.organisation_representative,
        "address": dossier.applicant_address,
        "phone": dossier.applicant_phone,
        "email": dossier.applicant_email,
        "proxy_name": dossier.proxy_name,
        "proxy_id_number": dossier.proxy_id_number,
        "proxy_phone": dossier.proxy_phone,
        "submitter": dossier.proxy_name or dossier.organisation_representative or dossier.applicant_name,
    }


def base(number: int, dossier, agency, moment, suffix: str) -> dict:
    return {
        "title": FORM_TITLES[number],
        "form_number": f"{number:02d}",
        "heading": heading(agency, moment, f"{number_base(dossier)}/{suffix}"),
        "code": dossier.code,
        "procedure": dossier.procedure_version.name,
        "applicant": applicant(dossier),
        "agency_name": agency.name,
        "desk": unbroken_locality(dossier.receiving_agency.name),
    }


def find_event(dossier, kinds, event, missing: str):
    """The event the form is printed from: the one given (checked), else the dossier's latest of these kinds."""
    if event is None:
        event = dossier.events.filter(kind__in=kinds).select_related("from_agency").order_by("-seq").first()
        if event is None:
            raise ValueError(missing)
    if event.dossier_id != dossier.pk:
        raise ValueError(f"Sự kiện số {event.seq} không thuộc hồ sơ {dossier.code}.")
    if event.kind not in kinds:
        raise ValueError(f"Sự kiện “{event.kind}” không dùng để in mẫu này (cần: {', '.join(kinds)}).")
    return event


def time_allowed(dossier) -> str:
    """The legal processing time of the dossier's channel, as the catalogue states it."""
    rows = sorted(dossier.procedure_version.channels.all(), key=lambda row: row.kind != dossier.channel)
    return rows[0].time_display if rows else ""


def documents_received(dossier) -> list[dict]:
    """The required-document lines with the papers received for each, then the other papers filed."""
    files = list(dossier.documents.filter(kind=Document.Kind.INPUT))
    by_line = {}
    for document in files:
        by_line.setdefault(document.requirement_id, []).append(document)
    rows = []
    for line in dossier.procedure_version.documents.all():
        filed = by_line.pop(line.pk, [])
        if not filed and not line.is_required:
            continue
        originals = sum(d.paper_originals for d in filed) if filed else 0
        copies = sum(d.paper_copies for d in filed) if filed else 0
        if not (originals or copies):
            originals, copies = line.originals, line.copies
        name = f"{line.group}: {line.name}" if line.group else line.name
        rows.append(
            {"name": name, "originals": originals, "copies": copies, "digital": any(d.digitised for d in filed)}
        )
    for document in (d for group in by_line.values() for d in group):
        rows.append(
            {
                "name": document.name,
                "originals": document.paper_originals,
                "copies": document.paper_copies,
                "digital": document.digitised,
            }
        )
    return rows


def pickup_place(dossier) -> str:
    desk = dossier.receiving_agency
    if dossier.channel == DossierChannel.POSTAL:
        return f"Qua dịch vụ bưu chính công ích, tại địa chỉ: {dossier.applicant_address}"
    if dossier.channel == DossierChannel.ONLINE:
        return f"Trực tuyến trên Cổng Dịch vụ công quốc gia hoặc tại Bộ phận Một cửa – {unbroken_locality(desk.name)}"
    return ", ".join(part for part in (f"Bộ phận Một cửa – {unbroken_locality(desk.name)}", desk.address) if part)


def receipt(dossier, base_url: str) -> tuple[str, dict]:
    if dossier.received_at is None:
        raise ValueError("Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
    desk = dossier.receiving_agency
    received = dossier.events.filter(kind="received").order_by("-seq").first()
    url = qr.tracking_url(dossier.code, base_url)
    context = base(1, dossier, desk, dossier.received_at, abbreviation(desk))
    context.update(
        {
            "documents": documents_received(dossier),
            "time_allowed": time_allowed(dossier),
            "received_at": moment_text(dossier.received_at),
            "due_at": moment_text(dossier.due_at),
            "pickup": pickup_place(dossier),
            "tracking_url": url,
            "qr": qr.png_data_uri(url),
            "receiver": received.actor_name if received else "",
        }
    )
    return "dossiers/forms/01_receipt.html", context


def supplement_form(dossier, supplement) -> tuple[str, dict]:
    if supplement is None:
        supplement = dossier.supplement_requests.order_by("-number").first()
        if supplement is None:
            raise ValueError("Hồ sơ chưa có yêu cầu bổ sung nào nên không có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.")
    if supplement.dossier_id != dossier.pk:
        raise ValueError(f"Yêu cầu bổ sung lần {supplement.number} không thuộc hồ sơ {dossier.code}.")
    kind = "desk_supplement" if supplement.at_desk else "supplement_requested"
    event = next(
        (
            e
            for e in dossier.events.filter(kind=kind).select_related("from_agency", "actor")
            if e.data.get("number") == supplement.number
        ),
        None,
    )
    if supplement.at_desk:
        agency = dossier.receiving_agency
    else:
        agency = (event.from_agency if event and event.from_agency else None) or dossier.processing_agency
    earlier = dossier.supplement_requests.filter(number__lt=supplement.number, at_desk=supplement.at_desk)
    officer = supplement.requested_by
    context = base(2, dossier, agency, supplement.requested_at, "PBS")
    context["heading"]["number"] = f"{number_base(dossier)}.{supplement.number}/PBS"
    context.update(
        {
            "at_desk": supplement.at_desk,
            "round": earlier.count() + 1,
            "items": supplement.items,
            "note": supplement.note,
            "requested_at": moment_text(supplement.requested_at),
            "earlier": [
                {"number": index, "date": date_text(row.requested_at), "items": row.items}
                for index, row in enumerate(earlier.order_by("number"), start=1)
            ],
            "officer": getattr(officer, "full_name", "") or officer.get_username(),
            "officer_phone": agency.phone,
            "approved_by": (getattr(supplement.approved_by, "full_name", "") or supplement.approved_by.get_username())
            if supplement.approved_by
            else "",
        }
    )
    return "dossiers/forms/02_supplement.html", context


def refusal(dossier, event) -> tuple[str, dict]:
    at_desk = event.kind == "desk_refused"
    agency = dossier.receiving_agency if at_desk else (event.from_agency or dossier.lead_agency)
    context = base(3, dossier, agency, event.at, "PTC")
    context.update(
        {
            "at_desk": at_desk,
            "reasons": event.note,
            "refused_at": moment_text(event.at),
            "officer": event.actor_name,
            "received_at": moment_text(dossier.received_at),
        }
    )
    return "dossiers/forms/03_refusal.html", context


def apology(dossier, event) -> tuple[str, dict]:
    agency = event.from_agency or dossier.processing_agency
    context = base(4, dossier, agency, event.at, "PXL")
    context.update(
        {
            "received_on": long_date(dossier.received_at),
            "old_due": moment_text(parse_moment(event.data.get("old_due"))),
            "new_due": moment_text(parse_moment(event.data.get("new_due"))),
            "reason": event.note,
            "signer": event.actor_name,
        }
    )
    return "dossiers/forms/04_apology.html", context


def stop_notice(dossier, event) -> tuple[str, dict]:
    agency = dossier.receiving_agency
    context = base(5, dossier, agency, event.at, "TBD")
    context.update(
        {
            "reason": event.note,
            "stopped_at": moment_text(event.at),
            "received_on": long_date(dossier.received_at or dossier.submitted_at),
            "signer": event.actor_name,
        }
    )
    return "dossiers/forms/05_stop.html", context


def handed_to(step, steps, handovers, dossier) -> str:
    """Who a step handed the dossier to: the event recorded at the hand-over, else the step that began then,
    else the next step begun after it; the return step hands the result to the applicant."""
    if step.finished_at is None:
        return ""
    if step.kind == Step.Kind.RETURN:
        return f"{dossier.applicant_name} (nhận kết quả)"
    event = handovers.get((step.finished_at, step.agency_id))
    if event is not None:
        within = event.kind == "submitted_for_approval" and event.to_agency_id == step.agency_id
        return f"Lãnh đạo {event.to_agency.name}" if within else event.to_agency.name
    began = [s.agency.name for s in steps if s is not step and s.started_at == step.finished_at]
    if began:
        return ", ".join(dict.fromkeys(began))
    later = [s for s in steps if s.started_at > step.finished_at]
    return later[0].agency.name if later else ""


def control_sheet(dossier) -> tuple[str, dict]:
    steps = list(dossier.steps.select_related("agency").order_by("started_at", "id"))
    handovers = {}
    for event in dossier.events.exclude(to_agency=None).exclude(from_agency=None).select_related("to_agency"):
        handovers.setdefault((event.at, event.from_agency_id), event)
    rows = [
        {
            "giver": step.agency.name,
            "receiver": handed_to(step, steps, handovers, dossier),
            "kind": STEP_LABELS.get(step.kind, step.kind),
            "started": moment_text(step.started_at).split(" ") if step.started_at else ["", ""],
            "deadline": moment_text(step.deadline).split(" ") if step.deadline else ["", ""],
            "finished": moment_text(step.finished_at).split(" ") if step.finished_at else ["", ""],
            "outcome": OUTCOME_LABELS.get(step.outcome, "") if step.finished_at else "Đang xử lý",
            "note": step.note,
        }
        for step in steps
    ]
    consulted = [s.agency.name for s in steps if s.kind in (Step.Kind.CONSULT, Step.Kind.LIEN_THONG)]
    context = base(6, dossier, dossier.receiving_agency, dossier.received_at or dossier.submitted_at, "PKS")
    context.update(
        {
            "rows": rows,
            "lead": dossier.lead_agency.name,
            "consulted": ", ".join(dict.fromkeys(consulted)),
            "received_at": moment_text(dossier.received_at),
            "due_at": moment_text(dossier.due_at),
            "first_due_at": moment_text(dossier.first_due_at) if dossier.extended else "",
            "outcome": OUTCOME_LABELS.get(dossier.outcome, ""),
        }
    )
    return "dossiers/forms/06_control.html", context
