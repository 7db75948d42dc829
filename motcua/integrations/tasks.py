"""Background delivery of applicant notices (run by `manage.py db_worker`).

`send_notice` makes one delivery attempt (`send_notices` the first of each notice an action wrote). A transient
failure (network, timeout, a 4xx/5xx SMTP answer that is not a refusal of the address, a gateway error code other
than the permanent ones) schedules the next attempt after MOTCUA_NOTICE_RETRY_SECONDS × 2^(attempt-1) as a new task;
after MOTCUA_NOTICE_MAX_ATTEMPTS attempts, or at once for a permanent failure, the notice stays "failed" with its
last error. The task never raises: the Notice row is the record officials read, and the dossier is never touched
here.
"""

import logging
import smtplib
from datetime import timedelta
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from motcua.dossiers import shards
from motcua.gateways import sms

from .models import Notice

logger = logging.getLogger(__name__)


@task()
def send_notice(notice_id: int) -> str:
    """One delivery attempt of notice `notice_id`; returns the notice's status afterwards."""
    return attempt(notice_id)


@task()
def send_notices(notice_ids: list[int]) -> list[str]:
    """The first attempt of every notice one action wrote (an e-mail and an SMS): one task row for them all, so an
    action's transaction writes one, not one per channel (issue 15). Each notice is tried on its own: one failing
    never stops the next, and each retries as its own `send_notice`."""
    return [attempt(notice_id) for notice_id in notice_ids]


def attempt(notice_id: int) -> str:
    """One delivery attempt of notice `notice_id`; returns the notice's status afterwards."""
    notice = _claim(notice_id)
    if notice is None:
        return "skipped"
    try:
        provider_id = deliver(notice)
    except Exception as exc:
        return _failed(notice, exc)
    shards.row(notice).update(
        status=Notice.Status.SENT, sent_at=timezone.now(), provider_message_id=provider_id[:200], next_attempt_at=None
    )
    return Notice.Status.SENT


def deliver(notice: Notice) -> str:
    """Send over the notice's channel; return the provider's message id."""
    if notice.channel == Notice.Channel.SMS:
        return sms.send(notice.recipient, notice.body)
    message_id = make_msgid(domain=parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "motcua.local")
    EmailMessage(
        subject=notice.subject, body=notice.body, to=[notice.recipient], headers={"Message-ID": message_id}
    ).send(fail_silently=False)
    return message_id


def notify_person(*, email: str, phone: str, compose, short_form, what: str, **owner) -> None:
    """One Notice per channel the person can be reached on (e-mail when there is an address, SMS when the phone is
    a mobile number and a gateway is configured), each queued in the caller's transaction. `compose()` writes the
    wording; if it fails, `short_form()` is sent instead: a wording bug must cost neither the person the notice nor
    the official the action. `owner` ties the notices to their event (dossier and event, or feedback_event) and
    names the receiving agency (receiving_agency_id)."""
    targets = []
    if email:
        targets.append((Notice.Channel.EMAIL, email))
    if phone and sms.enabled() and sms.is_mobile(phone):
        targets.append((Notice.Channel.SMS, sms.normalise_phone(phone)))
    if not targets:
        return
    try:
        composed = compose()
    except Exception:
        logger.exception("Composing the notice of %s failed; sending the short form", what)
        composed = short_form()
    notices = [
        Notice(
            channel=channel,
            recipient=recipient,
            subject=composed.subject if channel == Notice.Channel.EMAIL else "",
            body=composed.body if channel == Notice.Channel.EMAIL else composed.sms,
            **owner,
        )
        for channel, recipient in targets
    ]
    created = Notice.objects.bulk_create(notices)  # one statement for every channel (issue 15), and one task
    if len(created) == 1:
        enqueue(created[0])
    else:
        send_notices.enqueue([notice.pk for notice in created])


def enqueue(notice: Notice, at=None) -> None:
    """Queue an attempt for `notice` (now, or at `at`), in the caller's transaction."""
    (send_notice.using(run_after=at) if at else send_notice).enqueue(notice.pk)


def resend(notice: Notice) -> None:
    """An official's "send again" for a failed notice: a fresh round of attempts."""
    with transaction.atomic():
        shards.row(notice).update(status=Notice.Status.QUEUED, attempts=0, next_attempt_at=None)
        enqueue(notice)


def _claim(notice_id: int) -> Notice | None:
    with transaction.atomic():
        notice = shards.narrowed(Notice.objects.filter(pk=notice_id)).select_for_update().first()
        if notice is None or notice.status != Notice.Status.QUEUED:
            return None
        notice.attempts += 1
        notice.next_attempt_at = None
        notice.save(update_fields=["attempts", "next_attempt_at"])
    return notice


def _failed(notice: Notice, exc: Exception) -> str:
    error = describe(exc)
    retry = retryable(exc) and notice.attempts < settings.MOTCUA_NOTICE_MAX_ATTEMPTS
    with transaction.atomic():
        if retry:
            delay = settings.MOTCUA_NOTICE_RETRY_SECONDS * 2 ** (notice.attempts - 1)
            next_at = timezone.now() + timedelta(seconds=delay)
            shards.row(notice).update(last_error=error, next_attempt_at=next_at)
            enqueue(notice, at=next_at)
        else:
            shards.row(notice).update(status=Notice.Status.FAILED, last_error=error, next_attempt_at=None)
    logger.warning(
        "Notice %s (%s → %s), attempt %s: %s%s",
        notice.pk,
        notice.channel,
        notice.recipient,
        notice.attempts,
        error,
        "; will retry" if retry else "; given up",
    )
    return Notice.Status.QUEUED if retry else Notice.Status.FAILED


def retryable(exc: Exception) -> bool:
    if isinstance(exc, sms.SmsError):
        return exc.retryable
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return False  # the address itself was refused
    if isinstance(exc, smtplib.SMTPResponseException):
        return not 500 <= exc.smtp_code < 600  # 5xx is a permanent refusal, 4xx a temporary one
    return True  # connection refused, timeouts, anything unexpected: try again later


def describe(exc: Exception) -> str:
    if isinstance(exc, sms.SmsError):
        return str(exc)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "Máy chủ thư từ chối địa chỉ người nhận: " + "; ".join(
            f"{address} ({code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply})"
            for address, (code, reply) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"Máy chủ thư trả lỗi {exc.smtp_code}: {text}"
    if isinstance(exc, OSError):
        return f"Không kết nối được máy chủ thư: {exc}"
    return f"{type(exc).__name__}: {exc}"
