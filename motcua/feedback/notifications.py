"""Notices to the PAKN sender by e-mail and SMS, through the applicant-notice machinery (docs/notifications.md).

`on_event(event)` is a subscriber of the bus (apps.py): the lifecycle publishes every PAKN event inside the action's
transaction, and for the kinds in NOTIFIED `notify(event)` writes
one `integrations.Notice` per channel the sender can be reached on (e-mail when they gave an address, SMS when
their phone is a mobile number and a gateway is configured) and enqueues its delivery task in that same
transaction, so a committed action always has its notices queued and a rolled-back one has none. Sending is
`integrations.tasks.send_notice`, shared with dossier notices.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from motcua.dossiers.notifications import FOOTER, Composed, sms_text
from motcua.integrations import tasks
from motcua.workdays.calendar import local

NOTIFIED = {"submitted", "supplement_requested", "answered", "published"}
HEADLINES = {
    "submitted": "đã được tiếp nhận",
    "supplement_requested": "cần bổ sung thông tin",
    "answered": "đã có kết quả xử lý",
    "published": "đã được công khai kết quả xử lý",
}


def on_event(event) -> None:
    """Queue the sender's notices of `event`, if it is one they are told about."""
    if event.kind in NOTIFIED:
        notify(event)


def notify(event) -> None:
    """Enqueue the sender's notices for `event` in the current transaction."""
    fb = event.feedback
    tasks.notify_person(
        email=fb.sender_email,
        phone=fb.sender_phone,
        compose=lambda: compose(event),
        short_form=lambda: short_form(event),
        what=f"PAKN event {event.pk}",
        feedback_event=event,
        receiving_agency_id=fb.receiving_agency_id,
    )


def _public(path: str) -> str:
    return settings.MOTCUA_PUBLIC_URL.rstrip("/") + path


def tracking_url(code: str) -> str:
    return _public(f"{reverse('feedback:track')}?{urlencode({'ma': code})}")


def published_url(code: str) -> str:
    return _public(reverse("feedback:published_detail", args=[code]))


def _moment(value) -> str:
    return local(value).strftime("%H:%M ngày %d/%m/%Y")


def _head(event) -> str:
    return f"Phản ánh, kiến nghị {event.feedback.code} {HEADLINES[event.kind]}"


def compose(event) -> Composed:
    """The e-mail (subject, body) and the SMS text for `event`, in Vietnamese."""
    fb = event.feedback
    lines, short, link = _details(event, fb)
    body = [
        f"Kính gửi Ông/Bà {fb.sender_name},",
        "",
        f"{fb.get_kind_display()} “{fb.title}” của Ông/Bà {HEADLINES[event.kind]}.",
        "",
        f"Mã PAKN: {fb.code}",
        f"Cơ quan tiếp nhận: {fb.receiving_agency.name}",
        "",
        *lines,
        "",
        f"Tra cứu tình trạng xử lý: {tracking_url(fb.code)}",
        "(nhập mã PAKN và số điện thoại Ông/Bà đã khai khi gửi)",
        "",
        FOOTER,
    ]
    return Composed(subject=_head(event), body="\n".join(body), sms=sms_text(f"{_head(event)}.", short, link))


def short_form(event) -> Composed:
    link = tracking_url(event.feedback.code)
    return Composed(
        subject=_head(event),
        body=f"{_head(event)}.\n\nTra cứu tình trạng xử lý: {link}\n\n{FOOTER}",
        sms=sms_text(f"{_head(event)}.", "", link),
    )


def _details(event, fb) -> tuple[list[str], str, str]:
    """The kind-specific part: (lines of the e-mail, detail of the SMS, link of the SMS)."""
    tracking = tracking_url(fb.code)
    if event.kind == "submitted":
        due = _moment(fb.answer_due)
        return [f"Hạn trả lời: {due} (15 ngày làm việc kể từ khi gửi)."], f"Hạn trả lời: {due}.", tracking
    if event.kind == "supplement_requested":
        note = fb.supplement_note
        return (
            [
                "Cơ quan đề nghị Ông/Bà bổ sung thông tin sau:",
                note,
                "",
                "Ông/Bà có thể gửi thông tin bổ sung trực tuyến tại trang tra cứu dưới đây.",
            ],
            f"Nội dung: {note}",
            tracking,
        )
    if event.kind == "answered":
        return [f"Kết quả xử lý, trả lời của {fb.answered_by.name}:", fb.answer], f"Kết quả: {fb.answer}", tracking
    link = published_url(fb.code)
    return [f"Kết quả xử lý đã được công khai tại: {link}"], "", link
