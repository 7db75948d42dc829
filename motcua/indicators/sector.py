"""Chỉ tiêu ngành: sector figures that other agencies enter each period for the reform report (the population-data
targets of Đề án 06): a value over its denominator, one `SectorKpi` row per KPI × agency × period.

Which agency reports a KPI is read from its name (the agency table has no sector field): the police report e-ID
accounts, health and social insurance the hospital and health-insurance figures, home affairs and the communes the
welfare payments. `relevant(agency)` lists the KPIs an agency enters; `EntryForm` validates one KPI's figures.
"""

import re
from dataclasses import dataclass

from django import forms
from django.db import transaction

from motcua.vntext.normalize import fold

from .models import SectorKpi

LARGEST = 10**12


@dataclass(frozen=True)
class Kpi:
    code: str
    name: str
    value_label: str  # what the value counts
    denominator_label: str  # what the denominator counts
    reporter: str  # who reports it, as the page tells the user
    name_words: tuple[str, ...] = ()  # folded words in the name of an agency that reports it
    levels: tuple[str, ...] = ()  # agency levels that report it whatever their name


CATALOGUE = [
    Kpi(
        "eid_level2",
        "Tài khoản định danh điện tử mức độ 2 được kích hoạt",
        "Số tài khoản định danh điện tử mức độ 2 đã kích hoạt",
        "Dân số trên địa bàn",
        "Công an tỉnh, Công an cấp xã",
        name_words=("cong an",),
    ),
    Kpi(
        "cashless_hospital",
        "Thanh toán viện phí không dùng tiền mặt",
        "Số lượt thanh toán viện phí không dùng tiền mặt",
        "Tổng số lượt thanh toán viện phí",
        "Sở Y tế, bệnh viện, trung tâm y tế",
        name_words=("y te", "benh vien"),
    ),
    Kpi(
        "cccd_health_insurance",
        "Thẻ căn cước sử dụng thay thẻ bảo hiểm y tế",
        "Số người tham gia bảo hiểm y tế dùng được thẻ căn cước thay thẻ bảo hiểm y tế",
        "Số người tham gia bảo hiểm y tế",
        "Bảo hiểm xã hội tỉnh, Sở Y tế",
        name_words=("bao hiem xa hoi", "y te"),
    ),
    Kpi(
        "welfare_accounts",
        "Chi trả an sinh xã hội qua tài khoản",
        "Số đối tượng nhận trợ cấp an sinh xã hội qua tài khoản",
        "Tổng số đối tượng hưởng trợ cấp an sinh xã hội",
        "Sở Nội vụ, Ủy ban nhân dân cấp xã",
        name_words=("noi vu", "lao dong"),
        levels=("commune",),
    ),
]
BY_CODE = {kpi.code: kpi for kpi in CATALOGUE}


def relevant(agency) -> list[Kpi]:
    """The KPIs `agency` reports, in catalogue order."""
    name = fold(agency.name)
    return [
        kpi
        for kpi in CATALOGUE
        if agency.level in kpi.levels or any(re.search(rf"\b{word}\b", name) for word in kpi.name_words)
    ]


def grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class WholeNumber(forms.CharField):
    """A non-negative whole number, typed as people write it: 1234567, 1.234.567 or 1 234 567."""

    GROUPED = re.compile(r"^\d{1,3}([. ]\d{3})+$")

    def to_python(self, value):
        value = super().to_python(value).strip().replace("\u00a0", " ")
        if not value:
            return None
        if self.GROUPED.match(value):
            value = value.replace(".", "").replace(" ", "")
        if not value.isdigit():
            raise forms.ValidationError("Phải là số nguyên không âm (ví dụ 1.234.567).")
        number = int(value)
        if number >= LARGEST:
            raise forms.ValidationError("Số quá lớn.")
        return number


class EntryForm(forms.Form):
    """One KPI's figures for one agency and period; left empty, nothing is stored."""

    value = WholeNumber(label="Giá trị", required=False)
    denominator = WholeNumber(label="Mẫu số", required=False)
    note = forms.CharField(label="Ghi chú", required=False, max_length=500)

    def __init__(self, *args, kpi: Kpi, **kwargs):
        self.kpi = kpi
        super().__init__(*args, prefix=kpi.code, **kwargs)
        self.fields["value"].help_text = kpi.value_label
        self.fields["denominator"].help_text = kpi.denominator_label

    def clean(self):
        data = super().clean()
        value, denominator = data.get("value"), data.get("denominator")
        if self.errors:
            return data
        if value is None and denominator is None:
            if data.get("note"):
                raise forms.ValidationError("Nhập giá trị và mẫu số trước khi ghi chú.")
            return data
        if value is None:
            self.add_error("value", "Nhập giá trị (tử số).")
        elif denominator is None:
            self.add_error("denominator", "Nhập mẫu số.")
        elif value > denominator:
            self.add_error("value", f"Giá trị ({grouped(value)}) không được lớn hơn mẫu số ({grouped(denominator)}).")
        return data

    @property
    def is_filled(self) -> bool:
        return self.cleaned_data.get("value") is not None


def forms_for(agency, period, data=None) -> list[EntryForm]:
    """The entry forms of the KPIs `agency` reports, filled with what was entered for `period` before."""
    entered = {
        e.code: e for e in SectorKpi.objects.filter(agency=agency, period_start=period.start, period_end=period.end)
    }
    result = []
    for kpi in relevant(agency):
        entry = entered.get(kpi.code)
        initial = (
            {
                "value": grouped(entry.value),
                "denominator": grouped(entry.denominator) if entry.denominator is not None else "",
                "note": entry.note,
            }
            if entry
            else None
        )
        result.append(EntryForm(data, kpi=kpi, initial=initial))
    return result


@transaction.atomic
def save(forms_: list[EntryForm], *, agency, period, user) -> int:
    """Store every filled form (valid ones only: call after checking them all), one row per KPI × agency × period
    (the model's unique key): entering a figure again replaces it. Returns how many were stored."""
    stored = 0
    for form in forms_:
        if form.is_filled:
            SectorKpi.objects.update_or_create(
                code=form.kpi.code,
                agency=agency,
                period_start=period.start,
                period_end=period.end,
                defaults={
                    "value": form.cleaned_data["value"],
                    "denominator": form.cleaned_data["denominator"],
                    "note": form.cleaned_data["note"],
                    "entered_by": user,
                },
            )
            stored += 1
    return stored
