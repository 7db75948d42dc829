"""Báo cáo kết quả thực hiện công tác cải cách thủ tục hành chính: the periodic reform report of an agency (and the
agencies below it) or of the whole province, written from the live figures of the indicator engine.

`build(agency, period)` assembles the report (`report_document.Report`): the official heading (who issues it, its
number left blank, place and date, "Kính gửi") over the sections that `report_sections` writes from the figures.
The periods it covers are read by `report_periods`.
"""

import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers.printing.pdf import abbreviation, long_date, name_lines, place_of

from .figures import Period, Scope
from .report_document import Report, Section
from .report_periods import period_phrase
from .report_sections import (
    digital_section,
    dossiers_section,
    pakn_section,
    procedures_section,
    satisfaction_section,
    scorecard_section,
    sector_section,
    shortcomings_section,
    tasks_section,
)
from .scorecard import scorecard

# The room left in "Số:      /BC-STP" for the văn thư to write the number in: no-break spaces, which HTML keeps.
BLANK = "\u00a0" * 10
# Where a report of the whole province goes: the Government Office follows administrative procedure control and the
# one-stop mechanism nationwide.
NATIONAL_ADDRESSEE = "Văn phòng Chính phủ"
# The heading's left column in the A4 PDF (indicators/pdf.css) and the DOCX: 75 of the 165 mm between the
# margins, text at 12 pt.
REPORT_HEADING = {"width_mm": 75, "size_pt": 12}


def _issuer(agency: Agency | None) -> Agency | None:
    """Who signs: the agency reported on, or for the whole province its top agency (the provincial People's
    Committee), when there is one."""
    if agency is not None:
        return agency
    return (
        Agency.objects.filter(level=Agency.Level.PROVINCE, parent=None).select_related("unit").order_by("code").first()
    )


def _heading(agency: Agency | None, today: dt.date) -> dict:
    issuer = _issuer(agency)
    if issuer is None:
        heading = {
            "superior": "",
            "agency": "ỦY BAN NHÂN DÂN TỈNH",
            "number": f"Số:{BLANK}/BC-UBND",
            "place": place_of(None),
            "date": long_date(_noon(today)),
        }
    else:
        # The number's suffix is the initials of the name ("Sở Tư pháp tỉnh Phú Thọ" → STP), not the short name.
        suffix = abbreviation(SimpleNamespace(short_name="", name=issuer.name))
        heading = {
            "superior": issuer.parent.name.upper() if issuer.parent_id else "",
            "agency": issuer.name.upper(),
            "number": f"Số:{BLANK}/BC-{suffix}",
            "place": place_of(issuer),
            "date": long_date(_noon(today)),
        }
    return {
        **heading,
        "addressee": addressee(issuer),
        "superior_lines": name_lines(heading["superior"], **REPORT_HEADING),
        "agency_lines": name_lines(heading["agency"], **REPORT_HEADING, bold=True),
    }


def addressee(issuer: Agency | None) -> str:
    """ "Kính gửi": the body the issuer reports to. A unit reports to the body above it; an agency with none above
    it to the province's People's Committee; the province (its People's Committee, or no agency) to the Government
    Office."""
    if issuer is not None and issuer.parent_id:
        return issuer.parent.name
    root = _issuer(None) if issuer is not None else None
    if issuer is None or (root is not None and root.pk == issuer.pk):
        return NATIONAL_ADDRESSEE
    return root.name if root is not None else "Ủy ban nhân dân tỉnh"


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def build(agency: Agency | None, period: Period, now: dt.datetime | None = None) -> Report:
    """The report of `agency` and the agencies below it (None: the whole province) for `period`."""
    now = now or timezone.now()
    scope = Scope.of_agency(agency) if agency is not None else Scope()
    card = scorecard(scope, period, now)
    who = agency.name if agency is not None else "các cơ quan, đơn vị trên địa bàn tỉnh"
    sections = [
        Section("I. KẾT QUẢ THỰC HIỆN", level=1),
        dossiers_section(card, who),
        procedures_section(card),
        scorecard_section(card, agency, period),
        digital_section(card),
        pakn_section(card, scope, period, now),
        satisfaction_section(card),
        sector_section(scope, period),
        shortcomings_section(card),
        tasks_section(card, period),
    ]
    return Report(
        scope=scope,
        period=period,
        **_heading(agency, timezone.localdate(now)),
        title="BÁO CÁO",
        subtitle=f"Kết quả thực hiện công tác cải cách thủ tục hành chính {period_phrase(period)}",
        sections=sections,
    )
