"""`motcua bench run`: the hot paths on the production server, each beside the machine's own limit taken in the
same run, written as JSON and as a Markdown table (docs/performance.md keeps the figures).

The server is `motcua serve` (gunicorn, `--workers`, MOTCUA_ENV=production with a key made for the run) on a free
port of 127.0.0.1, on the database this command is given (DATABASE_URL, after `motcua bench generate`). The load
generator (`load.py`) runs in a process of its own, one per scenario, bounded by `--seconds`. The limits:
- the bare route (`/livez`: every middleware, no query) on the same server, at the same number of users;
- pgbench running the statements one create + receive sends (`limits.pgbench_script`), from as many clients;
- one raw SQL aggregate over the rows a report covers (`limits.raw_aggregate_ms`).
"""

import datetime as dt
import json
import logging
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import override_settings

from motcua.database_url import database_url
from motcua.dossiers.models import Dossier
from motcua.gateways.standins import free_port

from . import cpu, limits, profile, scenarios, submission

TARGETS = {  # issue 15: what each ratio must reach (≤ for a latency ratio, ≥ for a throughput ratio)
    "queue": ("≤", 3.0),
    "api_list": ("≤", 3.0),
    "search": ("≤", 3.0),
    "tracking": ("≥", 0.6),
    "submission": ("≥", 0.25),
    "province_year_report": ("≤", 0.2),
    "agency_month_report": ("≤", 0.2),
}


