"""Detect and repair Vietnamese text stored in a legacy encoding (TCVN3, VNI, VISCII).

Such text usually reaches us after a wrong code page: VNI bytes read as Windows-1252
look like "Nghò quyeát soá 76/NQ-CP" (Nghị quyết số 76/NQ-CP), TCVN3 like "NghÞ quyÕt sè".

Detection is by scoring, never by one character. The text is cut into words; for each
candidate encoding, every word the conversion would change is checked against the
spelling rules of Vietnamese syllables (syllable.py) before and after conversion. An
encoding is chosen only when its conversion turns clearly more words into real syllables
than were already real syllables, and the result reads as Vietnamese rather than as some
other language written in Latin-1. Already-correct text (Vietnamese, English, "café",
"©") scores no gain and comes back unchanged, character for character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import overload

from .charsets import ENCODINGS, canonical, decode_chars, domain
from .normalize import nfc
from .syllable import COMMON, is_syllable

__all__ = ["ENCODINGS", "detect", "repair", "to_unicode"]

# A word: a run of anything but whitespace, ASCII punctuation and digits. Legacy letters
# hide among Latin-1 symbols ("B¸o", "n−íc"), so those stay inside the word. C0 and NEL
# and NBSP are letters in VISCII, so they are not treated as spaces.
_WORD = re.compile(r"(?:[^\s!-@\[-`{-~]|[\x1c-\x1f\x85\xa0])+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_SAMPLE_WORDS = 5000
_TCVN3_CAPITALS = frozenset("\xa1\xa2\xa3\xa4\xa5\xa6\xa7")  # Ă Â Ê Ô Ơ Ư Đ


class _Score:
    __slots__ = ("after", "before", "changed", "common", "evidence")

    def __init__(self) -> None:
        self.changed = self.before = self.after = self.evidence = self.common = 0

    @property
    def gain(self) -> int:
        return self.after - self.before

    def key(self) -> tuple[int, int, int, int]:
        return (self.gain, self.common, self.evidence, self.after)


def _plain(word: str, encoding: str) -> bool:
    """A word with nothing to convert: ASCII only (for VISCII, also no C0 letter such as \\x19 = Ỹ)."""
    return word.isascii() and (encoding != "viscii" or all(c >= " " for c in word))


def _in_domain(word: str, chars: frozenset[str]) -> bool:
    """Could every character of ``word`` have come out of a cp1252/Latin-1 decode?"""
    return all(ch.isascii() or ch in chars for ch in word)


@lru_cache(maxsize=65536)
def _word_score(word: str, encoding: str) -> tuple[int, int, int, int] | None:
    """(valid before, valid after, evidence, common) for a word the conversion changes, else None."""
    if _plain(word, encoding) or not _in_domain(word, domain(encoding)):
        return None
    converted = decode_chars(word, encoding)
    if converted == word:
        return None
    if encoding == "tcvn3" and _is_caps(word):
        converted = converted.upper()
    valid_before, valid_after = is_syllable(word), is_syllable(converted)
    # Evidence: a word that becomes Vietnamese, three characters or more with an ASCII
    # letter among them, or two or more that become a frequent syllable ("ð°" → "đồ").
    # A lone symbol ("©" → "ẹ") or the French "où" (VNI "ó") is not.
    evidence = (
        valid_after
        and not valid_before
        and (
            (len(word) > 2 and any(c.isascii() and c.isalpha() for c in word))
            or (len(word) > 1 and converted.lower() in COMMON)
        )
    )
    return int(valid_before), int(valid_after), int(evidence), int(converted.lower() in COMMON)


def _score(words: list[str], encoding: str) -> _Score:
    score = _Score()
    for word in words:
        result = _word_score(word, encoding)
        if result is None:
            continue
        score.changed += 1
        score.before += result[0]
        score.after += result[1]
        score.evidence += result[2]
        score.common += result[3]
    return score


def _foreign_words(words: list[str]) -> int:
    """Plain-ASCII words in lowercase or Title case that no Vietnamese syllable spells."""
    count = 0
    for word in words:
        for part in _ASCII_WORD.findall(word) if word.isascii() else ():
            if len(part) > 1 and (part.islower() or part.istitle()) and not is_syllable(part):
                count += 1
    return count


def detect(text: str | None) -> str | None:
    """Name the legacy encoding of ``text``: "tcvn3", "vni", "viscii", or None (correct Unicode, ASCII)."""
    if not text or text.isascii():
        return None
    words = _WORD.findall(text)
    candidates = [w for w in words if not _plain(w, "viscii")]
    sample = candidates
    if len(candidates) > _SAMPLE_WORDS:  # a long document: an even sample of its words is plenty
        sample = candidates[:: len(candidates) // _SAMPLE_WORDS]
    scores = {encoding: _score(sample, encoding) for encoding in ENCODINGS}
    # On a full tie the older, more widespread encoding wins: ENCODINGS is in that order.
    best_name, best = max(scores.items(), key=lambda item: item[1].key())
    if best.gain < 1 or best.evidence < 1 or best.after * 2 < best.changed:
        return None
    # More plain-ASCII words that are not Vietnamese than converted Vietnamese words: the
    # text is in another language ("Il est où?"), so leave it. (Scaled when sampled.)
    if best.after * len(candidates) <= _foreign_words(words) * len(sample):
        return None
    return best_name


def _is_caps(word: str) -> bool:
    """A TCVN3 word set in capitals: no small ASCII letter, and a capital after the first character.

    "NGHÞ", "¸N" (ÁN) and "TªN" are capitals; "Lª" (Lê) and "Sè" (Số) are ordinary words.
    """
    if any(c.islower() for c in word if c.isascii()):
        return False
    return any((c.isascii() and c.isupper()) or c in _TCVN3_CAPITALS for c in word[1:])


def _convert_line(line: str, encoding: str, only_in_domain: bool) -> str:
    chars = domain(encoding)
    caps_line = False
    if encoding == "tcvn3":
        # TCVN3 writes a toned capital with the lowercase code in a capital font. A line
        # whose legacy words are all in capitals, one with two or more of them, is a
        # heading: its converted letters become capitals too ("QUYÕT §ÞNH" → "QUYẾT ĐỊNH").
        legacy_words = [w for w in _WORD.findall(line) if not _plain(w, encoding) and _in_domain(w, chars)]
        caps_line = any(_is_caps(w) for w in legacy_words) and not any(
            c.islower() for w in legacy_words for c in w if c.isascii()
        )

    def convert(match: re.Match[str]) -> str:
        word = match.group()
        if _plain(word, encoding) or (only_in_domain and not _in_domain(word, chars)):
            return word
        converted = decode_chars(word, encoding)
        if caps_line or (encoding == "tcvn3" and _is_caps(word)):
            converted = converted.upper()
        return converted

    return _WORD.sub(convert, line)


def _convert(text: str, encoding: str, only_in_domain: bool) -> str:
    lines = text.splitlines(keepends=True)
    return nfc("".join(_convert_line(line, encoding, only_in_domain) for line in lines))


def to_unicode(text: str | None, encoding: str) -> str | None:
    """Convert ``text`` from ``encoding`` ("tcvn3", "vni", "viscii" or an alias) to NFC Unicode.

    The text is the legacy bytes as decoded by cp1252 or Latin-1 (what a wrong code page
    shows). No detection: every legacy character is converted. ``None`` stays ``None``.
    """
    name = canonical(encoding)
    if text is None:
        return None
    return _convert(text, name, only_in_domain=False)


@overload
def repair(text: str) -> str: ...
@overload
def repair(text: None) -> None: ...
@overload
def repair(text: str | None) -> str | None: ...
def repair(text: str | None) -> str | None:
    """Detect a legacy encoding and convert; anything else comes back unchanged (the same object).

    Words holding characters that no legacy code page could have produced ("Đà", "Nghị")
    are left as they are, so text that is partly Unicode already is not damaged.
    """
    if not text or text.isascii():
        return text
    encoding = detect(text)
    if encoding is None:
        return text
    return _convert(text, encoding, only_in_domain=True)
