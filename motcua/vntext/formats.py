"""Dates, money, numbers and sizes as a Vietnamese reader writes them: the one place for each format.

    moment(dt)      "14:05 07/12/2026"   (Vietnam time, whatever the datetime's zone)
    date(d)         "07/12/2026"
    long_date(d)    "ngày 07 tháng 12 năm 2026" (Decree 30/2020: a zero before days under 10 and months 1 and 2)
    count(n)        "28.695"
    decimal(x)      "1.234,50"           (rounded half up when shown; strip=True drops trailing zeros)
    percent(r)      "63,64%"             (a share of 1; None reads "không có dữ liệu")
    money(n)        "16.000 đồng"
    size(n)         "30 MB", "1,5 MB", "512 KB", "900 byte"
    parse_date(s)   05/03/1990, 5/3/1990 or 1990-03-05 → date (None when it is not a date)

Templates use them through the `vn` template library (motcua/vntext/templatetags/vn.py); PDFs, exports, notices and
messages call them directly. Pure: no Django settings, no database.
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import SupportsInt
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
NO_DATA = "không có dữ liệu"

# What the number formats take: numbers, and the digits a form or a database column hands over as text.
Number = Decimal | float | int | str


def in_vietnam(moment: dt.datetime) -> dt.datetime:
    """An aware datetime in Vietnam time; a naive one is taken as Vietnam time already."""
    return moment.replace(tzinfo=VIETNAM) if moment.tzinfo is None else moment.astimezone(VIETNAM)


def moment(value: dt.datetime | None) -> str:
    """ "hh:mm dd/mm/yyyy" in Vietnam time, as the forms and pages print a moment; "" for None."""
    return in_vietnam(value).strftime("%H:%M %d/%m/%Y") if value else ""


def date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = in_vietnam(value).date()
    return value.strftime("%d/%m/%Y")


def long_date(value: dt.date | dt.datetime | None) -> str:
    """ "ngày 02 tháng 3 năm 2026"; dots to write by hand when there is no date."""
    if value is None:
        return "ngày ..... tháng ..... năm ........"
    if isinstance(value, dt.datetime):
        value = in_vietnam(value).date()
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def count(number: SupportsInt | str) -> str:
    """28695 → "28.695"."""
    return f"{int(number):,}".replace(",", ".")


def decimal(value: Number, places: int = 2, strip: bool = False) -> str:
    """1234.5 → "1.234,50" (or "1.234,5" with strip)."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if strip:
        fraction = fraction.rstrip("0")
    return sign + count(whole) + ("," + fraction if fraction else "")


def percent(ratio: Number | None, places: int = 2, strip: bool = False) -> str:
    """A share of 1 as a percentage: 0.6364 → "63,64%"; None → "không có dữ liệu"."""
    if ratio is None:
        return NO_DATA
    return decimal(Decimal(str(ratio)) * 100, places, strip) + "%"


def money(amount: SupportsInt | str | None) -> str:
    """16000 → "16.000 đồng"."""
    return f"{count(amount or 0)} đồng"


def size(number_of_bytes: SupportsInt | str | None) -> str:
    """A file size with at most one decimal, none when it is whole: "30 MB", "1,5 MB", "512 KB", "900 byte"."""
    value = int(number_of_bytes or 0)
    for unit, step in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if value >= step:
            return f"{decimal(Decimal(value) / step, 1, strip=True)} {unit}"
    return f"{value} byte"


DATE_INPUTS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def parse_date(text: object) -> dt.date | None:
    """A date as a person types it (05/03/1990, 5/3/1990, 05-03-1990, 05.03.1990) or as a link carries it
    (1990-03-05); None when it is none of those."""
    text = str(text or "").strip()
    for pattern in DATE_INPUTS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
