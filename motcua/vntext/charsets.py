"""Tables of the three legacy Vietnamese encodings, and byte-level encode/decode.

Sources of the tables (checked against each other, and by the round-trip test of all
134 precomposed Vietnamese letters in tests/test_charsets.py):

- TCVN3 = TCVN 5712:1993 VN3 (the "ABC" fonts .VnTime, .VnArial): 0xA1–0xFE. VN3 has only
  seven uppercase letters (Ă Â Ê Ô Ơ Ư Đ); a toned capital is the lowercase code drawn by
  a capital font (.VnTimeH), so encoding one writes the lowercase code.
- VNI-Windows (fonts VNI-Times …): a base ASCII letter followed by a mark byte; i, đ, ơ, ư
  and ỵ have one-byte forms.
- VISCII 1.1 (RFC 1456): every letter in one byte, six uppercase ones in C0 (0x02 …).

Legacy text reaches us as characters, not bytes: a file read as Windows-1252 (or
Latin-1) turns byte 0xB8 into "¸". Decoding therefore maps both visible forms of a byte
(cp1252 and Latin-1 differ only in 0x80–0x9F) to the Vietnamese letter.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import cache, lru_cache

from .syllable import ACUTE, DOT, GRAVE, HOOK, TILDE

ENCODINGS = ("tcvn3", "vni", "viscii")
ALIASES = {
    "tcvn3": "tcvn3",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "tcvn5712": "tcvn3",
    "vni": "vni",
    "vni-windows": "vni",
    "vni-win": "vni",
    "viscii": "viscii",
}

# --- TCVN3 (VN3) -----------------------------------------------------------------
_TCVN3_ROWS = {
    0xA1: "ĂÂÊÔƠƯĐăâêôơưđ",
    0xB5: "àảãáạ",
    0xBB: "ằẳẵắ",
    0xC6: "ặầẩẫấậè",
    0xCE: "ẻẽéẹềểễếệìỉ",
    0xDC: "ĩíịò",
    0xE1: "ỏõóọồổỗốộờởỡớợù",
    0xF1: "ủũúụừửữứựỳỷỹýỵ",
}
TCVN3 = {start + i: ch for start, row in _TCVN3_ROWS.items() for i, ch in enumerate(row)}
# A PDF text layer gives these in place of two TCVN3 bytes (soft hyphen and middle dot).
TCVN3_EXTRA = {"\u2212": "ư", "\u2219": "ã"}

# --- VISCII 1.1 -------------------------------------------------------------------
_VISCII_ROWS = {
    0x02: "Ẳ",
    0x05: "ẴẪ",
    0x14: "Ỷ",
    0x19: "Ỹ",
    0x1E: "Ỵ",
    0x80: "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ",
    0xA0: "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ",
    0xC0: "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư",
    0xE0: "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ",
}
VISCII = {start + i: ch for start, row in _VISCII_ROWS.items() for i, ch in enumerate(row)}

# --- VNI-Windows --------------------------------------------------------------------
_VNI_TONE = {ACUTE: "ù", GRAVE: "ø", HOOK: "û", TILDE: "õ", DOT: "ï"}
_VNI_CIRCUMFLEX = {"": "â", ACUTE: "á", GRAVE: "à", HOOK: "å", TILDE: "ã", DOT: "ä"}
_VNI_BREVE = {"": "ê", ACUTE: "é", GRAVE: "è", HOOK: "ú", TILDE: "ü", DOT: "ë"}
_VNI_I = {"": "i", ACUTE: "í", GRAVE: "ì", HOOK: "æ", TILDE: "ó", DOT: "ò"}

LOWER_LETTERS = (
    "".join(
        unicodedata.normalize("NFC", base + tone)
        for base in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
        for tone in ("", ACUTE, GRAVE, HOOK, TILDE, DOT)
    )
    + "đ"
)
#: The 134 precomposed Vietnamese letters (67 lowercase, 67 uppercase), plain a e i o u y excluded.
VIETNAMESE_LETTERS = "".join(c for c in LOWER_LETTERS if not c.isascii())
VIETNAMESE_LETTERS += VIETNAMESE_LETTERS.upper()


def _vni_lower(letter: str) -> str:
    """VNI spelling of one lowercase Vietnamese letter."""
    if letter == "đ":
        return "ñ"
    decomposed = unicodedata.normalize("NFD", letter)
    base, marks = decomposed[0], decomposed[1:]
    tone = next((m for m in marks if m in _VNI_TONE), "")
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == DOT:
        return "î"
    if "\u031b" in marks:  # horn: ơ ư
        return {"o": "ô", "u": "ö"}[base] + _VNI_TONE.get(tone, "")
    if "\u0302" in marks:
        return base + _VNI_CIRCUMFLEX[tone]
    if "\u0306" in marks:
        return base + _VNI_BREVE[tone]
    return base + _VNI_TONE.get(tone, "")


@lru_cache(maxsize=1)
def vni_encode_table() -> dict[str, str]:
    """Unicode letter → VNI characters (as they look in cp1252), both cases."""
    table = {}
    for letter in LOWER_LETTERS:
        seq = _vni_lower(letter)
        if seq != letter:
            table[letter] = seq
            table[letter.upper()] = seq.upper()
    return table


@lru_cache(maxsize=1)
def vni_decode_table() -> dict[str, str]:
    """VNI character sequence → Unicode letter.

    Besides the canonical forms, a mark of the other case is accepted (the letter takes
    the case of its base, as in "Aù"), and "yï" for ỵ, which some converters wrote.
    """
    table: dict[str, str] = {}
    for letter, seq in vni_encode_table().items():
        table[seq] = letter
    for letter, seq in list(vni_encode_table().items()):
        if len(seq) == 2:
            table.setdefault(seq[0] + seq[1].swapcase(), letter)
    table.setdefault("yï", "ỵ")
    table.setdefault("YÏ", "Ỵ")
    return table


@lru_cache(maxsize=1)
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(vni_decode_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def _byte_chars(byte: int) -> set[str]:
    """The characters a legacy byte shows up as after a cp1252 or Latin-1 decode."""
    chars = {chr(byte)}
    with contextlib.suppress(UnicodeDecodeError):
        chars.add(bytes([byte]).decode("cp1252"))
    return chars


@cache
def char_table(encoding: str) -> dict[int, str]:
    """``str.translate`` table for the single-character encodings (TCVN3, VISCII)."""
    source = TCVN3 if encoding == "tcvn3" else VISCII
    table = {}
    for byte, letter in source.items():
        for ch in _byte_chars(byte):
            if ch != letter:
                table[ord(ch)] = letter
    if encoding == "tcvn3":
        table.update({ord(k): v for k, v in TCVN3_EXTRA.items()})
    return table


@cache
def domain(encoding: str) -> frozenset[str]:
    """Every non-ASCII character that text in ``encoding`` read through cp1252 can contain."""
    chars = set()
    for byte in range(0x80, 0x100):
        chars |= _byte_chars(byte)
    if encoding == "tcvn3":
        chars |= set(TCVN3_EXTRA)
    if encoding == "viscii":
        chars |= {chr(b) for b in VISCII if b < 0x20}
    return frozenset(chars)


def decode_chars(text: str, encoding: str) -> str:
    """Map every legacy character of ``text`` to Unicode (no case repair, no NFC)."""
    if encoding == "vni":
        table = vni_decode_table()
        return _vni_pattern().sub(lambda m: table[m.group()], text)
    return text.translate(char_table(encoding))


@cache
def _encode_map(encoding: str) -> dict[str, bytes]:
    if encoding == "vni":  # í ì Í Ì are written as themselves
        table = vni_encode_table()
        return {letter: table.get(letter, letter).encode("cp1252") for letter in VIETNAMESE_LETTERS}
    source = TCVN3 if encoding == "tcvn3" else VISCII
    mapping = {letter: bytes([byte]) for byte, letter in source.items()}
    if encoding == "tcvn3":  # a toned capital is written with its lowercase code
        for letter in VIETNAMESE_LETTERS:
            if letter not in mapping and letter.lower() in mapping:
                mapping[letter] = mapping[letter.lower()]
    return mapping


def _cp1252_byte(ch: str) -> bytes | None:
    try:
        data = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return data if 0x80 <= data[0] < 0xA0 else None


def encode(text: str, encoding: str) -> bytes:
    """Unicode → legacy bytes (used by tests and to produce sample files)."""
    encoding = canonical(encoding)
    mapping = _encode_map(encoding)
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in mapping:
            out += mapping[ch]
        elif ch.isascii():
            out += ch.encode("ascii")
        elif encoding != "viscii" and (byte := _cp1252_byte(ch)) is not None:  # “ ” – … stay as cp1252
            out += byte
        else:
            raise ValueError(f"{ch!r} cannot be written in {encoding}")
    return bytes(out)


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


_CP1252_HIGH = {byte: _cp1252_char(byte) for byte in range(0x80, 0xA0)}


def decode_cp1252(data: bytes) -> str:
    """Decode bytes as Windows-1252, keeping the five bytes cp1252 leaves undefined as U+0081 …"""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def canonical(encoding: str) -> str:
    """Canonical name for an encoding name or alias; ValueError for an unknown one."""
    name = ALIASES.get((encoding or "").strip().lower())
    if name is None:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {', '.join(ENCODINGS)}")
    return name


def decode_bytes(data: bytes) -> str:
    """Bytes of a file of unknown origin → text: UTF-8 (BOM dropped), UTF-16 with a BOM, else Windows-1252.

    Legacy Vietnamese files are single-byte and almost never valid UTF-8, so they take the
    cp1252 path and come out as the mojibake that ``legacy.repair`` understands.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_cp1252(data)
