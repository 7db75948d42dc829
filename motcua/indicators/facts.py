"""What each dossier adds to the figures, and how a change moves the daily sums (same transaction as the event).

`refresh(dossier)` runs after every dossier event and every rating, as their subscriber on the bus (`on_event`,
indicators/apps.py): it computes the dossier's facts now, subtracts what its previous facts had added to the daily
and monthly sums and adds the new ones.
`facts_for` computes facts in batches, so `recompute` uses the very same rules on millions of dossiers.

The refresh of one dossier is incremental (issue 15: refreshing the figures added 58% to each action): one read
brings what the facts need beyond the dossier in hand (its documents' counts, its second supplement request, its
rating, the applicant's e-ID) together with the facts stored last time; the change goes into the daily and the
monthly sums as one `INSERT … ON CONFLICT DO UPDATE SET c = c + excluded.c` each; the facts row is written only in
the fields that changed. A dossier never received has no facts and costs nothing.
"""

import datetime as dt
from collections import Counter, defaultdict
from types import SimpleNamespace

from django.db import connections, router
from django.db.models import Count, Exists, F, FilteredRelation, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from motcua.dossiers import timing
from motcua.dossiers.models import Document, Dossier, Rating, SupplementRequest
from motcua.dossiers.states import Outcome, PaymentStatus, State
from motcua.national.models import DossierSync
from motcua.workdays.calendar import local

from .models import COUNTERS, CRITERIA, DailyFigure, DossierFacts, MonthlyFigure

FINISH_KINDS = {
    State.ISSUED: "resolved",
    State.RETURNED: "resolved",
    State.REFUSED: "refused",
    State.STOPPED: "stopped",
    State.WITHDRAWN: "withdrawn",
}
OUTCOME_COUNTER = {Outcome.EARLY: "finished_early", Outcome.ON_TIME: "finished_on_time", Outcome.LATE: "finished_late"}
FLAGS = ["fee_bearing", "paid_online", "digitised", "reused", "citizen_data", "resulted", "e_result", "synced"]
FACT_FIELDS = [
    "agency_id",
    "procedure_id",
    "channel",
    "received_on",
    "finished_on",
    "finish_kind",
    "outcome",
    "overdue_from",
    "returned_on",
    "rated_on",
    "processing_seconds",
    "supplement_requests",
    "disliked",
    "criteria_answered",
    "criteria_disliked",
    *FLAGS,
]

Key = tuple  # (day, agency_id, procedure_id, channel)


def day(moment: dt.datetime | None) -> dt.date | None:
    return local(moment).date() if moment else None


def facts_for(dossiers) -> dict[int, DossierFacts]:
    """The facts of these dossiers (those never received have none), with four grouped queries for the batch."""
    dossiers = [d for d in dossiers if d.received_at]
    ids = [d.pk for d in dossiers]
    if not ids:
        return {}
    documents = {
        row["dossier_id"]: row
        for row in Document.objects.filter(dossier_id__in=ids)
        .values("dossier_id")
        .annotate(
            inputs=Count("id", filter=Q(kind=Document.Kind.INPUT)),
            inputs_digitised=Count("id", filter=Q(kind=Document.Kind.INPUT, digitised=True)),
            reused=Count("id", filter=Q(kind=Document.Kind.INPUT, reused=True)),
            results=Count("id", filter=Q(kind=Document.Kind.RESULT) & ~Q(file="")),
        )
    }
    second_requests = _second_requests(ids)
    ratings = {r.dossier_id: r for r in Rating.objects.filter(dossier_id__in=ids)}
    verified = set(
        Dossier.objects.filter(pk__in=ids, applicant_user__vneid_verified_at__isnull=False).values_list("pk", flat=True)
    )
    synced = set(
        DossierSync.objects.filter(dossier_id__in=ids, confirmed_at__isnull=False).values_list("dossier_id", flat=True)
    )
    return {
        d.pk: _facts(
            d, documents.get(d.pk, {}), second_requests.get(d.pk), ratings.get(d.pk), d.pk in verified, d.pk in synced
        )
        for d in dossiers
    }


