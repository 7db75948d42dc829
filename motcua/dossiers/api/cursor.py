"""Keyset pagination of the dossier list: each page ends with a `next` link whose `cursor` names the last row's
place in the list's order, and the next page is the rows after that place (a WHERE clause an index serves), never
OFFSET rows skipped and never an exact COUNT (issue 15). At a province's volume an officer of one agency sees a few
percent of ten million dossiers spread over the whole table: counting them, or skipping to page 400, reads the table.

The order is the queryset's own (`StableOrdering`: one or more moments, nulls last, ties by id); the cursor holds the
order it was made for, signed, so a cursor from another order, or one edited by hand, is a Vietnamese 400 and never a
wrong page. A dossier registered while a client walks the list does not push rows onto the next page, as OFFSET did:
pages never overlap unless a row's own moment changes meanwhile.
"""

import re
from collections import OrderedDict
from dataclasses import dataclass

from django.core import signing
from django.db.models import F, OrderBy, Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .filters import or_blank

SALT = "motcua.dossiers.api.cursor"
BAD_CURSOR = (
    "Con trỏ trang không hợp lệ: dùng nguyên liên kết “next” của trang trước, hoặc bỏ tham số cursor để về trang đầu."
)
OTHER_ORDER = "Con trỏ trang thuộc một cách sắp xếp khác: bỏ tham số cursor để bắt đầu lại từ trang đầu."
NO_PAGE_NUMBERS = "Danh sách hồ sơ không đánh số trang: đi tiếp theo liên kết “next” (tham số cursor)."


@dataclass(frozen=True)
class Key:
    """One column of the order: its field name and whether it descends; nulls always come last."""

    name: str
    descending: bool


def keys_of(queryset: QuerySet) -> list[Key]:
    """The columns the queryset is ordered by, from `order_by("-created_at", "-pk")` or `StableOrdering`'s
    `F(name).desc(nulls_last=True)`; the last one must be the primary key, so that every place is unique."""
    keys = []
    for item in queryset.query.order_by:
        if isinstance(item, str):
            name, descending = item.lstrip("-"), item.startswith("-")
        elif isinstance(item, OrderBy) and isinstance(item.expression, F):
            name, descending = item.expression.name, item.descending
        else:  # an order this pagination cannot continue: a programming error, not the caller's
            raise TypeError(f"keyset pagination cannot continue the order {item!r}")
        keys.append(Key("pk" if name in ("pk", "id") else name, descending))
    if not keys or keys[-1].name != "pk":
        raise TypeError("keyset pagination needs the primary key as the last column of the order")
    return keys


def after(queryset: QuerySet, keys: list[Key], place: list) -> QuerySet:
    """The rows that come after `place` in the order `keys` (nulls last): for each column i, the rows equal to the
    place on the columns before i and past it on column i. A NOT NULL first column also gets a plain bound
    (`created_at <= v`), which PostgreSQL turns into the start of its index scan instead of a filter."""
    model = queryset.model
    either = Q(pk__in=[])  # nothing, OR'ed with each column's branch
    equal = Q()
    for key, value in zip(keys, place, strict=True):
        if value is None:  # past a null: only the nulls with a later value of the next columns
            equal &= Q(**{f"{key.name}__isnull": True})
            continue
        past = Q(**{f"{key.name}__{'lt' if key.descending else 'gt'}": value})
        nullable = key.name != "pk" and model._meta.get_field(key.name).null
        if nullable:
            past |= Q(**{f"{key.name}__isnull": True})
        either |= equal & past
        equal &= Q(**{key.name: value})
    queryset = queryset.filter(either)
    first, value = keys[0], place[0]
    if value is not None and (first.name == "pk" or not model._meta.get_field(first.name).null):
        queryset = queryset.filter(**{f"{first.name}__{'lte' if first.descending else 'gte'}": value})
    return queryset


def requested_page_size(request, param: str, default: int, maximum: int) -> int:
    """`page_size` from 1 to `maximum`, empty meaning the default; anything else a 400, where DRF quietly used the
    default or the maximum."""
    raw = request.query_params.get(param, "")
    if raw == "":
        return default
    if not re.fullmatch(r"[0-9]{1,4}", raw) or not 1 <= int(raw) <= maximum:
        raise ValidationError({param: [f"Số hồ sơ mỗi trang phải là số nguyên từ 1 đến {maximum}."]})
    return int(raw)


class Cursor:
    """A signed place in a list: the order's columns and the last row's values (moments as ISO 8601 text)."""

    @staticmethod
    def dump(keys: list[Key], row) -> str:
        values = []
        for key in keys:
            value = getattr(row, key.name)
            values.append(value.isoformat() if hasattr(value, "isoformat") else value)
        order = ",".join(("-" if key.descending else "") + key.name for key in keys)
        return signing.dumps({"o": order, "k": values}, salt=SALT, compress=True)

    @staticmethod
    def load(text: str, keys: list[Key], model) -> list:
        try:
            data = signing.loads(text, salt=SALT)
        except signing.BadSignature:
            raise ValidationError({"cursor": [BAD_CURSOR]}) from None
        order = ",".join(("-" if key.descending else "") + key.name for key in keys)
        if not isinstance(data, dict) or data.get("o") != order:
            raise ValidationError({"cursor": [OTHER_ORDER]})
        values = data.get("k")
        if not isinstance(values, list) or len(values) != len(keys):
            raise ValidationError({"cursor": [BAD_CURSOR]})
        field = model._meta.pk
        return [
            None if value is None else (field if key.name == "pk" else model._meta.get_field(key.name)).to_python(value)
            for key, value in zip(keys, values, strict=True)
        ]


class KeysetPages(BasePagination):
    """`cursor` from the previous page's `next` (none: the first page), `page_size` 1-200 (50 by default)."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    page_size = 50
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get("page", ""):
            raise ValidationError({"page": [NO_PAGE_NUMBERS]})
        size = requested_page_size(request, self.page_size_query_param, self.page_size, self.max_page_size)
        keys = keys_of(queryset)
        text = request.query_params.get(self.cursor_query_param, "")
        if text:
            queryset = after(queryset, keys, Cursor.load(text, keys, queryset.model))
        rows = list(queryset[: size + 1])  # one more than the page: whether a next page exists, without a count
        self.request = request
        self.next_cursor = Cursor.dump(keys, rows[size - 1]) if len(rows) > size else None
        return rows[:size]

    def get_next_link(self) -> str | None:
        if self.next_cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(remove_query_param(url, "page"), self.cursor_query_param, self.next_cursor)

    def get_paginated_response(self, data):
        return Response(OrderedDict([("next", self.get_next_link()), ("results", data)]))

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": "Trang sau (null: hết danh sách)",
                },
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "Con trỏ trang, lấy nguyên từ liên kết “next” của trang trước; bỏ trống: trang đầu",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Số dòng mỗi trang, 1-{self.max_page_size}; mặc định {self.page_size}",
                "schema": or_blank({"type": "integer", "minimum": 1, "maximum": self.max_page_size}),
            },
        ]
