"""What a line of the required-documents list asks of the applicant: always, in a case, if they have it, or nothing.

Thành phần hồ sơ on the national portal mixes four things in one table, and the desk must tell them apart:

- ``required``: the document belongs in every dossier of the procedure;
- ``conditional``: it belongs only in a case the catalogue states, either in the line ("Văn bản ủy quyền … trong
  trường hợp ủy quyền", "Tờ khai … (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)") or in the
  heading the line sits under ("* Trường hợp ủy quyền thực hiện thủ tục:", "(1.5) Đối với công trình tượng đài …"),
  or in a heading the crawl put in a row of its own above the line ("- Đối với các dự án đầu tư trong phạm vi bảo vệ
  của công trình thủy lợi, hồ sơ … phải bổ sung:"), or because the heading names one of several separate dossiers
  the page lists ("Nhập cảnh" / "Xuất cảnh", "Đề nghị cấp giấy phép" / "Đề nghị cấp lại giấy phép", "Nộp trực
  tiếp" / "Nộp theo phương thức điện tử");
- ``optional``: "(nếu có)": the applicant adds it if they have it; never a reason to refuse receipt;
- ``note``: not a document at all: an instruction ("Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch
  vụ bưu chính …"), an exemption, a duty of the receiving officer, a list heading ("- Đối với giấy tờ gửi kèm theo
  nếu … trực tuyến:", "+ Đối với hồ sơ đề nghị gia hạn tái cấp vốn"), "Số lượng hồ sơ: 01 bộ". The importer keeps
  notes out of the checklist (docs/catalog.md); nothing is received against them.

`classify_lines` reads a procedure's whole list, because whether a heading names one of several separate dossiers
shows only across headings, and a heading in a row of its own only in the rows below it; `classify` reads one line
with its heading. Both are pure: no Django, no database. The patterns they read lines with are in
`condition_words`, the case a line states in `condition_cases`; the line an e-form replaces is found by
`declaration_line` (all split from this module, issue 13).
Measured against hand-labelled samples in ``tests/fixtures/document_lines_*.csv`` (see tests/test_conditions.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .condition_cases import CONDITION_MAX, case_text, first_clause, first_sentence, inline_case
from .condition_words import (
    APPLICATION,
    CASE_START,
    CHANNEL_HEADING,
    COUNT_CELL,
    DEMANDS_DOCUMENT,
    DOCUMENT_START,
    EXEMPTION,
    HOW_TO_SEND,
    IF_ANY,
    LIST_HEADING_END,
    NOTE_HEADING,
    NOTE_LINE,
    PART_HEADING,
    REMARK,
    RULE,
    normalize,
    strip_lead,
)

REQUIRED, CONDITIONAL, OPTIONAL, NOTE = "required", "conditional", "optional", "note"
KINDS = (REQUIRED, CONDITIONAL, OPTIONAL, NOTE)


@dataclass(frozen=True)
class Reading:
    kind: str  # one of KINDS
    condition: str = ""  # the case as the catalogue words it; empty for required lines and notes

    @property
    def is_document(self) -> bool:
        return self.kind != NOTE

    @property
    def is_required(self) -> bool:
        """Bắt buộc in the model's sense: everything but "nếu có" (a conditional line is required in its case)."""
        return self.kind in (REQUIRED, CONDITIONAL)


# --------------------------------------------------------------------------- headings
@dataclass(frozen=True)
class Heading:
    role: str  # "none" | "case" | "note" | "exempt" | "part" | "named"
    text: str  # the heading as the condition reads it (bullets, trailing ":" and earlier rows' text removed)


_WAIVES = re.compile(
    r"\bkhông (?:bao gồm|cần|phải|yêu cầu)\b|\bcó thể (?:được )?thực hiện thông qua\b|\bđược miễn\b", re.IGNORECASE
)
_EXEMPT_HEADING = re.compile(
    r"\b(?:tài liệu|giấy tờ|thành phần)\b[^.]{0,30}?\b(?:được miễn|miễn nộp)\b"
    r"|^miễn nộp\b|\bmiễn, giảm tài liệu\b",
    re.IGNORECASE,
)


