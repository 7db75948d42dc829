"""The signing task (run by `manage.py db_worker`): one signature asked for by `lifecycle.sign` or `.seal`.

It opens the key, checks the certificate now (period, revocation, trust, that it names the signer and the agency),
signs the draft PAdES B-LT with a timestamp (remote keys wait here for the signer's phone, up to 5 minutes), reads
the evidence back from the signed file, and reports to the lifecycle, which changes the dossier in a short
transaction of its own. Every failure ends as a recorded attempt with its reason in Vietnamese, never as a
dossier left half-signed: the task never raises."""

import hashlib
import logging

from cryptography.hazmat.primitives.serialization import Encoding
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from motcua.signing import checks, evidence, images, keys, pades, remote, trust

from . import shards
from .models import Signature
from .transitions import TransitionError

logger = logging.getLogger(__name__)
FIELDS = {Signature.Role.LEADER: "NguoiKy", Signature.Role.SEAL: "CoQuan"}


@task(queue_name="signing")  # a queue of its own: a remote signature waits up to 5 minutes for the phone
def sign_result(signature_id: int, agency_id: int) -> str:
    """Sign with the key of signature `signature_id` (of a dossier received at `agency_id`); returns its status."""
    # the dossier and the document are joined on the signature's shard (on Citus a join by their ids alone would
    # ask every shard)
    rows = Signature.objects.filter(pk=signature_id).select_related(
        "dossier", "dossier__processing_agency", "document", "key", "asked_by", "layout"
    )
    signature = shards.narrowed(rows, agency_id, joined=("dossier", "document")).first()
    if signature is None or signature.status != Signature.Status.WAITING:
        return "skipped"
    return attempt(signature)


def attempt(signature: Signature) -> str:
    from .lifecycle import signing as step  # the lifecycle queues this task: imported when it runs

    status, reason, ready = Signature.Status.FAILED, "", None
    try:
        dossier = signature.dossier
        ready = keys.signer(signature.key, f"Ký kết quả hồ sơ {dossier.code}: {dossier.result_summary[:120]}")
        signed = _signed(signature, ready)
    except remote.Refused as error:
        status, reason = Signature.Status.REFUSED, str(error)
    except remote.Expired as error:
        status, reason = Signature.Status.EXPIRED, str(error)
    except (checks.Refused, remote.RemoteError, ValueError) as error:
        reason = str(error)
    except OSError:
        reason = "Không đọc được tệp kết quả trong kho lưu trữ."
    except Exception:  # a TSA or CRL that did not answer, a PDF pyHanko could not sign: said, and logged in full
        logger.exception("signing %s failed", signature.pk)
        reason = "Không ký được do lỗi kỹ thuật (dịch vụ cấp dấu thời gian hoặc kiểm tra thu hồi không trả lời)."
    else:
        found = evidence.of(signed, FIELDS[signature.role])
        chain = "".join(cert.public_bytes(Encoding.PEM).decode() for cert in ready.chain)
        facts = {
            "signer_subject": found.subject,
            "certificate_serial": found.serial,
            "chain_pem": chain,
            "revocation": found.revocation,
            "timestamp_token": found.timestamp_token,
            "signed_at": found.signed_at,
            "transaction_id": ready.transaction,
        }
        try:
            step.record_signed(signature, signed, facts)
        except TransitionError:  # the dossier moved on while the signer decided (sent back, withdrawn)
            _abandon(signature, "Hồ sơ đã chuyển sang bước khác trong lúc ký; chữ ký không được dùng.")
            return Signature.Status.FAILED
        return Signature.Status.SIGNED
    try:
        step.record_failure(signature, status, reason, transaction=ready.transaction if ready else "")
    except TransitionError:
        _abandon(signature, reason)
    return status


def _abandon(signature: Signature, reason: str) -> None:
    Signature.objects.filter(
        pk=signature.pk, receiving_agency_id=signature.receiving_agency_id, status=Signature.Status.WAITING
    ).update(status=Signature.Status.FAILED, finished_at=timezone.now(), reason=reason[:500])


def _signed(signature: Signature, ready: keys.Ready) -> bytes:
    """The draft with one more signature, by the opened key `ready`, once its certificate passed the checks."""
    dossier, role = signature.dossier, signature.role
    agency = dossier.processing_agency
    document = signature.document
    with document.file.storage.open(document.file.name, "rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != signature.sha256_before:
        raise ValueError("Tệp kết quả trong kho không còn khớp bản đã trình ký: không ký.")
    roots, intermediates = trust.anchors()
    leader = role == Signature.Role.LEADER
    person_at, seal_at = pades.placements(signature.layout)
    checks.before_signing(
        ready.cert,
        ready.chain[1:] + intermediates,
        roots,
        person=signature.asked_by.full_name if leader else None,
        agency=agency.name,
    )
    signed = pades.sign(
        content,
        ready.signer,
        field=FIELDS[role],
        placement=person_at if leader else seal_at,
        image=bytes(signature.key.image) or (images.signature(seed=signature.asked_by_id) if leader else images.seal()),
        tsa_url=settings.MOTCUA_TSA_URL,
        long_term=True,
        trust_roots=roots,
        reason=f"Ký kết quả giải quyết hồ sơ {dossier.code}",
    )
    return signed
