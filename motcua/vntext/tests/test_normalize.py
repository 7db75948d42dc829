import unicodedata

import pytest

from motcua.vntext.normalize import fold, nfc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ký khai sinh", "dang ky khai sinh"),
        ("Nghị quyết", "nghi quyet"),
        ("đĐ", "dd"),
        ("  ĐẤT   đai\t\n Hà  Nội ", "dat dai ha noi"),
        ("à á ả ã ạ", "a a a a a"),
        ("ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a a a a a a a a a a a a"),
        ("ê ề ế ể ễ ệ è é ẻ ẽ ẹ", "e e e e e e e e e e e"),
        ("ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ", "i i i i i y y y y y"),
        ("ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ò ó ỏ õ ọ", "o o o o o o o o o o o o o o o o o"),
        ("ư ừ ứ ử ữ ự ù ú ủ ũ ụ", "u u u u u u u u u u u"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cong hoa xa hoi chu nghia viet nam"),
        ("Ðà Nẵng", "da nang"),  # Icelandic Eth typed for Đ
        ("UBND tỉnh 2025", "ubnd tinh 2025"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_of_decomposed_text_matches_composed():
    text = "Giấy chứng nhận quyền sử dụng đất"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "giay chung nhan quyen su dung dat"


def test_fold_none_and_other_scripts():
    assert fold(None) == ""
    assert fold("東京 €") == "東京 €"


def test_fold_of_every_vietnamese_letter_is_ascii():
    from motcua.vntext.charsets import VIETNAMESE_LETTERS

    folded = fold(VIETNAMESE_LETTERS)
    assert folded.isascii() and set(folded) <= set("aeiouyd")


def test_nfc_composes_decomposed_tones():
    composed = "Nghị quyết số 76/NQ-CP về Cộng hòa"
    assert nfc(unicodedata.normalize("NFD", composed)) == composed
    assert nfc("e\u0302\u0301") == "ế"
    assert nfc("a\u0306\u0323") == "ặ"
    assert nfc("o\u031b\u0300") == "ờ"


def test_nfc_repairs_tone_typed_before_circumflex():
    assert nfc("e\u0301\u0302") == "ế"  # NFC alone would give "é" + a loose circumflex
    assert nfc("A\u0300\u0306") == "Ằ"


def test_nfc_none_and_already_nfc():
    assert nfc(None) is None
    text = "Đã chuẩn hóa"
    assert nfc(text) is text