def _second_requests(ids) -> dict[int, dt.datetime]:
    """When each dossier got its second supplement request after receipt (766: late from then on)."""
    found = {}
    for dossier_id, at in (
        SupplementRequest.objects.filter(dossier_id__in=ids, at_desk=False)
        .order_by("dossier_id", "number")
        .values_list("dossier_id", "requested_at")
    ):
        found.setdefault(dossier_id, []).append(at)
    return {k: v[1] for k, v in found.items() if len(v) > 1}


def _facts(d: Dossier, documents, second_request, rating, verified: bool, synced: bool) -> DossierFacts:
    finish_kind = FINISH_KINDS.get(d.state, "")
    finished = d.finished_at if finish_kind else None
    resulted = finish_kind == "resolved"
    e_result = resulted and documents.get("results", 0) > 0
    inputs = documents.get("inputs", 0)
    facts = DossierFacts(
        dossier_id=d.pk,
        receiving_agency_id=d.receiving_agency_id,
        agency_id=d.lead_agency_id,
        procedure_id=d.procedure_id,
        channel=d.channel,
        received_on=day(d.received_at),
        finish_kind=finish_kind,
        finished_on=day(finished),
        overdue_from=_overdue_from(d, second_request),
        returned_on=day(d.returned_at),
        rated_on=day(rating.created_at) if rating else None,
        disliked=bool(rating and not rating.satisfied),
        **criteria_bits(rating.criteria if rating else None),
        supplement_requests=d.supplement_count,
        fee_bearing=d.fee_total > 0,
        paid_online=d.payment_status == PaymentStatus.PAID_ONLINE,
        digitised=inputs > 0 and documents.get("inputs_digitised") == inputs and (e_result or not resulted),
        reused=documents.get("reused", 0) > 0,
        citizen_data=verified,
        resulted=resulted,
        e_result=e_result,
        synced=synced,
    )
    if finished and finish_kind != "withdrawn":
        facts.outcome = _outcome(d, finished)
        facts.processing_seconds = max(0, int((finished - d.received_at).total_seconds()))
    return facts


def criteria_bits(criteria: dict | None) -> dict[str, int]:
    """The rating's answer to each criterion as the facts keep it: a bit for answered, a bit for "not satisfied"."""
    answered = disliked = 0
    for key, bit in CRITERIA.items():
        if criteria and key in criteria:
            answered |= bit
            disliked |= bit if criteria[key] is False else 0
    return {"criteria_answered": answered, "criteria_disliked": disliked}


def _outcome(d: Dossier, finished: dt.datetime) -> str:
    """Judged against the 766 due moment (DOMAIN.md 1.10); a procedure with no time limit cannot be late."""
    if d.late_for_stats:
        return Outcome.LATE
    return d.stats_outcome or timing.judge(finished, d.stats_due_at) or Outcome.ON_TIME


def _overdue_from(d: Dossier, second_request) -> dt.datetime | None:
    """The moment from which the dossier counts as overdue while still open (766, 2.1).

    A second supplement request makes it late from that request on. A dossier waiting for a supplement is judged
    at the moment of the request: asked in time, it does not turn overdue while it waits.
    """
    if d.late_for_stats and second_request:
        return min(second_request, d.stats_due_at) if d.stats_due_at else second_request
    if d.stats_due_at is None:
        return None
    if d.state == State.SUPPLEMENT_REQUESTED and d.paused_at and d.paused_at <= d.stats_due_at:
        return None
    return d.stats_due_at