class Server:
    """`motcua serve` in production settings on 127.0.0.1, stopped (SIGTERM, then SIGKILL) on leaving."""

    def __init__(self, workers: int, secret_key: str, media: str):
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        environment = {
            **os.environ,
            "MOTCUA_ENV": "production",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": "127.0.0.1",
            "MOTCUA_PUBLIC_URL": f"https://{self.host}",
            "MOTCUA_TRUSTED_PROXIES": "127.0.0.1",
            "MEDIA_ROOT": media,
            "DATABASE_URL": database_url(),  # this process's database (a test's own, in the smoke test)
        }
        self.environment = environment
        self.workers = workers
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in __exit__, read when the server fails
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        cli = [sys.executable, "-m", "motcua.cli"]
        serve = ["serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)]
        self.process = subprocess.Popen([*cli, *serve], env=self.environment, stdout=self.log, stderr=subprocess.STDOUT)
        # `motcua serve` collects the static files first when they changed: the first time, with the production
        # storage compressing each one, that takes a minute or two on two cores.
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.__exit__()
                raise CommandError(f"Máy chủ không khởi động được:\n{self.output()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.2)
        self.__exit__()
        raise CommandError("Máy chủ không mở cổng sau 10 phút.")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-3000:]

    def worker_memory_mb(self) -> list[float]:
        """Resident memory of each gunicorn worker (the children of the master), in MB."""
        sizes = []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        for pid in children.read_text().split() if children.exists() else []:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        return sizes

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def load(plan: dict) -> dict:
    """One scenario through the load generator, in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "motcua.bench.load"],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        timeout=plan["seconds"] + 180,
    )
    if done.returncode != 0:
        raise CommandError(f"Bộ tạo tải lỗi:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def p50(result: dict, name: str) -> float:
    return result["requests"].get(name, {}).get("p50_ms", 0.0)


def outcome(result: dict) -> dict:
    """What every scenario's row says besides its measure: the wrong answers, and where the time went (--profile)."""
    return {"errors": result["errors"], "error_samples": result["error_samples"], "profile": result.get("profile")}


def ratio(value: float, limit: float) -> float | None:
    return round(value / limit, 3) if limit else None


def measure(
    cmd,
    servers: list[Server],
    people: scenarios.People,
    seconds: float,
    users: int,
    only: set[str],
    profiles: Path | None = None,
) -> dict:
    def wanted(name: str) -> bool:
        return not only or name in only

    def say(text: str) -> None:
        cmd.stderr.write(text)

    def go(users_scripts, name: str | None = None) -> dict:
        plan = scenarios.plan(users_scripts, servers[0].host, [server.port for server in servers], seconds)
        if profiles is None or name is None:
            return load(plan)
        samples = profiles / f"{name}.txt"
        with profile.sampled(servers[0].process.pid, samples):  # the first server stands for all
            result = load(plan)
        result["profile"] = profile.shares(samples)
        return result

    rows: dict[str, dict] = {}
    say(f"đường trần /livez, {users} người dùng…")
    bare = go(scenarios.bare(people, users), "bare")
    bare_one = go(scenarios.bare(people, 1))
    base, base_rate = p50(bare, "bare"), bare["requests_per_second"]
    rows["bare"] = {
        "p50_ms": base,
        "p50_ms_1_user": p50(bare_one, "bare"),
        "requests_per_second": base_rate,
        "profile": bare.get("profile"),
    }
    for name, build, measure_name in (
        ("queue", scenarios.queue, "queue"),
        ("api_list", scenarios.api_list, "api_list"),
        ("search", scenarios.search, "search"),
    ):
        if wanted(name):
            say(f"{name}, {users} người dùng…")
            result = go(build(people, users), name)
            rows[name] = {
                "p50_ms": p50(result, measure_name),
                "p90_ms": result["requests"].get(measure_name, {}).get("p90_ms", 0.0),
                "requests_per_second": result["requests_per_second"],
                "ratio": ratio(p50(result, measure_name), base),
                "limit": f"p50 của /livez = {base} ms",
                **outcome(result),
            }
    if wanted("tracking"):
        say("tra cứu…")
        result = go(scenarios.tracking(people, users), "tracking")
        rows["tracking"] = {
            "requests_per_second": result["requests_per_second"],
            "p50_ms": p50(result, "tracking"),
            "ratio": ratio(result["requests_per_second"], base_rate),
            "limit": f"/livez: {base_rate} yêu cầu/giây",
            **outcome(result),
        }
    if wanted("submission"):
        say("nộp trực tuyến + tiếp nhận, và pgbench với cùng các câu lệnh…")
        rows["submission"] = submission_row(people, users, seconds, go, cpu.Meter([s.process.pid for s in servers]))
    for name, (start, end, period), agency, username in (
        ("province_year_report", scenarios.year_so_far(), None, scenarios.MONITOR),
        ("agency_month_report", scenarios.month_so_far(), people.agencies[0], scenarios.OFFICERS[0]),
    ):
        if wanted(name):
            say(f"{name}…")
            code = agency.code if agency else "toan-tinh"
            result = go(scenarios.report(people, username, code, period), name)
            raw = limits.raw_aggregate_ms(start, end, agency.pk if agency else None)
            rows[name] = {
                "p50_ms": p50(result, "report"),
                "ratio": ratio(p50(result, "report"), raw),
                "limit": f"một truy vấn tổng hợp SQL trên bảng hồ sơ = {raw} ms",
                **outcome(result),
            }
    rows["worker_memory_mb"] = [size for server in servers for size in server.worker_memory_mb()]
    return rows


COUNTRY_PEAK = 100  # dossiers a second: ~50 million a year, most of them in working hours, with month-end peaks


def submission_row(people: scenarios.People, users: int, seconds: float, go, meter: cpu.Meter) -> dict:
    procedure = submission.procedure(people.agencies)
    from motcua.accounts.models import User

    citizen = User.objects.get(username=scenarios.CITIZEN)
    scripts, statement_count = [], 0
    for agency, officer in zip(people.agencies, people.officers, strict=True):
        statements, dossier = submission.capture(citizen, officer, procedure, agency.code)
        scripts.append(limits.pgbench_script(statements, dossier)[0])
        statement_count = len(statements)
    pgbench = limits.run_pgbench(scripts, users, seconds, database_url())
    made_before = Dossier.objects.filter(procedure=procedure).count()
    meter.start()
    result = go(scenarios.submit_and_receive(people, users), "submission")
    spent = meter.stop()
    spent["load"] = result["cpu_seconds"]
    made_after = Dossier.objects.filter(procedure=procedure).count()
    rate = result["iterations_per_second"]
    dossiers = max(1, made_after - made_before)
    per_dossier = {
        who: None if seconds_spent is None else round(seconds_spent * 1000 / dossiers, 1)
        for who, seconds_spent in spent.items()
        if who != "database_nodes"
    }
    if "database_nodes" in spent:  # on Citus: the coordinator (first) and each worker
        per_dossier["database_nodes"] = {
            port: round(seconds * 1000 / dossiers, 1) for port, seconds in spent["database_nodes"].items()
        }
    return {
        "dossiers_made": made_after - made_before,
        "cpu_seconds": spent,
        "cpu_ms_per_dossier": per_dossier,
        # CPU only: at 100 dossiers/s each ms of CPU per dossier is a tenth of a core (no headroom counted)
        "cores_for_country_peak": {
            who: None if ms is None else round(ms * COUNTRY_PEAK / 1000, 1)
            for who, ms in per_dossier.items()
            if who in ("app", "database")
        },
        "dossiers_per_second": rate,
        "requests_by_server": list(result["requests_by_port"].values()),
        "p50_ms_submit": p50(result, "submit"),
        "p50_ms_receive": p50(result, "receive"),
        "statements": statement_count,
        "pgbench": pgbench,
        "ratio": ratio(rate, pgbench.get("tps", 0.0)),
        "limit": f"pgbench, cùng {statement_count} câu lệnh: {pgbench.get('tps', '?')} lượt/giây",
        **outcome(result),
    }


def database_kind() -> str:
    """What the database is: "PostgreSQL", or the Citus cluster it is spread over (workers, shards of a table)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT extversion FROM pg_extension WHERE extname = 'citus'")
        found = cursor.fetchone()
        if not found:
            return "PostgreSQL"
        cursor.execute("SELECT count(*) FROM pg_dist_node WHERE isactive AND noderole = 'primary' AND groupid > 0")
        workers = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'dossiers_dossier'::regclass")
        shards = cursor.fetchone()[0]
    return f"Citus {found[0]} (điều phối + {workers} worker, {shards} shard mỗi bảng hồ sơ)"


def machine() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), pg_database_size(current_database())")
        version, size = cursor.fetchone()
    return {
        "database": database_kind(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "postgresql": version.split(",")[0],
        "database_mb": round(size / 2**20),
        "dossiers": Dossier.objects.count(),
    }


def by_node(cost: dict) -> str:
    """ " (điều phối 12 ms, worker 20 + 19 ms)" on Citus: the first node is the coordinator."""
    nodes = list(cost.get("database_nodes", {}).values())
    if not nodes:
        return ""
    return f" (điều phối {nodes[0]} ms, worker {' + '.join(str(ms) for ms in nodes[1:])} ms)"


def unknown(value, unit: str) -> str:
    return "không đo được (máy chủ cơ sở dữ liệu ở máy khác)" if value is None else f"{value}{unit}"


def markdown(report: dict) -> str:
    rows = report["results"]
    lines = [
        f"Máy: {report['machine']['cpus']} lõi, {report['machine']['memory_gb']} GiB, "
        f"{report['machine']['postgresql']}; {report['machine']['database']}; {report['machine']['dossiers']:,} hồ sơ, "
        f"cơ sở dữ liệu {report['machine']['database_mb']:,} MB; {report.get('servers', 1)} máy chủ ứng dụng × "
        f"{report['workers']} tiến trình gunicorn; "
        f"{report['users']} người dùng; {report['seconds']} giây mỗi kịch bản; {report['date']}. "
        f"/livez: p50 {rows['bare']['p50_ms']} ms ({rows['bare']['p50_ms_1_user']} ms với 1 người dùng), "
        f"{rows['bare']['requests_per_second']} yêu cầu/giây.",
        "",
        "| kịch bản | đo được | giới hạn của máy | tỉ lệ | mục tiêu | lỗi |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, (sign, target) in TARGETS.items():
        row = rows.get(name)
        if not row:
            continue
        if name == "submission":
            value = f"{row['dossiers_per_second']} hồ sơ/giây"
        elif name == "tracking":
            value = f"{row['requests_per_second']} yêu cầu/giây"
        elif "requests_per_second" in row:
            value = f"p50 {row['p50_ms']} ms, {row['requests_per_second']} yêu cầu/giây"
        else:
            value = f"p50 {row['p50_ms']} ms"
        met = row["ratio"] is not None and (row["ratio"] <= target if sign == "≤" else row["ratio"] >= target)
        lines.append(
            f"| {name} | {value} | {row['limit']} | {row['ratio']} | {sign} {target} {'✓' if met else '✗'} "
            f"| {row.get('errors', 0)} |"
        )
    lines.append("")
    if cost := rows.get("submission", {}).get("cpu_ms_per_dossier"):
        cores = rows["submission"]["cores_for_country_peak"]
        lines.append(
            f"CPU mỗi hồ sơ nộp + tiếp nhận ({rows['submission']['dossiers_made']:,} hồ sơ): máy chủ ứng dụng "
            f"{cost['app']} ms, cơ sở dữ liệu {unknown(cost['database'], ' ms')}{by_node(cost)}, "
            f"bộ tạo tải {cost['load']} ms. "
            f"Đỉnh cả nước {COUNTRY_PEAK} hồ sơ/giây cần chừng {cores['app']} lõi ứng dụng và "
            f"{unknown(cores['database'], ' lõi')} cơ sở dữ liệu (chỉ tính CPU, chưa có dự phòng)."
        )
        lines.append("")
    lines.append(f"Bộ nhớ mỗi tiến trình gunicorn sau khi đo (MB): {rows.get('worker_memory_mb')}")
    profiled = {name: row["profile"] for name, row in rows.items() if isinstance(row, dict) and row.get("profile")}
    if profiled:
        places = [name for name, _ in profile.PLACES] + ["framework"]
        lines += [
            "",
            "Thời gian bận của các tiến trình gunicorn theo nơi tiêu tốn (py-spy, tỉ lệ số mẫu):",
            "",
            f"| kịch bản | số mẫu | {' | '.join(places)} |",
            f"| --- | --- |{' --- |' * len(places)}",
        ]
        for name, found in profiled.items():
            cells = " | ".join(f"{found['shares'][place]:.0%}" for place in places)
            lines.append(f"| {name} | {found['samples']:,} | {cells} |")
    return "\n".join(lines) + "\n"


@contextmanager
def quiet(*names: str):
    """These loggers say only errors for a while, then what they said before (a test process goes on logging)."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def command(
    cmd, *, seconds: float, users: int, workers: int, servers: int = 1, only: str, out: str, profile_workers=False, **_
):
    if connection.vendor != "postgresql":
        raise CommandError("motcua bench run đo trên PostgreSQL: đặt DATABASE_URL=postgres://… (sau bench generate).")
    if not 1 <= users <= 64 or not 0.5 <= seconds <= 600 or not 1 <= workers <= 32 or not 1 <= servers <= 8:
        raise CommandError("Tham số ngoài phạm vi: --users 1-64, --seconds 0,5-600, --workers 1-32, --servers 1-8.")
    secret_key = secrets.token_urlsafe(48)
    wanted = {name.strip() for name in only.split(",") if name.strip()}
    profiles = None
    if profile_workers:
        profile.available()
        profiles = Path(out) / f"profiles-{dt.datetime.now():%Y%m%d-%H%M%S}"
        profiles.mkdir(parents=True, exist_ok=True)
    # Files the scenario uploads, on the server and through the capture in this process, go to a folder of the run.
    # The servers share it, as app servers share the province's object storage.
    with (
        quiet("motcua.requests", "django.request"),  # the capture's requests, in this process: not news
        tempfile.TemporaryDirectory(prefix="motcua-bench-media-") as media,
        override_settings(MEDIA_ROOT=media),
        ExitStack() as stack,
    ):
        started = [stack.enter_context(Server(workers, secret_key, media)) for _ in range(servers)]
        people = scenarios.people(started[0].host, secret_key)
        results = measure(cmd, started, people, seconds, users, wanted, profiles)
    report = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "servers": servers,
        "workers": workers,
        "users": users,
        "seconds": seconds,
        "results": results,
    }
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"bench-{report['machine']['dossiers']}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    (folder / f"{stem}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    table = markdown(report)
    (folder / f"{stem}.md").write_text(table)
    cmd.stdout.write(table)
    cmd.stdout.write(f"Kết quả: {folder / stem}.json, .md")
    return report
