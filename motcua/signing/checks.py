"""Before a key signs (Circular 15/2025 Art. 5(1)(a), ../shared/SIGNING.md "What motcua must do" 7): the
certificate must be in its validity period, not revoked (its CRL or OCSP asked now: no answer, no signature), chain
to the trust store, allow signing (non-repudiation), and name the signer: for a person, their full name, a title
and their agency; for the agency's seal, the agency. A demo authority's certificate never signs in production."""

import datetime as dt

from cryptography import x509
from django.conf import settings
from pyhanko_certvalidator import CertificateValidator
from pyhanko_certvalidator.errors import (
    InvalidCertificateError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from . import aio, pki
from .pki import asn1_cert
from .validate import context


class Refused(Exception):
    """Why this certificate may not sign, in Vietnamese."""


def subject_of(cert: x509.Certificate, oid) -> str:
    found = cert.subject.get_attributes_for_oid(oid)
    return str(found[0].value) if found else ""


def holder_matches(cert: x509.Certificate, *, person: str | None, agency: str) -> None:
    from cryptography.x509.oid import NameOID

    organisation = subject_of(cert, NameOID.ORGANIZATION_NAME)
    if organisation.casefold() != agency.casefold():
        raise Refused(f"Chứng thư số cấp cho “{organisation}”, không phải cơ quan “{agency}”.")
    if person is None:  # the agency's seal
        return
    name = subject_of(cert, NameOID.COMMON_NAME)
    if name.casefold() != person.casefold():
        raise Refused(f"Chứng thư số cấp cho “{name}”, không phải người ký “{person}”.")
    if not subject_of(cert, NameOID.TITLE):
        raise Refused("Chứng thư số của cá nhân phải ghi chức danh (Nghị định 23/2025/NĐ-CP).")


def before_signing(
    cert: x509.Certificate,
    chain: list[x509.Certificate],
    trust_roots: list[x509.Certificate],
    *,
    person: str | None,
    agency: str,
    at: dt.datetime | None = None,
) -> None:
    """Raise `Refused` unless `cert` may sign now as `person` of `agency` (None: the agency's seal)."""
    moment = at or dt.datetime.now(dt.UTC)
    if pki.DEMO in cert.issuer.rfc4514_string() and settings.PRODUCTION:
        raise Refused("Chứng thư số thử nghiệm không được dùng để ký trên hệ thống thật.")
    if not cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc:
        until = cert.not_valid_after_utc.astimezone(dt.timezone(dt.timedelta(hours=7))).strftime("%d/%m/%Y")
        raise Refused(f"Chứng thư số đã hết hạn hoặc chưa có hiệu lực (hiệu lực đến {until}).")
    holder_matches(cert, person=person, agency=agency)
    validator = CertificateValidator(
        asn1_cert(cert),
        intermediate_certs=[asn1_cert(c) for c in chain],
        validation_context=context(trust_roots, chain),
    )
    try:
        aio.run(lambda: validator.async_validate_usage({"non_repudiation"}))
    except RevokedError as error:
        raise Refused("Chứng thư số đã bị thu hồi: không được ký.") from error
    except PathBuildingError as error:
        raise Refused("Chứng thư số không thuộc chuỗi tin cậy đã cấu hình.") from error
    except InvalidCertificateError as error:
        raise Refused(f"Chứng thư số không dùng để ký được: {error}") from error
    except PathValidationError as error:
        # no CRL or OCSP answer (pyHanko says so in its message; its sub-indication is not on this error)
        if "revocation" in str(error).lower():
            raise Refused(
                "Không kiểm tra được tình trạng thu hồi của chứng thư số (CRL/OCSP không trả lời)."
            ) from error
        raise Refused(f"Chứng thư số không hợp lệ: {error}") from error
