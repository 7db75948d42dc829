"""Secrets kept in the database only encrypted: an official's PKCS#12 file and its password, a remote signing
account's password. Fernet (AES-128-CBC with HMAC-SHA256) under MOTCUA_KEY_ENCRYPTION_KEY, which production must
set apart from SECRET_KEY and keep out of the database's backups (docs/signing.md); in development it is derived
from SECRET_KEY so that `make run` works as it is."""

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    secret = settings.MOTCUA_KEY_ENCRYPTION_KEY
    if settings.PRODUCTION and len(secret) < 32:
        raise ValueError(
            "Hệ thống chưa đặt khóa mã hóa MOTCUA_KEY_ENCRYPTION_KEY (ít nhất 32 ký tự): chưa lưu được khóa ký số."
        )
    secret = secret or settings.SECRET_KEY
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(b"motcua-signing-keys:" + secret.encode()).digest()))


def seal(secrets: dict[str, bytes]) -> bytes:
    """`secrets` (name → bytes) as one encrypted token."""
    plain = json.dumps({name: base64.b64encode(value).decode() for name, value in secrets.items()})
    return _fernet().encrypt(plain.encode())


def open_sealed(token: bytes) -> dict[str, bytes]:
    try:
        plain = _fernet().decrypt(bytes(token))
    except InvalidToken as error:
        raise ValueError("Không giải mã được khóa ký số: khóa mã hóa của hệ thống đã đổi.") from error
    return {name: base64.b64decode(value) for name, value in json.loads(plain).items()}
