"""On a phone, a 600 KB scan goes up in 256 KiB pieces: the network drops one piece and the page carries on from what
the server holds; another time the page is reloaded mid-upload and, the same file chosen again, it goes on from
there instead of starting over. Screenshots in artifacts/."""

import hashlib
import re

import pytest

from motcua.demo.agencies import PASSWORD
from motcua.demo.load import load
from motcua.dossiers.tests import samples
from motcua.portal.models import DraftFile, UploadSession

pytestmark = pytest.mark.django_db(transaction=True)
SCAN = samples.pdf(padding=600 * 1024, seed=2026)
PIECE = 256 * 1024
UPLOAD = re.compile(r".*/tai-len/[0-9a-f-]{36}/$")


@pytest.fixture
def draft_page(live_server, phone_page, tmp_path):
    load()
    page, site = phone_page, live_server.url
    page.goto(f"{site}/dang-nhap/")
    page.fill("#id_username", "congdan")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r".*/ho-so-cua-toi/"))
    page.goto(f"{site}/nop-truc-tuyen/1.001193/")
    page.wait_for_url(re.compile(r".*/ho-so-nhap/\d+/"))
    scan = tmp_path / "giay-chung-sinh.pdf"
    scan.write_bytes(SCAN)
    return page, scan


def log_tus_requests(page) -> list[tuple[str, str | None]]:
    seen = []
    page.on(
        "request",
        lambda r: (
            seen.append((r.method, r.headers.get("upload-offset")))
            if UPLOAD.match(r.url) or r.url.endswith("/tai-len/")
            else None
        ),
    )
    return seen


def test_a_piece_lost_to_the_network_is_sent_again_from_the_server_offset(draft_page, artifacts):
    page, scan = draft_page
    cut = []

    def drop_the_second_piece_once(route):
        if route.request.method == "PATCH" and route.request.headers.get("upload-offset") == str(PIECE) and not cut:
            cut.append(route.request.url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route(UPLOAD, drop_the_second_piece_once)
    seen = log_tus_requests(page)
    line = page.locator(".doc-line").nth(1)
    line.locator("input[type=file]").set_input_files(str(scan))
    line.locator(".upload-state", has_text="Đã tải lên: giay-chung-sinh.pdf").wait_for()
    page.screenshot(path=artifacts / "upload-resumed-phone.png", full_page=True)

    assert cut, "the second piece was never sent"
    assert seen == [
        ("POST", None),
        ("PATCH", "0"),
        ("PATCH", str(PIECE)),
        ("HEAD", None),
        ("PATCH", str(PIECE)),
        ("PATCH", str(2 * PIECE)),
    ]
    item = DraftFile.objects.get()
    assert item.requirement.name.startswith("Giấy chứng sinh") and item.sha256 == hashlib.sha256(SCAN).hexdigest()
    assert not UploadSession.objects.exists()


def test_after_a_reload_the_same_file_goes_on_where_it_stopped(draft_page, artifacts):
    page, scan = draft_page
    page.route(
        UPLOAD,
        lambda route: (
            route.abort("internetdisconnected")
            if route.request.method == "PATCH" and route.request.headers.get("upload-offset") != "0"
            else route.continue_()
        ),
    )
    line = page.locator(".doc-line").nth(1)  # the first line is the tờ khai: the e-form is it, nothing to upload
    line.locator("input[type=file]").set_input_files(str(scan))
    line.locator(".upload-state", has_text="Mất kết nối, đang thử lại").wait_for()
    page.screenshot(path=artifacts / "upload-interrupted-phone.png", full_page=True)
    assert UploadSession.objects.get().offset == PIECE

    page.unroute(UPLOAD)
    page.reload()
    seen = log_tus_requests(page)
    line = page.locator(".doc-line").nth(1)
    line.locator("input[type=file]").set_input_files(str(scan))
    line.locator(".upload-state", has_text="Đã tải lên: giay-chung-sinh.pdf").wait_for()
    assert seen == [("HEAD", None), ("PATCH", str(PIECE)), ("PATCH", str(2 * PIECE))]  # no new upload, no byte twice
    assert DraftFile.objects.get().sha256 == hashlib.sha256(SCAN).hexdigest()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('motcua-upload')).length") == 0
