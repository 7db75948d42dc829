"""One module for dates, money, numbers and sizes as Vietnamese write them (issue 11, item 4)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.template import Context, Template

from motcua.vntext import formats


def test_moments_are_vietnam_time_hour_first_day_first():
    utc = dt.datetime(2026, 3, 2, 2, 5, tzinfo=dt.UTC)
    assert formats.moment(utc) == "09:05 02/03/2026"
    assert formats.moment(dt.datetime(2026, 3, 2, 9, 5)) == "09:05 02/03/2026"  # naive: already Vietnam time
    assert formats.moment(None) == "" and formats.date(None) == ""
    assert formats.date(dt.datetime(2026, 12, 31, 18, 0, tzinfo=dt.UTC)) == "01/01/2027"
    assert formats.long_date(dt.date(2026, 3, 2)) == "ngày 02 tháng 3 năm 2026"
    assert formats.long_date(dt.date(2026, 1, 9)) == "ngày 09 tháng 01 năm 2026"


def test_numbers_money_and_percentages():
    assert formats.count(28695) == "28.695" and formats.count(0) == "0"
    assert formats.decimal(1234.5) == "1.234,50" and formats.decimal(Decimal("2.50"), strip=True) == "2,5"
    assert formats.decimal(Decimal("-0.005")) == "-0,01"
    assert formats.percent(Decimal(7) / 11) == "63,64%" and formats.percent(None) == "không có dữ liệu"
    assert formats.percent(0) == "0,00%" and formats.percent(1, strip=True) == "100%"
    assert formats.money(16000) == "16.000 đồng" and formats.money(None) == "0 đồng"


def test_sizes_have_no_needless_decimal():
    assert formats.size(30 * 1024 * 1024) == "30 MB"
    assert formats.size(int(1.5 * 1024 * 1024)) == "1,5 MB"
    assert formats.size(512 * 1024) == "512 KB" and formats.size(900) == "900 byte"
    assert formats.size(20 * 1024**3) == "20 GB"


def test_templates_use_the_same_functions():
    moment = dt.datetime(2026, 3, 2, 9, 5, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    html = Template("{% load vn %}{{ m|moment }}|{{ m|day }}|{{ n|money }}|{{ s|size }}|{{ c|file_kind }}").render(
        Context({"m": moment, "n": 8000, "s": 31457280, "c": "application/pdf"})
    )
    assert html == "09:05 02/03/2026|02/03/2026|8.000 đồng|30 MB|PDF"


def test_dates_are_read_as_people_type_them():
    for typed in ("05/03/1990", "5/3/1990", "05-03-1990", "05.03.1990", "1990-03-05", " 05/03/1990 "):
        assert formats.parse_date(typed) == dt.date(1990, 3, 5), typed
    assert formats.parse_date("31/02/1990") is None and formats.parse_date("") is None
