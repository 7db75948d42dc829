"""The machine's own limits that `motcua bench run` sets each scenario beside, measured in the same run.

- pgbench over the very statements one create + receive sends (`submission.capture`): PostgreSQL doing that work
  with no Python in front of it. The script keeps the statements as sent, grouped into the transactions they ran
  in; only what must differ between two dossiers is made to differ: the dossier's code, the hash of each event,
  the ids of the task results, and the ids the inserts return (`\\gset`, then used where the capture had the
  literal). One script per bench agency, so that, as in the scenario, the daily code counters are per agency.
- One raw SQL aggregate over the rows a report covers, timed in this process: the cost of answering from the
  dossier table, which the report's daily sums are meant to beat.
"""

import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from django.db import connection

from motcua.dossiers.models import Document, Dossier, Event
from motcua.integrations.models import Notice

from .submission import Statement

UUID = re.compile(r"'(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'::uuid")
RETURNING_ID = re.compile(r'^INSERT INTO "(\w+)".*RETURNING "\1"\."id"\s*$', re.S)


def literal(number: int) -> re.Pattern:
    """The number as a literal of its own: not a piece of a date, a time, a code or a decimal."""
    return re.compile(rf"(?<![\w.:'-]){number}(?![\w.:'])")


def fresh_uuid(seen: dict[str, str], literal_uuid: str) -> str:
    """A UUID of the transaction's own in place of a captured one (the same one each time it comes back)."""
    return seen.setdefault(literal_uuid, f"(md5((:bench_n)::text || '-u{len(seen)}')::uuid)")


def pgbench_script(statements: list[Statement], dossier: Dossier) -> tuple[str, int]:
    """A pgbench script doing what the capture did for `dossier`, and how many literals were made variables."""
    new_ids = {
        "dossiers_dossier": [dossier.pk],
        "dossiers_document": list(Document.objects.filter(dossier=dossier).order_by("pk").values_list("pk", flat=True)),
        "dossiers_event": list(Event.objects.filter(dossier=dossier).order_by("pk").values_list("pk", flat=True)),
        "integrations_notice": list(Notice.objects.filter(dossier=dossier).order_by("pk").values_list("pk", flat=True)),
    }
    hashes = list(Event.objects.filter(dossier=dossier).values_list("hash", flat=True))
    lines = [r"\set bench_n random(1, 9000000000000000000)"]
    replacements: list[tuple[re.Pattern, str]] = [(re.compile(re.escape(f"'{dossier.code}'")), "('B' || :bench_n)")]
    # Made from the transaction's random number with md5 (immutable), never random() in the statement: Citus
    # refuses a volatile function in an UPDATE of a distributed table, and the same hash stays the same everywhere.
    replacements += [
        (re.compile(f"'{h}'"), f"(md5((:bench_n)::text || '-h{i}') || md5((:bench_n)::text || '-H{i}'))")
        for i, h in enumerate(hashes)
    ]
    uuids: dict[str, str] = {}
    made, open_transaction, seen = 0, False, dict.fromkeys(new_ids, 0)
    for statement in statements:
        sql = statement.sql.strip().rstrip(";")
        for pattern, text in replacements:
            sql, count = pattern.subn(text, sql)
            made += count
        sql, count = UUID.subn(lambda found: fresh_uuid(uuids, found.group(0)), sql)
        made += count
        if statement.in_transaction and not open_transaction:
            lines.append("BEGIN;")
        elif not statement.in_transaction and open_transaction:
            lines.append("COMMIT;")
        open_transaction = statement.in_transaction
        lines.append(" ".join(sql.split()))  # one line: a pgbench command ends at its line's end
        returned = RETURNING_ID.match(sql)
        if returned and returned.group(1) in new_ids and seen[returned.group(1)] < len(new_ids[returned.group(1)]):
            table = returned.group(1)
            variable = f"{table}_{seen[table]}_"
            lines.append(rf"\gset {variable}")
            replacements.append((literal(new_ids[table][seen[table]]), f":{variable}id"))
            seen[table] += 1
        else:
            lines[-1] += ";"
    if open_transaction:
        lines.append("COMMIT;")
    return "\n".join(lines) + "\n", made


def run_pgbench(scripts: list[str], clients: int, seconds: float, url: str) -> dict:
    """pgbench with these scripts (each transaction one of them, at random) from `clients` connections."""
    pgbench = shutil.which("pgbench")
    if pgbench is None:
        return {"error": "không có pgbench (gói postgresql-client)"}
    with tempfile.TemporaryDirectory(prefix="motcua-pgbench-") as folder:
        arguments = [pgbench, "-n", "-c", str(clients), "-j", "2", "-T", str(max(1, round(seconds)))]
        for i, script in enumerate(scripts):
            path = Path(folder) / f"tao-va-tiep-nhan-{i}.sql"
            path.write_text(script)
            arguments += ["-f", str(path)]
        done = subprocess.run([*arguments, url], capture_output=True, text=True, timeout=seconds + 120)
    found = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", done.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", done.stdout)
    if done.returncode != 0 or not found:
        return {"error": (done.stderr or done.stdout)[-600:]}
    return {"tps": float(found.group(1)), "failed": int(failed.group(1)) if failed else 0}


RAW_AGGREGATE = """
SELECT COUNT(*),
       COUNT(*) FILTER (WHERE channel = 'online'),
       COUNT(*) FILTER (WHERE outcome IN ('early', 'on_time')),
       COUNT(*) FILTER (WHERE outcome = 'late'),
       COUNT(*) FILTER (WHERE payment_status = 'paid'),
       COUNT(*) FILTER (WHERE finished_at IS NOT NULL)
FROM dossiers_dossier
WHERE received_at >= %s AND received_at < %s {agency}
"""


def raw_aggregate_ms(start, end, agency_id: int | None = None, runs: int = 5) -> float:
    """Median time of one aggregate over the dossiers received in [start, end) (of one agency, or all), the
    figures a report shows, straight from the dossier table."""
    sql = RAW_AGGREGATE.format(agency="AND lead_agency_id = %s" if agency_id else "")
    params = [start, end, *([agency_id] if agency_id else [])]
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs + 1):
            began = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times[1:]), 2)
