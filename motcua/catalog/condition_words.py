"""The words that tell what a line of the required-documents list is: the patterns that mark a case ("Trường hợp …",
"Đối với …", "nếu …"), "nếu có", a note or a rule about the dossier, an exemption, a document's name at the start of
a line; and the text helpers that prepare a line or heading for them (`normalize`, `strip_lead`).

Split from `conditions.py` (issue 13): the headings, the one-line rules (`conditions`) and the case a line states
(`condition_cases`) all read lines with this one vocabulary. Pure: no Django, no database.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- text helpers
_SPACES = re.compile(r"[\s\u00a0\u200b\u200e\u200f\ufeff]+")
# bullets (any symbol, also the private-use glyphs of Word's Wingdings) and outline numbers in front of a line or
# heading: "- ", "+ ", "* ", "a) ", "(1.5) ", "1.3.1.2. ", "(iv) ", "b. ", "I. ", "9 " (a footnote number), "a.5) "
_LEAD = re.compile(
    r"^(?:[^\w(\[]+|\(?(?:\d+(?:\.\d+)*|[a-zđ](?:\.\d+)?|[ivx]+|[IVX]+)[).]\s*|\(\d+(?:\.\d+)*\)\s*"
    r"|\d+(?:\.\d+)+\s+|\d{1,2}\s+(?=[A-ZĐÀ-Ỹ]))"
)
# a count cell glued into a heading: text of earlier rows ends there ("…1 bản chính,1 bản sao (1.6) Đối với …")
COUNT_CELL = re.compile(r"\d+ bản (?:chính|sao)(?:,\s*\d+ bản sao)?")


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
CASE_START = re.compile(
    r"^(?:ngoài ra,?\s*|ngoài [^,]{0,120}?,\s*)?(?:\(\s*)?(?:các |trong |đối với |chỉ áp dụng (?:đối với|cho) )?"
    r"(?:t?rường\s+hợp|đối với|nếu|khi|riêng|áp dụng (?:đối với|cho)|trừ trường hợp)\b",
    re.IGNORECASE,
)
CHANNEL_HEADING = re.compile(
    r"^(?:các giấy tờ |hồ sơ )?(?:nộp|gửi)\s+(?:trực tiếp|trực tuyến|qua|theo phương thức|bằng|trên)", re.IGNORECASE
)
NOTE_HEADING = re.compile(
    r"^(?:lưu ý|ghi chú|chú ý|thời hạn (?:cung cấp|nộp)|các tài liệu được miễn|quy định về miễn"
    r"|số lượng hồ sơ|lượng hồ sơ)",
    re.IGNORECASE,
)
# headings that name a part of every dossier, never a case of it
PART_HEADING = re.compile(
    r"^(?:\*?\s*)?(?:các )?(?:giấy tờ|tài liệu|chứng từ)(?: phải| cần)? (?:nộp|xuất trình|kèm theo|làm căn cứ)"
    r"|^(?:các )?thành phần(?:,? số lượng)? hồ sơ\s*(?:gồm|bao gồm)?\s*:?$|^hồ sơ (?:bao )?gồm|^bao gồm|^gồm|^nhóm \d"
    r"|^một bản sao|^hồ sơ của người|^hồ sơ năng lực",
    re.IGNORECASE,
)
# "(nếu có)", "nếu có;", "… (nếu có)." — but not "nếu có thay đổi", "nếu có cơ sở xác định …"
IF_ANY = re.compile(r"\(?\bnếu có\b\s*(?=[).;,:]|$)\)?", re.IGNORECASE)
# who or what a case is about, after "đối với" inside a line ("… đối với người nhập cảnh"); "đối với" before anything
# else reads "in respect of" ("Tờ khai nộp phí bảo vệ môi trường đối với khí thải"), not a case
_PARTY = (
    r"(?:các |những |mỗi )?(?:người|tổ chức|cá nhân|doanh nghiệp|nhà đầu tư|nhà thầu|công ty|chi nhánh|"
    r"văn phòng|đơn vị|cơ sở|cơ quan|hộ|thành viên|cổ đông|chủ|học viên|đối tượng|trẻ em|công dân|hàng|"
    r"phương tiện|xe|ô tô|tàu|dự án|công trình|trường hợp|quỹ|ngân hàng|tổ chức tín dụng|bến|cảng|"
    r"sản phẩm|thuốc|giống|lô hàng|nhà ở|thửa đất|diện tích|biển|hồ sơ|giấy phép|chứng chỉ)\b"
)
# a clause that states a case for the document named before it
CASE_IN_LINE = re.compile(
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
RULE = re.compile(
    r"\b(?:người|cán bộ|công chức) tiếp nhận\b|\b(?:cơ quan|cán bộ|công chức)\b[^,.;]{0,60}\bcó trách nhiệm\b"
    r"|\bchịu trách nhiệm trước pháp luật\b|\bcó quyền lựa chọn\b"
    r"|\bkhông được yêu cầu\b|\bcó giá trị pháp lý tương đương\b|\bphải (?:bảo đảm|đảm bảo) rõ nét\b"
    r"|\bthì phải có (?:đầy đủ )?chữ ký\b|\btừ chối (?:giải quyết|tiếp nhận)\b|\bhủy bỏ kết quả\b",
    re.IGNORECASE,
)
# the consequence of a case is an exemption or something the agency does, not a document to bring
EXEMPTION = re.compile(
    r"\b(?:không phải|không cần|không bắt buộc phải|được miễn|miễn nộp|không yêu cầu(?: bắt buộc)?)"
    r" (?:nộp|xuất trình|tải lên|cung cấp|gửi|có|bổ sung|kê khai|chứng thực)"
    r"|\bthì (?:các )?thông tin (?:này )?(?:được|sẽ được) thay thế"
    r"|\bcơ quan (?:đăng ký hộ tịch|hải quan|tiếp nhận|có thẩm quyền|đăng ký)[^.;]{0,40}?"
    r"(?:từ chối|kiểm tra|tra cứu|khai thác|hủy bỏ|chấp nhận|yêu cầu)",
    re.IGNORECASE,
)
# what a case changes is only how the papers travel ("Trường hợp nộp hồ sơ trực tuyến thì hộ chiếu phải gửi qua dịch
# vụ bưu chính công ích …", "… thì thành phần hồ sơ phải được chứng thực điện tử"): an instruction, not a document
HOW_TO_SEND = re.compile(
    r"\bthì\b[^.;]{0,150}?(?:\b(?:gửi|chuyển)\b[^.;]{0,60}?\b(?:qua|thông qua) (?:dịch vụ |đường |hệ thống )?bưu chính"
    r"|\bphải được chứng thực điện tử\b)",
    re.IGNORECASE,
)
NOTE_LINE = re.compile(
    r"^(?:thuộc|thực hiện) một trong (?:các|những)\b"  # criteria: "Thuộc một trong các trường hợp …"
    r"|^đối với (?:các |những )?(?:tài liệu|giấy tờ|văn bản|bản (?:sao|chụp|dịch|quét))\b"  # about documents at large
    r"|^số lượng(?: hồ sơ)?\s*:|^\d+\s*\(\w+\)\s*bộ\b|^hồ sơ được lập thành"
    r"|^(?:thời hạn|thời gian) (?:nộp|cung cấp|giải quyết)|^chậm nhất\b|^thực hiện (?:nộp|theo)\b",
    re.IGNORECASE,
)
# "… gửi hồ sơ về UBND cấp xã, thành phần hồ sơ bao gồm": the heading of a list that landed in a row
LIST_HEADING_END = re.compile(r",\s*thành phần hồ sơ (?:bao )?gồm\s*:?\s*$", re.IGNORECASE)
REMARK = re.compile(r"^(?:lưu ý|ghi chú|chú ý)\s*:?\s*", re.IGNORECASE)
# a remark's case asks for a document: "… yêu cầu … bổ sung một trong các giấy tờ sau"
DEMANDS_DOCUMENT = re.compile(
    r"\b(?:bổ sung|nộp|kèm theo|xuất trình|phải có)\s+(?:thêm\s+)?(?:một trong\s+)?(?:các\s+|những\s+)?"
    r"(?:giấy tờ|tài liệu|văn bản|bản sao|bản chính|bản dịch)\b",
    re.IGNORECASE,
)
# a document noun at the start of a line: "Bản sao …", "Giấy …", "Đơn …", "Tờ khai …", "02 ảnh …"
DOCUMENT_START = re.compile(
    r"^(?:\d+\s+)?(?:bản|giấy|đơn|tờ|văn bản|văn bằng|hộ chiếu|thẻ|quyết định|hợp đồng|biên bản|báo cáo|danh sách"
    r"|danh mục|phiếu|sổ|chứng|ảnh|hóa đơn|hoá đơn|phương án|đề án|dự án|dự thảo|kế hoạch|tài liệu|hồ sơ|công văn"
    r"|tờ trình|bảng|sơ đồ|bản đồ|thuyết minh|nghị quyết|cam kết|mẫu|chương trình|quy trình|quy chế|điều lệ|thông tin"
    r"|các giấy tờ|các tài liệu|các văn bản|trích lục|lý lịch|thông báo|xác nhận|ý kiến|kết quả|bằng|chứng chỉ)",
    re.IGNORECASE,
)
APPLICATION = re.compile(
    r"^(?:bản chính |01 )?(?:đơn|tờ khai|văn bản đề nghị|giấy đề nghị|đề nghị|tờ trình|công văn (?:đề nghị|yêu cầu)"
    r"|văn bản (?:thông báo|yêu cầu)|phiếu (?:đề nghị|yêu cầu)|thông báo)",
    re.IGNORECASE,
)