def contributions(facts: DossierFacts | None) -> dict[Key, Counter]:
    """The counters a dossier's facts add to each daily row (see `models.COUNTERS` for the day of each)."""
    if facts is None:
        return {}
    rows: dict[Key, Counter] = defaultdict(Counter)

    def add(on: dt.date | None, counter: str, value: int = 1):
        if on is not None and value:
            rows[(on, facts.agency_id, facts.procedure_id, facts.channel)][counter] += value

    add(facts.received_on, "received")
    for flag in FLAGS:
        add(facts.received_on, flag, int(getattr(facts, flag)))
    add(facts.received_on, "supplemented", int(facts.supplement_requests > 0))
    add(facts.received_on, "supplement_requests", facts.supplement_requests)
    if facts.finish_kind:
        add(facts.finished_on, facts.finish_kind)
    if facts.outcome:
        add(facts.finished_on, OUTCOME_COUNTER[facts.outcome])
        add(facts.finished_on, "processing_seconds", facts.processing_seconds)
    add(facts.returned_on, "returned")
    overdue_on = day(facts.overdue_from)
    add(overdue_on, "due")
    if facts.finished_on and overdue_on:
        add(max(facts.finished_on, overdue_on), "settled")
    add(facts.rated_on, "rated")
    add(facts.rated_on, "disliked", int(facts.disliked))
    for key, bit in CRITERIA.items():
        add(facts.rated_on, f"rated_{key}", int(bool(facts.criteria_answered & bit)))
        add(facts.rated_on, f"disliked_{key}", int(bool(facts.criteria_disliked & bit)))
    return rows


def difference(new: dict[Key, Counter], old: dict[Key, Counter]) -> dict[Key, dict[str, int]]:
    delta = {}
    for key in new.keys() | old.keys():
        change = {c: new.get(key, Counter())[c] - old.get(key, Counter())[c] for c in COUNTERS}
        change = {c: v for c, v in change.items() if v}
        if change:
            delta[key] = change
    return delta


def by_month(delta: dict[Key, dict[str, int]]) -> dict[Key, dict[str, int]]:
    """The same changes keyed by the first day of their month."""
    months: dict[Key, Counter] = defaultdict(Counter)
    for (on, *rest), change in delta.items():
        months[(on.replace(day=1), *rest)].update(change)
    return {
        key: Counter({c: v for c, v in change.items() if v}) for key, change in months.items() if any(change.values())
    }


def apply(delta: dict[Key, dict[str, int]]) -> None:
    """Add the changes to the daily and the monthly rows."""
    _add(DailyFigure, delta)
    _add(MonthlyFigure, by_month(delta))


def _add(model, delta: dict[Key, dict[str, int]]) -> None:
    """Every row's change in one statement: `INSERT … ON CONFLICT (key) DO UPDATE SET c = row.c + excluded.c`, so a
    row is created the first time and incremented after, atomically, on PostgreSQL and SQLite (≥ 3.24) alike (it was
    an UPDATE per row, then a savepoint and an INSERT for a new row: up to four statements a row). The rows go in key
    order: PostgreSQL locks them in that order, so two transactions touching the same rows cannot deadlock."""
    if not delta:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    key_fields = [model._meta.get_field(name) for name in ("day", "agency", "procedure", "channel")]
    changed = sorted({c for change in delta.values() for c in change})
    columns = {name: quote(model._meta.get_field(name).column) for name in COUNTERS}
    table = quote(model._meta.db_table)
    values = []
    for key, change in sorted(delta.items()):
        values += [field.get_db_prep_save(value, connection) for field, value in zip(key_fields, key, strict=True)]
        values += [change.get(c, 0) for c in COUNTERS]  # every counter: a new row starts at its change, else 0
    row = f"({', '.join(['%s'] * (len(key_fields) + len(COUNTERS)))})"
    key_columns = ", ".join(quote(field.column) for field in key_fields)
    sql = (
        f"INSERT INTO {table} ({key_columns}, {', '.join(columns.values())}) VALUES {', '.join([row] * len(delta))} "
        f"ON CONFLICT ({key_columns}) DO UPDATE SET "
        + ", ".join(f"{columns[c]} = {table}.{columns[c]} + excluded.{columns[c]}" for c in changed)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)


