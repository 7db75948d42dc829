"""Charts drawn on the server as SVG: horizontal bars (group points, rankings) and lines (monthly rates).

No script and no font metrics on the server: label widths are estimated generously from the characters (Vietnamese
tone marks do not widen a letter), and a label that would not fit is shortened with "…", its full text kept in the
bar's <title> tooltip, so nothing is ever clipped by the drawing's edge. Every chart is `role="img"` with an
aria-label, and the table beside it holds the same numbers for screen readers and for copying.
The drawings are 360 units wide and scale to their box: at a phone's width a unit is about a pixel, and the page
caps them at 480 px, so their text stays between 12 and 17 px.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360
FONT = 13
SMALL = 12
LEFT_BEARING = 2  # a "T" or a "V" overhangs its origin by about a unit: start labels a little in
NARROW = set("iljftrI.,:;'!|() ")
WIDE = set("mwMWQGOD%")
BLUE, TEAL, GREY, TRACK = "#0b57d0", "#00796b", "#5f6368", "#e8eaed"


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of the width of `text` in a sans-serif font of `size` units."""
    width = 0.0
    for char in text:
        if char in NARROW:
            width += 0.32
        elif char in WIDE or (char.isupper() and char.isalpha()):
            width += 0.74
        else:
            width += 0.58
    return width * size


def fit(text: str, width: float, size: float = FONT) -> str:
    """`text`, shortened with "…" until it fits in `width`."""
    if text_width(text, size) <= width:
        return text
    while text and text_width(text + "…", size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class Series:
    name: str
    color: str


@dataclass
class Bar:
    """One item of a bar chart: its label and, per series, the bar's length (0-1 of the scale, None = no bar),
    the text at its end and its tooltip."""

    label: str
    lengths: list
    texts: list
    tips: list = field(default_factory=list)


def _svg(width, height, label, body) -> SafeString:
    return mark_safe(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="{escape(label)}" font-family="Noto Sans, DejaVu Sans, Liberation Sans, sans-serif">'
        f"{''.join(body)}</svg>"
    )


def _legend(series: list[Series], y: float) -> list[str]:
    parts, x = [], 0.0
    for item in series:
        parts.append(
            f'<rect x="{x + LEFT_BEARING:.1f}" y="{y - 9:.1f}" width="12" height="10" rx="2" fill="{item.color}"/>'
            f'<text x="{x + LEFT_BEARING + 16:.1f}" y="{y:.1f}" font-size="{SMALL}" '
            f'fill="#1d1d1f">{escape(item.name)}</text>'
        )
        x += 16 + text_width(item.name, SMALL) + 14
    return parts


def bars(
    title: str, items: list[Bar], series: list[Series], target: float | None = None, target_label: str = ""
) -> SafeString:
    """Horizontal bars: each item's label on its own line, then one bar per series with its value at the end.
    `target` draws a dashed line at that fraction of the scale (e.g. 0.5 for the 50% target of 3.3)."""
    value_width = max([text_width(t, SMALL) for item in items for t in item.texts] + [40]) + 8
    bar_width = WIDTH - value_width
    y = 4.0
    body = []
    if len(series) > 1:
        body += _legend(series, y + 10)
        y += 20
    top = y
    for item in items:
        tips = item.tips or [f"{item.label}: {t}" for t in item.texts]
        body.append(
            f'<text x="{LEFT_BEARING}" y="{y + FONT:.1f}" font-size="{FONT}" fill="#1d1d1f">'
            f"<title>{escape(item.label)}</title>{escape(fit(item.label, WIDTH - LEFT_BEARING, FONT))}</text>"
        )
        y += FONT + 6
        for length, value, tip, kind in zip(item.lengths, item.texts, tips, series):
            bar = (
                ""
                if length is None
                else (
                    f'<rect x="0" y="{y:.1f}" width="{max(0.0, min(1.0, length)) * bar_width:.1f}" height="11" rx="2" '
                    f'fill="{kind.color}"/>'
                )
            )
            body.append(
                f"<g><title>{escape(tip)}</title>"
                f'<rect x="0" y="{y:.1f}" width="{bar_width:.1f}" height="11" rx="2" fill="{TRACK}"/>{bar}'
                f'<text x="{WIDTH}" y="{y + 10:.1f}" font-size="{SMALL}" text-anchor="end" '
                f'fill="{GREY if length is None else "#1d1d1f"}">{escape(value)}</text></g>'
            )
            y += 15
        y += 8
    if target is not None and items:
        x = target * bar_width
        body.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{y - 6:.1f}" stroke="{GREY}" '
            f'stroke-width="1" stroke-dasharray="4 3"/>'
        )
        label_width = text_width(target_label, SMALL)
        body.append(
            f'<text x="{min(max(x - label_width / 2, 0), WIDTH - label_width):.1f}" y="{y + 6:.1f}" '
            f'font-size="{SMALL}" fill="{GREY}">{escape(target_label)}</text>'
        )
        y += 12
    if not items:
        body.append(f'<text x="0" y="{y + FONT:.1f}" font-size="{FONT}" fill="{GREY}">Không có dữ liệu.</text>')
        y += FONT + 6
    return _svg(WIDTH, y + 2, title, body)


def lines(title: str, months: list, values: list[list], series: list[Series], tips: list[list]) -> SafeString:
    """Rates per month (0-1, None = no data: the line breaks there), one line per series, 0-100% scale.
    `months`: datetime.date of each month's first day; `tips[s][m]`: the tooltip of that point."""
    left, right, top, bottom = 44, 8, 26, 36
    height = 230
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    body = _legend(series, 12)
    for step in range(5):
        share = step / 4
        y = top + plot_h * (1 - share)
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="{TRACK}"/>'
            f'<text x="{left - 5}" y="{y + 4:.1f}" font-size="{SMALL}" text-anchor="end" '
            f'fill="{GREY}">{int(share * 100)}%</text>'
        )
    slot = plot_w / max(1, len(months))

    def x_of(index):
        return left + slot * (index + 0.5)

    for index, month in enumerate(months):
        body.append(
            f'<text x="{x_of(index):.1f}" y="{top + plot_h + 15:.1f}" font-size="{SMALL}" '
            f'text-anchor="middle" fill="{GREY}">T{month.month}</text>'
        )
        if month.month == 1 or (index == 0 and month.month < 12):  # a December first would crowd the January
            body.append(
                f'<text x="{x_of(index):.1f}" y="{top + plot_h + 30:.1f}" font-size="{SMALL}" '
                f'text-anchor="middle" fill="{GREY}">{month.year}</text>'
            )
    for kind, points, notes in zip(series, values, tips):
        run = []
        for index, value in enumerate(points + [None]):
            if value is not None:
                run.append(f"{x_of(index):.1f},{top + plot_h * (1 - value):.1f}")
            elif run:
                if len(run) > 1:
                    body.append(
                        f'<polyline points="{" ".join(run)}" fill="none" stroke="{kind.color}" stroke-width="2"/>'
                    )
                run = []
        for index, (value, note) in enumerate(zip(points, notes)):
            if value is not None:
                body.append(
                    f'<circle cx="{x_of(index):.1f}" cy="{top + plot_h * (1 - value):.1f}" r="3.5" '
                    f'fill="{kind.color}"><title>{escape(note)}</title></circle>'
                )
    return _svg(WIDTH, height, title, body)
