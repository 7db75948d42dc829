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
with its heading. Both are pure: no Django, no database.
Measured against hand-labelled samples in ``tests/fixtures/document_lines_*.csv`` (see tests/test_conditions.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

REQUIRED, CONDITIONAL, OPTIONAL, NOTE = "required", "conditional", "optional", "note"
KINDS = (REQUIRED, CONDITIONAL, OPTIONAL, NOTE)
CONDITION_MAX = 500


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


# --------------------------------------------------------------------------- text helpers
_SPACES = re.compile(r"[\s\u00a0\u200b\u200e\u200f\ufeff]+")
# bullets (any symbol, also the private-use glyphs of Word's Wingdings) and outline numbers in front of a line or
# heading: "- ", "+ ", "* ", "a) ", "(1.5) ", "1.3.1.2. ", "(iv) ", "b. ", "I. ", "9 " (a footnote number), "a.5) "
_LEAD = re.compile(
    r"^(?:[^\w(\[]+|\(?(?:\d+(?:\.\d+)*|[a-zđ](?:\.\d+)?|[ivx]+|[IVX]+)[).]\s*|\(\d+(?:\.\d+)*\)\s*"
    r"|\d+(?:\.\d+)+\s+|\d{1,2}\s+(?=[A-ZĐÀ-Ỹ]))"
)
# a count cell glued into a heading: text of earlier rows ends there ("…1 bản chính,1 bản sao (1.6) Đối với …")
_COUNT_CELL = re.compile(r"\d+ bản (?:chính|sao)(?:,\s*\d+ bản sao)?")


def normalize(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def strip_lead(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, _LEAD.sub("", text, count=1).strip()
    return text


# --------------------------------------------------------------------------- words
# A case opens with one of these ("Trường hợp …", "Đối với …", "Nếu …", "Khi …", "Riêng …"); "rường hợp" is the
# portal's own truncation of "Trường hợp" at the start of a cell.
_CASE_START = re.compile(
    r"^(?:ngoài ra,?\s*|ngoài [^,]{0,120}?,\s*)?(?:\(\s*)?(?:các |trong |đối với |chỉ áp dụng (?:đối với|cho) )?"
    r"(?:t?rường\s+hợp|đối với|nếu|khi|riêng|áp dụng (?:đối với|cho)|trừ trường hợp)\b",
    re.IGNORECASE,
)
_CHANNEL_HEADING = re.compile(
    r"^(?:các giấy tờ |hồ sơ )?(?:nộp|gửi)\s+(?:trực tiếp|trực tuyến|qua|theo phương thức|bằng|trên)", re.IGNORECASE
)
_NOTE_HEADING = re.compile(
    r"^(?:lưu ý|ghi chú|chú ý|thời hạn (?:cung cấp|nộp)|các tài liệu được miễn|quy định về miễn"
    r"|số lượng hồ sơ|lượng hồ sơ)",
    re.IGNORECASE,
)
# headings that name a part of every dossier, never a case of it
_PART_HEADING = re.compile(
    r"^(?:\*?\s*)?(?:các )?(?:giấy tờ|tài liệu|chứng từ)(?: phải| cần)? (?:nộp|xuất trình|kèm theo|làm căn cứ)"
    r"|^(?:các )?thành phần(?:,? số lượng)? hồ sơ\s*(?:gồm|bao gồm)?\s*:?$|^hồ sơ (?:bao )?gồm|^bao gồm|^gồm|^nhóm \d"
    r"|^một bản sao|^hồ sơ của người|^hồ sơ năng lực",
    re.IGNORECASE,
)
# "(nếu có)", "nếu có;", "… (nếu có)." — but not "nếu có thay đổi", "nếu có cơ sở xác định …"
_IF_ANY = re.compile(r"\(?\bnếu có\b\s*(?=[).;,:]|$)\)?", re.IGNORECASE)
# who or what a case is about, after "đối với" inside a line ("… đối với người nhập cảnh"); "đối với" before anything
# else reads "in respect of" ("Tờ khai nộp phí bảo vệ môi trường đối với khí thải"), not a case
_PARTY = (r"(?:các |những |mỗi )?(?:người|tổ chức|cá nhân|doanh nghiệp|nhà đầu tư|nhà thầu|công ty|chi nhánh|"
          r"văn phòng|đơn vị|cơ sở|cơ quan|hộ|thành viên|cổ đông|chủ|học viên|đối tượng|trẻ em|công dân|hàng|"
          r"phương tiện|xe|ô tô|tàu|dự án|công trình|trường hợp|quỹ|ngân hàng|tổ chức tín dụng|bến|cảng|"
          r"sản phẩm|thuốc|giống|lô hàng|nhà ở|thửa đất|diện tích|biển|hồ sơ|giấy phép|chứng chỉ)\b")
# a clause that states a case for the document named before it
_CASE_IN_LINE = re.compile(
    r"(?:\b(?:trong|đối với|với|áp dụng (?:đối với|cho))\s+(?:các\s+)?trường hợp\b"
    r"|(?<![\w/])(?:trường hợp)\b"
    r"|(?<!giá trị )(?<!giá trị sử dụng )\bnếu\b(?!\s+có\b\s*(?:[).;,:]|$))(?!\s+được (?:lập|cấp|xác nhận)\b)"
    r"|\btùy (?:từng|theo) trường hợp\b"
    r"|\bchỉ\s+(?:cần\s+)?(?:gửi|nộp|áp dụng|yêu cầu)\b"
    r"|\bđối với\s+(?=" + _PARTY + r")"
    r"|\bdành cho\s+(?:người|tổ chức|cá nhân|doanh nghiệp)"
    r"|\bkhi\s+(?:có|nộp|thay đổi|đề nghị|thực hiện|làm thủ tục)\b|,\s*khi\s+(?!đó\b|nào\b))",
    re.IGNORECASE,
)
# a rule about the dossier or the officer's duty: never a document, whatever the line starts with
_RULE = re.compile(
    r"\b(?:người|cán bộ|công chức) tiếp nhận\b|\b(?:cơ quan|cán bộ|công chức)\b[^,.;]{0,60}\bcó trách nhiệm\b"
    r"|\bchịu trách nhiệm trước pháp luật\b|\bcó quyền lựa chọn\b"
    r"|\bkhông được yêu cầu\b|\bcó giá trị pháp lý tương đương\b|\bphải (?:bảo đảm|đảm bảo) rõ nét\b"
    r"|\bthì phải có (?:đầy đủ )?chữ ký\b|\btừ chối (?:giải quyết|tiếp nhận)\b|\bhủy bỏ kết quả\b",
    re.IGNORECASE,
)
# the consequence of a case is an exemption or something the agency does, not a document to bring
_EXEMPTION = re.compile(
    r"\b(?:không phải|không cần|không bắt buộc phải|được miễn|miễn nộp|không yêu cầu(?: bắt buộc)?)"
    r" (?:nộp|xuất trình|tải lên|cung cấp|gửi|có|bổ sung|kê khai|chứng thực)"
    r"|\bthì (?:các )?thông tin (?:này )?(?:được|sẽ được) thay thế"
    r"|\bcơ quan (?:đăng ký hộ tịch|hải quan|tiếp nhận|có thẩm quyền|đăng ký)[^.;]{0,40}?"
    r"(?:từ chối|kiểm tra|tra cứu|khai thác|hủy bỏ|chấp nhận|yêu cầu)",
    re.IGNORECASE,
)
# what a case changes is only how the papers travel ("Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch
# vụ bưu chính công ích …", "… thì thành phần hồ sơ phải được chứng thực điện tử"): an instruction, not a document
_HOW_TO_SEND = re.compile(
    r"\bthì\b[^.;]{0,150}?(?:\b(?:gửi|chuyển)\b[^.;]{0,60}?\b(?:qua|thông qua) (?:dịch vụ |đường |hệ thống )?bưu chính"
    r"|\bphải được chứng thực điện tử\b)",
    re.IGNORECASE,
)
_NOTE_LINE = re.compile(
    r"^(?:thuộc|thực hiện) một trong (?:các|những)\b"  # criteria: "Thuộc một trong các trường hợp …"
    r"|^đối với (?:các |những )?(?:tài liệu|giấy tờ|văn bản|bản (?:sao|chụp|dịch|quét))\b"  # about documents at large
    r"|^số lượng(?: hồ sơ)?\s*:|^\d+\s*\(\w+\)\s*bộ\b|^hồ sơ được lập thành"
    r"|^(?:thời hạn|thời gian) (?:nộp|cung cấp|giải quyết)|^chậm nhất\b|^thực hiện (?:nộp|theo)\b",
    re.IGNORECASE,
)
# "… gửi hồ sơ về UBND cấp xã, thành phần hồ sơ bao gồm": the heading of a list that landed in a row
_LIST_HEADING_END = re.compile(r",\s*thành phần hồ sơ (?:bao )?gồm\s*:?\s*$", re.IGNORECASE)
_REMARK = re.compile(r"^(?:lưu ý|ghi chú|chú ý)\s*:?\s*", re.IGNORECASE)
# a remark's case asks for a document: "… yêu cầu … bổ sung một trong các giấy tờ sau"
_DEMANDS_DOCUMENT = re.compile(
    r"\b(?:bổ sung|nộp|kèm theo|xuất trình|phải có)\s+(?:thêm\s+)?(?:một trong\s+)?(?:các\s+|những\s+)?"
    r"(?:giấy tờ|tài liệu|văn bản|bản sao|bản chính|bản dịch)\b",
    re.IGNORECASE,
)
# a document noun at the start of a line: "Bản sao …", "Giấy …", "Đơn …", "Tờ khai …", "02 ảnh …"
_DOCUMENT_START = re.compile(
    r"^(?:\d+\s+)?(?:bản|giấy|đơn|tờ|văn bản|văn bằng|hộ chiếu|thẻ|quyết định|hợp đồng|biên bản|báo cáo|danh sách"
    r"|danh mục|phiếu|sổ|chứng|ảnh|hóa đơn|hoá đơn|phương án|đề án|dự án|dự thảo|kế hoạch|tài liệu|hồ sơ|công văn"
    r"|tờ trình|bảng|sơ đồ|bản đồ|thuyết minh|nghị quyết|cam kết|mẫu|chương trình|quy trình|quy chế|điều lệ|thông tin"
    r"|các giấy tờ|các tài liệu|các văn bản|trích lục|lý lịch|thông báo|xác nhận|ý kiến|kết quả|bằng|chứng chỉ)",
    re.IGNORECASE,
)
_APPLICATION = re.compile(
    r"^(?:bản chính |01 )?(?:đơn|tờ khai|văn bản đề nghị|giấy đề nghị|đề nghị|tờ trình|công văn (?:đề nghị|yêu cầu)"
    r"|văn bản (?:thông báo|yêu cầu)|phiếu (?:đề nghị|yêu cầu)|thông báo)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- headings
@dataclass(frozen=True)
class Heading:
    role: str  # "none" | "case" | "note" | "exempt" | "part" | "named"
    text: str  # the heading as the condition reads it (bullets, trailing ":" and earlier rows' text removed)


_WAIVES = re.compile(r"\bkhông (?:bao gồm|cần|phải|yêu cầu)\b|\bcó thể (?:được )?thực hiện thông qua\b|\bđược miễn\b",
                     re.IGNORECASE)
_EXEMPT_HEADING = re.compile(r"\b(?:tài liệu|giấy tờ|thành phần)\b[^.]{0,30}?\b(?:được miễn|miễn nộp)\b"
                             r"|^miễn nộp\b|\bmiễn, giảm tài liệu\b", re.IGNORECASE)


def read_heading(group: str) -> Heading:
    text = normalize(group)
    if not text:
        return Heading("none", "")
    counts = list(_COUNT_CELL.finditer(text))
    if counts and counts[-1].end() < len(text):  # text of earlier rows glued in front: the heading is what follows
        text = text[counts[-1].end():].strip()
    glued = list(re.finditer(r"\)(?=[A-ZĐÀ-Ỹ])", text))
    if glued:  # "(… thì hồ sơ không bao gồm bản sao của các giấy tờ này)Hồ sơ đề nghị …": a note, then the heading
        text = text[glued[-1].end():].strip()
    text = strip_lead(text)
    clean = text.rstrip(":").strip()
    if _NOTE_HEADING.match(clean) or _RULE.search(clean):
        return Heading("note", clean)
    if _EXEMPT_HEADING.search(clean) and not re.search(r"\bnếu\b|trường hợp", clean, re.IGNORECASE):
        return Heading("exempt", clean)
    if _CHANNEL_HEADING.match(clean):
        return Heading("named", clean)  # a case only beside another channel's list (see variant_headings)
    if _CASE_START.match(clean):
        consequence = re.search(r"\bthì\b(.*)", clean)
        if consequence and _WAIVES.search(consequence.group(1)):
            return Heading("none", "")  # "Trường hợp … đã được tích hợp … thì việc xuất trình … có thể …": a note
        return Heading("case", clean)
    item = re.search(r":\s*[-+*•]+\s*([^:]+)$", clean)
    if item and _CASE_START.match(item.group(1)):  # "… theo quy định sau đây: - Trường hợp ủy quyền cho cá nhân …"
        return Heading("case", item.group(1).strip())
    if re.search(r"\b(?:đối với|trong|tùy (?:từng|theo)) (?:các )?trường hợp\b|\(\s*trường hợp\b"
                 r"|\bmiễn nộp\b[^.]*\bnếu\b", clean,
                 re.IGNORECASE):
        return Heading("case", clean)
    if re.search(r"\bđối với\b", clean, re.IGNORECASE) and not clean.lower().startswith("thủ tục"):
        return Heading("case", clean)
    if _PART_HEADING.match(clean):
        return Heading("part", clean)
    return Heading("named", clean)


# --------------------------------------------------------------------------- one line
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp)$")  # "TP. Hồ Chí Minh" does not end a sentence


def _first_clause(text: str, stops: str = ";.") -> str:
    """The line up to the end of its first sentence or ";" (parentheses kept whole)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in stops and (ch == ";" or (i + 1 == len(text) or text[i + 1] == " ")
                                             and i > 0 and not text[i - 1].isdigit()
                                             and not _ABBREVIATION.search(text, 0, i)):
            return text[:i]
    return text


def _first_sentence(text: str) -> str:
    return _first_clause(text, ".")


def _case_text(text: str, start: int) -> str:
    """The case clause that begins at ``start``: up to "thì", ":", ";", ")" or the end of the sentence."""
    end = len(text)
    for m in re.finditer(r"\bthì\b|[:;)]|\.(?:\s|$)|,\s*(?:hồ sơ|người|tổ chức|cá nhân|doanh nghiệp|kèm theo)\b",
                         text[start:]):
        end = start + m.start()
        break
    return text[start:end].strip(" ,(").strip()[:CONDITION_MAX]


def _parentheses(text: str) -> list[tuple[int, int]]:
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            spans.append((stack.pop(), i))
    spans.extend((open_, len(text)) for open_ in stack)
    return spans


_CASE_OPENERS = ("trong", "đối với", "trường hợp", "nếu", "chỉ", "áp dụng", "khi", "dành cho", "trừ trường hợp")


def _inline_case(text: str) -> str | None:
    """The case the line itself states for the document it names, or None."""
    if _CASE_START.match(text):
        return _case_text(text, 0)
    clause = _first_clause(text)
    low = text.lower()
    sentence = _first_sentence(text)  # the parentheses of a later sentence are about something else
    paren_cases = [(a, b) for a, b in _parentheses(sentence)
                   if sentence[a + 1:b].strip().lower().startswith(_CASE_OPENERS)
                   and not _IF_ANY.fullmatch(sentence[a + 1:b].strip())]  # "(nếu có)" is not a case
    if len(paren_cases) > 1 and re.search(r"\)\s*(?:hoặc|;|,)", sentence):
        return None  # "(trường hợp chi đầu tư) hoặc … (trường hợp chi sự nghiệp)": alternatives, one always applies
    excluded = re.search(r"\(\s*(không áp dụng (?:đối với|cho)\b[^)]*)", text, re.IGNORECASE)
    if excluded:  # "(không áp dụng đối với trường hợp … lần đầu …)": not needed in that case
        return excluded.group(1).strip()[:CONDITION_MAX]
    spans = _parentheses(clause)
    for a, b in spans:
        inside = clause[a + 1:b].strip()
        if re.match(r"(?:chỉ )?(?:đối với|áp dụng (?:cho|đối với)|dành cho)\b", inside, re.IGNORECASE) and \
                len(paren_cases) == 1:
            return inside[:CONDITION_MAX]  # "(đối với nội dung hỗ trợ …)", "(Áp dụng cho chủ thể là cá nhân …)"
    for m in _CASE_IN_LINE.finditer(clause):
        word = m.group(0).lower()
        inner = next(((a, b) for a, b in spans if a < m.start() < b), None)
        if inner:
            inside = clause[inner[0] + 1:inner[1]].strip()
            own_clause = re.search(r",\s*$", clause[inner[0] + 1:m.start()]) and word.startswith("nếu")
            if not inside.lower().startswith(_CASE_OPENERS) and not own_clause:
                continue  # "(tỷ lệ 1/2.000 đối với diện tích …)", "(hoặc bản sao … trường hợp …)"
            if re.search(r"\bthì\b", inside) and not re.search(r"\bthì (?:phải )?(?:nộp|có|kèm|bổ sung)\b", inside):
                continue  # "(trường hợp nộp bản sao không có chứng thực thì … mang theo bản chính)"
            if re.search(r"\bhoặc\b[^,;:()]*$", clause[:inner[0]]) and re.match(r"\s*[a-zđà-ỹ]", clause[inner[1] + 1:]):
                continue  # "Quyết định của ĐHĐCĐ hoặc HĐQT (trong trường hợp được ĐHĐCĐ ủy quyền) thông qua …": the
                # case picks the last alternative inside the document's name; the document is asked all the same
            if own_clause:  # "(do người yêu cầu cung cấp …, nếu người có yêu cầu lựa chọn nộp … trực tuyến)"
                return _case_text(clause, m.start())
            return _case_text(clause, inner[0] + 1)
        before = clause[:m.start()]
        if re.search(r"\b(?:theo|không thuộc|thuộc một trong) (?:các )?$", before, re.IGNORECASE):
            continue  # "theo các trường hợp quy định tại …", "cam kết không thuộc trường hợp …": not a case
        if re.match(r"(?:ngoại )?trừ trường hợp được miễn\b", clause[max(0, m.start() - 9):], re.IGNORECASE) or \
                re.search(r"\btrừ $", before, re.IGNORECASE) and clause[m.end():].lstrip().startswith("được miễn"):
            continue  # "… đã được hợp pháp hóa lãnh sự, trừ trường hợp được miễn …": about a formality
        colon = before.rfind(":")
        if colon >= 0 and re.search(r"\b(?:nội dung|gồm|bao gồm|trong đó)\b[^:]*$", before[:colon], re.IGNORECASE):
            continue  # "… trong đó phải có các nội dung sau: điều kiện đối với cổ đông …": what the document says
        if re.match(r"(?:trong )?trường hợp (?:không|chưa) có\b", clause[m.start():], re.IGNORECASE) and \
                re.search(r"\bhoặc\b", before, re.IGNORECASE):
            continue  # "Hóa đơn … hoặc giấy cam đoan … trong trường hợp không có hóa đơn": the last alternative
        if word.startswith("trường hợp") and m.start() > 0 and re.match(
                r"trường hợp\s+(?:không có|không|chưa có)\b.*\bthì\b", clause[m.start():], re.IGNORECASE):
            continue  # "Giấy chứng sinh; trường hợp không có … thì nộp …": an alternative, still required
        if word.startswith("đối với") and not word.startswith("đối với trường"):
            if len(re.findall(r"\bđối với\b", low)) > 1 and re.search(r";|\bhoặc\b", low):
                continue  # alternatives for every kind of applicant: "… đối với công ty TNHH …; … đối với …"
            if re.search(r"\b(?:cam kết|nghĩa vụ|trách nhiệm|ý kiến|quyền sở hữu|quyền sử dụng)\b[^,;]{0,60}$", before,
                         re.IGNORECASE):
                continue  # "Cam kết … đối với nhà đầu tư"
        return _case_text(clause, m.start())
    return None


# the form or the rule a document follows, after its name: "Bảng kê … (nếu có) ban hành kèm theo Thông tư …"
_REFERENCE_TAIL = re.compile(r"\s*\b(?:theo mẫu|ban hành kèm theo|được ban hành)\b[^;:(),]*$", re.IGNORECASE)


def _closes(text: str) -> bool:
    text = text.rstrip(" .,;:")
    if ":" not in text and not any(_DOCUMENT_START.match(part.strip()) for part in text.split(",")[1:]):
        text = _REFERENCE_TAIL.sub("", text).rstrip(" .,;:")  # one document, not a list of them
    return any(m.end() >= len(text) for m in _IF_ANY.finditer(text))


def _is_optional(text: str) -> bool:
    """"nếu có" qualifies the document the line names: it closes the line's first clause, or the line when no
    other document follows a ";" ("Tờ trình …; Hồ sơ dự án … và các tài liệu khác (nếu có)" stays required)."""
    if _CASE_START.match(text) and ":" in text:  # "Đối với nhân sự …: Văn bản … (nếu có)": the document follows ":"
        text = text[text.index(":") + 1:].strip()
    if re.search(r"\(nếu có\)\s*(?:(?:như |sau đây|sau|gồm|bao gồm)*\s*:|,\s*bao gồm\b)", text, re.IGNORECASE):
        return True  # "Danh mục các cơ sở sản xuất (nếu có), bao gồm …", "Hợp đồng … (nếu có): nộp 01 bản chụp"
    if _closes(_first_clause(text)):
        return True
    parts = text.split(";")
    return (_closes(text) and ":" not in text
            and not any(_DOCUMENT_START.match(strip_lead(part.strip())) for part in parts[1:]))


def _states_a_rule(text: str, document_start: bool) -> bool:
    """The line is a rule about the dossier or the officer's duty. A line naming a document is a rule only when the
    rule is its own first sentence ("Bản chụp … phải bảo đảm rõ nét"), not a content it describes after ":"."""
    m = _RULE.search(_first_sentence(text))
    if not m or not document_start:
        return bool(m)
    return m.start() < len(_first_clause(text)) and ":" not in text[:m.start()]


def classify(name: str, group: str = "", heading: Heading | None = None) -> Reading:
    """Kind and condition of one line, from its own words and its heading's."""
    heading = heading or read_heading(group)
    text = strip_lead(normalize(name))
    remark = _REMARK.match(text)
    if remark:  # "Lưu ý: …" is a note, unless it asks for a document in a case it states
        text = text[remark.end():]
        if not (_CASE_START.match(text) and _DEMANDS_DOCUMENT.search(_first_sentence(text))):
            return Reading(NOTE)
    if not text or _NOTE_LINE.match(text) or _LIST_HEADING_END.search(text):
        return Reading(NOTE)
    starts_with_case = bool(_CASE_START.match(text))
    document_start = bool(_DOCUMENT_START.match(text))
    if _states_a_rule(text, document_start):
        return Reading(NOTE)
    if _EXEMPTION.search(_first_sentence(text)) and (starts_with_case or not document_start):
        return Reading(NOTE)
    if starts_with_case and _HOW_TO_SEND.search(_first_sentence(text)):
        return Reading(NOTE)  # "Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch vụ bưu chính …"
    if text.endswith(":") and len(text) < 200 and not document_start:
        return Reading(NOTE)  # a list heading that landed in a row: "- Đối với giấy tờ nộp, xuất trình nếu …:"
    if heading.role == "exempt":
        return Reading(NOTE)  # "Các tài liệu được miễn nộp …": what follows is not asked for
    if heading.role == "note" and not (document_start and not starts_with_case
                                       and not re.search(r"\b(?:phải|có thể|được|không)\b", text)):
        return Reading(NOTE)
    own = _inline_case(text)
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
    applications = sum(1 for names in blocks.values() if any(_APPLICATION.match(strip_lead(normalize(n)))
                                                              for n in names))
    if repeated >= 2 or applications >= 2:
        return set(named)
    return set()


# a row that is only a case has no document of its own: "+ Đối với hồ sơ đề nghị gia hạn tái cấp vốn"
_NOT_ONLY_A_CASE = re.compile(r"[,;:()]|\b(?:thì|phải|cần|bổ sung|kèm|xuất trình|cung cấp|không|yêu cầu)\b",
                              re.IGNORECASE)


def row_heading(name: str) -> str:
    """The case of a row that is a heading for the rows below it, or "".

    The crawl puts some headings in a row of their own ("- Đối với các dự án đầu tư trong phạm vi bảo vệ của công
    trình thủy lợi, hồ sơ … phải bổ sung:", "* Đối với xác nhận việc đáp ứng các yêu cầu khai trương …:", "+ Đối với
    hồ sơ đề nghị gia hạn tái cấp vốn"): a row that opens with a case and either ends with ":" or says nothing but
    the case. Not a heading: a rule, an exemption or an instruction that ends with ":" ("- Đối với giấy tờ gửi kèm
    theo nếu … trực tuyến:"), a fragment in parentheses or in lower case (the tail of the row above)."""
    text = strip_lead(normalize(name))
    if not text or not _CASE_START.match(text) or text[0] == "(" or text[0].islower():
        return ""
    if _NOTE_LINE.match(text) or _RULE.search(text) or _EXEMPTION.search(text) or _WAIVES.search(text) \
            or _HOW_TO_SEND.search(text):
        return ""
    if text.endswith(":"):
        return _case_text(text.rstrip(":"), 0) if len(text) <= 300 else ""
    if len(text) <= 160 and not _NOT_ONLY_A_CASE.search(text):
        return text.rstrip(" .")
    return ""


def _marker(name: str) -> str:
    """The shape of a row's bullet or outline number: "-", "+", "*", "1.", "a)", "(a)"; "" for none."""
    text = normalize(name)
    lead = text[:len(text) - len(strip_lead(text))]
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


# --------------------------------------------------------------------------- the line an e-form replaces
_DECLARATION = re.compile(r"^(?:mau )?(?:to khai|don (?:de nghi|dang ky|yeu cau|xin))")


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFD", normalize(text).lower().replace("đ", "d"))
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def declaration_index(names: Sequence[str], previous: str = "") -> int | None:
    """Which line a version's e-form (tờ khai điện tử) replaces: the line named like the one the previous version
    marked, else the first line that is a tờ khai or an application (đơn đề nghị, đơn đăng ký …), else None."""
    folded = [strip_lead(_folded(name)) for name in names]
    if previous:
        wanted = strip_lead(_folded(previous))
        for index, name in enumerate(folded):
            if name == wanted:
                return index
    return next((index for index, name in enumerate(folded) if _DECLARATION.match(name)), None)
