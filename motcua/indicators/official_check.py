"""Checking the national portal's official 766 scores: `check_file` recomputes each published score of a file
from the published numerators and denominators with `scoring` and compares, to explain a score, never to replace it
(the stored record stays as published, official.py)."""

from decimal import ROUND_HALF_UP

from motcua.indicators import scoring

from .official import (
    CENT,
    METRIC_RULES,
    ONLINE_INPUTS,
    PAYMENT_INPUTS,
    Comparison,
    Group,
    GroupCheck,
    department,
    number,
    published_score,
    read_response,
)


def check_file(path, group: str | None = None) -> GroupCheck:
    """Recompute every published score of one file that publishes its inputs, and compare."""
    response = read_response(path, group)
    result = GroupCheck(response.source_name, response.group, records=len(response.records))
    for record, _, where in response.records:
        comparisons = compare_record(response.group, record, f"{response.source_name}: {where}")
        if not comparisons:
            continue  # no numerator and denominator published: nothing to recompute
        result.checked += 1
        mismatches = [c for c in comparisons if not c.matches]
        result.matched += not mismatches
        result.mismatches += mismatches
        largest = max(c.difference for c in comparisons)
        if result.largest_difference is None or largest > result.largest_difference:
            result.largest_difference = largest
    return result


def compare_record(group: str, record: dict, where: str = "") -> list[Comparison]:
    """The comparisons one record allows; empty when it publishes no inputs."""
    name = department(record)
    if group == Group.PROGRESS:
        on_time, received = number(record, "totalOnTime", where), number(record, "totalReceived", where)
        if on_time is None or received is None:
            return []
        return [Comparison(name, "điểm", published_score(record, where), scoring.progress(on_time, received))]
    if group in (Group.PAYMENT, Group.ONLINE):
        keys, rule = (PAYMENT_INPUTS, scoring.online_payment) if group == Group.PAYMENT else (ONLINE_INPUTS, _online)
        inputs = [number(record, key, where) for key in keys]
        if None in inputs:
            return []
        return [Comparison(name, "tổng điểm", published_score(record, where), rule(*inputs))]
    return _compare_metrics(group, record, name, where)


def _online(partial, full, procedures, services_used, services, online_dossiers, dossiers):
    return scoring.online_services(partial + full, procedures, services_used, services, online_dossiers, dossiers)


def _compare_metrics(group: str, record: dict, name: str, where: str) -> list[Comparison]:
    """Each metric with published inputs, then the group total: the sum of the non-null metric scores, each
    rounded to 2 decimals as the portal shows it, taking the published score of a metric that has no inputs."""
    comparisons, parts = [], []
    for i, metric in enumerate(record.get("metrics", [])):
        metric_where = f"{where}.metrics[{i}]"
        rule = METRIC_RULES[group].get(metric.get("code"))
        published = number(metric, "score", metric_where)
        numerator, denominator = number(metric, "numerator", metric_where), number(metric, "denominator", metric_where)
        # a tracking-only metric (max 0, e.g. 5.1 PAKN by type) has no score; an unknown code has no rule here
        if rule is None or scoring.METRICS[rule][0] == 0 or numerator is None or denominator is None:
            parts.append(published)
            continue
        recomputed = scoring.metric(rule, numerator, denominator)
        comparisons.append(Comparison(name, str(metric.get("code")), published, recomputed))
        parts.append(None if recomputed is None else recomputed.quantize(CENT, ROUND_HALF_UP))
    if comparisons:
        comparisons.append(
            Comparison(name, "tổng điểm nhóm", published_score(record, where), scoring.group_total(parts))
        )
    return comparisons
