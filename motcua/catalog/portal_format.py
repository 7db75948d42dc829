"""Pure parser for procedure pages crawled from the National Public Service Portal.

Input: the JSON-lines crawl described in ``shared/data/SOURCES.md`` §4 (one object a
line with ``ma_thu_tuc``, ``ten_thu_tuc``, ``cach_thuc_thuc_hien``, ...).  Output:
frozen dataclasses.  No Django, no database.  Nothing is guessed: what cannot be read
is reported in ``ParsedProcedure.problems`` as short reason codes, e.g.
``"channel_unit_missing"``, ``"channels_empty"``, ``"fee_unparsed: 5%"``.
The side file of what the format lacks is read by ``additions.read_additions``.

Usage::

    from motcua.catalog.portal_format import iter_jsonl, parse_record, coverage
    parsed = [parse_record(r) for r in iter_jsonl(path)]
    print(coverage(parsed))
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .portal_tables import NO_INFO, ChannelRow, DocumentRow, Fee, parse_channels, parse_documents

__all__ = [
    "ChannelRow",
    "DocumentRow",
    "Fee",
    "LegalBasis",
    "ParsedProcedure",
    "PortalFormatError",
    "ResultRow",
    "coverage",
    "iter_jsonl",
    "nfc",
    "parse_legal_basis",
    "parse_record",
    "parse_results",
    "split_applicants",
]

REQUIRED_KEYS = ("ma_thu_tuc", "ten_thu_tuc")
_STATED = re.compile(r"\d+(?:[.,]\d+)?\s*[^\d\s.,]")  # time cell "number + unit word"
_NUMBER_ONLY = re.compile(r"\d[\d.,]*$")  # time cell whose unit was lost


class PortalFormatError(ValueError):
    """The file is not the portal's JSON-lines crawl (message: Vietnamese, one line)."""


@dataclass(frozen=True)
class LegalBasis:
    title: str
    number: str  # "68/2013/TT-BCA"; "" when the row has none


@dataclass(frozen=True)
class ResultRow:
    name: str
    code: str  # "KQ.G01.00262"


@dataclass(frozen=True)
class ParsedProcedure:
    code: str
    name: str
    decision_number: str
    level: str
    kind: str
    field: str
    applicant_types: list[str]
    competent_agency: str
    implementing_agency: str
    receiving_address: str
    authorized_agency: str
    coordinating_agency: str
    steps: str
    channels: list[ChannelRow]
    documents: list[DocumentRow]
    conditions: str
    results: list[ResultRow]
    legal_basis: list[LegalBasis]
    ministry_folder: str
    source_url: str
    problems: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- legal basis
LEGAL_HEADER = "Tên văn bản pháp lýMã văn bản"
_ISSUER = r"(?:[A-ZĐ]+[-/])*(?:[A-ZĐ]*QH\d{2}|TTg|[A-ZĐ]+)(?:-(?:TTg|[A-ZĐ]+))*"
_DOC_NUMBER = re.compile(r"(\d+)(?:\.\d+)?/(\d{4}/)?" + _ISSUER)  # "66.7/2025/NQ-CP"
_BARE_NUMBER = re.compile(r"(.*?)(\d{1,4}/\d{4})$", re.DOTALL)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Last segments of document numbers, to cut "…/TT-BTC" from a glued next title "Luật…".
_ISSUERS = sorted(
    "CP BTC NHNN BNNMT BCA BTP BGTVT BNNPTNT BXD BTNMT BLĐTBXH BHXH BKHĐT UBND BKHCN BNG BNV BQP "
    "BYT BCT BTTTT BVHTTDL BGDĐT HĐND HĐTP TANDTC VKSNDTC KTNN CTN BTNN TTLT VPCP VPQH UBTVQH NĐ QĐ TT NQ".split(),
    key=len,
    reverse=True,
)


def _number_end(body: str, m: re.Match) -> int:
    """End of a document number glued to the next title ("…/TT-BTCLuật …")."""
    end = m.end()
    if not body[end : end + 1].isalpha():
        return end
    last = re.split(r"[-/]", m.group(0))[-1]
    if re.fullmatch(r"[A-ZĐ]*QH\d{2}|TTg", last):
        return end
    known = next((k for k in _ISSUERS if last.startswith(k)), None)
    if known:
        return end - (len(last) - len(known))
    return end - 1 if body[end].islower() and len(last) > 1 else end


