"""Parsers for the flattened tables of National Public Service Portal pages.

The crawler joined the cells of each HTML table without separators, e.g.
``"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến5 Ngày làm việc10,000 Việt Nam Đồng(...)..."``.
Each function here takes one such NFC-normalised section text and returns
frozen dataclasses plus a list of short problem codes.  Pure Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

NO_INFO = "Không có thông tin"


@dataclass(frozen=True)
class Fee:
    kind: str  # "phi" | "le_phi" | "other"
    amount: int | None  # VND; 0 for "Miễn phí"; None when no VND amount is given
    text: str


@dataclass(frozen=True)
class ChannelRow:
    channel: str  # "direct" | "online" | "postal"
    amount: Decimal | None
    unit: str | None  # working_days, days, working_hours, hours, months, years, within_day
    time_text: str
    fees: list[Fee] = field(default_factory=list)
    description: str = ""
    unit_source: str | None = None  # "table" | "description" | "raw_text" | None


@dataclass(frozen=True)
class DocumentRow:
    name: str
    form: str
    originals: int
    copies: int
    group: str


# --------------------------------------------------------------------------- channels
CHANNEL_HEADER = "Hình thức nộpThời gianPhí, lệ phíMô tả"
CHANNELS = {"Trực tiếp": "direct", "Trực tuyến": "online", "Dịch vụ bưu chính": "postal"}
_CH = "(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)"
# A row starts with a channel name glued to its time cell (a digit, "Không ...", "Trong ngày").
_ROW_START = re.compile(_CH + r"(?=\d|Không|Trong ngày)")
# Fallback when the time cell is free text: channel glued to both neighbours.
_ROW_START_LOOSE = re.compile(r"(?:^|(?<=\S))" + _CH + r"(?=[^\s:;,.()\-])")
UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "days",
    "giờ làm việc": "working_hours",
    "giờ": "hours",
    "tháng": "months",
    "năm": "years",
}
_UNIT_WORDS = r"Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm"
_TIME = re.compile(r"(?P<num>\d+(?:[.,]\d+)?)[ \t]*(?:(?P<unit>" + _UNIT_WORDS + r")|(?P<other>Tuần|Phút|Ngay|ngay))?")
_CUR = r"(?P<cur>Việt Nam Đồng|VNĐ|USD|EUR|Đồng|đồng)"
_FOREIGN = ("USD", "EUR")
_FEE_CELL = re.compile(r"Miễn phí|" + NO_INFO + r"|(?P<amt>\d[\d.,]*)[ \t]*" + _CUR)
_MERGED = re.compile(r"(?P<digits>\d[\d.,]*)[ \t]*" + _CUR)
_VALID_AMOUNT = re.compile(r"0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d*")
# "05 (năm) ngày làm việc", "1 ngày"; a following digit means a date ("tháng 6 năm 2020").
_TEXT_TIME = (
    r"(?<![\d/.,]){num}(?:\s*\([^()]{{1,20}}\))?\s*"
    r"(ngày làm việc|ngày|giờ làm việc|giờ|tháng|năm)(?!\s*\d)"
)
_SIBLING_CELL = re.compile(_CH + r"$")
_DEADLINE_CUE = re.compile(r"(?:thời hạn|thời gian) giải quyết[^.;\n]*$", re.IGNORECASE)
_NOT_DEADLINE = re.compile(r"(?:\bsau|\btrước|ít nhất)(?:\s+thời hạn)?\s*$", re.IGNORECASE)
_COUNTED_FROM = re.compile(r"[^.;\n]{0,40}?\b(?:kể từ|tính từ)", re.IGNORECASE)
_LABELLED_FEE = re.compile(
    r"(?<![\wÀ-ỹ])(?P<label>Lệ phí|lệ phí|Phí|phí)\s*:\s*"
    r"(?P<val>\d[\d.,]*(?:\s*%)?(?:\s*(?:-|–|đến)\s*\d[\d.,]*)?"
    r"(?:\s*(?:triệu\s*)?(?:Việt Nam Đồng|VNĐ|vnđ|Đồng|đồng|đ)\b)?)"
)
_MONEY_IN_TEXT = re.compile(r"(?<![\d/])(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:triệu\s*)?(?:đồng|Đồng|đ\b|VNĐ|vnđ)")


def parse_amount(text: str) -> int | None:
    """VND amount from "10,000", "50.000", "1.000.000 đồng", "10 triệu đồng"; None if unclear."""
    t = text.strip()
    m = re.match(r"(\d[\d.,]*)\s*(triệu)?", t)
    if not m:
        return None
    digits = m.group(1).rstrip(".,")
    if not _VALID_AMOUNT.fullmatch(digits):
        return None
    value = int(re.sub(r"[.,]", "", digits))
    return value * 1_000_000 if m.group(2) else value


def _balanced(text: str, start: int) -> int:
    """Index just after the parenthesis group opening at ``start`` (or len(text))."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def _labelled_fees(text: str, problems: list[str]) -> list[Fee]:
    fees = []
    for m in _LABELLED_FEE.finditer(text):
        kind = "le_phi" if m.group("label").lower() == "lệ phí" else "phi"
        val = m.group("val").strip()
        if "%" in val or re.search(r"\d\s*(?:-|–|đến)\s*\d", val):
            fees.append(Fee(kind, None, f"{m.group('label')}: {val}"))
            problems.append(f"fee_unparsed: {val}")
            continue
        fees.append(Fee(kind, parse_amount(val), f"{m.group('label')}: {val}"))
    return fees


