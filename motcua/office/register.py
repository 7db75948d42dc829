"""Sổ theo dõi hồ sơ (form 07): the dossiers received at the user's desks in a period, filtered, as a page, PDF or
Excel. A period is at most a year, so a register stays a printable book (TT 01/2018 Art. 10: one book a year)."""

import datetime as dt

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from motcua.catalog.models import Field
from motcua.dossiers import permissions
from motcua.dossiers.models import Dossier
from motcua.dossiers.permissions import staff_required
from motcua.dossiers.printing import register_pdf, register_xlsx
from motcua.vntext import formats

PREVIEW_ROWS = 50


DAY = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}


class RegisterFilter(forms.Form):
    tu = forms.DateField(
        label="Từ ngày", input_formats=list(formats.DATE_INPUTS), widget=forms.DateInput(format="%d/%m/%Y", attrs=DAY)
    )
    den = forms.DateField(
        label="Đến ngày", input_formats=list(formats.DATE_INPUTS), widget=forms.DateInput(format="%d/%m/%Y", attrs=DAY)
    )
    linh_vuc = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=Field.objects.all(), required=False, empty_label="Mọi lĩnh vực"
    )
    kenh = forms.ChoiceField(
        label="Kênh nộp",
        required=False,
        choices=[("", "Mọi kênh"), ("direct", "Trực tiếp"), ("online", "Trực tuyến"), ("postal", "Bưu chính")],
    )

    def clean(self):
        data = super().clean()
        if data.get("tu") and data.get("den"):
            if data["den"] < data["tu"]:
                raise forms.ValidationError("Ngày kết thúc phải sau ngày bắt đầu.")
            if (data["den"] - data["tu"]).days > 366:
                raise forms.ValidationError("Mỗi sổ theo dõi tối đa một năm.")
        return data


def dossiers_for(user, data):
    start = timezone.make_aware(dt.datetime.combine(data["tu"], dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(data["den"] + dt.timedelta(days=1), dt.time.min))
    dossiers = Dossier.objects.filter(received_at__gte=start, received_at__lt=end)
    if not permissions.is_monitor(user):
        dossiers = dossiers.filter(
            receiving_agency__in=permissions.agencies_with(
                user, {permissions.COUNTER, permissions.HEAD, permissions.CLERK, permissions.ADMIN}
            )
        )
    if data.get("linh_vuc"):
        dossiers = dossiers.filter(procedure__field=data["linh_vuc"])
    if data.get("kenh"):
        dossiers = dossiers.filter(channel=data["kenh"])
    return dossiers.order_by("received_at", "pk")


@staff_required
def register(request):
    today = timezone.localdate()
    form = RegisterFilter(request.GET or {"tu": today.replace(day=1).isoformat(), "den": today.isoformat()})
    if not form.is_valid():
        return render(request, "office/register.html", {"form": form}, status=400 if request.GET else 200)
    dossiers = dossiers_for(request.user, form.cleaned_data)
    period = f"Từ {form.cleaned_data['tu']:%d/%m/%Y} đến {form.cleaned_data['den']:%d/%m/%Y}"
    output = request.GET.get("xuat")
    if output == "pdf":
        response = HttpResponse(
            register_pdf(dossiers, title="Sổ theo dõi hồ sơ", period_text=period), content_type="application/pdf"
        )
        response["Content-Disposition"] = 'inline; filename="so-theo-doi-ho-so.pdf"'
        return response
    if output == "xlsx":
        response = HttpResponse(
            register_xlsx(dossiers, title=f"Sổ theo dõi hồ sơ – {period}"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="so-theo-doi-ho-so.xlsx"'
        return response
    preview = dossiers.select_related("procedure", "lead_agency")[:PREVIEW_ROWS]
    params = request.GET.copy()
    params.pop("xuat", None)
    return render(
        request,
        "office/register.html",
        {"form": form, "rows": preview, "total": dossiers.count(), "period": period, "params": params.urlencode()},
    )
