"""Detection and repair of TCVN3, VNI and VISCII text, and leaving correct text alone."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.vntext.charsets import decode_cp1252, encode
from motcua.vntext.legacy import detect, repair, to_unicode
from motcua.vntext.syllable import COMMON

PARAGRAPH = (
    "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất. "
    "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành "
    "một số điều của Luật Đất đai; Ủy ban nhân dân tỉnh quyết định: hồ sơ nộp trực tuyến hoặc tại Bộ phận "
    "tiếp nhận và trả kết quả, thời hạn giải quyết không quá 30 ngày."
)

MOJIBAKE = [
    ("vni", "Nghò quyeát soá 76/NQ-CP", "Nghị quyết số 76/NQ-CP"),
    ("vni", "Ñaêng kyù khai sinh", "Đăng ký khai sinh"),
    ("vni", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("vni", "Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "NghÞ quyÕt sè 76/NQ-CP", "Nghị quyết số 76/NQ-CP"),
    ("tcvn3", "B¸o c¸o tµi chÝnh", "Báo cáo tài chính"),
    ("tcvn3", "§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("tcvn3", "QUYÕT §ÞNH", "QUYẾT ĐỊNH"),  # heading in .VnTimeH: capitals from lowercase codes
    ("tcvn3", "Hä Vµ TªN", "HỌ VÀ TÊN"),
    ("tcvn3", "Lª V¨n A", "Lê Văn A"),
    ("tcvn3", "nhµ n−íc", "nhà nước"),  # PDF text layer: U+2212 for the ư byte
    ("viscii", "Ngh¸ quyªt s¯ 76/NQ-CP", "Nghị quyết số 76/NQ-CP"),
    ("viscii", "C“NG HÒA XÃ H“I CHœ NGHÎA VIŽT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("viscii", "C\x93NG HÒA XÃ H\x93I CH\x9cNGH\xce A", "CỘNG HÒA XÃ HỘI CHỦNGHĨ A"),  # read as Latin-1
    ("viscii", "Ðµc l§p - Tñ do - HÕnh phúc", "Độc lập - Tự do - Hạnh phúc"),
]


@pytest.mark.parametrize(("encoding", "garbled", "expected"), MOJIBAKE)
def test_visible_mojibake_is_repaired(encoding, garbled, expected):
    assert detect(garbled) == encoding
    assert repair(garbled) == expected
    assert to_unicode(garbled, encoding) == expected


def test_the_exact_example():
    assert repair("Nghò quyeát soá 76/NQ-CP") == "Nghị quyết số 76/NQ-CP"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_real_bytes_read_with_the_wrong_code_page(encoding, codec):
    data = encode(PARAGRAPH, encoding)
    shown = decode_cp1252(data) if codec == "cp1252" else data.decode(codec)
    assert shown != PARAGRAPH
    assert detect(shown) == encoding
    repaired = repair(shown)
    if encoding == "tcvn3":  # "Ủy" is written with the code of "ủ": VN3 has no toned capitals
        assert repaired == PARAGRAPH.replace("Ủy", "ủy")
    else:
        assert repaired == PARAGRAPH


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii"])
def test_multiline_document_keeps_its_layout(encoding):
    text = "QUYẾT ĐỊNH\n\nVề việc cấp giấy phép   xây dựng\r\n\tĐiều 1. Cho phép ông Lê Văn An.\n"
    repaired = repair(decode_cp1252(encode(text, encoding)))
    assert repaired == text


def test_partly_unicode_text_is_not_damaged():
    # Words with letters no code page could produce ("Đà", "Nẵng") are left as they are.
    assert repair("Thµnh phè Đà Nẵng") == "Thành phố Đà Nẵng"


@pytest.mark.parametrize(
    "text",
    [
        "café ©",
        "© 2024 Công ty TNHH Một thành viên",
        "Giá: 25°C ± 2, 5 µm",
        "Il est où? Déjà vu à São Paulo, naïve façade",
        "Müller über Straße",
        "El niño comió en la cafetería",
        "Đăng ký khai sinh",
        "Nghị quyết số 76/NQ-CP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội – Việt Nam “đẹp”",
        "Có, là, và, các, Công ty, ông, bà",
        "plain ASCII text, 2024",
        PARAGRAPH,
    ],
)
def test_correct_text_is_returned_unchanged(text):
    assert detect(text) is None
    assert repair(text) is text


def test_none_and_empty():
    assert repair(None) is None and repair("") == ""
    assert detect(None) is None and detect("") is None
    assert to_unicode(None, "vni") is None


def test_encoding_aliases():
    assert to_unicode("B¸o c¸o", "ABC") == to_unicode("B¸o c¸o", "TCVN3") == "Báo cáo"
    assert to_unicode("Baùo caùo", "VNI-Windows") == "Báo cáo"


# --- properties ------------------------------------------------------------------------

SYLLABLES = (
    sorted(COMMON)
    + (
        "có là và các cái tôi ông bà cô chú anh em hoà hòa toà khoá quý ký phí trí thì nhà già ô ơ ư ý ấy ở ồ "
        "nghiêng khuya quyển giữa thuở xoong ngoằn ngoèo"
    ).split()
)
SEPARATORS = [" ", ", ", ". ", "\n", " – ", ": ", " (", ") ", "; ", " - ", "/", " “", "” ", "\t", "  "]


def styled(word, style):
    return {0: word, 1: word.capitalize(), 2: word.upper()}[style]


vietnamese_text = st.lists(
    st.tuples(st.sampled_from(SYLLABLES), st.integers(0, 2), st.sampled_from(SEPARATORS)), min_size=1, max_size=25
).map(lambda parts: "".join(styled(w, s) + sep for w, s, sep in parts).strip())


@settings(max_examples=200, deadline=None)
@given(vietnamese_text)
def test_property_vietnamese_unicode_is_unchanged(text):
    assert detect(text) is None
    assert repair(text) == text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_property_ascii_is_unchanged(text):
    assert detect(text) is None
    assert repair(text) is text


stray_symbols = st.sampled_from(list("©®°±§¶·«»¿¡£€µ×÷¬¥¢¤¦¨ª¯´¸¹²³¼½¾"))
ascii_word = st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(ascii_word, ascii_word, ascii_word, stray_symbols), min_size=1, max_size=20))
def test_property_ascii_with_stray_latin1_symbols_is_unchanged(tokens):
    text = " ".join(tokens)
    assert repair(text) == text


ascii_separated_text = st.lists(
    st.tuples(st.sampled_from(SYLLABLES), st.integers(0, 2), st.sampled_from([" ", ", ", ". ", "\n", ": "])),
    min_size=6,
    max_size=25,
).map(lambda parts: "".join(styled(w, s) + sep for w, s, sep in parts).strip())


@settings(max_examples=100, deadline=None)
@given(ascii_separated_text, st.sampled_from(["tcvn3", "vni", "viscii"]))
def test_property_explicit_conversion_round_trips(text, encoding):
    converted = to_unicode(decode_cp1252(encode(text, encoding)), encoding)
    if encoding == "tcvn3":  # toned capitals are only recovered in words set in capitals
        assert converted.lower() == text.lower()
    else:
        assert converted == text


# --- real catalogue --------------------------------------------------------------------


def test_national_catalogue(shared_data):
    """Procedure texts of the national portal: unchanged as they are, recovered from each encoding."""
    from motcua.vntext.evaluate import evaluate, samples

    texts = samples(shared_data / "tthc-national-portal" / "procedures.jsonl", 400)
    result = evaluate(texts, repair)
    assert result["untouched"][0] == result["untouched"][1] == len(texts)
    for encoding in ("tcvn3", "vni", "viscii"):
        ok, total = result[encoding]
        assert total > 300 and ok / total >= 0.99, (encoding, ok, total)
