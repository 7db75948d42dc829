"""Điểm 766 công bố: the national portal's official scores (DOMAIN.md 4a), kept as published and explained.

A file is one response of the portal's reporting API for one group of indicators, `{code: "OK", message, data}`:
the root agency's record under `data.parent` (progress, online services, payment) or `data.overview` (transparency,
digitisation, satisfaction), one record per unit under `data.children` or `data.evaluation` (with `pagination`).
`import_file` stores every record as published: the portal's score is the authority. `official_check.check_file`
recomputes each published score from the published numerators and denominators with `scoring`, to explain it,
never to replace it.
The format, the mapping of fields to the rules and what "matched" means are in docs/indicators-official.md.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from motcua.agencies.models import Agency
from motcua.indicators.models import OfficialRecord
from motcua.vntext.normalize import nfc

Group = OfficialRecord.Group

# The portal publishes scores to 2 decimals; a recomputed score within this of the published one matches.
TOLERANCE = Decimal("0.015")
CENT = Decimal("0.01")

# The portal's metric codes per group, each with the rule of `scoring.METRICS` it follows.
METRIC_RULES = {
    Group.TRANSPARENCY: {
        "PUBLISH_ON_TIME": "1.1",
        "PUBLIC_UPDATE_ON_TIME": "1.2",
        "PUBLIC_CONTENT_FULL": "1.3",
        "DOSSIER_SYNC": "1.4",
    },
    Group.DIGITISATION: {
        code: code
        for code in (
            "ORIGINAL_RESULT_AVAILABLE",
            "SO_HOA_GIAY_TO_GIAI_QUYET",
            "ELECTRONIC_CERTIFIED_COPY",
            "REUSED_DIGITIZED_DATA",
            "SYNCED_WITH_DVCQG_PERSONAL_STORAGE",
            "CITIZEN_DATA_CONNECTED_FORMALITY",
            "CITIZEN_DATA_CONNECTED_DOSSIER",
        )
    },
    Group.SATISFACTION: {
        code: code
        for code in (
            "PETITION_CLASSIFICATION_TTHC",
            "PETITION_CLASSIFICATION_STAFF",
            "PETITION_PROCESSING_ON_TIME",
            "PETITION_HANDLING_SATISFACTION",
            "DOSSIER_RECEIVING_SATISFACTION",
        )
    },
}
# Fields only one group's records carry: how the group of a file without metrics is recognised.
GROUP_FIELDS = {
    "totalOnTime": Group.PROGRESS,
    "totalDossierOnlinePaymentSuccess": Group.PAYMENT,
    "authorityCount": Group.ONLINE,
}
# The published inputs of `scoring.online_payment` and of `_online`, in their order of arguments (DOMAIN.md 4a):
# payment A = paid online / with a financial obligation, B = fee procedures with an online payment / fee procedures,
# C = fee procedures whose dossiers synced fee data / fee procedures.
PAYMENT_INPUTS = (
    "totalDossierOnlinePaymentSuccess",
    "totalDossierFinancialObligation",
    "totalDossierOnlineFormalityPaymentSuccess",
    "totalFeeFormality",
    "totalFeeDossierFormality",
)
ONLINE_INPUTS = (
    "partialCount",
    "fullCount",
    "authorityCount",
    "onlineDossierCount",
    "onlineServiceTotal",
    "channelOnlineSum",
    "channelTotalSum",
)


class OfficialFormatError(Exception):
    """The file is not a response of the reporting API that motcua can read; the message says why, in Vietnamese."""


@dataclass
class Response:
    """One file: its group and its records, the root first, each as `(record, is_root, where)`."""

    source_name: str
    group: str
    records: list[tuple[dict, bool, str]]
    page: tuple[int, int] | None = None  # (currentPage, totalPages) when the units come paginated


@dataclass
class ImportSummary:
    source_name: str
    group: str
    created: int = 0
    updated: int = 0
    unmatched_codes: list[str] = field(default_factory=list)  # departments with no agency of that code in motcua
    page: tuple[int, int] | None = None

    @property
    def records(self) -> int:
        return self.created + self.updated


@dataclass
class Comparison:
    """One published score beside the one motcua's rules give from the published inputs."""

    department: str
    item: str
    published: Decimal | None
    recomputed: Decimal | None

    @property
    def difference(self) -> Decimal:
        return abs((self.published or 0) - (self.recomputed or 0))

    @property
    def matches(self) -> bool:
        # a null score ("no data") is not a 0: it does not count in the group total
        return (self.published is None) == (self.recomputed is None) and self.difference <= TOLERANCE


