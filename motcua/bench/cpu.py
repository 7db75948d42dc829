"""What a scenario costs in CPU, by who spent it: the app servers' processes and the database servers' (for
`motcua bench run`'s submission row, and from there the cores a country's peak needs, docs/scaling.md).

Read from /proc, so only for processes on this machine: each gunicorn master with its workers, and each PostgreSQL
postmaster the run's database lives on (the one DATABASE_URL names and, on Citus, every node in `pg_dist_node`)
with its backends. A process's figure is its own user + system time plus that of its children it has reaped
(`cutime`, `cstime`): a backend that ends during the scenario moves its time into the postmaster's, so the sum over
a tree, taken before and after, counts every backend that ran, whether it lived through the scenario or not.
A database on another machine is not measured (None): its cost would have to be read there.
"""

import os
from pathlib import Path

from django.db import connection

TICKS = os.sysconf("SC_CLK_TCK")
LOCAL = {"", "127.0.0.1", "localhost", "::1"}


def process_seconds(pid: int) -> float:
    """User + system time of `pid` and of its reaped children, in seconds (0 if it has gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces: state is fields[0]
    return sum(int(value) for value in fields[11:15]) / TICKS  # utime, stime, cutime, cstime


def children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def tree_seconds(pid: int) -> float:
    """CPU seconds of `pid` and every living descendant (with what each has reaped)."""
    total, waiting = 0.0, [pid]
    while waiting:
        current = waiting.pop()
        total += process_seconds(current)
        waiting += children(current)
    return total


def postmasters_by_port() -> dict[int, int]:
    """The PostgreSQL servers running here: port → postmaster's pid. A postmaster is a `postgres` process whose
    parent is not one; its working directory is its data directory, whose postmaster.pid names the port."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if (entry / "comm").read_text().strip() != "postgres":
                continue
            parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[1]
            if Path(f"/proc/{parent}/comm").read_text().strip() == "postgres":
                continue
            lines = (entry / "cwd" / "postmaster.pid").read_text().splitlines()
            found[int(lines[3])] = int(entry.name)
        except (OSError, IndexError, ValueError):
            continue
    return found


def database_postmasters() -> dict[int, int] | None:
    """The postmasters of this run's database, port → pid: the server Django connects to (first) and, on Citus, its
    other nodes. None when any of them is not on this machine (or cannot be read: another user's, without root)."""
    settings = connection.settings_dict
    nodes = [(settings["HOST"] or "", int(settings["PORT"] or 5432))]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'citus'")
        if cursor.fetchone():
            cursor.execute("SELECT nodename, nodeport FROM pg_dist_node WHERE isactive")
            nodes += cursor.fetchall()
    if any(host not in LOCAL for host, _ in nodes):
        return None
    running = postmasters_by_port()
    ports = list(dict.fromkeys(port for _, port in nodes))
    if not set(ports) <= running.keys():
        return None
    return {port: running[port] for port in ports}


class Meter:
    """CPU seconds spent by the app servers and by the database between `start()` and `stop()`; on Citus also by
    node (the coordinator, the one Django connects to, first), since the coordinator is what does not scale out."""

    def __init__(self, server_pids: list[int]):
        self.server_pids = server_pids
        self.database_pids = database_postmasters()

    def read(self) -> tuple[float, dict[int, float]]:
        app = sum(tree_seconds(pid) for pid in self.server_pids)
        nodes = {port: tree_seconds(pid) for port, pid in (self.database_pids or {}).items()}
        return app, nodes

    def start(self) -> None:
        self.before = self.read()

    def stop(self) -> dict:
        app, nodes = self.read()
        spent = {port: round(seconds - self.before[1][port], 2) for port, seconds in nodes.items()}
        return {
            "app": round(app - self.before[0], 2),
            "database": None if self.database_pids is None else round(sum(spent.values()), 2),
            **({"database_nodes": {str(port): seconds for port, seconds in spent.items()}} if len(spent) > 1 else {}),
        }