def _split_merged(digits: str, context: str) -> tuple[str, str] | None:
    """Split "1100" (time "1" + fee "100") when the table lost the time unit."""
    cands = []
    for i in range(1, min(4, len(digits))):
        t, f = digits[:i], digits[i:]
        # a fee cell never reads "0 VNĐ" on the portal ("Miễn phí" is used instead)
        if t.isdigit() and (t == "0" or not t.startswith("0")) and f != "0" and _VALID_AMOUNT.fullmatch(f):
            cands.append((t, f))
    if len(cands) == 1:
        return cands[0]
    mentioned = {parse_amount(m.group(1)) for m in _MONEY_IN_TEXT.finditer(context)}
    hits = [c for c in cands if {parse_amount(c[1]), (parse_amount(c[1]) or 0) * 1000} & mentioned]
    return hits[0] if len(hits) == 1 else None


def find_unit_in_text(number: str, text: str, strict: bool = False) -> str | None:
    """Unit stated next to ``number`` in free text, only if exactly one unit is stated.

    ``strict`` (used on the whole page text) keeps only processing-time phrases: another
    row of the channel table ("Trực tiếp2 Giờ"), "thời hạn giải quyết … 5 ngày", or a
    duration counted from an event ("02 ngày làm việc kể từ ngày nhận…")."""
    if not text or not number.isdigit() or int(number) == 0:
        return None
    rx = re.compile(_TEXT_TIME.format(num="0*" + str(int(number))), re.IGNORECASE)
    units = set()
    for m in rx.finditer(text):
        if strict and _NOT_DEADLINE.search(text, max(0, m.start() - 25), m.start()):
            continue  # "Sau thời hạn 01 năm kể từ…", "Trước ít nhất 48 giờ…"
        if strict and not (
            _SIBLING_CELL.search(text, max(0, m.start() - 20), m.start())
            or _DEADLINE_CUE.search(text, max(0, m.start() - 40), m.start())
            or _COUNTED_FROM.match(text, m.end())
        ):
            continue
        units.add(UNITS[m.group(1).lower()])
    return units.pop() if len(units) == 1 else None


def _time_cell(body: str) -> tuple[Decimal | None, str | None, str, int, bool, re.Match | None, str | None]:
    """(amount, unit, time_text, end, unit_lost, merged_time_and_fee, unknown_unit)."""
    m = _TIME.match(body)
    if m:
        merged = _MERGED.match(body)
        if merged and not m.group("unit"):  # "Trực tuyến1100 VNĐ": unit lost, digits glued to the fee
            return None, None, merged.group("digits"), merged.end(), True, merged, None
        amount = Decimal(m.group("num").replace(",", "."))
        if m.group("unit"):
            return amount, UNITS[m.group("unit").lower()], m.group(0).strip(), m.end(), False, None, None
        if m.group("other"):
            return None, None, m.group(0).strip(), m.end(), False, None, m.group("other")
        return amount, None, m.group("num"), m.end("num"), True, None, None
    for fixed in ("Trong ngày", NO_INFO, "Không quy định"):
        if body.startswith(fixed):
            return None, ("within_day" if fixed == "Trong ngày" else None), fixed, len(fixed), False, None, None
    fee = _FEE_CELL.search(body, 1)  # free text ("Không phải trả kết quả…") up to the fee cell
    end = fee.start() if fee else 0
    return None, None, body[:end].strip(), end, False, None, None


