"""Running a local stand-in server (SMS gateway, payment gateway, OpenID provider) as a program of its own."""

import signal
import socket
import sys
from urllib.parse import urlsplit

from django.conf import settings


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve_until_stopped(make_server, label: str, address: str, banner) -> int:
    """Open the server (one Vietnamese line and exit 1 when the port is taken), print `banner(server)`, serve until
    Ctrl-C or SIGTERM (what `motcua demo serve` sends its children), then close the socket."""
    try:
        server = make_server()
    except OSError as exc:
        print(f"{label} không mở được {address}: {exc}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupt)
    print(banner(server), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on now, for a stand-in started beside others (tests, a second server)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_port(url: str, path: str | None = None) -> int | None:
    """The port of `url` when it names a stand-in on this machine (127.0.0.1 or localhost, at `path` when given)
    in development, for `motcua demo serve` to start it there; None otherwise, and always in production."""
    parts = urlsplit(url or "")
    local = parts.hostname in ("127.0.0.1", "localhost") and (path is None or parts.path == path)
    return (parts.port or 80) if local and not getattr(settings, "PRODUCTION", False) else None
