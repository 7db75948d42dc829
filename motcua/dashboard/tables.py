"""The dashboard's tables, built once and shown three ways: on the page, in Excel and in PDF.

A `Cell` holds the text a reader sees (Vietnamese number style: 1.234; 87,68%; "không có dữ liệu" for a ratio with
nothing under it), the value a spreadsheet cell holds (a real number, a real date) and, for a count, the link to
the list of exactly the dossiers, procedures or PAKN behind it. The lists themselves are in lists.py.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import reverse

from motcua.indicators import drill, pakn
from motcua.indicators.definitions import CATALOGUE_MEASURES
from motcua.indicators.figures import Totals
from motcua.vntext import formats
from motcua.vntext.formats import NO_DATA
from motcua.workdays.calendar import local

NO_OFFICIAL = "chưa có điểm công bố"
DASH = "—"
COUNT_FORMAT, PERCENT_FORMAT, SCORE_FORMAT, MOMENT_FORMAT = "#,##0", "0.00%", "0.00", "hh:mm dd/mm/yyyy"
# The labels of every list the dashboard opens, by kind of list (the `loai` of the drill-down's address).
KINDS = {"ho-so": "dossiers", "thu-tuc": "procedures", "pakn": "pakn"}
KIND_OF = {engine: slug for slug, engine in KINDS.items()}
MEASURES = {"dossiers": drill.MEASURES, "procedures": CATALOGUE_MEASURES, "pakn": pakn.MEASURES}
UNITS = {"dossiers": "hồ sơ", "procedures": "thủ tục", "pakn": "PAKN"}


def target_text(target) -> str:
    return f"≥ {Decimal(target) * 100:.0f}%" if target is not None else DASH


@dataclass
class Cell:
    text: str
    value: object = None  # what the spreadsheet cell holds; None: the text
    number_format: str = ""
    href: str = ""  # a count: the list behind it; a code: its page
    numeric: bool = False
    css: str = ""
    note: str = ""  # how a figure is computed: on the page only, folded away
    span: int = 1  # columns it covers (a group's heading row)

    @property
    def is_drill(self) -> bool:
        return self.href.startswith(reverse("dashboard:list"))


def text(value, **kwargs) -> Cell:
    return Cell(str(value), str(value), **kwargs)


def count(number: int, href: str = "", **kwargs) -> Cell:
    return Cell(formats.count(number), number, COUNT_FORMAT, href, numeric=True, **kwargs)


def percent(ratio, css: str = "") -> Cell:
    return Cell(
        formats.percent(ratio),
        NO_DATA if ratio is None else float(ratio),
        PERCENT_FORMAT,
        numeric=True,
        css=css or ("no-data" if ratio is None else ""),
    )


def score(value, empty: str = NO_DATA) -> Cell:
    if value is None:
        return Cell(empty, empty, numeric=True, css="no-data")
    return Cell(formats.decimal(value), float(round(Decimal(value), 4)), SCORE_FORMAT, numeric=True)


def moment(value: dt.datetime | None) -> Cell:
    """A moment in Vietnam time; in a spreadsheet a real date without time zone (Excel has none)."""
    if value is None:
        return Cell("", None)
    value = local(value)
    return Cell(f"{value:%H:%M %d/%m/%Y}", value.replace(tzinfo=None), MOMENT_FORMAT, css="moment")


def blank() -> Cell:
    return Cell("", None)


@dataclass
class Column:
    heading: str
    width: int = 14  # spreadsheet width in characters
    numeric: bool = False


@dataclass
class Row:
    cells: list[Cell]
    css: str = ""


@dataclass
class Table:
    key: str  # the `bang` of the export address
    title: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    note: str = ""


# ---- the score card of Decision 766 ----


def scorecard_table(card, official: dict, official_total, link) -> Table:
    """Group rows (points out of the group's maximum, the portal's published points beside them) and one row per
    indicator: numerator and denominator (each opening its list), rate against target, points."""
    table = Table(
        "the-diem",
        "Điểm Bộ chỉ số 766",
        [
            Column("Chỉ số", 46),
            Column("Tử số", 10, True),
            Column("Mẫu số", 10, True),
            Column("Tỷ lệ", 16, True),
            Column("Mục tiêu", 10, True),
            Column("Điểm", 10, True),
            Column("Tối đa", 8, True),
            Column("Điểm công bố", 20, True),
        ],
        note="Tỷ lệ “không có dữ liệu”: mẫu số bằng 0. Điểm công bố: điểm Cổng Dịch vụ công quốc gia công bố "
        "cho cùng cơ quan và cùng kỳ.",
    )
    for number, group in enumerate(card.groups, start=1):
        record = official.get(group.code)
        table.rows.append(
            Row(
                [
                    text(f"{number}. {group.name}", css="name"),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    score(group.score),
                    count(group.max_points),
                    score(record.score if record else None, NO_OFFICIAL),
                ],
                css="group",
            )
        )
        for position, result in enumerate(group.results, start=1):
            table.rows.append(Row(_indicator_cells(card, result, link, f"{number}.{position}")))
    table.rows.append(
        Row(
            [
                text("Tổng điểm", css="name"),
                blank(),
                blank(),
                blank(),
                blank(),
                score(card.total),
                count(100),
                score(official_total, NO_OFFICIAL),
            ],
            css="total",
        )
    )
    return table


def _indicator_cells(card, result, link, number: str) -> list[Cell]:
    """An indicator's row, numbered inside its group (4.1, 4.2 … in group 4); the note names Decision 766's own
    code of the indicator ("chỉ số 3.6")."""
    definition = result.definition
    kind, numerator_measure, denominator_measure = definition.drill or (None, None, None)

    def figure(value, measure):
        if value is None:
            return Cell(DASH, DASH, numeric=True)
        return count(value, link(kind, measure) if measure else "")

    if definition.code == "2.2":  # the numerator is time: shown as the average in days, the rate is not one
        days = card.totals.avg_processing_days
        numerator = Cell(
            NO_DATA if days is None else f"{formats.decimal(days)} ngày",
            NO_DATA if days is None else round(days, 4),
            SCORE_FORMAT,
            numeric=True,
        )
        rate = Cell(DASH, DASH, numeric=True)
    else:
        numerator = figure(result.numerator, numerator_measure)
        met = result.meets_target
        rate = percent(result.ratio, css="" if met is None else ("meets" if met else "misses"))
    points = score(result.score) if definition.max_points else Cell(DASH, DASH, numeric=True)
    return [
        text(f"{number} {definition.name}", note=result.explanation, css="name"),
        numerator,
        figure(result.denominator, denominator_measure),
        rate,
        Cell(target_text(definition.target), numeric=True),
        points,
        count(definition.max_points),
        blank(),
    ]


# ---- plain counts ----

COUNTED = [
    "received",
    "received_direct",
    "received_online",
    "received_postal",
    "carried_over",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "open_within",
    "open_overdue",
    "returned",
    "refused",
    "stopped",
    "withdrawn",
    "supplemented",
    "finished",
]


def counts_table(totals: Totals, link) -> Table:
    table = Table("so-lieu", "Số liệu hồ sơ", [Column("Chỉ tiêu", 44), Column("Số liệu", 14, True)])
    for measure in COUNTED:
        table.rows.append(
            Row(
                [text(drill.MEASURES[measure]), count(getattr(totals, measure), link("dossiers", measure))], css=measure
            )
        )
    table.rows.append(Row([text("Số lần yêu cầu bổ sung"), count(totals.supplement_requests)]))
    days = totals.avg_processing_days
    table.rows.append(
        Row(
            [
                text("Thời gian giải quyết trung bình (ngày)"),
                Cell(NO_DATA, NO_DATA, numeric=True, css="no-data")
                if days is None
                else Cell(formats.decimal(days), round(days, 4), SCORE_FORMAT, numeric=True),
            ]
        )
    )
    return table


# ---- monthly trend ----


def trend_table(series, link) -> Table:
    """One row per month: `link(month, measure)` opens that month's list."""
    table = Table(
        "xu-huong",
        "Xu hướng theo tháng",
        [
            Column("Tháng", 16),
            Column("Tiếp nhận", 11, True),
            Column("Nộp trực tuyến", 11, True),
            Column("Tỷ lệ trực tuyến (3.3)", 14, True),
            Column("Hồ sơ xử lý", 11, True),
            Column("Trước hạn, đúng hạn", 12, True),
            Column("Tỷ lệ đúng hạn (2.1)", 14, True),
            Column("Quá hạn", 10, True),
        ],
    )
    for month, totals in series:
        table.rows.append(
            Row(
                [
                    text(month.label, css="month"),
                    count(totals.received, link(month, "received")),
                    count(totals.received_online, link(month, "received_online")),
                    percent(online_ratio(totals)),
                    count(totals.handled, link(month, "handled")),
                    count(totals.early_or_on_time, link(month, "early_or_on_time")),
                    percent(on_time_ratio(totals)),
                    count(totals.late, link(month, "late")),
                ]
            )
        )
    return table