def same(a: DossierFacts | None, b: DossierFacts | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(getattr(a, f) == getattr(b, f) for f in FACT_FIELDS)


def refresh(dossier: Dossier) -> None:
    """Bring the figures up to date with this dossier; call inside the transaction that changed it."""
    if dossier.received_at is None:
        return  # never received: no facts (facts_for), and none kept before, as a receipt is never undone
    new, old = _one(dossier)
    if same(new, old):
        return
    apply(difference(contributions(new), contributions(old)))
    if new is None:
        DossierFacts.objects.filter(pk=dossier.pk, receiving_agency_id=dossier.receiving_agency_id).delete()
    elif old is None:
        new.save(force_insert=True)
    else:
        new.save(update_fields=[f for f in FACT_FIELDS if getattr(new, f) != getattr(old, f)])


def on_the_dossiers_shard(dossier: Dossier) -> dict:
    """How a subquery of the dossier's row names its rows: by the dossier's id and by its receiving agency as a value.
    On Citus the agency as a value (not a reference to the outer row) is what lets the whole statement be planned
    for the one shard holding that agency: the subqueries of a statement filtered by the distribution column
    through an outer reference are planned for every shard (32 tasks, measured, docs/scaling.md)."""
    return {"dossier": OuterRef("pk"), "receiving_agency_id": dossier.receiving_agency_id}


def _count(here: dict, *conditions, **filters):
    """The number of this dossier's documents matching the filters, as a subquery of the dossier's row."""
    rows = Document.objects.filter(*conditions, **here, **filters).order_by().values("dossier")
    return Coalesce(Subquery(rows.annotate(n=Count("id")).values("n")), 0, output_field=IntegerField())


def _one(dossier: Dossier) -> tuple[DossierFacts | None, DossierFacts | None]:
    """(the dossier's facts now, the facts stored last time), in one statement: the same inputs `facts_for` reads
    in four grouped queries for a batch, here as subqueries of the dossier's row, and the stored facts joined."""
    here = on_the_dossiers_shard(dossier)
    second = SupplementRequest.objects.filter(**here, at_desk=False).order_by("number")
    rating = Rating.objects.filter(**here)
    stored = FilteredRelation("facts", condition=Q(facts__receiving_agency_id=F("receiving_agency_id")))
    row = (
        Dossier.objects.filter(pk=dossier.pk, receiving_agency_id=dossier.receiving_agency_id)
        .annotate(stored=stored)
        .select_related("stored")
        # of the dossier only its key (its wide columns cost more to read than the rest); the stored facts whole
        # (Django's only() cannot name the fields of a FilteredRelation, and the facts row is nearly all of them)
        .only("pk", "receiving_agency_id")
        .annotate(
            inputs=_count(here, kind=Document.Kind.INPUT),
            inputs_digitised=_count(here, kind=Document.Kind.INPUT, digitised=True),
            reused=_count(here, kind=Document.Kind.INPUT, reused=True),
            results=_count(here, Q(kind=Document.Kind.RESULT) & ~Q(file="")),
            second_request=Subquery(second.values("requested_at")[1:2]),
            rated_at=Subquery(rating.values("created_at")[:1]),
            satisfied=Subquery(rating.values("satisfied")[:1]),
            criteria=Subquery(rating.values("criteria")[:1]),
            verified_at=F("applicant_user__vneid_verified_at"),
            synced=Exists(DossierSync.objects.filter(**here, confirmed_at__isnull=False)),
        )
        .get()
    )
    old = getattr(row, "stored", None)  # None when there is no row yet (a reverse one-to-one raises AttributeError)
    documents = {name: getattr(row, name) for name in ("inputs", "inputs_digitised", "reused", "results")}
    rated = (
        SimpleNamespace(created_at=row.rated_at, satisfied=row.satisfied, criteria=row.criteria)
        if row.rated_at
        else None
    )
    return _facts(dossier, documents, row.second_request, rated, row.verified_at is not None, row.synced), old


def on_event(event) -> None:
    """Subscriber of dossier events (indicators/apps.py): the figures move in the transaction of the event."""
    refresh(event.dossier)


def on_synced(sync) -> None:
    """Subscriber of DVCQG's confirmations (national/reconcile.py): the dossier counts as synced (766, 1.4)."""
    refresh(sync.dossier)


def on_rating(rating) -> None:
    """Subscriber of ratings (indicators/apps.py): the rated and dissatisfied counts move with the rating."""
    refresh(rating.dossier)
