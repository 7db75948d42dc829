"""The tables: every Vietnamese letter survives Unicode → legacy bytes → wrong code page → Unicode."""

import pytest

from motcua.vntext.charsets import (
    ENCODINGS,
    TCVN3,
    VIETNAMESE_LETTERS,
    VISCII,
    decode_bytes,
    decode_cp1252,
    encode,
    vni_encode_table,
)
from motcua.vntext.legacy import to_unicode
from motcua.vntext.syllable import is_syllable

TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"


def test_there_are_134_letters():
    assert len(VIETNAMESE_LETTERS) == len(set(VIETNAMESE_LETTERS)) == 134
    assert VIETNAMESE_LETTERS[:67].islower() and VIETNAMESE_LETTERS[67:].isupper()


def test_table_sizes():
    assert len(VISCII) == 134  # every letter has its own byte
    assert len(TCVN3) == 67 + 7  # all lowercase, seven capitals
    assert len(vni_encode_table()) == 134 - 4  # í ì Í Ì are written as themselves


@pytest.mark.parametrize("encoding", ["vni", "viscii"])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_every_letter_round_trips(encoding, codec):
    for letter in VIETNAMESE_LETTERS:
        data = encode(letter, encoding)
        shown = decode_cp1252(data) if codec == "cp1252" else data.decode("latin-1")
        assert to_unicode(shown, encoding) == letter, (letter, data)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_every_letter_round_trips_tcvn3(codec):
    for letter in VIETNAMESE_LETTERS:
        data = encode(letter, "tcvn3")
        assert len(data) == 1 and 0xA1 <= data[0] <= 0xFE
        shown = data.decode(codec)
        if letter.islower() or letter in TCVN3_CAPITALS:
            assert to_unicode(shown, "tcvn3") == letter
        else:
            # VN3 has no toned capitals: alone the letter comes back small, inside a
            # word set in capitals it comes back as the capital.
            assert to_unicode(shown, "tcvn3") == letter.lower()
            assert to_unicode("NG" + shown, "tcvn3") == "NG" + letter


def test_tables_against_published_charts():
    # TCVN 5712:1993 VN3 and RFC 1456 (VISCII 1.1), a few bytes from each block.
    assert (TCVN3[0xA7], TCVN3[0xAE], TCVN3[0xB5], TCVN3[0xB8], TCVN3[0xDE], TCVN3[0xFE]) == tuple("Đđàáịỵ")
    assert (VISCII[0x02], VISCII[0x80], VISCII[0x8F], VISCII[0xA6], VISCII[0xB4], VISCII[0xF0], VISCII[0xFF]) == tuple(
        "ẲẠỐẩƠđỮ"
    )
    assert vni_encode_table()["ẳ"] == "aú" and vni_encode_table()["ỵ"] == "î" and vni_encode_table()["đ"] == "ñ"


def test_encode_rejects_what_the_encoding_lacks():
    with pytest.raises(ValueError):
        encode("日本", "vni")
    with pytest.raises(ValueError):
        to_unicode("x", "koi8-r")


def test_decode_cp1252_keeps_bytes_cp1252_leaves_undefined():
    data = encode("ỐỒŨẮỄ", "viscii")  # 0x8F 0x90 0x9D 0x81 0x8D: undefined in cp1252
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")
    assert to_unicode(decode_cp1252(data), "viscii") == "ỐỒŨẮỄ"


def test_decode_bytes():
    assert decode_bytes("Việt Nam".encode()) == "Việt Nam"
    assert decode_bytes(b"\xef\xbb\xbfabc") == "abc"
    assert decode_bytes("Hà Nội".encode("utf-16")) == "Hà Nội"
    assert decode_bytes(b"Ngh\xf2 quye\xe1t") == "Nghò quyeát"


@pytest.mark.parametrize(
    "word", ["nghị", "quyết", "Giấy", "NGHĨA", "khuỷu", "quỳnh", "gì", "giường", "oái", "xoong", "thuở", "yếu", "Ở"]
)
def test_real_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["nghò", "quyêt", "hÕn", "café", "Müller", "hello", "©", "ăp", "thuểt", ""])
def test_not_syllables(word):
    assert not is_syllable(word)


def test_encodings_listed():
    assert ENCODINGS == ("tcvn3", "vni", "viscii")
