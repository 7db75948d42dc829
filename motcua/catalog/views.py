"""Public catalogue pages: the list with filters and search, and a procedure's detail (its seven components)."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from motcua.agencies.models import Agency

from .models import Field, Level, OnlineLevel, Procedure, levels_value
from .search import search
from .widgets import QuickSelect

PAGE_SIZE = 20


class CatalogFilter(forms.Form):
    q = forms.CharField(label="Tìm thủ tục", required=False, max_length=200)
    level = forms.ChoiceField(
        label="Cấp thực hiện", required=False, choices=[("", "Tất cả các cấp")] + Level.choices, widget=QuickSelect
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực",
        required=False,
        queryset=Field.objects.all(),
        empty_label="Tất cả lĩnh vực",
        widget=QuickSelect,
    )
    agency = forms.ModelChoiceField(
        label="Cơ quan thực hiện",
        required=False,
        queryset=Agency.objects.filter(is_active=True),
        empty_label="Tất cả cơ quan",
        widget=QuickSelect,
    )
    online = forms.ChoiceField(
        label="Mức độ trực tuyến", required=False, choices=[("", "Tất cả")] + OnlineLevel.choices, widget=QuickSelect
    )


def procedure_list(request):
    form = CatalogFilter(request.GET or None)
    procedures = Procedure.objects.filter(is_published=True)
    query = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["level"]:
            procedures = procedures.filter(levels__contains=levels_value([data["level"]]))
        if data["field"]:
            procedures = procedures.filter(field=data["field"])
        if data["agency"]:
            procedures = procedures.filter(agencies=data["agency"])
        if data["online"]:
            procedures = procedures.filter(online_level=data["online"])
        query = data["q"].strip()
    if query:
        procedures = search(procedures, query)
    else:
        procedures = procedures.order_by("name_folded")
    page = Paginator(
        procedures.select_related("field").only("code", "name", "levels", "online_level", "field__name"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "catalog/list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "params": params.urlencode(),
        },
    )


def procedure_detail(request, code: str):
    procedure = get_object_or_404(Procedure.objects.select_related("current__field"), code=code, is_published=True)
    version = procedure.current
    return render(
        request,
        "catalog/detail.html",
        {
            "procedure": procedure,
            "version": version,
            "channels": version.channels.all(),
            "documents": version.documents.all(),
            "agencies": procedure.agencies.all(),
        },
    )