def _parse_row(channel: str, body: str, raw_text: str, problems: list[str]) -> ChannelRow:
    amount, unit, time_text, pos, lost, merged, unknown = _time_cell(body)
    source = "table" if unit else None
    if unknown:
        problems.append(f"channel_unit_unknown: {unknown}")
    main: Fee | None = None
    currency = ""
    if merged:
        rest = body[pos:]
        split = _split_merged(merged.group("digits"), rest[: _balanced(rest, 0)] if rest.startswith("(") else rest)
        currency = merged.group("cur")
        if split:
            time_text, fee_digits = split
            amount = Decimal(time_text)
            main = Fee(
                "other", parse_amount(fee_digits) if currency not in _FOREIGN else None, f"{fee_digits} {currency}"
            )
        else:
            main = Fee("other", None, merged.group(0))
            problems.append(f"channel_time_fee_merged: {merged.group(0)}")
    else:
        while pos < len(body) and body[pos] in " \t":
            pos += 1
        fm = _FEE_CELL.match(body, pos)
        if fm:
            pos = fm.end()
            currency = fm.group("cur") or ""
            if fm.group(0) == "Miễn phí":
                main = Fee("other", 0, "Miễn phí")
            elif fm.group("amt"):
                amount_vnd = parse_amount(fm.group("amt")) if currency not in _FOREIGN else None
                main = Fee("other", amount_vnd, fm.group(0))
                if amount_vnd is None and currency not in _FOREIGN:
                    problems.append(f"fee_unparsed: {fm.group(0)}")
        else:
            problems.append("channel_fee_cell_missing")
    if currency in _FOREIGN:
        problems.append(f"fee_not_vnd: {currency}")
    note = ""
    if body.startswith("(", pos):  # the fee cell's own explanation, "(Phí : 50.000 Đồng …)"
        end = _balanced(body, pos)
        note, pos = body[pos + 1 : end - 1 if body[end - 1] == ")" else end].strip(), end
    description = body[pos:].strip()
    fees = _collect_fees(main, note, description, problems)
    if lost and amount is not None:
        for where, text, strict in (("description", f"{description} {note}", False), ("raw_text", raw_text, True)):
            unit = find_unit_in_text(time_text, text, strict)
            if unit:
                source = where
                break
        else:
            problems.append("channel_unit_missing")
    return ChannelRow(CHANNELS[channel], amount, unit, time_text, fees, description, source)


def _collect_fees(main: Fee | None, note: str, description: str, problems: list[str]) -> list[Fee]:
    """The fee cell plus labelled amounts ("Lệ phí : 50.000 Đồng") from its note and the description."""
    extra = _labelled_fees(note, problems) + _labelled_fees(description, problems)
    fees: list[Fee] = []
    if main is not None:
        if main.amount is not None and 0 < main.amount < 1000:
            problems.append("fee_amount_below_1000")  # e.g. "20 VNĐ" where the note says 20.000 đồng
        same = next((f for f in extra if f.amount and f.amount == main.amount), None)
        main = Fee(same.kind if same else main.kind, main.amount, f"{main.text} ({note})" if note else main.text)
        fees.append(main)
    for f in extra:
        if (main is None or not f.amount or f.amount != main.amount) and f not in fees:
            fees.append(f)
    return fees


def parse_channels(text: str, raw_text: str = "") -> tuple[list[ChannelRow], list[str]]:
    """Rows of the "Cách thức thực hiện" table and problem codes."""
    problems: list[str] = []
    body = text.strip()
    if body.startswith(CHANNEL_HEADER):
        body = body[len(CHANNEL_HEADER) :]
    elif body:
        problems.append("channels_header_missing")
    if not body.strip():
        return [], problems + ["channels_empty"]
    starts = list(_ROW_START.finditer(body))
    if not starts or starts[0].start() != 0:
        starts = list(_ROW_START_LOOSE.finditer(body))
        problems.append("channel_rows_loose_split")
        if not starts or starts[0].start() != 0:
            return [], problems + ["channels_unparsed"]
    rows = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        rows.append(_parse_row(m.group(1), body[m.end() : end], raw_text, problems))
    return rows, problems


