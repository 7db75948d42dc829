"""What a dashboard page shows, read from its query string: the period, the agencies and the level.

Who sees what: a province monitor (or a superuser) sees the whole province; a head (lãnh đạo đơn vị) sees the
agencies they lead and everything below them. Bad input raises `FilterError` (a 400 page), asking for an agency
outside one's reach raises `PermissionDenied` (a 403 page); both carry the Vietnamese sentence the page shows.
The agency tree is read once per request and walked in Python, so no filter costs a query per level.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.dossiers import permissions
from motcua.indicators.figures import Period, Scope
from motcua.vntext import formats

PERIOD_KINDS = {"thang": "Tháng", "quy": "Quý", "nam": "Năm", "khoang": "Khoảng thời gian"}
LEVELS = {"": "Mọi cấp", "tinh": "Cấp tỉnh", "xa": "Cấp xã"}
LEVEL_OF_AGENCY = {"central": "tinh", "province": "tinh", "department": "tinh", "commune": "xa"}
LEVEL_SUFFIX = {"tinh": " – cấp tỉnh", "xa": " – cấp xã"}
FIRST_YEAR, LAST_YEAR = 2000, 2100
LONGEST_RANGE = dt.timedelta(days=5 * 366)
NOT_A_LEADER = "Bảng điều khiển dành cho lãnh đạo đơn vị và cán bộ giám sát cấp tỉnh."
OUT_OF_REACH = (
    "Bạn chỉ xem được số liệu của cơ quan mình phụ trách và các đơn vị trực thuộc; cơ quan {name} nằm ngoài phạm vi đó."
)


class FilterError(Exception):
    """A filter value the page cannot use; the message says which and why, in Vietnamese."""


class AgencyTree:
    """Every agency (id, code, names, level, parent), read in one query."""

    def __init__(self, agencies):
        self.by_id = {agency.pk: agency for agency in agencies}
        self.by_code = {agency.code: agency for agency in agencies}
        self.children: dict[int | None, list[int]] = {}
        for agency in agencies:
            self.children.setdefault(agency.parent_id, []).append(agency.pk)

    @classmethod
    def load(cls) -> "AgencyTree":
        return cls(list(Agency.objects.only("id", "code", "name", "short_name", "level", "parent_id").order_by("code")))

    def below(self, agency_id: int) -> list[int]:
        """The agency and every agency under it."""
        ids, frontier = [], [agency_id]
        while frontier:
            ids.extend(frontier)
            frontier = [child for pk in frontier for child in self.children.get(pk, [])]
        return ids

    def ranking_unit(self, agency_id: int, visible: set[int] | None) -> int:
        """The unit an agency's figures are ranked under: its highest ancestor that is a department or a commune
        (a sub-agency rolls up into its department), never climbing into the province's own people's committee
        nor above what the viewer may see."""
        agency = self.by_id[agency_id]
        while agency.parent_id in self.by_id:
            parent = self.by_id[agency.parent_id]
            if parent.level in ("province", "central") or (visible is not None and parent.pk not in visible):
                break
            agency = parent
        return agency.pk

    def outline(self, roots) -> list[tuple[Agency, int]]:
        """(agency, depth) of the given roots and everything below them, in tree order."""
        result = []

        def walk(pk, depth):
            result.append((self.by_id[pk], depth))
            for child in self.children.get(pk, []):
                walk(child, depth + 1)

        for root in roots:
            walk(root, 0)
        return result


@dataclass
class Viewer:
    """Whose dashboard: `led` = the agencies a head leads; None = the whole province (monitor)."""

    led: list[int] | None
    tree: AgencyTree
    visible: set[int] | None = field(init=False)

    def __post_init__(self):
        self.visible = None if self.led is None else {pk for agency in self.led for pk in self.tree.below(agency)}

    def may_see(self, agency_id: int) -> bool:
        return self.visible is None or agency_id in self.visible

    def choices(self) -> list[tuple[Agency, int]]:
        """The agencies of the filter's list, each with its depth under the viewer's roots."""
        if self.led is None:
            roots = self.tree.children.get(None, [])
        else:  # a head of an agency and of one below it lists the lower one once, under the higher
            roots = [
                pk for pk in self.led if not any(pk != other and pk in self.tree.below(other) for other in self.led)
            ]
        return self.tree.outline(roots)


def viewer_of(user) -> Viewer:
    """The viewer behind a request; staff without a head or monitor role, and citizens, are refused."""
    if user.is_superuser or permissions.is_monitor(user):
        return Viewer(None, AgencyTree.load())
    led = sorted(permissions.agencies_with(user, {permissions.HEAD}))
    if not led:
        raise PermissionDenied(NOT_A_LEADER)
    return Viewer(led, AgencyTree.load())


@dataclass
class Selection:
    """The filters of one page, checked, and the period and scope they give."""

    kind: str
    year: int
    month: int
    quarter: int
    start: dt.date | None
    end: dt.date | None
    agency: Agency | None
    level: str
    period: Period
    scope: Scope
    viewer: Viewer

    def params(self, **changes) -> dict:
        """The filters as query parameters (only those the period kind reads), with `changes` applied."""
        params = {"ky": self.kind, "nam": self.year}
        if self.kind == "thang":
            params["thang"] = self.month
        elif self.kind == "quy":
            params["quy"] = self.quarter
        elif self.kind == "khoang":
            params = {"ky": "khoang", "tu": self.start.isoformat(), "den": self.end.isoformat()}
        if self.agency:
            params["co-quan"] = self.agency.code
        if self.level:
            params["cap"] = self.level
        params.update(changes)
        return {key: value for key, value in params.items() if value not in (None, "")}

    def query(self, **changes) -> str:
        return urlencode(self.params(**changes))

    def month_query(self, month: Period, **changes) -> str:
        """The same filters for one month (the trend's rows)."""
        base = {
            key: value for key, value in self.params().items() if key not in ("ky", "nam", "thang", "quy", "tu", "den")
        }
        return urlencode({"ky": "thang", "nam": month.start.year, "thang": month.start.month, **base, **changes})

    def agency_query(self, agency: Agency, **changes) -> str:
        """The same filters for one agency and everything below it (the ranking's rows)."""
        return self.query(**{"co-quan": agency.code, **changes})

    @property
    def official_key(self):
        """Which published records match this scope: ("root", None) for the whole province, ("agency", agency)
        for one agency, None when the scope is a level or a head's several agencies (the portal publishes none)."""
        if self.level:
            return None
        if self.agency:
            return ("agency", self.agency)
        return ("root", None) if self.viewer.led is None else None


def _integer(params, name: str, label: str, low: int, high: int, default: int) -> int:
    text = params.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or not low <= int(text) <= high:
        raise FilterError(f"{label} không hợp lệ: “{text}” (phải là số từ {low} đến {high}).")
    return int(text)


def _date(params, name: str, label: str) -> dt.date:
    text = params.get(name, "").strip()
    if not text:
        raise FilterError(f"Hãy chọn {label} khi xem theo khoảng thời gian.")
    day = formats.parse_date(text)
    if day and FIRST_YEAR <= day.year <= LAST_YEAR:
        return day
    raise FilterError(f"{label.capitalize()} không hợp lệ: “{text}” (nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2026).")


def read_period(params, today: dt.date, default_kind: str = "thang", kinds=PERIOD_KINDS) -> dict:
    """The period filters: `ky` (thang, quy, nam, khoang), `nam`, `thang`, `quy`, `tu`, `den`."""
    kind = params.get("ky", "").strip() or default_kind
    if kind not in kinds:
        raise FilterError(f"Kỳ báo cáo không hợp lệ: “{kind}” (chọn {', '.join(k.lower() for k in kinds.values())}).")
    year = _integer(params, "nam", "Năm", FIRST_YEAR, LAST_YEAR, today.year)
    month = _integer(params, "thang", "Tháng", 1, 12, today.month)
    quarter = _integer(params, "quy", "Quý", 1, 4, (today.month - 1) // 3 + 1)
    start = end = None
    if kind == "thang":
        period = Period.month(year, month)
    elif kind == "quy":
        period = Period.quarter(year, quarter)
    elif kind == "nam":
        period = Period.year(year)
    else:
        start, end = _date(params, "tu", "ngày bắt đầu"), _date(params, "den", "ngày kết thúc")
        if start > end:
            raise FilterError(f"Ngày bắt đầu ({start:%d/%m/%Y}) phải trước hoặc bằng ngày kết thúc ({end:%d/%m/%Y}).")
        if end - start > LONGEST_RANGE:
            raise FilterError("Khoảng thời gian dài nhất là 5 năm; hãy chọn khoảng ngắn hơn.")
        period = Period.between(start, end)
    return {
        "kind": kind,
        "year": year,
        "month": month,
        "quarter": quarter,
        "start": start,
        "end": end,
        "period": period,
    }


def read(params, viewer: Viewer, today: dt.date | None = None) -> Selection:
    """Check every filter of a dashboard page and build its scope."""
    chosen = read_period(params, today or timezone.localdate())
    level = params.get("cap", "").strip()
    if level not in LEVELS:
        raise FilterError(f"Cấp không hợp lệ: “{level}” (chọn cấp tỉnh hoặc cấp xã).")
    code = params.get("co-quan", "").strip()
    agency = None
    if code:
        agency = viewer.tree.by_code.get(code)
        if agency is None:
            raise FilterError(f"Không có cơ quan nào mang mã “{code}”.")
        if not viewer.may_see(agency.pk):
            raise PermissionDenied(OUT_OF_REACH.format(name=agency.name))
    elif viewer.led is not None and len(viewer.led) == 1:
        agency = viewer.tree.by_id[viewer.led[0]]  # a head of one agency: that agency
    return Selection(**chosen, agency=agency, level=level, scope=_scope(viewer, agency, level), viewer=viewer)


def _scope(viewer: Viewer, agency: Agency | None, level: str) -> Scope:
    tree = viewer.tree
    if agency is not None:
        ids, label = tree.below(agency.pk), agency.name
    elif viewer.led is None:
        ids, label = None, "Toàn tỉnh"
    else:
        ids, label = sorted(viewer.visible), "Các cơ quan do bạn phụ trách"
    if level:
        ids = [pk for pk in (tree.by_id if ids is None else ids) if LEVEL_OF_AGENCY[tree.by_id[pk].level] == level]
        label += LEVEL_SUFFIX[level]
    return Scope(agency_ids=None if ids is None else tuple(ids), label=label)