def parse_legal_basis(text: str) -> tuple[list[LegalBasis], list[str]]:
    body = text.strip()
    if not body or (body.startswith(NO_INFO) and not body.startswith(LEGAL_HEADER)):
        return [], []
    if not body.startswith(LEGAL_HEADER):
        return [], ["legal_basis_header_missing"]
    body = body[len(LEGAL_HEADER) :]
    out: list[LegalBasis] = []
    pos = 0
    for m in _DOC_NUMBER.finditer(body):
        if m.start() < pos:
            continue
        end = _number_end(body, m)
        nxt = body[end : end + 1]
        if nxt and (nxt.isspace() or nxt.isdigit() or nxt in "/,;:)]."):
            continue  # a number quoted inside a title, not the "Mã văn bản" cell
        start, digits = m.start(), m.group(1)
        if len(digits) > 4 and _YEAR.match(digits):  # "… năm 2011" + "02/2011/QH13"
            start += 4
        out.append(LegalBasis(body[pos:start].strip(), body[start:end]))
        pos = end
    problems = []
    rest = body[pos:].strip()
    if rest:
        bare = _BARE_NUMBER.match(rest)
        if bare and bare.group(1).strip():
            out.append(LegalBasis(bare.group(1).strip(), bare.group(2)))
        else:
            out.append(LegalBasis(rest, ""))
            problems.append("legal_basis_number_missing")
    return out, problems


# --------------------------------------------------------------------------- results
_RESULT_CODE = re.compile(
    r"Mã:\s*(?:((?:[A-Z]+\d*|\d+)(?:[.\-](?:[A-Z]+\d*|\d+))*)"  # KQ.G01.000262, 000.00.00.G04-KQ2350
    r"|([A-Za-z0-9_.\-]+?)(?=[A-ZĐ][a-zà-ỹ]|[^A-Za-z0-9_.\-]|$))?"  # placeholders such as "Test_P001"
)


def parse_results(text: str) -> tuple[list[ResultRow], list[str]]:
    """ "NameMã: KQ.G01.00262Name2Mã: …Từ khóa…Mô tả…" into (name, code) rows."""
    body = text.split("Từ khóa", 1)[0]
    out: list[ResultRow] = []
    problems: list[str] = []
    pos = 0
    for m in _RESULT_CODE.finditer(body):
        code = m.group(1) or m.group(2) or ""
        if not m.group(1):
            problems.append("result_code_nonstandard" if code else "result_code_missing")
        out.append(ResultRow(body[pos : m.start()].strip(), code))
        pos = m.end()
    rest = body[pos:].strip()
    if rest and rest != NO_INFO:
        if out:
            problems.append("result_trailing_text")
        else:
            problems.append("results_unparsed")
    return out, problems


def nfc(value: object) -> str:
    """NFC-normalised text; None becomes ""."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", value if isinstance(value, str) else str(value))


def _cell(value: object) -> str:
    """A scalar field: stripped, with the portal's "Không có thông tin" mapped to ""."""
    text = nfc(value).strip()
    return "" if text == NO_INFO else text


def split_applicants(text: str) -> list[str]:
    """Split "Tổ chức (không bao gồm doanh nghiệp, HTX), Cán bộ, công chức, viên chức".

    Commas inside brackets do not split; a piece starting in lower case continues the
    previous one ("Cán bộ, công chức, viên chức" is one portal category)."""
    parts: list[str] = []
    depth, cur = 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    parts.append(cur.strip())
    out: list[str] = []
    for p in parts:
        if not p:
            continue
        if out and p[0].islower():
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def _safe(section: str, problems: list[str], func, *args):
    try:
        *values, found = func(*args)
    except Exception as exc:  # never raise on a record; report instead
        problems.append(f"internal_error: {section}: {type(exc).__name__}")
        return None
    problems.extend(found)
    return values[0] if len(values) == 1 else values


