"""A local stand-in OpenID Connect provider in the manner of DVCQG / VNeID (DESIGN.md principle 9); demos and tests.

    GET  /.well-known/openid-configuration   discovery
    GET  /authorize   checks client, redirect_uri and PKCE (S256 only); auto-approves the test citizen, or (with
                      --form) shows a tiny form to type the citizen's ID number and name; POST /authorize submits it
    POST /token       authorization_code grant, client_secret_post, single-use code, PKCE verifier checked
    GET  /userinfo    Bearer access token → the citizen's claims (so_dinh_danh, name, phone_number, email)
    GET  /jwks        the RSA public key (generated at start) that signs ID tokens (RS256)
Switches for tests (attribute `faults`): "tamper" (payload changed after signing), "expired", "wrong_audience",
"wrong_issuer", "wrong_nonce"; `deny = "access_denied"` answers /authorize with that error.
It listens on 127.0.0.1 only: `python -m motcua.accounts.oidc_standin [--port 8028] [--form]`.
"""

import argparse
import base64
import hashlib
import hmac
import html
import json
import os
import secrets
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from motcua.gateways.standins import serve_until_stopped

HOST = "127.0.0.1"
DEFAULT_PORT = 8028
DEV_CLIENT_ID = "motcua-dev"
DEV_CLIENT_SECRET = "standin-client-secret"
TEST_CITIZEN = {
    "so_dinh_danh": "001090012345",
    "name": "Nguyễn Văn Thử",
    "phone_number": "0912345678",
    "email": "nguyen.van.thu@example.vn",
}
CODE_TTL = 120
TOKEN_TTL = 300


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


