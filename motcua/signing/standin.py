"""The test and demo authority's services over real HTTP on 127.0.0.1: its CRL and an RFC 3161 timestamp authority.

- `GET /crl/ca.crl`: the intermediate's CRL, DER (`pki.Authority.crl`), made fresh on every request, so a
  revocation shows at once.
- `POST /tsa`: an RFC 3161 time-stamp request (`application/timestamp-query`) answered with a time-stamp response
  (`application/timestamp-reply`) signed by the authority's TSA certificate (pyHanko's DummyTimeStamper builds
  the token: a real one, as a TSA such as tsa.ca.gov.vn answers).
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import tsp
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from . import aio, pki
from .pki import Authority, asn1_cert, asn1_key

CRL_PATH, TSA_PATH = "/crl/ca.crl", "/tsa"


class AuthorityServer(ThreadingHTTPServer):
    """Serves `authority` (made for this server's `base_url`: `AuthorityServer.for_port`)."""

    daemon_threads = True

    def __init__(self, port: int, authority: Authority):
        super().__init__(("127.0.0.1", port), Handler)
        self.authority = authority
        self.tsa = authority.issue(
            f"Dịch vụ cấp dấu thời gian {pki.DEMO}", authority.organisation, purpose="timestamping"
        )
        self.stamper = DummyTimeStamper(
            tsa_cert=asn1_cert(self.tsa.cert),
            tsa_key=asn1_key(self.tsa.key),
            certs_to_embed=[asn1_cert(c) for c in self.tsa.chain],
        )
        self.stamped = 0
        self.thread: threading.Thread | None = None

    @staticmethod
    def urls(port: int) -> tuple[str, str]:
        """(the CRL's URL, the TSA's URL) of a server on `port`: an authority is made with the first."""
        base = f"http://127.0.0.1:{port}"
        return base + CRL_PATH, base + TSA_PATH

    @property
    def tsa_url(self) -> str:
        return self.urls(self.server_address[1])[1]

    def start(self) -> "AuthorityServer":
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: AuthorityServer

    def _reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path != CRL_PATH:
            return self._reply(404, "text/plain; charset=utf-8", "Không có địa chỉ này.".encode())
        return self._reply(200, "application/pkix-crl", self.server.authority.crl())

    def do_POST(self):
        if self.path != TSA_PATH or self.headers.get("Content-Type") != "application/timestamp-query":
            return self._reply(400, "text/plain; charset=utf-8", "Cần một yêu cầu RFC 3161.".encode())
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            request = tsp.TimeStampReq.load(body)
            _ = request.native  # parse it all now: a malformed request is a 400, not a broken token
            answer = aio.run(lambda: self.server.stamper.async_request_tsa_response(request))
        except (ValueError, TypeError):
            return self._reply(400, "text/plain; charset=utf-8", "Yêu cầu RFC 3161 không đọc được.".encode())
        self.server.stamped += 1
        return self._reply(200, "application/timestamp-reply", answer.dump())

    def log_message(self, format, *args):  # quiet: tests and the demo read the answers, not the log
        pass


def main(argv=None) -> int:
    """`python -m motcua.signing.standin --authority FILE --port 8029`: serve a saved authority (the demo's)."""
    import argparse
    from pathlib import Path

    from motcua.gateways.standins import serve_until_stopped

    parser = argparse.ArgumentParser(description="CRL và dịch vụ cấp dấu thời gian THỬ NGHIỆM (bản trình diễn)")
    parser.add_argument("--authority", required=True, type=Path, help="tệp PEM của tổ chức cấp THỬ NGHIỆM")
    parser.add_argument("--port", type=int, default=8029)
    args = parser.parse_args(argv)
    authority = Authority.load(args.authority.read_bytes())
    return serve_until_stopped(
        lambda: AuthorityServer(args.port, authority),
        "Tổ chức cấp chứng thư THỬ NGHIỆM",
        f"127.0.0.1:{args.port}",
        lambda server: f"CRL: {server.urls(args.port)[0]} · dấu thời gian: {server.tsa_url}",
    )


if __name__ == "__main__":
    raise SystemExit(main())
