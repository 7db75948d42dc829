"""Applicant notices for dossier events: which events the applicant is told about, and the words; nothing is sent here.

The lifecycle publishes each event (motcua.happened); `integrations.notices.on_dossier_event`, a subscriber, asks
`is_notified(event)` and, if so, writes one `integrations.Notice` per channel the applicant can be reached on (e-mail
when there is an address, SMS when there is a mobile number and a gateway is configured) with the words of
`composed(event)`, and enqueues its delivery task, in the action's transaction: a committed action always has its
notices queued, a rolled-back one has none. Delivery (`integrations.tasks.send_notice`) runs after commit, so a mail
server or SMS gateway that is down never fails an action.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from motcua.vntext import formats

# The events the applicant is told about (issue 3: receipt, supplement, refusal, extension, result ready, stop).
NOTIFIED = {
    "received",
    "desk_supplement",
    "supplement_requested",
    "desk_refused",
    "refused",
    "extended",
    "result_issued",
    "stopped",
}
SMS_LIMIT = 320
# The notices after which the applicant may rate the dossier (once the result is handed over): they carry a
# one-time rating token (rating_tokens.py).
RATED_KINDS = {"result_issued", "refused"}
FOOTER = "Thư này được gửi tự động từ Hệ thống thông tin giải quyết thủ tục hành chính; vui lòng không trả lời thư này."
HEADLINES = {
    "registered": "đã được gửi, chờ tiếp nhận",
    "received": "đã được tiếp nhận",
    "desk_supplement": "cần bổ sung trước khi tiếp nhận",
    "supplement_requested": "cần bổ sung, hoàn thiện",
    "desk_refused": "không được tiếp nhận",
    "refused": "bị từ chối giải quyết",
    "extended": "được gia hạn thời hạn giải quyết",
    "result_issued": "đã có kết quả giải quyết",
    "stopped": "đã dừng giải quyết",
}


@dataclass
class Composed:
    subject: str
    body: str
    sms: str


def is_notified(event) -> bool:
    """The kinds in NOTIFIED; and an online submission is acknowledged at once (a desk intake gets its paper receipt
    instead)."""
    return event.kind in NOTIFIED or (event.kind == "registered" and event.dossier.channel == "online")


def composed(event) -> Composed:
    """The notice of `event`, with the rating token a result's notice carries; call only when a notice is sent (the
    token is a row)."""
    return compose(event, rating_token=_rating_token(event))


def _rating_token(event) -> str:
    """The one-time rating token the notice of a result (or a refusal) carries; made only when a notice is sent."""
    from . import rating_tokens

    if event.kind not in RATED_KINDS:
        return ""
    return rating_tokens.issue(event.dossier, rating_tokens.Channel.NOTICE)


def tracking_url(code: str) -> str:
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}/tra-cuu/?{urlencode({'ma': code})}"


def compose(event, rating_token: str = "") -> Composed:
    """The e-mail (subject, body) and the SMS text for `event`, in Vietnamese; with `rating_token`, the link that
    lets the applicant rate the dossier once the result is handed over (rating_tokens.py)."""
    from . import rating_tokens

    dossier = event.dossier
    headline = HEADLINES.get(event.kind, "có cập nhật mới")
    link = tracking_url(dossier.code)
    lines, short = _details(event, dossier)
    rating = ""
    if rating_token:
        rating = rating_tokens.rating_url(rating_token)
        lines += [
            "",
            "Sau khi nhận kết quả, mời Ông/Bà đánh giá mức độ hài lòng (mỗi hồ sơ một lần) tại:",
            rating,
            f"hoặc nhập mã đánh giá {rating_tokens.display(rating_token)} tại ki-ốt đánh giá ở Bộ phận Một "
            "cửa. Không đưa mã này cho người khác.",
        ]
    salutation = "Kính gửi " if dossier.applicant_kind == "organisation" else "Kính gửi Ông/Bà "
    body = [
        f"{salutation}{dossier.applicant_name},",
        "",
        f"Hồ sơ của Ông/Bà {headline}.",
        "",
        f"Mã hồ sơ: {dossier.code}",
        f"Thủ tục: {dossier.summary}",
        f"Nơi tiếp nhận: {dossier.receiving_agency.name}",
        "",
        *lines,
        "",
        f"Tra cứu tình trạng hồ sơ: {link}",
        "(nhập số điện thoại hoặc số định danh cá nhân của người nộp để xem chi tiết)",
        "",
        FOOTER,
    ]
    return Composed(
        subject=f"Hồ sơ {dossier.code} {headline}",
        body="\n".join(body).replace("\n\n\n", "\n\n"),
        sms=sms_text(
            f"Hồ sơ {dossier.code} {headline}.", short, link, kept=f" Đánh giá sau khi nhận: {rating}" if rating else ""
        ),
    )


def short_form(event) -> Composed:
    dossier = event.dossier
    link = tracking_url(dossier.code)
    headline = HEADLINES.get(event.kind, "có cập nhật mới")
    body = f"Hồ sơ {dossier.code} {headline}.\n\nTra cứu tình trạng hồ sơ: {link}\n\n{FOOTER}"
    return Composed(
        subject=f"Hồ sơ {dossier.code} {headline}",
        body=body,
        sms=sms_text(f"Hồ sơ {dossier.code} {headline}.", "", link),
    )


def sms_text(head: str, detail: str, link: str, kept: str = "") -> str:
    """At most SMS_LIMIT characters: the detail is shortened first; the code, `kept` (the rating link) and the
    tracking link are kept whole."""
    tail = f"{kept} Tra cứu: {link}"
    room = SMS_LIMIT - len(head) - len(tail)
    detail = " ".join(detail.split())
    if detail and room > 4:
        text = detail if len(detail) + 1 <= room else detail[: room - 2].rstrip() + "…"
        head = f"{head} {text}"
    return (head + tail)[:SMS_LIMIT]


def _items(items) -> list[str]:
    return [f"  {n}. {i.get('item', '')}: {i.get('reason', '')}" for n, i in enumerate(items or [], 1)]


def _details(event, dossier) -> tuple[list[str], str]:
    """The kind-specific part: (lines of the e-mail, detail of the SMS)."""
    kind, note, data = event.kind, (event.note or "").strip(), event.data or {}
    if kind == "registered":
        return [
            f"Hồ sơ đã được gửi đến {dossier.receiving_agency.name}.",
            "Cơ quan sẽ kiểm tra và tiếp nhận; Ông/Bà sẽ nhận Giấy tiếp nhận và hẹn trả kết quả khi hồ sơ "
            "được tiếp nhận.",
        ], ""  # the headline already says "chờ tiếp nhận"
    if kind == "received":
        if dossier.due_at is None:
            return ["Thủ tục này không quy định thời hạn giải quyết."], ""
        due = _moment(dossier.due_at)
        return [f"Ngày hẹn trả kết quả: {due}"], f"Hẹn trả kết quả: {due}."
    if kind in ("desk_supplement", "supplement_requested"):
        items = data.get("items") or []
        lines = ["Đề nghị Ông/Bà bổ sung, hoàn thiện các nội dung sau:", *_items(items)]
        for earlier in data.get("earlier") or []:
            lines += ["", f"Các nội dung đã yêu cầu ở lần {earlier.get('number')}:", *_items(earlier.get("items"))]
        if note:
            lines += ["", f"Ghi chú: {note}"]
        if kind == "supplement_requested":
            lines += ["", "Thời hạn giải quyết được tính lại từ khi cơ quan nhận đủ hồ sơ bổ sung."]
        short = "; ".join(f"{i.get('item', '')} ({i.get('reason', '')})" for i in items)
        return lines, f"Gồm: {short}."
    if kind in ("desk_refused", "refused"):
        return [f"Lý do: {note}"], f"Lý do: {note}"
    if kind == "extended":
        due = _moment(dossier.due_at)
        old = data.get("old_due")
        lines = [f"Ngày hẹn trả kết quả mới: {due}"]
        if old:
            lines.append(f"Ngày hẹn trả trước đây: {_moment(old)}")
        lines += [f"Lý do: {note}", "", "Cơ quan giải quyết thành thật xin lỗi Ông/Bà vì sự chậm trễ này."]
        return lines, f"Hẹn trả mới: {due}."
    if kind == "result_issued":
        return [
            f"Kết quả giải quyết: {note}",
            f"Mời Ông/Bà nhận kết quả tại {dossier.receiving_agency.name} hoặc theo hình thức đã đăng ký.",
        ], "Mời Ông/Bà nhận kết quả."
    if kind == "stopped":
        return [f"Nội dung đề nghị dừng: {note}"] if note else [], ""
    return ([note] if note else []), ""


def _moment(value) -> str:
    """hh:mm ngày dd/mm/yyyy in Vietnam time; event data keeps moments as text."""
    if isinstance(value, str):
        from django.utils.dateparse import parse_datetime

        parsed = parse_datetime(value)
        if parsed is None:
            return value
        value = parsed
    text = formats.moment(value)  # "hh:mm dd/mm/yyyy"
    return text.replace(" ", " ngày ", 1) if text else ""