class StandinProvider(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        port: int = DEFAULT_PORT,
        *,
        client_id: str = DEV_CLIENT_ID,
        client_secret: str = DEV_CLIENT_SECRET,
        citizen: dict | None = None,
        auto_approve: bool = True,
    ):
        super().__init__((HOST, port), Handler)
        self.client_id, self.client_secret = client_id, client_secret
        self.citizen = dict(citizen or TEST_CITIZEN)
        self.auto_approve = auto_approve
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.lock = threading.Lock()
        self.faults: set[str] = set()
        self.deny: str = ""
        self.token_requests: list[dict] = []  # what /token answered, for tests: {"ok": bool, "error": str}

    @property
    def issuer(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"

    def discovery(self) -> dict:
        base = self.issuer
        return {
            "issuer": base,
            "authorization_endpoint": f"{base}/authorize",
            "token_endpoint": f"{base}/token",
            "userinfo_endpoint": f"{base}/userinfo",
            "jwks_uri": f"{base}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "code_challenge_methods_supported": ["S256"],
            "claims_supported": ["sub", "so_dinh_danh", "name", "phone_number", "email"],
        }

    def jwks(self) -> dict:
        jwk = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def issue_code(self, params: dict, citizen: dict) -> str:
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.codes[code] = {
                "client_id": params["client_id"],
                "redirect_uri": params["redirect_uri"],
                "challenge": params["code_challenge"],
                "nonce": params.get("nonce", ""),
                "citizen": dict(citizen),
                "expires": time.time() + CODE_TTL,
            }
        return code

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": self.subject(grant["citizen"]),
            "aud": self.client_id,
            "iat": now,
            "exp": now + TOKEN_TTL,
            "auth_time": now,
            "nonce": grant["nonce"],
            "so_dinh_danh": grant["citizen"]["so_dinh_danh"],
        }
        if "expired" in self.faults:
            claims["iat"], claims["exp"] = now - 3 * TOKEN_TTL, now - 2 * TOKEN_TTL
        if "wrong_audience" in self.faults:
            claims["aud"] = "another-client"
        if "wrong_issuer" in self.faults:
            claims["iss"] = "https://attacker.example"
        if "wrong_nonce" in self.faults:
            claims["nonce"] = "not-your-nonce"
        token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid})
        if "tamper" in self.faults:  # someone swaps in another person's ID number, keeping the old signature
            header, _, signature = token.split(".")
            forged = {**claims, "so_dinh_danh": "079200099999"}
            token = ".".join([header, b64url(json.dumps(forged).encode()), signature])
        return token

    @staticmethod
    def subject(citizen: dict) -> str:
        return hashlib.sha256(("vneid:" + citizen["so_dinh_danh"]).encode()).hexdigest()[:32]

    def token(self, form: dict) -> tuple[int, dict]:
        def refuse(status, error, description=""):
            self.token_requests.append({"ok": False, "error": error, "description": description})
            return status, {"error": error, "error_description": description}

        if form.get("grant_type") != "authorization_code":
            return refuse(400, "unsupported_grant_type")
        if form.get("client_id") != self.client_id or not hmac.compare_digest(
            form.get("client_secret", ""), self.client_secret
        ):
            return refuse(401, "invalid_client")
        with self.lock:
            grant = self.codes.pop(form.get("code", ""), None)  # single use, even when the rest is wrong
        if grant is None or grant["expires"] < time.time() or grant["client_id"] != form["client_id"]:
            return refuse(400, "invalid_grant", "code unknown, used or expired")
        if grant["redirect_uri"] != form.get("redirect_uri"):
            return refuse(400, "invalid_grant", "redirect_uri mismatch")
        verifier = form.get("code_verifier", "")
        if not 43 <= len(verifier) <= 128 or not hmac.compare_digest(
            b64url(hashlib.sha256(verifier.encode()).digest()), grant["challenge"]
        ):
            return refuse(400, "invalid_grant", "PKCE verification failed")
        access = secrets.token_urlsafe(32)
        with self.lock:
            self.tokens[access] = {"citizen": grant["citizen"], "expires": time.time() + TOKEN_TTL}
        self.token_requests.append({"ok": True, "error": ""})
        return 200, {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": TOKEN_TTL,
            "id_token": self.id_token(grant),
        }

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        scheme, _, access = (authorization or "").partition(" ")
        with self.lock:
            entry = self.tokens.get(access) if scheme.lower() == "bearer" else None
        if not entry or entry["expires"] < time.time():
            return 401, {"error": "invalid_token"}
        return 200, {"sub": self.subject(entry["citizen"]), **entry["citizen"]}

    def start(self) -> "StandinProvider":
        threading.Thread(target=self.serve_forever, name="oidc-standin", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


FORM = """<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>VNeID (giả lập)</title><body style="font-family:sans-serif;max-width:420px;margin:2em auto;padding:0 1em">
<h1>VNeID – giả lập</h1><p>Máy chủ xác thực giả lập, chỉ dùng để thử nghiệm.</p>
<form method="post" action="/authorize">{hidden}
<p><label>Số định danh cá nhân<br><input name="so_dinh_danh" value="{id}" required></label></p>
<p><label>Họ và tên<br><input name="name" value="{name}" required></label></p>
<p><button type="submit" id="approve">Đồng ý đăng nhập</button></p></form></body></html>"""


class Handler(BaseHTTPRequestHandler):
    server: StandinProvider
    protocol_version = "HTTP/1.1"

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, payload: dict) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _form(self) -> dict:
        length = int(self.headers.get("Content-Length") or 0)
        return dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))

    def _authorize(self, params: dict, citizen: dict | None) -> None:
        server = self.server
        if params.get("client_id") != server.client_id or not params.get("redirect_uri", "").startswith("http"):
            return self._send(400, "Ứng dụng hoặc redirect_uri không hợp lệ".encode(), "text/plain; charset=utf-8")
        target = params["redirect_uri"]
        answer = {"state": params.get("state", "")}
        if params.get("response_type") != "code":
            answer["error"] = "unsupported_response_type"
        elif params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
            answer.update(error="invalid_request", error_description="PKCE S256 required")
        elif server.deny:
            answer["error"] = server.deny
        elif citizen is None and not server.auto_approve:
            hidden = "".join(
                f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                for k, v in params.items()
                if k not in ("so_dinh_danh", "name")
            )
            page = FORM.format(
                hidden=hidden, id=html.escape(server.citizen["so_dinh_danh"]), name=html.escape(server.citizen["name"])
            )
            return self._send(200, page.encode(), "text/html; charset=utf-8")
        else:
            answer["code"] = server.issue_code(params, citizen or server.citizen)
        location = target + ("&" if "?" in target else "?") + urllib.parse.urlencode(answer)
        return self._send(302, b"", "text/plain", {"Location": location})

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/.well-known/openid-configuration":
            return self._json(200, self.server.discovery())
        if path == "/jwks":
            return self._json(200, self.server.jwks())
        if path == "/authorize":
            return self._authorize(dict(urllib.parse.parse_qsl(query)), None)
        if path == "/userinfo":
            return self._json(*self.server.userinfo(self.headers.get("Authorization", "")))
        return self._json(404, {"error": "not_found"})

    def do_POST(self):
        path = self.path.partition("?")[0]
        form = self._form()
        if path == "/token":
            return self._json(*self.server.token(form))
        if path == "/authorize":
            citizen = {
                **self.server.citizen,
                "so_dinh_danh": form.get("so_dinh_danh", "").strip(),
                "name": form.get("name", "").strip(),
            }
            return self._authorize(form, citizen)
        return self._json(404, {"error": "not_found"})

    def log_message(self, format, *args):
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Máy chủ xác thực VNeID giả lập (chỉ dùng để thử nghiệm)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("MOTCUA_OIDC_STANDIN_PORT", DEFAULT_PORT)))
    parser.add_argument("--client-id", default=os.environ.get("MOTCUA_OIDC_CLIENT_ID", DEV_CLIENT_ID))
    parser.add_argument("--client-secret", default=os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", DEV_CLIENT_SECRET))
    parser.add_argument("--id-number", default=TEST_CITIZEN["so_dinh_danh"])
    parser.add_argument("--name", default=TEST_CITIZEN["name"])
    parser.add_argument("--form", action="store_true", help="hiện biểu mẫu thay vì tự động đồng ý")
    args = parser.parse_args(argv)
    citizen = {**TEST_CITIZEN, "so_dinh_danh": args.id_number, "name": args.name}
    return serve_until_stopped(
        lambda: StandinProvider(
            args.port,
            client_id=args.client_id,
            client_secret=args.client_secret,
            citizen=citizen,
            auto_approve=not args.form,
        ),
        "Máy chủ xác thực giả lập",
        f"{HOST}:{args.port}",
        lambda server: f"VNeID giả lập: issuer {server.issuer}  (client_id {args.client_id})",
    )


if __name__ == "__main__":
    sys.exit(main())