@dataclass
class GroupCheck:
    source_name: str
    group: str
    records: int = 0
    checked: int = 0  # records that publish the inputs of their score
    matched: int = 0
    largest_difference: Decimal | None = None
    mismatches: list[Comparison] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return self.records - self.checked


def read_response(path, group: str | None = None) -> Response:
    """Read and validate one response file; `group` is needed only when the records do not show it."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise OfficialFormatError(f"Không tìm thấy tệp {path}.") from None
    except IsADirectoryError:
        raise OfficialFormatError(f"{path} là thư mục, không phải tệp JSON.") from None
    except PermissionError:
        raise OfficialFormatError(f"Không có quyền đọc tệp {path}.") from None
    except OSError as exc:
        raise OfficialFormatError(f"Không đọc được tệp {path} (lỗi hệ thống {exc.errno}).") from None
    except UnicodeDecodeError:
        raise OfficialFormatError(f"Tệp {path} không phải văn bản UTF-8.") from None
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OfficialFormatError(f"Tệp {path} không phải JSON hợp lệ (dòng {exc.lineno}, cột {exc.colno}).") from None
    shape = f"Tệp {path} không có dạng phản hồi của API báo cáo 766: cần {{code, message, data}}."
    if not isinstance(body, dict) or "code" not in body:
        raise OfficialFormatError(shape)
    if body["code"] != "OK":
        raise OfficialFormatError(
            f"Tệp {path} là phản hồi lỗi của Cổng DVCQG: mã {body['code']!r}, "
            f"{body.get('message') or 'không có thông báo'}."
        )
    if not isinstance(body.get("data"), dict):
        raise OfficialFormatError(shape)
    data = body["data"]
    root_key = "parent" if "parent" in data else "overview"
    units_key = "children" if "children" in data else "evaluation"
    root, units = data.get(root_key), data.get(units_key) or []
    if root is not None and not isinstance(root, dict):
        raise OfficialFormatError(f"Tệp {path}: data.{root_key} phải là một bản ghi (đối tượng JSON).")
    if not isinstance(units, list):
        raise OfficialFormatError(f"Tệp {path}: data.{units_key} phải là danh sách bản ghi.")
    records = [(root, True, f"data.{root_key}")] if root is not None else []
    records += [(unit, False, f"data.{units_key}[{i}]") for i, unit in enumerate(units)]
    if not records:
        raise OfficialFormatError(f"Tệp {path} không có bản ghi nào (data.parent/overview, data.children/evaluation).")
    for record, _, where in records:
        _require_record(record, f"{path.name}: {where}")
    return Response(path.name, _group(path.name, records, group), records, _page(data.get("pagination")))


def _require_record(record, where: str) -> None:
    if not isinstance(record, dict):
        raise OfficialFormatError(f"{where} không phải một bản ghi (đối tượng JSON).")
    if not any(isinstance(record.get(key), str) and record[key] for key in ("departmentCode", "departmentId")):
        raise OfficialFormatError(f"{where} thiếu cả departmentCode lẫn departmentId: không biết là đơn vị nào.")
    metrics = record.get("metrics", [])
    if not isinstance(metrics, list) or not all(
        isinstance(m, dict) and isinstance(m.get("code"), str) for m in metrics
    ):
        raise OfficialFormatError(f"{where}.metrics phải là danh sách chỉ tiêu {{code, numerator, denominator, …}}.")


def _group(source_name: str, records, given: str | None) -> str:
    found = set()
    for record, _, _ in records:
        found |= {group for key, group in GROUP_FIELDS.items() if key in record}
        codes = {metric.get("code") for metric in record.get("metrics", [])}
        found |= {group for group, rules in METRIC_RULES.items() if codes & rules.keys()}
    names = ", ".join(sorted(str(group) for group in found))
    if given is not None and given not in Group.values:
        raise OfficialFormatError(f"Nhóm chỉ số không hợp lệ: {given!r} (chọn một trong: {', '.join(Group.values)}).")
    if len(found) > 1:
        raise OfficialFormatError(f"Tệp {source_name} lẫn bản ghi của nhiều nhóm chỉ số ({names}).")
    if given and found and given not in found:
        raise OfficialFormatError(f"Tệp {source_name} có dạng nhóm {names}, không phải nhóm {given} đã chỉ định.")
    if not (given or found):
        raise OfficialFormatError(
            f"Không nhận ra nhóm chỉ số của tệp {source_name}; hãy chỉ rõ bằng --group ({', '.join(Group.values)})."
        )
    return str(given or found.pop())


def _page(pagination) -> tuple[int, int] | None:
    if not isinstance(pagination, dict):
        return None
    current, total = pagination.get("currentPage"), pagination.get("totalPages")
    if isinstance(current, int) and isinstance(total, int) and total > 1:
        return current, total
    return None


def number(record: dict, key: str, where: str = "") -> Decimal | None:
    """A published number as an exact Decimal (7.67 stays 7.67); a missing or null one is None."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            result = Decimal(str(value))
        except InvalidOperation:
            result = None
        if result is not None and result.is_finite():
            return result
    raise OfficialFormatError(f"{where}.{key} không phải số: {value!r}.")


