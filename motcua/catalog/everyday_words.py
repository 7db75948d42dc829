"""How citizens ask for a procedure, turned into the words the catalogue's names use (câu hỏi đời thường → tên thủ tục).

People type a question, not a name: "làm giấy khai sinh cho con", "đăng ký tạm trú như thế nào", "sổ đỏ". The
filler around the subject ("làm", "xin", "thủ tục", "như thế nào", "cho con") is not in the names, so requiring it
sent nearly every question to the slow typo pass; the everyday words ("sổ đỏ", "căn cước công dân", "hộ khẩu") are
not the legal ones. Pure text on folded words (see vntext.normalize.fold): no Django, no database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

WORD = re.compile(r"[a-z0-9]+")

# Everyday phrase → the words the catalogue's names use. Checked against the national portal's 2,642 names:
# "Cấp lại thẻ căn cước" (the 2023 Law on Identification renamed the card), "Đăng ký thường trú" (the household
# book was abolished in 2023), "Giấy chứng nhận quyền sử dụng đất" (the red and pink books), "Đăng ký thành lập hộ
# kinh doanh". Longest phrases first, so "can cuoc cong dan" wins over a shorter one inside it.
EVERYDAY = {
    "giay chung minh nhan dan": "can cuoc",
    "chung minh nhan dan": "can cuoc",
    "can cuoc cong dan": "can cuoc",
    "the can cuoc cong dan": "the can cuoc",
    "cccd": "can cuoc",
    "cmnd": "can cuoc",
    "nhap ho khau": "dang ky thuong tru",
    "ho khau": "thuong tru",
    "giay xac nhan doc than": "xac nhan tinh trang hon nhan",
    "doc than": "tinh trang hon nhan",
    "so do": "giay chung nhan quyen su dung dat",
    "so hong": "giay chung nhan quyen su dung dat",
    "bang lai xe": "giay phep lai xe",
    "bang lai": "giay phep lai xe",
    "gplx": "giay phep lai xe",
    "giay khai sinh": "khai sinh",
    "giay khai tu": "khai tu",
    "ho ca the": "ho kinh doanh",
    "kinh doanh ho kinh doanh": "ho kinh doanh",
    "thay doi ho ten": "thay doi ho tich",
    "doi ho ten": "thay doi ho tich",
    "doi ten": "thay doi ho tich",
    "nhan con nuoi": "nuoi con nuoi",
    "xe may": "xe",
    "xe o to": "xe",
    "o to": "xe",
}

# Phrases that frame a question and never name a procedure: dropped before matching.
FILLER_PHRASES = (
    "thu tuc hanh chinh",
    "thu tuc",
    "nhu the nao",
    "the nao",
    "o dau",
    "bao lau",
    "bao nhieu",
    "can nhung gi",
    "can gi",
    "giay to gi",
    "ho so gi",
    "cho con",
    "cho toi",
    "cho em",
    "cho minh",
)
# Words that only frame a question: always dropped.
FILLER_WORDS = frozenset("xin muon em khong duoc phai gi nao giup hoi oi nhe vay thi".split())
# Filler whose fold is also a word of the names ("làm"/"lâm", "tôi"/"tội", "có"/"cơ", "cần"/"căn", "sao" of "bản
# sao", "chứng"/"chúng", "ở" of "nhà ở"): dropped only when it does not form, with a neighbour, a pair of words that
# some procedure name holds ("lam san", "ban sao", "nha o" stay; "lam ho chieu" loses "lam").
FILLER_UNLESS_PAIRED = frozenset(
    "lam toi minh chung co de can chi anh sao nop cho tai o la ve va voi cua viec di nhu the".split()
)
# "làm …" / "xin …" ask to be issued or registered something: among equally good names, prefer one that issues
# ("Cấp …") or registers ("Đăng ký …") over one that reports, revokes or changes.
ASKS_TO_GET = frozenset({"lam", "xin"})
GETTING_STARTS = (("cap",), ("dang", "ky"))


@dataclass(frozen=True)
class Question:
    """The words to look for (in the question's order) and whether the citizen asks to obtain something."""

    words: tuple[str, ...]
    asks_to_get: bool


def words_of(folded: str) -> list[str]:
    """The words of a folded text, punctuation dropped ("nhan cha, me, con" → nhan cha me con)."""
    return WORD.findall(folded)


def _replace_phrases(words: list[str], table: dict[str, str]) -> list[str]:
    text = f" {' '.join(words)} "
    for phrase in sorted(table, key=len, reverse=True):
        text = text.replace(f" {phrase} ", f" {table[phrase]} ")
    return text.split()


def question(folded: str, is_pair: Callable[[str, str], bool] = lambda first, second: False) -> Question:
    """Read a folded query: everyday phrases become the names' words, the filler goes (`is_pair(a, b)`: does some
    name hold the words a b in a row). A query that is nothing but filler ("thủ tục") keeps its words, so it still
    finds what says them."""
    words = words_of(folded)
    asks_to_get = any(word in ASKS_TO_GET for word in words)
    words = _replace_phrases(words, EVERYDAY)
    framed = _replace_phrases(words, dict.fromkeys(FILLER_PHRASES, ""))
    kept = []
    for i, word in enumerate(framed):
        if word in FILLER_WORDS:
            continue
        if word in FILLER_UNLESS_PAIRED and not (
            (i > 0 and is_pair(framed[i - 1], word)) or (i + 1 < len(framed) and is_pair(word, framed[i + 1]))
        ):
            continue
        kept.append(word)
    chosen = kept or words
    return Question(tuple(dict.fromkeys(chosen)), asks_to_get)


def names_getting(words: tuple[str, ...]) -> bool:
    """A name that issues or registers: "Cấp …", "Đăng ký …", "Thủ tục cấp …", "Thủ tục đăng ký …"."""
    if words[:2] == ("thu", "tuc"):
        words = words[2:]
    return any(words[: len(start)] == start for start in GETTING_STARTS)
