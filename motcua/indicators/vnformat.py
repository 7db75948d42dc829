"""Figures as Vietnamese reads them: dots between thousands, a comma before the decimals (1.234,50; 63,64%),
rounded half up to two decimals only when shown; a ratio with nothing under it reads "không có dữ liệu"."""
from decimal import ROUND_HALF_UP, Decimal

NO_DATA = "không có dữ liệu"


def count_text(number: int) -> str:
    """28695 → "28.695"."""
    return f"{int(number):,}".replace(",", ".")


def decimal_text(value, places: int = 2, strip: bool = False) -> str:
    """1234.5 → "1.234,50" (or "1.234,5" with strip)."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    if strip:
        fraction = fraction.rstrip("0")
    return sign + count_text(whole) + ("," + fraction if fraction else "")


def percent_text(ratio, places: int = 2, strip: bool = False) -> str:
    """A share of 1 as a percentage: 0.6364 → "63,64%"; None → "không có dữ liệu"."""
    if ratio is None:
        return NO_DATA
    return decimal_text(Decimal(str(ratio)) * 100, places, strip) + "%"