def read_heading(group: str) -> Heading:
    text = normalize(group)
    if not text:
        return Heading("none", "")
    counts = list(COUNT_CELL.finditer(text))
    if counts and counts[-1].end() < len(text):  # text of earlier rows glued in front: the heading is what follows
        text = text[counts[-1].end() :].strip()
    glued = list(re.finditer(r"\)(?=[A-ZĐÀ-Ỹ])", text))
    if glued:  # "(… thì hồ sơ không bao gồm bản sao của các giấy tờ này)Hồ sơ đề nghị …": a note, then the heading
        text = text[glued[-1].end() :].strip()
    text = strip_lead(text)
    clean = text.rstrip(":").strip()
    if NOTE_HEADING.match(clean) or RULE.search(clean):
        return Heading("note", clean)
    if _EXEMPT_HEADING.search(clean) and not re.search(r"\bnếu\b|trường hợp", clean, re.IGNORECASE):
        return Heading("exempt", clean)
    if CHANNEL_HEADING.match(clean):
        return Heading("named", clean)  # a case only beside another channel's list (see variant_headings)
    if CASE_START.match(clean):
        consequence = re.search(r"\bthì\b(.*)", clean)
        if consequence and _WAIVES.search(consequence.group(1)):
            return Heading("none", "")  # "Trường hợp … đã được tích hợp … thì việc xuất trình … có thể …": a note
        return Heading("case", clean)
    item = re.search(r":\s*[-+*•]+\s*([^:]+)$", clean)
    if item and CASE_START.match(item.group(1)):  # "… theo quy định sau đây: - Trường hợp ủy quyền cho cá nhân …"
        return Heading("case", item.group(1).strip())
    if re.search(
        r"\b(?:đối với|trong|tùy (?:từng|theo)) (?:các )?trường hợp\b|\(\s*trường hợp\b"
        r"|\bmiễn nộp\b[^.]*\bnếu\b",
        clean,
        re.IGNORECASE,
    ):
        return Heading("case", clean)
    if re.search(r"\bđối với\b", clean, re.IGNORECASE) and not clean.lower().startswith("thủ tục"):
        return Heading("case", clean)
    if PART_HEADING.match(clean):
        return Heading("part", clean)
    return Heading("named", clean)


# the form or the rule a document follows, after its name: "Bảng kê … (nếu có) ban hành kèm theo Thông tư …"
_REFERENCE_TAIL = re.compile(r"\s*\b(?:theo mẫu|ban hành kèm theo|được ban hành)\b[^;:(),]*$", re.IGNORECASE)


def _closes(text: str) -> bool:
    text = text.rstrip(" .,;:")
    if ":" not in text and not any(DOCUMENT_START.match(part.strip()) for part in text.split(",")[1:]):
        text = _REFERENCE_TAIL.sub("", text).rstrip(" .,;:")  # one document, not a list of them
    return any(m.end() >= len(text) for m in IF_ANY.finditer(text))


def _is_optional(text: str) -> bool:
    """ "nếu có" qualifies the document the line names: it closes the line's first clause, or the line when no
    other document follows a ";" ("Tờ trình …; Hồ sơ dự án … và các tài liệu khác (nếu có)" stays required)."""
    if CASE_START.match(text) and ":" in text:  # "Đối với nhân sự …: Văn bản … (nếu có)": the document follows ":"
        text = text[text.index(":") + 1 :].strip()
    if re.search(r"\(nếu có\)\s*(?:(?:như |sau đây|sau|gồm|bao gồm)*\s*:|,\s*bao gồm\b)", text, re.IGNORECASE):
        return True  # "Danh mục các cơ sở sản xuất (nếu có), bao gồm …", "Hợp đồng … (nếu có): nộp 01 bản chụp"
    if _closes(first_clause(text)):
        return True
    parts = text.split(";")
    return (
        _closes(text)
        and ":" not in text
        and not any(DOCUMENT_START.match(strip_lead(part.strip())) for part in parts[1:])
    )


def _states_a_rule(text: str, document_start: bool) -> bool:
    """The line is a rule about the dossier or the officer's duty. A line naming a document is a rule only when the
    rule is its own first sentence ("Bản chụp … phải bảo đảm rõ nét"), not a content it describes after ":"."""
    m = RULE.search(first_sentence(text))
    if not m or not document_start:
        return bool(m)
    return m.start() < len(first_clause(text)) and ":" not in text[: m.start()]


