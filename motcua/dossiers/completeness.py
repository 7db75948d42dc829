"""Is the dossier complete? The one rule for receipt at the counter, from the office page, the portal and the API.

A required document line (thành phần hồ sơ) is needed unless it is conditional ("Trường hợp …", the catalogue's
`condition`) and the applicant or the desk said the condition does not apply; a "nếu có" line is never needed.
"""
from django.core.exceptions import ValidationError


def needed(lines, not_applicable) -> list:
    """The lines this dossier must hold: every unconditional required line and every conditional one that applies."""
    skip = set(not_applicable)
    return [line for line in lines if line.is_required and not (line.condition and line.pk in skip)]


def missing(lines, present, not_applicable) -> list:
    have = set(present)
    return [line for line in needed(lines, not_applicable) if line.pk not in have]


def check_not_applicable(lines, ids) -> list[int]:
    """The ids marked "không áp dụng", refused for a line that has no condition (it is always needed)."""
    by_id = {line.pk: line for line in lines}
    ids = sorted({int(i) for i in ids})
    unknown = [str(i) for i in ids if i not in by_id]
    if unknown:
        raise ValidationError({"not_applicable": f"Thành phần hồ sơ {', '.join(unknown)} không thuộc thủ tục này."})
    always = [by_id[i].name for i in ids if not by_id[i].condition]
    if always:
        raise ValidationError({"not_applicable": "Chỉ giấy tờ có điều kiện mới được đánh dấu “không áp dụng”; "
                                                 "giấy tờ sau là bắt buộc: " + "; ".join(always)})
    return ids


def require_complete(lines, present, not_applicable) -> None:
    lacking = missing(lines, present, not_applicable)
    if lacking:
        raise ValidationError(
            "Hồ sơ còn thiếu giấy tờ bắt buộc: " + "; ".join(line.name for line in lacking)
            + ". Hãy yêu cầu bổ sung (ghi lý do cho từng giấy tờ), hoặc đánh dấu “không áp dụng” nếu giấy tờ có "
              "điều kiện không đúng với trường hợp của người nộp.", code="incomplete")
