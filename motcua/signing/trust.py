"""The trust store (`TrustAnchor`): certificates read from what a CA publishes (PEM, DER, or a PKCS#7 bundle such
as rootca.gov.vn's `.p7b`), added once each, and handed to validation as roots and intermediates."""

import hashlib

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs7
from django.db import transaction

from .models import TrustAnchor


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in `data`; ValueError in Vietnamese when there is none."""
    readers = (
        x509.load_pem_x509_certificates,
        lambda d: [x509.load_der_x509_certificate(d)],
        pkcs7.load_pem_pkcs7_certificates,
        pkcs7.load_der_pkcs7_certificates,
    )
    for read in readers:
        try:
            found = read(data)
        except ValueError:
            continue
        if found:
            return found
    raise ValueError("Tệp không chứa chứng thư số đọc được (PEM, DER hoặc PKCS#7 .p7b).")


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


@transaction.atomic
def add(data: bytes, *, by=None, note: str = "") -> tuple[list[TrustAnchor], int]:
    """Add the certificates of `data` (a root: self-signed; else an intermediate); returns (added, already held)."""
    added, held = [], 0
    for cert in read_certificates(data):
        der = cert.public_bytes(serialization.Encoding.DER)
        digest = hashlib.sha256(der).hexdigest()
        if TrustAnchor.objects.filter(sha256=digest).exists():
            held += 1
            continue
        added.append(
            TrustAnchor.objects.create(
                sha256=digest,
                kind=TrustAnchor.Kind.ROOT if is_self_signed(cert) else TrustAnchor.Kind.INTERMEDIATE,
                subject=cert.subject.rfc4514_string()[:500],
                issuer=cert.issuer.rfc4514_string()[:500],
                valid_from=cert.not_valid_before_utc,
                valid_to=cert.not_valid_after_utc,
                der=der,
                note=note[:300],
                added_by=by,
            )
        )
    return added, held


def anchors() -> tuple[list[x509.Certificate], list[x509.Certificate]]:
    """(roots, intermediates) of the store."""
    roots, intermediates = [], []
    for kind, der in TrustAnchor.objects.values_list("kind", "der"):
        cert = x509.load_der_x509_certificate(bytes(der))
        (roots if kind == TrustAnchor.Kind.ROOT else intermediates).append(cert)
    return roots, intermediates
