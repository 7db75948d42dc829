"""Filters of the dossier list, every one a WHERE clause in SQL (DESIGN.md principle 6).

`?overdue=true` is the open queue past its legal due moment; `?assignee=me` the caller's own work; `q` looks in the
code, the applicant's name and (exactly) the applicant's personal ID number. Orderings put dossiers without the
moment (not received yet, no due moment) last on every database and break ties by id, so pages never overlap.
Moments are turned into UTC before they reach the database (`Moment`), and a bad value is a Vietnamese 400. An
empty parameter (`?channel=`, as an HTML form sends it) filters nothing, like one left out, and the schema says so.
"""

import datetime as dt

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import F, Q
from django.utils import timezone
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.contrib.django_filters import DjangoFilterExtension

from ..models import Dossier
from ..states import NATIONAL_LABELS, OPEN, Channel, State
from .errors import FIELD_MESSAGES, INVALID

ORDERINGS = ("due_at", "received_at", "created_at")
BLANK = {"type": "string", "maxLength": 0}


def or_blank(schema: dict) -> dict:
    """The schema of a query parameter that may also be sent empty (and then filters nothing)."""
    if schema.get("type") == "array":
        return {**schema, "items": or_blank(schema["items"])}
    if schema.get("type") == "string" and not {"enum", "format", "pattern", "minLength"} & set(schema):
        return schema  # any string, the empty one included
    return {"anyOf": [schema, BLANK]}


class Filters(DjangoFilterBackend):
    """django-filter, whose schema (`FiltersSchema`) also allows the empty value of every parameter."""


class FiltersSchema(DjangoFilterExtension):
    target_class = "motcua.dossiers.api.filters.Filters"
    priority = 1

    def resolve_filter_field(self, *args, **kwargs):
        parameters = super().resolve_filter_field(*args, **kwargs)
        for parameter in parameters:
            parameter["schema"] = or_blank(parameter["schema"])
        return parameters


class StableOrdering(django_filters.OrderingFilter):
    def filter(self, qs, value):
        value = [param for param in value or () if param]  # `?ordering=due_at,,` has empty items: none (a 500)
        if not value:
            return qs
        order = []
        for param in value:
            name = self.param_map[param.lstrip("-")]
            column = F(name)
            order.append(column.desc(nulls_last=True) if param.startswith("-") else column.asc(nulls_last=True))
        tie = "-pk" if value[0].startswith("-") else "pk"
        return qs.order_by(*order, tie)


class MomentField(IsoDateTimeField):
    """An ISO 8601 moment, in UTC: any offset RFC 3339 allows (up to ±23:59) is valid, but PostgreSQL refuses
    offsets beyond ±15:59, and a moment near year 1 or 9999 may leave the calendar once moved to UTC (400)."""

    default_error_messages = {"invalid": INVALID["DateTimeField"]}

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(dt.UTC)
        except OverflowError:
            raise ValidationError(FIELD_MESSAGES["overflow"], code="overflow") from None


class Moment(django_filters.IsoDateTimeFilter):
    field_class = MomentField


class AnyTextField(forms.CharField):
    """Any text, a NUL character included: Django's form refused one with an English 400, for a value the schema
    allows; a text no row can hold simply matches nothing (`AnyText`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]


class AnyText(django_filters.CharFilter):
    field_class = AnyTextField

    def filter(self, qs, value):
        return qs.none() if value and "\x00" in value else super().filter(qs, value)  # PostgreSQL refuses NUL


class DossierFilter(django_filters.FilterSet):
    state = django_filters.MultipleChoiceFilter(choices=State.choices, help_text="Trạng thái (lặp lại để chọn nhiều)")
    national_status = django_filters.TypedChoiceFilter(
        choices=sorted(NATIONAL_LABELS.items()), coerce=int, help_text="Mã trạng thái trên Cổng DVCQG (1-10)"
    )
    channel = django_filters.ChoiceFilter(choices=Channel.choices, help_text="Kênh nộp")
    procedure = AnyText(field_name="procedure__code", help_text="Mã thủ tục")
    receiving_agency = AnyText(field_name="receiving_agency__code", help_text="Mã định danh nơi tiếp nhận")
    processing_agency = AnyText(field_name="processing_agency__code", help_text="Mã định danh cơ quan đang xử lý")
    assignee = django_filters.ChoiceFilter(
        choices=[("me", "me")], method="filter_assignee", help_text="`me`: hồ sơ được phân công cho chính người gọi"
    )
    overdue = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_overdue",
        help_text="true: đang giải quyết và đã quá hạn trả; false: ngược lại",
    )
    due_before = Moment(field_name="due_at", lookup_expr="lt", help_text="Hạn trả trước thời điểm này (ISO 8601)")
    due_after = Moment(field_name="due_at", lookup_expr="gte", help_text="Hạn trả từ thời điểm này (ISO 8601)")
    received_before = Moment(
        field_name="received_at", lookup_expr="lt", help_text="Tiếp nhận trước thời điểm này (ISO 8601)"
    )
    received_after = Moment(
        field_name="received_at", lookup_expr="gte", help_text="Tiếp nhận từ thời điểm này (ISO 8601)"
    )
    q = AnyText(method="filter_q", help_text="Mã hồ sơ, tên người nộp hoặc số định danh")
    ordering = StableOrdering(
        fields=ORDERINGS, help_text="Sắp xếp: due_at, received_at, created_at (dấu - để giảm dần)"
    )

    class Meta:
        model = Dossier
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:  # an empty value is no filter (`?state=` was a 400, `?channel=` was ignored)
            data = data.copy()
            for key in list(data):
                values = [value for value in data.getlist(key) if value != ""]
                if values:
                    data.setlist(key, values)
                else:
                    del data[key]
        super().__init__(data, *args, **kwargs)

    # `value: str` is what the schema reads: without it, it guessed the model's foreign key (an integer).
    def filter_assignee(self, queryset, name, value: str):
        return queryset.filter(assignee=self.request.user) if value == "me" else queryset

    def filter_overdue(self, queryset, name, value: str):
        late = Q(state__in=OPEN, due_at__lt=timezone.now())
        return queryset.filter(late) if value == "true" else queryset.exclude(late)

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if "\x00" in value:
            return queryset.none()
        return queryset.filter(
            Q(code__icontains=value) | Q(applicant_name__icontains=value) | Q(applicant_id_number=value)
        )
