"""Running a local stand-in server (SMS gateway, payment gateway, OpenID provider) as a program of its own."""

import signal
import socket
import sys


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