def on_time_ratio(totals: Totals) -> Decimal | None:
    """766, 2.1: early, on time or open within time ÷ handled."""
    return Decimal(totals.early_or_on_time) / totals.handled if totals.handled else None


def online_ratio(totals: Totals) -> Decimal | None:
    """766, 3.3: received online ÷ received."""
    return Decimal(totals.received_online) / totals.received if totals.received else None


# ---- ranking of agencies (also the public page's table, without links) ----


def ranking_table(key: str, title: str, groups: list[tuple[str, list]], link=None, total=None) -> Table:
    """`groups`: (heading, ranks) with ranks in order; `link(agency, measure)` opens an agency's list, or None for
    a table without links (the public page). `total`: a first row for the whole scope (Totals)."""
    table = Table(
        key,
        title,
        [
            Column("Hạng", 6),
            Column("Cơ quan", 44),
            Column("Hồ sơ xử lý", 11, True),
            Column("Trước hạn, đúng hạn", 12, True),
            Column("Tỷ lệ đúng hạn (2.1)", 14, True),
            Column("Tiếp nhận", 11, True),
            Column("Nộp trực tuyến", 11, True),
            Column("Tỷ lệ trực tuyến (3.3)", 14, True),
        ],
        note="Hạng theo tỷ lệ giải quyết trước hạn, đúng hạn (chỉ số 2.1); số liệu của đơn vị trực thuộc được cộng "
        "vào cơ quan cấp trên.",
    )
    if total is not None:
        table.rows.append(
            Row([blank(), text("Toàn tỉnh", css="name"), *_rate_cells(total, lambda measure: "")], css="total")
        )
    for heading, ranks in groups:
        table.rows.append(Row([text(heading, span=len(table.columns))], css="group"))
        for position, rank in enumerate(ranks, start=1):
            href = (lambda measure, agency=rank.agency: link(agency, measure)) if link else (lambda measure: "")
            table.rows.append(
                Row(
                    [
                        count(position) if rank.on_time is not None else Cell(DASH, DASH, numeric=True),
                        text(rank.agency.name, css="name"),
                        *_rate_cells(rank.totals, href),
                    ]
                )
            )
    return table


def _rate_cells(totals: Totals, href) -> list[Cell]:
    return [
        count(totals.handled, href("handled")),
        count(totals.early_or_on_time, href("early_or_on_time")),
        percent(on_time_ratio(totals)),
        count(totals.received, href("received")),
        count(totals.received_online, href("received_online")),
        percent(online_ratio(totals)),
    ]
