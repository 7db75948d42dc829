"""Benchmark: the 766 figures at province volume, from the daily sums versus from the dossier table.

Generates N dossiers over twelve months (default 1,000,000, about seven months of a merged province) with their
outcomes straight into a fresh database (a data generator, not the lifecycle), builds the facts and daily sums with
`recompute` (timed), then times, median of 9 runs: the province's yearly totals and score card, the ranking query
(totals per agency), the monthly trend, one drill-down page, and the same yearly counts taken from the dossier table
directly. It also times a lifecycle action with and without the figures' refresh. Results go to
bench/results/indicators-<vendor>-<N>.json.

    .venv/bin/python bench/indicators.py [N]                   # SQLite file bench/results/indicators.sqlite3
    DATABASE_URL=postgres://… .venv/bin/python bench/indicators.py [N]
"""

import datetime as dt
import io
import json
import os
import platform
import random
import sys
import time

import harness

harness.start("indicators.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.demo.load import load  # noqa: E402
from motcua.dossiers.models import Dossier  # noqa: E402
from motcua.dossiers.states import NATIONAL_STATUS, Outcome, PaymentStatus, State  # noqa: E402
from motcua.indicators import drill, facts, recompute  # noqa: E402
from motcua.indicators.figures import Period, Scope, monthly, totals, totals_by  # noqa: E402
from motcua.indicators.models import DailyFigure  # noqa: E402
from motcua.indicators.scorecard import scorecard  # noqa: E402

YEAR = 2026
ENDINGS = (
    [State.RETURNED] * 16
    + [State.ISSUED] * 2
    + [State.REFUSED, State.WITHDRAWN]
    + [State.IN_PROGRESS] * 2
    + [State.SUPPLEMENT_REQUESTED]
)


def generate(n: int) -> None:
    call_command("migrate", verbosity=0)
    load()
    if Dossier.objects.count() >= n:
        return
    from motcua.agencies.models import Agency
    from motcua.catalog.models import Procedure

    agencies = list(Agency.objects.all())
    procedures = list(Procedure.objects.filter(is_published=True).select_related("current"))
    rng = random.Random(7)
    start_of_year = timezone.make_aware(dt.datetime(YEAR, 1, 1, 7, 30))
    batch, made = [], Dossier.objects.count()
    started = time.perf_counter()
    while made < n:
        agency, procedure = rng.choice(agencies), rng.choice(procedures)
        received = start_of_year + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 330))
        due = received + dt.timedelta(days=rng.randint(1, 20))
        state = rng.choice(ENDINGS)
        finished = (
            received + dt.timedelta(days=rng.randint(0, 24))
            if state not in (State.IN_PROGRESS, State.SUPPLEMENT_REQUESTED)
            else None
        )
        outcome = (
            ""
            if finished is None
            else (
                Outcome.LATE if finished > due else Outcome.EARLY if finished.date() < due.date() else Outcome.ON_TIME
            )
        )
        fee = rng.choice([0, 0, 50000, 200000])
        batch.append(
            Dossier(
                code=f"{agency.code}-I{made:09d}",
                procedure=procedure,
                procedure_version=procedure.current,
                receiving_agency=agency,
                processing_agency=agency,
                lead_agency=agency,
                channel=rng.choice(["direct", "online", "online", "postal"]),
                applicant_name=f"Người nộp {made}",
                state=state,
                national_status=NATIONAL_STATUS[state],
                submitted_at=received,
                received_at=received,
                clock_started_at=received,
                due_at=due,
                first_due_at=due,
                stats_due_at=due,
                finished_at=finished,
                returned_at=finished if state == State.RETURNED else None,
                outcome=outcome,
                stats_outcome=outcome,
                fee_total=fee,
                payment_status=rng.choice([PaymentStatus.PAID_ONLINE, PaymentStatus.PAID])
                if fee
                else PaymentStatus.NONE,
                paused_at=received if state == State.SUPPLEMENT_REQUESTED else None,
            )
        )
        made += 1
        if len(batch) == 5000:
            Dossier.objects.bulk_create(batch)
            batch = []
    if batch:
        Dossier.objects.bulk_create(batch)
    print(f"generated {n} dossiers in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def median_ms(fn, runs: int = 9) -> float:
    return harness.median_ms(fn, runs)


def direct_year_counts():
    """The yearly plain counts read from the dossier table itself: what the daily sums spare us."""
    year = (timezone.make_aware(dt.datetime(YEAR, 1, 1)), timezone.make_aware(dt.datetime(YEAR + 1, 1, 1)))
    return Dossier.objects.aggregate(
        received=Count("pk", filter=Q(received_at__range=year)),
        on_time=Count("pk", filter=Q(finished_at__range=year, stats_outcome__in=["early", "on_time"])),
        online=Count("pk", filter=Q(received_at__range=year, channel="online")),
    )


def action_cost(samples: int = 60) -> dict:
    """Median time of one lifecycle action (a desk receipt) with the figures' refresh, and with it switched off."""
    from motcua.accounts.models import User
    from motcua.dossiers import lifecycle

    desk = User.objects.get(username="tiepnhan")
    role = desk.staff_roles.first()
    from motcua.catalog.models import Procedure

    version = (
        Procedure.objects.filter(is_published=True)
        .annotate(n=Count("agencies"))
        .filter(n=1)
        .select_related("current")
        .first()
        .current
    )
    applicant = {
        "applicant_name": "Nguyễn Văn Bench",
        "applicant_id_number": "025090001234",
        "applicant_phone": "0912345678",
    }

    def one():
        with transaction.atomic():
            d = lifecycle.register(
                actor=desk, version=version, receiving_agency=role.agency, applicant=applicant, channel="direct"
            )
            lifecycle.receive(d.pk, actor=desk)

    with_refresh = median_ms(one, samples)
    real = facts.refresh
    facts.refresh = lambda dossier: None
    try:
        without = median_ms(one, samples)
    finally:
        facts.refresh = real
    return {"register+receive with figures (ms)": with_refresh, "register+receive without figures (ms)": without}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    generate(n)
    out = io.StringIO()
    started = time.perf_counter()
    recompute.run(out, check=False)
    rebuild_s = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    clean = recompute.run(out, check=True) == 0
    check_s = round(time.perf_counter() - started, 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    province, year = Scope(), Period.year(YEAR)
    march = Period.month(YEAR, 3)
    results = {
        "province year totals (daily sums)": median_ms(lambda: totals(province, year)),
        "province year counts (dossier table)": median_ms(direct_year_counts),
        "province year score card": median_ms(lambda: scorecard(province, year).total),
        "ranking: totals per agency, year": median_ms(lambda: totals_by(province, year, "agency_id")),
        "monthly trend, 12 months": median_ms(lambda: monthly(province, year)),
        "drill-down first page (March, late)": median_ms(lambda: list(drill.dossiers(province, march, "late")[:50])),
        "drill-down count (March, late)": median_ms(lambda: drill.dossiers(province, march, "late").count()),
    }
    results |= action_cost()
    report = {
        "vendor": connection.vendor,
        "dossiers": Dossier.objects.count(),
        "daily_rows": DailyFigure.objects.count(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "rebuild_seconds": rebuild_s,
        "check_seconds": check_s,
        "check_clean": clean,
        "median_ms": results,
    }
    path = harness.RESULTS / f"indicators-{connection.vendor}-{n}.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2))
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