def classify(name: str, group: str = "", heading: Heading | None = None) -> Reading:
    """Kind and condition of one line, from its own words and its heading's."""
    heading = heading or read_heading(group)
    text = strip_lead(normalize(name))
    remark = REMARK.match(text)
    if remark:  # "Lưu ý: …" is a note, unless it asks for a document in a case it states
        text = text[remark.end() :]
        if not (CASE_START.match(text) and DEMANDS_DOCUMENT.search(first_sentence(text))):
            return Reading(NOTE)
    if not text or NOTE_LINE.match(text) or LIST_HEADING_END.search(text):
        return Reading(NOTE)
    starts_with_case = bool(CASE_START.match(text))
    document_start = bool(DOCUMENT_START.match(text))
    if _states_a_rule(text, document_start):
        return Reading(NOTE)
    if EXEMPTION.search(first_sentence(text)) and (starts_with_case or not document_start):
        return Reading(NOTE)
    if starts_with_case and HOW_TO_SEND.search(first_sentence(text)):
        return Reading(NOTE)  # "Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch vụ bưu chính …"
    if text.endswith(":") and len(text) < 200 and not document_start:
        return Reading(NOTE)  # a list heading that landed in a row: "- Đối với giấy tờ nộp, xuất trình nếu …:"
    if heading.role == "exempt":
        return Reading(NOTE)  # "Các tài liệu được miễn nộp …": what follows is not asked for
    if heading.role == "note" and not (
        document_start and not starts_with_case and not re.search(r"\b(?:phải|có thể|được|không)\b", text)
    ):
        return Reading(NOTE)
    own = inline_case(text)
    conditions = [c for c in (heading.text if heading.role == "case" else "", own or "") if c]
    condition = "; ".join(conditions)[:CONDITION_MAX]
    if _is_optional(text):
        return Reading(OPTIONAL, condition)
    if condition:
        return Reading(CONDITIONAL, condition)
    return Reading(REQUIRED)


# --------------------------------------------------------------------------- a whole list
def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", strip_lead(normalize(name)).lower()).strip()[:80]


def variant_headings(rows: Sequence) -> set[str]:
    """Headings (as `read_heading` reads them) that name one of several separate dossiers on the page.

    A heading without a case word ("Nhập cảnh", "Hồ sơ đề nghị cấp Giấy phép … của công ty TNHH …") names a variant
    when the page has two or more such headings, or one beside case headings when the blocks repeat each other (the
    same document under two headings, or an application of its own — "Đơn …", "Tờ khai …" — under each). A lone
    heading beside "Trường hợp ủy quyền …" is the title of the ordinary dossier, not a case."""
    blocks: dict[str, list[str]] = {}
    roles: dict[str, str] = {}
    for row in rows:
        heading = read_heading(row.group)
        if heading.role in ("named", "case"):
            blocks.setdefault(heading.text, []).append(row.name)
            roles[heading.text] = heading.role
    if len(blocks) < 2:
        return set()
    named = [text for text in blocks if roles[text] == "named"]
    if len(named) >= 2:
        return set(named)  # "Nhập cảnh" / "Xuất cảnh", "Đăng kiểm viên hạng I" / "… hạng II"
    seen: Counter = Counter()
    for names in blocks.values():
        for key in {_key(n) for n in names}:
            seen[key] += 1
    repeated = sum(1 for names in blocks.values() if any(seen[_key(n)] > 1 for n in names))
    applications = sum(
        1 for names in blocks.values() if any(APPLICATION.match(strip_lead(normalize(n))) for n in names)
    )
    if repeated >= 2 or applications >= 2:
        return set(named)
    return set()


# a row that is only a case has no document of its own: "+ Đối với hồ sơ đề nghị gia hạn tái cấp vốn"
_NOT_ONLY_A_CASE = re.compile(
    r"[,;:()]|\b(?:thì|phải|cần|bổ sung|kèm|xuất trình|cung cấp|không|yêu cầu)\b", re.IGNORECASE
)


