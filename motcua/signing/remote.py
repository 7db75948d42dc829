"""Remote signing (ký số từ xa): the signer's key stays with the CA; we send a SHA-256 digest, the signer approves on
their phone, we fetch the signature. ../shared/SIGNING.md §2 and "What motcua must do" 12-15.

The protocol is VNPT SmartCA's CSC-style API (the shape most Vietnamese services share), all POST JSON:
- `auth/token` (OAuth2 password grant: the system's client id and secret, the signer's user and password) →
  a bearer token;
- `csc/credentials/list` → the signer's credential ids; `csc/credentials/info` → the certificate chain;
- `csc/signature/signhash` (the digest, base64; `description` is what the phone shows) → a transaction id,
  status 4000 (waiting);
- `csc/credentials/gettraninfo` (polled every few seconds) → 4000 waiting, 1 signed (with the signature),
  4001 expired (after 5 minutes without an answer), 4002 refused by the signer.

`RemoteSigner` is a pyHanko signer whose raw signature comes from this service, so `pades.sign` signs with it as
with a local key; it waits (polling) until the signer answers, which is why signing runs as a background task and
never inside the transaction that holds the dossier's lock. The stand-in server (`remote_standin.py`) speaks the
same protocol on 127.0.0.1.
"""

import asyncio
import base64
import hashlib
from dataclasses import dataclass

import requests
from cryptography import x509
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .pki import asn1_cert

WAITING, SIGNED, EXPIRED, REFUSED = 4000, 1, 4001, 4002
SHA256 = "2.16.840.1.101.3.4.2.1"
RSA = "1.2.840.113549.1.1.1"


class RemoteError(Exception):
    """Remote signing did not give a signature; the message says why, in Vietnamese."""


class Refused(RemoteError):
    pass


class Expired(RemoteError):
    pass


@dataclass(frozen=True)
class Credential:
    id: str
    chain: list[x509.Certificate]  # the signer's certificate first

    @property
    def cert(self) -> x509.Certificate:
        return self.chain[0]


class Client:
    """The service for one signer (their user id: a citizen ID number or a tax code)."""

    def __init__(self, base_url: str, *, client_id: str, client_secret: str, user: str, password: str, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.client_id, self.client_secret = client_id, client_secret
        self.user, self.password = user, password
        self.timeout = timeout
        self._token: str | None = None

    def _post(self, path: str, body: dict, *, authorised: bool = True) -> dict:
        headers = {"Authorization": f"Bearer {self.token()}"} if authorised else {}
        try:
            answer = requests.post(f"{self.base_url}/{path}", json=body, headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            raise RemoteError("Không kết nối được dịch vụ ký số từ xa; thử lại sau.") from error
        if answer.status_code == 401:
            self._token = None
            raise RemoteError("Dịch vụ ký số từ xa từ chối thông tin đăng nhập của hệ thống hoặc của người ký.")
        if answer.status_code != 200:
            raise RemoteError(f"Dịch vụ ký số từ xa trả lỗi {answer.status_code}.")
        try:
            return answer.json()
        except ValueError as error:
            raise RemoteError("Dịch vụ ký số từ xa trả lời không đọc được.") from error

    def token(self) -> str:
        if self._token is None:
            found = self._post(
                "auth/token",
                {
                    "grant_type": "password",
                    "username": self.user,
                    "password": self.password,
                    "client_id": self.client_id,
                    "client_secret": self.client_secret,
                },
                authorised=False,
            )
            self._token = found["access_token"]
        return self._token

    def credentials(self) -> list[Credential]:
        found = []
        for credential_id in self._post("csc/credentials/list", {}).get("credentialIDs", []):
            info = self._post("csc/credentials/info", {"credentialID": credential_id, "certificates": "chain"})
            chain = [x509.load_der_x509_certificate(base64.b64decode(c)) for c in info["cert"]["certificates"]]
            found.append(Credential(credential_id, chain))
        return found

    def sign_hash(self, credential_id: str, digest: bytes, description: str) -> str:
        """Ask for a signature of `digest` (SHA-256); `description` is what the signer's phone shows."""
        answer = self._post(
            "csc/signature/signhash",
            {
                "credentialID": credential_id,
                "hash": [base64.b64encode(digest).decode()],
                "hashAlgo": SHA256,
                "signAlgo": RSA,
                "description": description,
            },
        )
        return answer["tranId"]

    def status(self, transaction: str) -> tuple[int, bytes | None]:
        answer = self._post("csc/credentials/gettraninfo", {"tranId": transaction})
        signatures = answer.get("signatures") or []
        return int(answer["tranStatus"]), base64.b64decode(signatures[0]) if signatures else None

    async def wait(self, transaction: str, *, every: float = 3.0, limit: float = 330.0) -> bytes:
        """The signature once the signer approves; `Refused`, `Expired` otherwise. `limit` is ours: a little
        more than the service's 5 minutes, so the service's own expiry is what normally ends the wait."""
        loop = asyncio.get_running_loop()
        give_up = loop.time() + limit
        while True:
            state, signature = await asyncio.to_thread(self.status, transaction)
            if state == SIGNED and signature:
                return signature
            if state == REFUSED:
                raise Refused("Người ký đã từ chối ký trên ứng dụng ký số.")
            if state == EXPIRED or loop.time() > give_up:
                raise Expired("Người ký không xác nhận trong thời hạn 5 phút; yêu cầu ký đã hết hạn.")
            if state != WAITING:
                raise RemoteError(f"Dịch vụ ký số từ xa trả trạng thái lạ: {state}.")
            await asyncio.sleep(every)


class RemoteSigner(signers.Signer):
    """A pyHanko signer whose raw signature comes from the remote service (RSA PKCS#1 v1.5 over SHA-256, what
    SmartCA and MySign return). `transaction` keeps the service's id, for the evidence of the signature."""

    def __init__(self, client: Client, credential: Credential, description: str, *, every: float = 3.0):
        super().__init__(
            signing_cert=asn1_cert(credential.cert),
            cert_registry=SimpleCertificateStore.from_certs([asn1_cert(c) for c in credential.chain[1:]]),
        )
        self.client, self.credential, self.description, self.every = client, credential, description, every
        self.transaction: str | None = None

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        if dry_run:  # pyHanko sizing the signature container: a placeholder of the key's length
            return bytes(self.credential.cert.public_key().key_size // 8)
        if digest_algorithm.lower() != "sha256":
            raise RemoteError("Dịch vụ ký số từ xa chỉ ký SHA-256.")
        self.transaction = await asyncio.to_thread(
            self.client.sign_hash, self.credential.id, hashlib.sha256(data).digest(), self.description
        )
        return await self.client.wait(self.transaction, every=self.every)
