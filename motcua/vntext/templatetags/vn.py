"""Template filters for Vietnamese formats: {% load vn %} then {{ x|moment }}, {{ d|day }}, {{ n|money }},
{{ n|size }}, {{ n|count }}, {{ r|percent }}. Each is a function of motcua.vntext.formats."""

from django import template

from .. import formats

register = template.Library()
register.filter("moment", formats.moment)
register.filter("day", formats.date)
register.filter("long_date", formats.long_date)
register.filter("count", formats.count)
register.filter("money", formats.money)
register.filter("size", formats.size)


@register.filter
def percent(ratio) -> str:
    return formats.percent(ratio)


FILE_KINDS = {"application/pdf": "PDF", "image/jpeg": "ảnh JPEG", "image/png": "ảnh PNG"}


@register.filter
def file_kind(content_type: str) -> str:
    """What a person calls a stored file's type: "PDF", "ảnh JPEG", "ảnh PNG"."""
    return FILE_KINDS.get(content_type or "", content_type or "tệp")