def row_heading(name: str) -> str:
    """The case of a row that is a heading for the rows below it, or "".

    The crawl puts some headings in a row of their own ("- Đối với các dự án đầu tư trong phạm vi bảo vệ của công
    trình thủy lợi, hồ sơ … phải bổ sung:", "* Đối với xác nhận việc đáp ứng các yêu cầu khai trương …:", "+ Đối với
    hồ sơ đề nghị gia hạn tái cấp vốn"): a row that opens with a case and either ends with ":" or says nothing but
    the case. Not a heading: a rule, an exemption or an instruction that ends with ":" ("- Đối với giấy tờ gửi kèm
    theo nếu … trực tuyến:"), a fragment in parentheses or in lower case (the tail of the row above)."""
    text = strip_lead(normalize(name))
    if not text or not CASE_START.match(text) or text[0] == "(" or text[0].islower():
        return ""
    if (
        NOTE_LINE.match(text)
        or RULE.search(text)
        or EXEMPTION.search(text)
        or _WAIVES.search(text)
        or HOW_TO_SEND.search(text)
    ):
        return ""
    if text.endswith(":"):
        return case_text(text.rstrip(":"), 0) if len(text) <= 300 else ""
    if len(text) <= 160 and not _NOT_ONLY_A_CASE.search(text):
        return text.rstrip(" .")
    return ""


def _marker(name: str) -> str:
    """The shape of a row's bullet or outline number: "-", "+", "*", "1.", "a)", "(a)"; "" for none."""
    text = normalize(name)
    lead = text[: len(text) - len(strip_lead(text))]
    return re.sub(r"\s+", "", re.sub(r"\d+", "1", re.sub(r"[a-zđ]+", "a", lead)))


def classify_lines(rows: Sequence) -> list[Reading]:
    """Readings for a procedure's whole list (rows with ``name`` and ``group``, e.g. portal_tables.DocumentRow).

    A row heading (`row_heading`) is a note, and its case holds for the rows below it in the same group until the
    next row heading, or until a row with the heading's own bullet ("- Đối với …:" over "+ …" rows ends at the next
    "- …"). The crawl often lists a page's rows out of order ("+ Đối với hồ sơ đề nghị gia hạn …", two documents,
    "+ Đối với hồ sơ đề nghị tái cấp vốn", two documents): the rows below a heading are read under it all the same,
    so that a document of one of several cases is not read as required by all."""
    variants = variant_headings(rows)
    readings = []
    above, marker, group = "", "", None
    for row in rows:
        heading = read_heading(row.group)
        if heading.role == "named" and heading.text in variants:
            heading = Heading("case", heading.text)
        if row.group != group:
            above, group = "", row.group
        case = row_heading(row.name) if heading.role not in ("note", "exempt") else ""
        if case:
            above, marker = case, _marker(row.name)
            readings.append(Reading(NOTE))
            continue
        if above and marker and _marker(row.name) == marker:
            above = ""  # a sibling of the heading: back to the list
        if above:
            heading = Heading("case", f"{heading.text}; {above}" if heading.role == "case" else above)
        readings.append(classify(row.name, row.group, heading))
    return readings


def tally(readings: Iterable[Reading]) -> Counter:
    return Counter(reading.kind for reading in readings)


# --------------------------------------------------------------------------- notes kept for the reader
NOTES_HEADING = "Lưu ý về thành phần hồ sơ:"


def with_notes(conditions: str, notes: Sequence[str]) -> str:
    """The version's "Yêu cầu, điều kiện" text with the list's notes appended under their own heading.

    Notes are not documents, so they stay out of the checklist; they are still what the page tells the applicant
    ("Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp … phải được hợp pháp hóa lãnh sự"), so they are kept
    where the detail page and the desk show the procedure's requirements."""
    lines = []
    for note in notes:
        text = normalize(note).lstrip("-+*• ").strip()
        if text and text not in lines:
            lines.append(text)
    if not lines:
        return conditions
    block = NOTES_HEADING + "\n" + "\n".join(f"- {line}" for line in lines)
    return f"{conditions.rstrip()}\n\n{block}" if conditions.strip() else block
