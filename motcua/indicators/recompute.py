"""`motcua indicators recompute [--check]`: rebuild the facts and daily sums from the dossiers, with the rules of
`facts`, and compare them with what the lifecycle kept up to date (DESIGN.md principle 5).

Dossiers are read in batches of 2,000 and their facts compared or written batch by batch; only the daily sums
(one entry per day × agency × procedure × channel) are held in memory.
"""

from collections import Counter, defaultdict

from django.db import transaction

from motcua.dossiers.models import Dossier

from .facts import FACT_FIELDS, by_month, contributions, facts_for
from .models import COUNTERS, DailyFigure, DossierFacts, MonthlyFigure

BATCH = 2000


def batches():
    """The recomputed facts of every dossier, one dict per batch of dossiers."""
    last = 0
    while True:
        batch = list(Dossier.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        last = batch[-1].pk
        yield (batch[0].pk, last), facts_for(batch)


def add_sums(sums, facts) -> None:
    for item in facts.values():
        for key, counters in contributions(item).items():
            sums[key].update(counters)


def fact_differences(span, facts) -> list[str]:
    problems = []
    kept = {f.pk: f for f in DossierFacts.objects.filter(pk__gte=span[0], pk__lte=span[1])}
    for dossier_id in sorted(kept.keys() | facts.keys()):
        a, b = kept.get(dossier_id), facts.get(dossier_id)
        if a is None or b is None:
            problems.append(f"Hồ sơ #{dossier_id}: dữ kiện chỉ số {'thiếu' if a is None else 'thừa'}")
            continue
        fields = [f for f in FACT_FIELDS if getattr(a, f) != getattr(b, f)]
        if fields:
            problems.append(f"Hồ sơ #{dossier_id}: dữ kiện chỉ số khác ở {', '.join(fields)}")
    return problems


def sum_differences(model, sums) -> list[str]:
    rows = model.objects.values_list("day", "agency_id", "procedure_id", "channel", *COUNTERS)
    stored = {tuple(row[:4]): +Counter(dict(zip(COUNTERS, row[4:]))) for row in rows.iterator()}
    problems = []
    for key in sorted(stored.keys() | sums.keys(), key=str):
        want, have = +Counter(sums.get(key, {})), stored.get(key, Counter())
        if want != have:
            day, agency, procedure, channel = key
            changed = ", ".join(f"{c}: lưu {have[c]}, tính lại {want[c]}" for c in COUNTERS if have[c] != want[c])
            when = f"Tháng {day:%m/%Y}" if model is MonthlyFigure else f"Ngày {day:%d/%m/%Y}"
            problems.append(f"{when}, cơ quan #{agency}, thủ tục #{procedure}, kênh {channel}: {changed}")
    return problems


def compare(stdout) -> int:
    sums, problems, dossiers = defaultdict(Counter), [], 0
    for span, facts in batches():
        dossiers += len(facts)
        add_sums(sums, facts)
        problems += fact_differences(span, facts)
    problems += sum_differences(DailyFigure, sums) + sum_differences(MonthlyFigure, by_month(sums))
    for line in problems:
        stdout.write(line)
    stdout.write(
        f"Đã tính lại {dossiers} hồ sơ, {len(sums)} dòng số liệu theo ngày: "
        + (f"{len(problems)} chênh lệch." if problems else "không có chênh lệch.")
    )
    return 1 if problems else 0


@transaction.atomic
def rebuild(stdout) -> int:
    DailyFigure.objects.all().delete()
    MonthlyFigure.objects.all().delete()
    DossierFacts.objects.all().delete()
    sums, dossiers = defaultdict(Counter), 0
    for _, facts in batches():
        DossierFacts.objects.bulk_create(facts.values())
        add_sums(sums, facts)
        dossiers += len(facts)
    for model, rows in [(DailyFigure, sums), (MonthlyFigure, by_month(sums))]:
        model.objects.bulk_create(
            (
                model(day=day, agency_id=agency, procedure_id=procedure, channel=channel, **counters)
                for (day, agency, procedure, channel), counters in rows.items()
            ),
            batch_size=BATCH,
        )
    stdout.write(f"Đã dựng lại số liệu từ {dossiers} hồ sơ: {len(sums)} dòng số liệu theo ngày.")
    return 0


def run(stdout, check: bool) -> int:
    return compare(stdout) if check else rebuild(stdout)