# --------------------------------------------------------------------------- documents
DOC_HEADER = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
# "1 bản chính" / "0 bản chính,1 bản sao", glued to the next row (no space after it).
_COUNT = re.compile(r"(\d+) bản chính(?:,(\d+) bản sao)?(?=$|[^\s.,;:)])(?!\d+ bản chính)")
_EXT = re.compile(r"\.(?:docx|doc|pdf|xlsx|xls|rar|zip|odt|DOCX|DOC|PDF)(?![a-z])")
_YEAR_END = re.compile(r"(?<!\d)\d{4}$")
_DATE_END = re.compile(r"\d{1,2}/\d{1,2}/\d{4}$")
_NUMBERED_FILE = re.compile(r"\d+-|\d\.\d{6}")  # "…trực tiếp18-Mẫu TK8.doc", "…theo mẫu1.000312.docx"
_GLUED_FORM_WORD = re.compile(r"(?:^|\S)(?:Mẫu|Mau|MẪU|Mus|mau|mẫu)$")
_FORM_WORDS = ("Mẫu", "Mau", "MẪU", "Mus", "mau", "mẫu", "Phụ lục", "Phu luc", "PHỤ LỤC", "PL")


def _form_joins(text: str, lo: int, hi: int) -> list[tuple[int, bool]]:
    """Positions in [lo, hi) where a file name may be glued to the document name.

    Strong joins follow ";" or a sentence-ending "."/")"; weak joins are case changes
    such as "…khoáng sảnMau 09.docx" or "…NĐ-CPMẫu số 01.docx"."""
    out = []
    for p in range(max(lo, 2), hi):
        c0, c1, prev = text[p - 1], text[p], text[p - 2]
        nxt = text[p + 1] if p + 1 < len(text) else ""
        if c1.isspace():
            continue
        if (
            c0 == ";"
            or (c0 == ")" and c1.isalnum())
            or (
                c0 == "."
                and c1.isalnum()
                and (
                    prev.isalpha()
                    or prev == ")"
                    or (c1.isupper() and nxt.islower())
                    or _DATE_END.search(text[max(0, p - 12) : p - 1])
                )
            )
        ):
            out.append((p, True))
        elif c0.isspace() or _GLUED_FORM_WORD.search(text[max(0, p - 5) : p]):
            continue  # "…mẫuMauBankhaichung.docx": "MauBankhaichung" is one file name
        elif (
            (c1.isupper() and (c0.islower() or (c0.isupper() and nxt.islower())))
            or (text.startswith(_FORM_WORDS, p) and c0 not in "-_" and not c0.isdigit())
            or (c1.isupper() and c0.isdigit() and _YEAR_END.search(text[max(0, p - 5) : p]))
            or (c1.isdigit() and not c0.isdigit() and _NUMBERED_FILE.match(text, p))
        ):
            out.append((p, False))
    return out


def _split_form(text: str) -> tuple[str, str]:
    """Split "Đơn đề nghị ...;Mẫu số 01.docx" into name and attached form file names."""
    ends = list(_EXT.finditer(text))
    if not ends or text[ends[-1].end() :].strip():
        return text.strip(), ""
    first = ends[0].start()
    joins = _form_joins(text, max(0, first - 120), first)
    if not joins:
        return text.strip(), ""
    cut = joins[-1][0]
    strong = [p for p, is_strong in joins if is_strong]
    # a strong join with no space up to the extension wins ("…).MauKX1079.docx")
    if strong and not any(ch.isspace() for ch in text[strong[-1] : first]):
        cut = strong[-1]
    return text[:cut].strip(), text[cut:].strip()


def parse_documents(text: str) -> tuple[list[DocumentRow], list[str]]:
    problems: list[str] = []
    sections = text.split(DOC_HEADER)
    if len(sections) == 1:
        body = text.strip().strip("-").strip()
        return [], ([] if not body or body == NO_INFO else ["documents_no_table"])
    rows: list[DocumentRow] = []
    group = sections[0].strip().strip("-").strip()
    for i, sec in enumerate(sections[1:], start=1):
        pos = 0
        for m in _COUNT.finditer(sec):
            chunk = sec[pos : m.start()]
            pos = m.end()
            originals = int(m.group(1)[-1])  # "…20261 bản chính": the name ended with "2026"
            chunk += m.group(1)[:-1]
            name, form = _split_form(chunk)
            if not name:
                problems.append("document_name_empty")
            copies = int(m.group(2)) if m.group(2) else 0
            rows.append(DocumentRow(name, form, originals, copies, group))
        tail = sec[pos:].strip()
        if i < len(sections) - 1:
            group = tail.strip("-").strip()
        elif tail:
            problems.append("documents_trailing_text")
    return rows, problems
