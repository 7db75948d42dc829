"""Filters of the dossier list, every one a WHERE clause in SQL (DESIGN.md principle 6).

`?overdue=true` is the open queue past its legal due moment; `?assignee=me` the caller's own work; `q` looks in the
code, the applicant's name and (exactly) the applicant's personal ID number. Orderings put dossiers without the
moment (not received yet, no due moment) last on every database and break ties by id, so pages never overlap.
"""
import django_filters
from django.db.models import F, Q
from django.utils import timezone

from ..models import Dossier
from ..states import OPEN, Channel, State

ORDERINGS = ("due_at", "received_at", "created_at")


class StableOrdering(django_filters.OrderingFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        order = []
        for param in value:
            name = self.param_map[param.lstrip("-")]
            column = F(name)
            order.append(column.desc(nulls_last=True) if param.startswith("-") else column.asc(nulls_last=True))
        tie = "-pk" if value[0].startswith("-") else "pk"
        return qs.order_by(*order, tie)


class DossierFilter(django_filters.FilterSet):
    state = django_filters.MultipleChoiceFilter(choices=State.choices, help_text="Trạng thái (lặp lại để chọn nhiều)")
    national_status = django_filters.NumberFilter(help_text="Mã trạng thái trên Cổng DVCQG (1-10)")
    channel = django_filters.ChoiceFilter(choices=Channel.choices, help_text="Kênh nộp")
    procedure = django_filters.CharFilter(field_name="procedure__code", help_text="Mã thủ tục")
    receiving_agency = django_filters.CharFilter(field_name="receiving_agency__code",
                                                 help_text="Mã định danh nơi tiếp nhận")
    processing_agency = django_filters.CharFilter(field_name="processing_agency__code",
                                                  help_text="Mã định danh cơ quan đang xử lý")
    assignee = django_filters.ChoiceFilter(choices=[("me", "me")], method="filter_assignee",
                                           help_text="`me`: hồ sơ được phân công cho chính người gọi")
    overdue = django_filters.ChoiceFilter(choices=[("true", "true"), ("false", "false")], method="filter_overdue",
                                          help_text="true: đang giải quyết và đã quá hạn trả; false: ngược lại")
    due_before = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="lt",
                                                  help_text="Hạn trả trước thời điểm này (ISO 8601)")
    due_after = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="gte",
                                                 help_text="Hạn trả từ thời điểm này (ISO 8601)")
    received_before = django_filters.IsoDateTimeFilter(field_name="received_at", lookup_expr="lt",
                                                       help_text="Tiếp nhận trước thời điểm này (ISO 8601)")
    received_after = django_filters.IsoDateTimeFilter(field_name="received_at", lookup_expr="gte",
                                                      help_text="Tiếp nhận từ thời điểm này (ISO 8601)")
    q = django_filters.CharFilter(method="filter_q", help_text="Mã hồ sơ, tên người nộp hoặc số định danh")
    ordering = StableOrdering(fields=ORDERINGS, help_text="Sắp xếp: due_at, received_at, created_at (dấu - để "
                                                          "giảm dần)")

    class Meta:
        model = Dossier
        fields: list[str] = []

    def filter_assignee(self, queryset, name, value):
        return queryset.filter(assignee=self.request.user) if value == "me" else queryset

    def filter_overdue(self, queryset, name, value):
        late = Q(state__in=OPEN, due_at__lt=timezone.now())
        return queryset.filter(late) if value == "true" else queryset.exclude(late)

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(code__icontains=value) | Q(applicant_name__icontains=value)
                               | Q(applicant_id_number=value))
