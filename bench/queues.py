"""Benchmark: the officials' queues and public tracking at province volume.

Generates N dossiers (default 300,000, about two months of a merged province) straight into a fresh database with
bulk inserts (a data generator, not the lifecycle), then times the hot queries of `office.queues` and the tracking
lookup: median of 15 runs each, and prints the query plans so an index regression shows. Results go to
bench/results/queues-<vendor>-<N>.json.

    .venv/bin/python bench/queues.py [N]                       # SQLite file bench/results/bench.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python bench/queues.py [N]
"""

import datetime as dt
import json
import os
import platform
import random
import sys
import time

import harness

harness.start("bench.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.accounts.models import User  # noqa: E402
from motcua.demo.load import load  # noqa: E402
from motcua.dossiers.models import Dossier  # noqa: E402
from motcua.dossiers.states import NATIONAL_STATUS, State  # noqa: E402
from motcua.office import queues  # noqa: E402

STATES = (
    [State.RECEIVED] * 2
    + [State.IN_PROGRESS] * 6
    + [State.SUPPLEMENT_REQUESTED]
    + [State.RETURNED] * 20
    + [State.ISSUED] * 2
    + [State.SUBMITTED]
)


def generate(n: int) -> None:
    call_command("migrate", verbosity=0)
    load()
    if Dossier.objects.count() >= n:
        return
    from motcua.agencies.models import Agency
    from motcua.catalog.models import Procedure

    agencies = list(Agency.objects.filter(has_one_stop_desk=True)) + list(Agency.objects.filter(level="department"))
    procedures = list(Procedure.objects.filter(is_published=True).select_related("current"))
    officers = list(User.objects.filter(kind="staff"))
    rng = random.Random(7)
    now = timezone.now()
    batch, made = [], Dossier.objects.count()
    start = time.perf_counter()
    while made < n:
        agency = rng.choice(agencies)
        procedure = rng.choice(procedures)
        received = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
        state = rng.choice(STATES)
        batch.append(
            Dossier(
                code=f"{agency.code}-B{made:09d}",
                procedure=procedure,
                procedure_version=procedure.current,
                receiving_agency=agency,
                processing_agency=agency,
                lead_agency=agency,
                channel=rng.choice(["direct", "online", "online", "postal"]),
                applicant_name=f"Người nộp {made}",
                applicant_id_number=f"025{made:09d}",
                applicant_phone=f"09{made % 100000000:08d}",
                state=state,
                national_status=NATIONAL_STATUS[state],
                submitted_at=received,
                received_at=received,
                clock_started_at=received,
                due_at=received + dt.timedelta(days=rng.randint(1, 20)),
                assignee=rng.choice(officers) if state == State.IN_PROGRESS else None,
            )
        )
        made += 1
        if len(batch) == 5000:
            Dossier.objects.bulk_create(batch)
            batch = []
    if batch:
        Dossier.objects.bulk_create(batch)
    print(f"generated {n} dossiers in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dossiers_dossier")


def median_ms(fn, runs: int = 15) -> float:
    return harness.median_ms(fn, runs)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    generate(n)
    user = User.objects.get(username="chuyenvien")
    monitor = User.objects.get(username="giamsat")
    results = {}
    for name in ["co-quan", "cua-toi", "qua-han", "sap-den-han", "cho-bo-sung", "cho-tra"]:
        qs = queues.queue(user, name).order_by("due_at", "pk")
        results[f"{name}: first page"] = median_ms(lambda qs=qs: list(qs[:25]))
        results[f"{name}: count"] = median_ms(lambda qs=qs: qs.count())
    whole = queues.queue(monitor, "qua-han").order_by("due_at", "pk")
    results["monitor qua-han: first page"] = median_ms(lambda: list(whole[:25]))
    sample = Dossier.objects.order_by("?").values_list("code", flat=True).first()
    results["tracking lookup by code"] = median_ms(lambda: Dossier.objects.filter(code=sample).first())
    reset_queries()
    plan = str(queues.queue(user, "co-quan").order_by("due_at", "pk")[:25].explain())
    report = {
        "vendor": connection.vendor,
        "dossiers": Dossier.objects.count(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "median_ms": results,
        "plan_co_quan": plan,
    }
    path = harness.RESULTS / f"queues-{connection.vendor}-{n}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
