import pytest

from motcua.dossiers.tests import samples
from motcua.dossiers.tests.fixtures import vn
from motcua.feedback import lifecycle

PDF = samples.PDF  # a well-formed PDF: files.read_checked opens every PDF it takes
PNG = samples.PNG


def sender(**extra):
    data = {
        "kind": "report",
        "sender_name": "Nguyễn Văn An",
        "sender_address": "Phường Việt Trì, tỉnh Phú Thọ",
        "sender_phone": "0912345678",
        "sender_email": "",
        "title": "Yêu cầu thêm giấy tờ không có trong TTHC",
        "content": "Cán bộ yêu cầu nộp bản sao giấy khai sinh dù thủ tục không quy định.",
    }
    data.update(extra)
    return data


@pytest.fixture
def pakn(province):
    """A PAKN sent to the Department of Justice on Friday 13 February 2026, 10:00 (Tết 16-20 Feb follows)."""
    return lifecycle.submit(sender(receiving_agency=province["justice"]), at=vn("2026-02-13 10:00"))
