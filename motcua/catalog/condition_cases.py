"""The case a line of the required-documents list states for the document it names ("Văn bản ủy quyền … trong
trường hợp ủy quyền", "(Áp dụng cho chủ thể là cá nhân …)"), and the clause and sentence a line's reading stops at.

Split from `conditions.py` (issue 13), which reads a line's kind with the case found here and its heading's.
Pure: no Django, no database.
"""

from __future__ import annotations

import re

from .condition_words import CASE_IN_LINE, CASE_START, IF_ANY

CONDITION_MAX = 500


# --------------------------------------------------------------------------- one line
_ABBREVIATION = re.compile(r"(?:^|\s)(?:TP|Tp)$")  # "TP. Hồ Chí Minh" does not end a sentence


def first_clause(text: str, stops: str = ";.") -> str:
    """The line up to the end of its first sentence or ";" (parentheses kept whole)."""
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif (
            depth == 0
            and ch in stops
            and (
                ch == ";"
                or (
                    (i + 1 == len(text) or text[i + 1] == " ")
                    and i > 0
                    and not text[i - 1].isdigit()
                    and not _ABBREVIATION.search(text, 0, i)
                )
            )
        ):
            return text[:i]
    return text


def first_sentence(text: str) -> str:
    return first_clause(text, ".")


def case_text(text: str, start: int) -> str:
    """The case clause that begins at ``start``: up to "thì", ":", ";", ")" or the end of the sentence."""
    end = len(text)
    for m in re.finditer(
        r"\bthì\b|[:;)]|\.(?:\s|$)|,\s*(?:hồ sơ|người|tổ chức|cá nhân|doanh nghiệp|kèm theo)\b", text[start:]
    ):
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


def inline_case(text: str) -> str | None:
    """The case the line itself states for the document it names, or None."""
    if CASE_START.match(text):
        return case_text(text, 0)
    clause = first_clause(text)
    low = text.lower()
    sentence = first_sentence(text)  # the parentheses of a later sentence are about something else
    paren_cases = [
        (a, b)
        for a, b in _parentheses(sentence)
        if sentence[a + 1 : b].strip().lower().startswith(_CASE_OPENERS)
        and not IF_ANY.fullmatch(sentence[a + 1 : b].strip())
    ]  # "(nếu có)" is not a case
    if len(paren_cases) > 1 and re.search(r"\)\s*(?:hoặc|;|,)", sentence):
        return None  # "(trường hợp chi đầu tư) hoặc … (trường hợp chi sự nghiệp)": alternatives, one always applies
    excluded = re.search(r"\(\s*(không áp dụng (?:đối với|cho)\b[^)]*)", text, re.IGNORECASE)
    if excluded:  # "(không áp dụng đối với trường hợp … lần đầu …)": not needed in that case
        return excluded.group(1).strip()[:CONDITION_MAX]
    spans = _parentheses(clause)
    for a, b in spans:
        inside = clause[a + 1 : b].strip()
        if (
            re.match(r"(?:chỉ )?(?:đối với|áp dụng (?:cho|đối với)|dành cho)\b", inside, re.IGNORECASE)
            and len(paren_cases) == 1
        ):
            return inside[:CONDITION_MAX]  # "(đối với nội dung hỗ trợ …)", "(Áp dụng cho chủ thể là cá nhân …)"
    for m in CASE_IN_LINE.finditer(clause):
        word = m.group(0).lower()
        inner = next(((a, b) for a, b in spans if a < m.start() < b), None)
        if inner:
            inside = clause[inner[0] + 1 : inner[1]].strip()
            own_clause = re.search(r",\s*$", clause[inner[0] + 1 : m.start()]) and word.startswith("nếu")
            if not inside.lower().startswith(_CASE_OPENERS) and not own_clause:
                continue  # "(tỷ lệ 1/2.000 đối với diện tích …)", "(hoặc bản sao … trường hợp …)"
            if re.search(r"\bthì\b", inside) and not re.search(r"\bthì (?:phải )?(?:nộp|có|kèm|bổ sung)\b", inside):
                continue  # "(trường hợp nộp bản sao không có chứng thực thì … mang theo bản chính)"
            if re.search(r"\bhoặc\b[^,;:()]*$", clause[: inner[0]]) and re.match(
                r"\s*[a-zđà-ỹ]", clause[inner[1] + 1 :]
            ):
                continue  # "Quyết định của ĐHĐCĐ hoặc HĐQT (trong trường hợp được ĐHĐCĐ ủy quyền) thông qua …": the
                # case picks the last alternative inside the document's name; the document is asked all the same
            if own_clause:  # "(do người yêu cầu cung cấp …, nếu người có yêu cầu lựa chọn nộp … trực tuyến)"
                return case_text(clause, m.start())
            return case_text(clause, inner[0] + 1)
        before = clause[: m.start()]
        if re.search(r"\b(?:theo|không thuộc|thuộc một trong) (?:các )?$", before, re.IGNORECASE):
            continue  # "theo các trường hợp quy định tại …", "cam kết không thuộc trường hợp …": not a case
        if re.match(r"(?:ngoại )?trừ trường hợp được miễn\b", clause[max(0, m.start() - 9) :], re.IGNORECASE) or (
            re.search(r"\btrừ $", before, re.IGNORECASE) and clause[m.end() :].lstrip().startswith("được miễn")
        ):
            continue  # "… đã được hợp pháp hóa lãnh sự, trừ trường hợp được miễn …": about a formality
        colon = before.rfind(":")
        if colon >= 0 and re.search(r"\b(?:nội dung|gồm|bao gồm|trong đó)\b[^:]*$", before[:colon], re.IGNORECASE):
            continue  # "… trong đó phải có các nội dung sau: điều kiện đối với cổ đông …": what the document says
        if re.match(r"(?:trong )?trường hợp (?:không|chưa) có\b", clause[m.start() :], re.IGNORECASE) and re.search(
            r"\bhoặc\b", before, re.IGNORECASE
        ):
            continue  # "Hóa đơn … hoặc giấy cam đoan … trong trường hợp không có hóa đơn": the last alternative
        if (
            word.startswith("trường hợp")
            and m.start() > 0
            and re.match(r"trường hợp\s+(?:không có|không|chưa có)\b.*\bthì\b", clause[m.start() :], re.IGNORECASE)
        ):
            continue  # "Giấy chứng sinh; trường hợp không có … thì nộp …": an alternative, still required
        if word.startswith("đối với") and not word.startswith("đối với trường"):
            if len(re.findall(r"\bđối với\b", low)) > 1 and re.search(r";|\bhoặc\b", low):
                continue  # alternatives for every kind of applicant: "… đối với công ty TNHH …; … đối với …"
            if re.search(
                r"\b(?:cam kết|nghĩa vụ|trách nhiệm|ý kiến|quyền sở hữu|quyền sử dụng)\b[^,;]{0,60}$",
                before,
                re.IGNORECASE,
            ):
                continue  # "Cam kết … đối với nhà đầu tư"
        return case_text(clause, m.start())
    return None
