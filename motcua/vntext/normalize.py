"""Unicode normalisation and search folding for Vietnamese text.

``nfc`` puts text into the composed form the database stores; ``fold`` turns text into
the lowercase, diacritic-free, single-spaced key that search compares
("Đăng ký khai sinh" → "dang ky khai sinh").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import overload

# Marks that change the vowel itself (â ê ô / ă / ơ ư) and the five tone marks.
_QUALITY_MARKS = frozenset("\u0302\u0306")  # circumflex, breve (horn has a lower class and sorts first)
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below

# Letters whose fold is not simply "drop the combining marks": đ has no decomposition.
_EXTRA_FOLDS = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}


def _reorder_tone_after_quality(decomposed: str) -> str:
    """Put a circumflex/breve before a tone mark typed ahead of it ("e" + acute + circumflex → ế).

    Both marks have combining class 230, so canonical ordering keeps the typed order and
    NFC would leave "é" + a loose circumflex; old keyboard drivers produced that order.
    """
    chars = list(decomposed)
    for i in range(1, len(chars)):
        if chars[i] in _QUALITY_MARKS and chars[i - 1] in _TONE_MARKS:
            chars[i - 1], chars[i] = chars[i], chars[i - 1]
    return "".join(chars)


@overload
def nfc(text: str) -> str: ...
@overload
def nfc(text: None) -> None: ...
@overload
def nfc(text: str | None) -> str | None: ...
def nfc(text: str | None) -> str | None:
    """Return ``text`` in NFC, composing decomposed tone sequences; ``None`` stays ``None``."""
    if text is None:
        return None
    if unicodedata.is_normalized("NFC", text):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    if any(ch in _QUALITY_MARKS for ch in decomposed):
        decomposed = _reorder_tone_after_quality(decomposed)
    return unicodedata.normalize("NFC", decomposed)


@lru_cache(maxsize=1)
def _fold_table() -> list[str | None]:
    """Translation table indexed by code point (a list is about twice as fast as a dict here).

    Accented Latin letters map to their lowercase base, combining marks to nothing; code
    points past the end raise IndexError, which ``str.translate`` treats as "keep".
    """
    table: list[str | None] = [chr(code) for code in range(0x1F00)]
    for block in (range(0x00C0, 0x0250), range(0x1E00, 0x1F00)):
        for code in block:
            ch = chr(code)
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            if base != ch and base.isascii() and base.isalpha():
                table[code] = base.lower()
    for code in range(0x0300, 0x0370):  # Combining Diacritical Marks
        table[code] = None
    for ch, folded in _EXTRA_FOLDS.items():
        table[ord(ch)] = folded
    return table


def fold(text: str | None) -> str:
    """Search key: lowercase, no diacritics, đ → d, whitespace collapsed; ``None`` → ``""``."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(text.translate(_fold_table()).lower().split())
