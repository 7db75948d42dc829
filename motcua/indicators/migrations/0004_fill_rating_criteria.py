"""Fill the rating criteria of the facts and the sums (0003 added them at 0) from the ratings already given, so the
satisfaction shares read from the sums are what counting the ratings gave before. Batched: about a minute for a
year's ratings of a million dossiers; `motcua indicators recompute --check` compares the result with a rebuild."""

from collections import Counter, defaultdict
from itertools import islice

from django.db import migrations

# CRITERIA of indicators.models as it was when this migration was written: a migration must not follow later edits.
CRITERIA = {"time": 1, "contacts": 2, "information": 4, "attitude": 8, "lawful_cost": 16, "online": 32}
BATCH = 2000


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def fill(apps, schema_editor):
    Rating = apps.get_model("dossiers", "Rating")
    Facts = apps.get_model("indicators", "DossierFacts")
    daily: dict[tuple, Counter] = defaultdict(Counter)
    for ratings in chunks(Rating.objects.values_list("dossier_id", "criteria").order_by().iterator(BATCH), BATCH):
        criteria = dict(ratings)
        facts = list(Facts.objects.filter(dossier_id__in=criteria, rated_on__isnull=False))
        for fact in facts:
            answers = criteria[fact.dossier_id] or {}
            fact.criteria_answered = sum(bit for key, bit in CRITERIA.items() if key in answers)
            fact.criteria_disliked = sum(bit for key, bit in CRITERIA.items() if answers.get(key) is False)
            counter = daily[(fact.rated_on, fact.agency_id, fact.procedure_id, fact.channel)]
            for key, bit in CRITERIA.items():
                counter[f"rated_{key}"] += bool(fact.criteria_answered & bit)
                counter[f"disliked_{key}"] += bool(fact.criteria_disliked & bit)
        Facts.objects.bulk_update(facts, ["criteria_answered", "criteria_disliked"], batch_size=BATCH)
    monthly: dict[tuple, Counter] = defaultdict(Counter)
    for (day, *rest), counter in daily.items():
        monthly[(day.replace(day=1), *rest)].update(counter)
    columns = [f"{kind}_{key}" for key in CRITERIA for kind in ("rated", "disliked")]
    for name, sums in (("DailyFigure", daily), ("MonthlyFigure", monthly)):
        model = apps.get_model("indicators", name)
        # the ids first: SQLite does not isolate a read from writes to the same table on one connection
        ids = list(model.objects.filter(rated__gt=0).order_by().values_list("pk", flat=True))
        for chunk in chunks(ids, BATCH):
            batch = list(model.objects.filter(pk__in=chunk))
            for row in batch:
                counter = sums.get((row.day, row.agency_id, row.procedure_id, row.channel), Counter())
                for column in columns:
                    setattr(row, column, counter[column])
            model.objects.bulk_update(batch, columns, batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_rating_criteria_in_sums"), ("dossiers", "0011_step_agency_between_agencies")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
