"""The in-memory ranking of the catalogue's names (pure Python, no database)."""

from motcua.catalog.name_index import NameIndex
from motcua.vntext.normalize import fold

NAMES = [
    (1, "1.001", "Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú"),
    (2, "1.002", "Đăng ký thường trú"),
    (3, "1.003", "Đăng ký tạm trú"),
]


def index() -> NameIndex:
    return NameIndex((pk, code, fold(name)) for pk, code, name in NAMES)


def test_the_name_made_of_the_questions_words_beats_a_longer_one_holding_them_as_a_phrase():
    # "… đăng ký thường trú, đăng ký tạm trú" holds "thường trú đăng ký" as a phrase across the comma; the name that
    # is the question's words in another order must still come first (it came second: the browser test caught it).
    assert index().rank(fold("thuong tru dang kyy"))[0] == 2
    assert index().rank(fold("đăng ký thường trú"))[0] == 2
    assert index().rank(fold("tạm trú"))[0] == 3