def published_score(record: dict, where: str = "") -> Decimal | None:
    """The units of the progress API publish `score`; every other record `totalScore`."""
    return number(record, "totalScore" if "totalScore" in record else "score", where)


def _max_score(record: dict, where: str) -> Decimal | None:
    return number(record, "totalMaxScore" if "totalMaxScore" in record else "maxScore", where)


def department(record: dict) -> str:
    """How a record is named to the user: its code and name, or its name when the portal gives no code."""
    return " ".join(str(part) for part in (record.get("departmentCode"), record.get("departmentName")) if part)


# --- import ---------------------------------------------------------------------------------------------------


@transaction.atomic
def import_file(path, period_start: dt.date, period_end: dt.date, group: str | None = None) -> ImportSummary:
    """Store every record of one file for the period, replacing what an earlier import stored for the same key."""
    response = read_response(path, group)
    codes = _department_codes(response)
    # The portal names units by its own department code (H44.15); motcua agencies keep it beside their e-ID code.
    agencies = dict(Agency.objects.filter(code__in=codes).values_list("code", "pk"))
    agencies |= dict(Agency.objects.filter(portal_code__in=codes).values_list("portal_code", "pk"))
    summary = ImportSummary(response.source_name, response.group, page=response.page)
    for (record, is_root, where), code in zip(response.records, codes):
        where = f"{response.source_name}: {where}"
        _, created = OfficialRecord.objects.update_or_create(
            group=response.group,
            department_code=code,
            period_start=period_start,
            period_end=period_end,
            defaults={
                "department_name": nfc(str(record.get("departmentName") or ""))[:300],
                "agency_id": agencies.get(code),
                "is_root": is_root,
                "score": _stored(published_score(record, where), 8, where),
                "max_score": _stored(_max_score(record, where), 8, where),
                "ratio": _stored(number(record, "ratio", where), 9, where),
                "payload": record,
                "source_name": response.source_name[:300],
            },
        )
        if created:
            summary.created += 1
        else:
            summary.updated += 1
        if code not in agencies:
            summary.unmatched_codes.append(code)
    return summary


def _department_codes(response: Response) -> list[str]:
    """Each record's departmentCode. The transparency and satisfaction APIs publish none: their records take the
    code another group's record gave the same departmentId (the portal's ids are the same across groups)."""
    missing = {record["departmentId"] for record, _, _ in response.records if not record.get("departmentCode")}
    known = (
        dict(
            OfficialRecord.objects.filter(payload__departmentId__in=missing).values_list(
                "payload__departmentId", "department_code"
            )
        )
        if missing
        else {}
    )
    codes = [
        str(record.get("departmentCode") or known.get(record["departmentId"], "")) for record, _, _ in response.records
    ]
    unknown = [
        record.get("departmentName") or record["departmentId"]
        for (record, _, _), code in zip(response.records, codes)
        if not code
    ]
    if unknown:
        raise OfficialFormatError(
            f"Tệp {response.source_name}: {len(unknown)} bản ghi không có departmentCode và motcua chưa biết mã theo "
            f"departmentId ({', '.join(unknown[:5])}{', …' if len(unknown) > 5 else ''}). Hãy nhập trước tệp của một "
            f"nhóm có mã đơn vị (tiến độ, thanh toán, số hóa, dịch vụ công trực tuyến) để motcua tra mã."
        )
    seen = set()
    for code in codes:
        if len(code) > 32:
            raise OfficialFormatError(f"Tệp {response.source_name}: mã đơn vị quá dài (tối đa 32 ký tự): {code!r}.")
        if code in seen:
            raise OfficialFormatError(f"Tệp {response.source_name}: mã đơn vị {code} xuất hiện hai lần.")
        seen.add(code)
    return codes


def _stored(value: Decimal | None, max_digits: int, where: str) -> Decimal | None:
    """The value as its DecimalField(max_digits, 4) holds it; one that does not fit is refused, not cut."""
    if value is None:
        return None
    value = value.quantize(Decimal("0.0001"), ROUND_HALF_UP)
    if abs(value) >= 10 ** (max_digits - 4):
        raise OfficialFormatError(f"{where}: giá trị {value} vượt quá cỡ lưu được.")
    return value