def parse_record(record: dict) -> ParsedProcedure:
    """Parse one crawled portal record.  Never raises on a dict; see ``problems``."""
    r = {k: nfc(v) for k, v in record.items()} if isinstance(record, dict) else {}
    problems: list[str] = []
    raw_text = r.get("raw_text", "")
    channels = _safe("channels", problems, parse_channels, r.get("cach_thuc_thuc_hien", ""), raw_text) or []
    documents = _safe("documents", problems, parse_documents, r.get("thanh_phan_ho_so", "")) or []
    results = _safe("results", problems, parse_results, r.get("ket_qua_xu_ly", "")) or []
    legal = _safe("legal_basis", problems, parse_legal_basis, r.get("can_cu_phap_ly", "")) or []
    if not _cell(r.get("ma_thu_tuc")):
        problems.append("code_missing")
    return ParsedProcedure(
        code=_cell(r.get("ma_thu_tuc")),
        name=_cell(r.get("ten_thu_tuc")),
        decision_number=_cell(r.get("so_quyet_dinh")),
        level=_cell(r.get("cap_thuc_hien")),
        kind=_cell(r.get("loai_thu_tuc")),
        field=_cell(r.get("linh_vuc")),
        applicant_types=split_applicants(_cell(r.get("doi_tuong_thuc_hien"))),
        competent_agency=_cell(r.get("co_quan_co_tham_quyen")),
        implementing_agency=_cell(r.get("co_quan_thuc_hien")),
        receiving_address=_cell(r.get("dia_chi_tiep_nhan")),
        authorized_agency=_cell(r.get("co_quan_duoc_uy_quyen")),
        coordinating_agency=_cell(r.get("co_quan_phoi_hop")),
        steps=_cell(r.get("trinh_tu_thuc_hien")),
        channels=channels,
        documents=documents,
        conditions=_cell(r.get("yeu_cau_dieu_kien")),
        results=results,
        legal_basis=legal,
        ministry_folder=_cell(r.get("_ministry_folder")),
        source_url=_cell(r.get("detail_url")),
        problems=problems,
    )


def iter_jsonl(path: str | Path) -> Iterator[dict]:
    """Yield the records of a portal crawl; PortalFormatError on the first bad line."""
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                raise PortalFormatError(
                    f"Dòng {lineno}: không phải văn bản UTF-8, tệp không đúng định dạng JSON Lines."
                ) from None
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PortalFormatError(
                    f"Dòng {lineno}: không phải JSON hợp lệ ({exc.msg}), tệp không đúng định dạng JSON Lines."
                ) from None
            if not isinstance(obj, dict) or any(k not in obj for k in REQUIRED_KEYS):
                raise PortalFormatError(
                    f"Dòng {lineno}: thiếu trường ma_thu_tuc/ten_thu_tuc, "
                    "không phải dữ liệu thủ tục của Cổng Dịch vụ công quốc gia."
                )
            yield obj


def coverage(parsed: Iterable[ParsedProcedure]) -> dict:
    """Counts for judging the parse of a whole crawl.

    ``rows_with_number_and_unit_in_source``: channel rows whose time cell states a number
    with a unit (or "Trong ngày"); ``rows_time_parsed_from_table`` of those were parsed,
    ``time_coverage`` is their ratio.  ``rows_time_parsed`` adds units recovered from the
    row description / ``raw_text`` (``rows_unit_from_*``).  ``rows_unit_lost``: the table
    gives a number without unit and no unit was found (never guessed); ``rows_no_time``:
    no number at all ("Không có thông tin").  ``fee_texts`` / ``fees_with_amount``: Fee
    objects / those with a VND amount.  ``problems``: reason code -> count.
    """
    c = Counter()
    reasons: Counter[str] = Counter()
    for p in parsed:
        c["records"] += 1
        c["documents"] += len(p.documents)
        c["results"] += len(p.results)
        c["legal_basis"] += len(p.legal_basis)
        c["records_without_channels"] += not p.channels
        for reason in p.problems:
            reasons[reason.split(":", 1)[0]] += 1
        for row in p.channels:
            c["channel_rows"] += 1
            stated = row.unit_source == "table" or bool(_STATED.match(row.time_text))
            c["rows_with_number_and_unit_in_source"] += stated
            c["rows_time_parsed_from_table"] += stated and row.unit_source == "table"
            if row.unit is not None:
                c["rows_time_parsed"] += 1
                c[f"rows_unit_from_{row.unit_source}"] += 1
            elif _NUMBER_ONLY.match(row.time_text):
                c["rows_unit_lost"] += 1
            else:
                c["rows_no_time"] += 1
            for fee in row.fees:
                c["fee_texts"] += 1
                c["fees_with_amount"] += fee.amount is not None
    out = {
        k: c.get(k, 0)
        for k in (
            "records",
            "records_without_channels",
            "channel_rows",
            "rows_with_number_and_unit_in_source",
            "rows_time_parsed_from_table",
            "rows_time_parsed",
            "rows_unit_from_table",
            "rows_unit_from_description",
            "rows_unit_from_raw_text",
            "rows_unit_lost",
            "rows_no_time",
            "fee_texts",
            "fees_with_amount",
            "documents",
            "results",
            "legal_basis",
        )
    }
    stated = out["rows_with_number_and_unit_in_source"]
    out["time_coverage"] = out["rows_time_parsed_from_table"] / stated if stated else 1.0
    out["problems"] = dict(reasons.most_common())
    return out
