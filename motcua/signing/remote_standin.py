"""A stand-in of a remote signing service (the SmartCA CSC-style protocol of `remote.py`) on 127.0.0.1, for the
tests and the demo. It holds each signer's key (`pki.Issued`), answers a digest request with a waiting
transaction, and the signer's phone is played by a test call: `POST /test/transactions/<id>/approve` or
`/refuse`, or `auto` ("approve"/"refuse") for every request. A transaction nobody answers expires after
`expires_after` seconds (300, as SmartCA's 5 minutes). `GET /test/transactions` lists them with what the phone
would show.
"""

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, utils

from .pki import Issued
from .remote import EXPIRED, REFUSED, SHA256, SIGNED, WAITING


@dataclass
class Transaction:
    id: str
    user: str
    credential: str
    digest: bytes
    description: str
    created: float
    state: int = WAITING
    signature: bytes | None = None


@dataclass
class Account:
    password: str
    keys: dict[str, Issued] = field(default_factory=dict)  # credential id → key and chain


class RemoteSigningServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, *, client_id: str, client_secret: str, expires_after: float = 300.0, auto=None):
        super().__init__(("127.0.0.1", port), Handler)
        self.client_id, self.client_secret = client_id, client_secret
        self.expires_after, self.auto = expires_after, auto
        self.accounts: dict[str, Account] = {}
        self.tokens: dict[str, str] = {}  # token → user
        self.transactions: dict[str, Transaction] = {}
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def add(self, user: str, password: str, issued: Issued) -> str:
        """A signer with a credential; returns the credential id."""
        credential = secrets.token_hex(8)
        self.accounts.setdefault(user, Account(password)).keys[credential] = issued
        return credential

    def decide(self, transaction_id: str, approve: bool) -> bool:
        with self.lock:
            found = self.transactions.get(transaction_id)
            if found is None or self._state(found) != WAITING:
                return False
            if approve:
                key = self.accounts[found.user].keys[found.credential].key
                found.signature = key.sign(found.digest, padding.PKCS1v15(), utils.Prehashed(hashes.SHA256()))
                found.state = SIGNED
            else:
                found.state = REFUSED
            return True

    def _state(self, transaction: Transaction) -> int:
        if transaction.state == WAITING and time.monotonic() - transaction.created > self.expires_after:
            transaction.state = EXPIRED
        return transaction.state

    def start(self) -> "RemoteSigningServer":
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: RemoteSigningServer

    def _reply(self, status: int, payload: dict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> dict:
        try:
            return json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        except ValueError:
            return {}

    def _user(self) -> str | None:
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        return self.server.tokens.get(token) if scheme == "Bearer" else None

    def do_GET(self):
        if self.path != "/test/transactions":
            return self._reply(404, {"message": "not found"})
        with self.server.lock:
            listed = [
                {"tranId": t.id, "user": t.user, "description": t.description, "tranStatus": self.server._state(t)}
                for t in self.server.transactions.values()
            ]
        return self._reply(200, {"transactions": listed})

    def do_POST(self):
        server, body = self.server, self._body()
        if self.path.startswith("/test/transactions/"):
            _, _, _, transaction, decision = self.path.split("/")
            done = server.decide(transaction, decision == "approve")
            return self._reply(200 if done else 409, {"ok": done})
        if self.path == "/auth/token":
            account = server.accounts.get(body.get("username", ""))
            if (
                body.get("grant_type") != "password"
                or (body.get("client_id"), body.get("client_secret")) != (server.client_id, server.client_secret)
                or account is None
                or body.get("password") != account.password
            ):
                return self._reply(401, {"error": "invalid_grant"})
            token = secrets.token_urlsafe(24)
            server.tokens[token] = body["username"]
            return self._reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})
        user = self._user()
        if user is None:
            return self._reply(401, {"error": "invalid_token"})
        account = server.accounts[user]
        if self.path == "/csc/credentials/list":
            return self._reply(200, {"credentialIDs": list(account.keys)})
        if self.path == "/csc/credentials/info":
            issued = account.keys.get(body.get("credentialID", ""))
            if issued is None:
                return self._reply(400, {"error": "invalid_request"})
            chain = [c.public_bytes(serialization.Encoding.DER) for c in [issued.cert, *issued.chain]]
            return self._reply(
                200, {"cert": {"status": "valid", "certificates": [base64.b64encode(c).decode() for c in chain]}}
            )
        if self.path == "/csc/signature/signhash":
            credential = body.get("credentialID", "")
            if credential not in account.keys or body.get("hashAlgo") != SHA256 or len(body.get("hash") or []) != 1:
                return self._reply(400, {"error": "invalid_request"})
            transaction = Transaction(
                secrets.token_hex(12),
                user,
                credential,
                base64.b64decode(body["hash"][0]),
                str(body.get("description", ""))[:200],
                time.monotonic(),
            )
            with server.lock:
                server.transactions[transaction.id] = transaction
            if server.auto:
                server.decide(transaction.id, server.auto == "approve")
            return self._reply(200, {"tranId": transaction.id, "tranStatus": WAITING})
        if self.path == "/csc/credentials/gettraninfo":
            with server.lock:
                found = server.transactions.get(body.get("tranId", ""))
                if found is None or found.user != user:
                    return self._reply(400, {"error": "invalid_request"})
                state = server._state(found)
                signature = found.signature
            answer = {"tranId": found.id, "tranStatus": state}
            if state == SIGNED:
                answer["signatures"] = [base64.b64encode(signature).decode()]
            return self._reply(200, answer)
        return self._reply(404, {"error": "not_found"})

    def log_message(self, format, *args):
        pass


def main(argv=None) -> int:
    """`python -m motcua.signing.remote_standin --authority FILE --account USER:PASSWORD:NAME:AGENCY:TITLE …`: the
    demo's remote signing service (`motcua demo serve`), its signers' certificates issued by the demo authority;
    `--auto approve` plays a phone that accepts every request at once."""
    import argparse
    from pathlib import Path

    from motcua.gateways.standins import serve_until_stopped

    from .pki import Authority

    parser = argparse.ArgumentParser(description="Dịch vụ ký số từ xa giả lập (bản trình diễn)")
    parser.add_argument("--authority", required=True, type=Path)
    parser.add_argument("--port", type=int, default=8030)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--account", action="append", default=[], help="USER:PASSWORD:HỌ TÊN:CƠ QUAN:CHỨC DANH")
    parser.add_argument("--auto", choices=["approve", "refuse"])
    args = parser.parse_args(argv)
    authority = Authority.load(args.authority.read_bytes())

    def made() -> RemoteSigningServer:
        server = RemoteSigningServer(
            args.port, client_id=args.client_id, client_secret=args.client_secret, auto=args.auto
        )
        for account in args.account:
            user, password, name, agency, title = account.split(":", 4)
            server.add(user, password, authority.issue(name, agency, title=title))
        return server

    return serve_until_stopped(made, "Dịch vụ ký số từ xa giả lập", f"127.0.0.1:{args.port}", lambda s: s.url)


if __name__ == "__main__":
    raise SystemExit(main())
