"""The keys officials and agencies sign with (`SigningKey`): added once, used by the signing step.

A PKCS#12 file is opened with its password at upload (a wrong one is said at once, not at the first signature),
then kept only encrypted; a remote account is checked by listing its credentials at the service. Either way the
certificate's holder, title and organisation are copied out, and `signer()` gives back a pyHanko signer with the
certificate chain, whichever kind the key is."""

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.db import transaction
from pyhanko.sign import signers

from . import images, pades, remote, vault
from .checks import Refused, holder_matches, subject_of
from .models import SigningKey


@dataclass
class Ready:
    """A key opened for one signature: pyHanko's signer and the certificate chain, the signer's first."""

    signer: signers.Signer
    chain: list[x509.Certificate]

    @property
    def cert(self) -> x509.Certificate:
        return self.chain[0]

    @property
    def transaction(self) -> str:
        """The remote service's transaction id (empty for a key held here)."""
        return getattr(self.signer, "transaction", None) or ""


def _described(key: SigningKey, cert: x509.Certificate) -> SigningKey:
    key.holder = subject_of(cert, NameOID.COMMON_NAME)[:300]
    key.title = subject_of(cert, NameOID.TITLE)[:200]
    key.organisation = subject_of(cert, NameOID.ORGANIZATION_NAME)[:300]
    issuer = cert.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    key.issuer = (str(issuer[0].value) if issuer else cert.issuer.rfc4514_string())[:300]
    key.serial = format(cert.serial_number, "x")[:64]
    key.valid_to = cert.not_valid_after_utc
    return key


def _store(key: SigningKey, cert: x509.Certificate, image: bytes = b"") -> SigningKey:
    """Retire the holder's key in use and keep the new one, in one transaction. A certificate that does not name
    who it is added for (the official's name and title and the agency; for a seal, the agency) is refused now, not
    at the first signature (which checks it again, with the rest: checks.before_signing)."""
    person = (key.owner.full_name or key.owner.get_username()) if key.owner_id else None
    try:
        holder_matches(cert, person=person, agency=key.agency.name)
    except Refused as error:
        raise ValueError(str(error)) from error
    key.image = images.uploaded(image) if image else b""
    with transaction.atomic():
        SigningKey.objects.filter(owner=key.owner, agency=key.agency, active=True).update(active=False)
        _described(key, cert).save()
    return key


def add_pkcs12(data: bytes, password: str, *, owner, agency, by=None, image: bytes = b"") -> SigningKey:
    """Keep a PKCS#12 file for `owner` at `agency` (owner None: the agency's seal); ValueError in Vietnamese."""
    pades.pkcs12_signer(data, password.encode())  # a wrong password or a broken file: said now
    _, cert, _ = pkcs12.load_key_and_certificates(data, password.encode())
    if cert is None:
        raise ValueError("Tệp .p12 không chứa chứng thư số của người ký.")
    if cert.not_valid_after_utc < dt.datetime.now(dt.UTC):
        raise ValueError("Chứng thư số trong tệp đã hết hạn.")
    sealed = vault.seal({"p12": data, "password": password.encode()})
    key = SigningKey(owner=owner, agency=agency, kind=SigningKey.Kind.PKCS12, sealed=sealed, added_by=by)
    return _store(key, cert, image)


def client(user: str, password: str) -> remote.Client:
    if not settings.MOTCUA_REMOTE_SIGNING_URL:
        raise ValueError("Hệ thống chưa được cấu hình dịch vụ ký số từ xa.")
    return remote.Client(
        settings.MOTCUA_REMOTE_SIGNING_URL,
        client_id=settings.MOTCUA_REMOTE_SIGNING_CLIENT_ID,
        client_secret=settings.MOTCUA_REMOTE_SIGNING_CLIENT_SECRET,
        user=user,
        password=password,
    )


def add_remote(user: str, password: str, *, owner, agency, by=None, image: bytes = b"") -> SigningKey:
    """Keep a remote signing account (the first credential the service lists); ValueError in Vietnamese."""
    if not user.strip() or not password:
        raise ValueError("Nhập tài khoản và mật khẩu của dịch vụ ký số từ xa.")
    try:
        found = client(user.strip(), password).credentials()
    except remote.RemoteError as error:
        raise ValueError(str(error)) from error
    if not found:
        raise ValueError("Tài khoản ký số từ xa chưa có chứng thư số nào.")
    key = SigningKey(
        owner=owner,
        agency=agency,
        kind=SigningKey.Kind.REMOTE,
        sealed=vault.seal({"password": password.encode()}),
        remote_user=user.strip(),
        credential_id=found[0].id,
        added_by=by,
    )
    return _store(key, found[0].cert, image)


def in_use(*, owner, agency) -> SigningKey | None:
    return SigningKey.objects.filter(owner=owner, agency=agency, active=True).first()


def signer(key: SigningKey, description: str) -> Ready:
    """The key opened for one signature; `description` is what a remote signer's phone shows."""
    secrets = vault.open_sealed(key.sealed)
    if key.kind == SigningKey.Kind.PKCS12:
        opened = pades.pkcs12_signer(secrets["p12"], secrets["password"])
        _, cert, others = pkcs12.load_key_and_certificates(secrets["p12"], secrets["password"])
        return Ready(opened, [cert, *(others or [])])
    service = client(key.remote_user, secrets["password"].decode())
    credential = next((c for c in service.credentials() if c.id == key.credential_id), None)
    if credential is None:
        raise remote.RemoteError("Chứng thư số đã đăng ký không còn trong tài khoản ký số từ xa.")
    every = settings.MOTCUA_REMOTE_SIGNING_POLL_SECONDS
    return Ready(remote.RemoteSigner(service, credential, description, every=every), credential.chain)
