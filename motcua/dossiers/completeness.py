"""Is the dossier complete? The one rule for receipt at the counter, from the office page, the portal and the API.

A required document line (thành phần hồ sơ) is needed unless it was marked "không áp dụng": a conditional line
("Trường hợp …", the catalogue's `condition`) when the applicant or the desk says its case does not apply; a line the
catalogue reads as always required only with a written reason (the catalogue's reading of the portal's text is right
about nine times in ten, docs/catalog.md, so a misread line must not block a walk-in dossier; the reason, who gave it
and the line are recorded in the event, and `motcua events overrides` lists them to correct the catalogue). A
"nếu có" line is never needed.
"""

from django.core.exceptions import ValidationError


def needed(lines, not_applicable) -> list:
    """The lines this dossier must hold: every required line not marked "không áp dụng"."""
    skip = set(not_applicable)
    return [line for line in lines if line.is_required and line.pk not in skip]


def missing(lines, present, not_applicable) -> list:
    have = set(present)
    return [line for line in needed(lines, not_applicable) if line.pk not in have]


def check_not_applicable(lines, ids, reasons=None) -> list[int]:
    """The ids marked "không áp dụng". A line without a condition needs a reason (`reasons`: {id: text})."""
    by_id = {line.pk: line for line in lines}
    reasons = {int(key): (value or "").strip() for key, value in (reasons or {}).items()}
    ids = sorted({int(i) for i in ids})
    unknown = [str(i) for i in ids if i not in by_id]
    if unknown:
        raise ValidationError({"not_applicable": f"Thành phần hồ sơ {', '.join(unknown)} không thuộc thủ tục này."})
    unexplained = [by_id[i].name for i in ids if not by_id[i].condition and by_id[i].is_required and not reasons.get(i)]
    if unexplained:
        raise ValidationError(
            {
                "not_applicable": "Giấy tờ sau được danh mục ghi là bắt buộc: chỉ đánh dấu “không áp "
                "dụng” khi ghi rõ lý do: " + "; ".join(unexplained)
            }
        )
    return ids


def overrides(lines, ids, reasons=None) -> list[dict]:
    """The marks on lines the catalogue reads as always required, with their reasons (recorded in the event)."""
    reasons = {int(key): (value or "").strip() for key, value in (reasons or {}).items()}
    return [
        {"line": line.pk, "name": line.name, "reason": reasons.get(line.pk, "")}
        for line in lines
        if line.pk in set(ids) and not line.condition and line.is_required
    ]


def require_complete(lines, present, not_applicable) -> None:
    lacking = missing(lines, present, not_applicable)
    if lacking:
        raise ValidationError(
            "Hồ sơ còn thiếu giấy tờ bắt buộc: "
            + "; ".join(line.name for line in lacking)
            + ". Hãy yêu cầu bổ sung (ghi lý do cho từng giấy tờ), hoặc đánh dấu “không áp dụng” nếu giấy tờ không "
            "đúng với trường hợp của người nộp.",
            code="incomplete",
        )
