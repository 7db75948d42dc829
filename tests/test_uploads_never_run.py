"""Issue 12, item 4: uploads never run in our origin.

Every way a file comes in (the counter's scans, the portal's uploads in one piece and resumable, the API, PAKN
attachments, result files, a file taken from the data store) refuses a PDF with JavaScript or a launch action, a PDF
with a file inside, a PDF that cannot be read, an image bomb and an image that is no image, with a Vietnamese reason,
and stores nothing; a good file is stored under the extension of the type found in its content. Every way a stored
file goes back to a browser answers as a download that runs nothing: attachment, nosniff, CSP sandbox.
The malicious samples are built in code (motcua/dossiers/tests/samples.py).
"""

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers import files, lifecycle
from motcua.dossiers.models import Document, Dossier
from motcua.dossiers.tests import samples
from motcua.dossiers.tests.test_api import act, client_for
from motcua.feedback import lifecycle as pakn
from motcua.feedback.models import Attachment, Feedback
from motcua.feedback.tests.helpers import sender
from motcua.portal.models import DraftFile, StoredDocument, UploadSession
from motcua.portal.tests.test_online import citizen, fill, online, start  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
TUS = {"Tus-Resumable": "1.0.0"}

# name: (content, or a function that builds it; the refusal's code; words of the reason a person reads)
MALICIOUS = {
    "pdf-openaction-javascript": (samples.PDF_OPEN_ACTION_JS, "pdf_javascript", "chứa mã JavaScript"),
    "pdf-names-javascript-escaped": (samples.PDF_NAMES_JS, "pdf_javascript", "chứa mã JavaScript"),
    "pdf-additional-action-javascript": (samples.PDF_AA_JS, "pdf_javascript", "chứa mã JavaScript"),
    "pdf-launch": (samples.PDF_LAUNCH, "pdf_launch", "lệnh mở chương trình hoặc tệp khác"),
    "pdf-embedded-file": (samples.PDF_EMBEDDED, "pdf_embedded_file", "có tệp khác đính kèm bên trong"),
    "pdf-broken": (samples.PDF_BROKEN, "pdf_corrupt", "tệp PDF bị hỏng"),
    "png-50000x50000": (samples.PNG_50K, "decompression_bomb", "bom giải nén"),
    "png-bomb-10050x10050": (samples.png_bomb, "decompression_bomb", "10.050 × 10.050 điểm ảnh"),
    "png-text-chunk-bomb": (samples.png_text_bomb, "decompression_bomb", "bom giải nén"),
    "png-that-is-html": (samples.PNG_NOT_AN_IMAGE, "image_corrupt", "không đúng định dạng PNG"),
}
# The entry paths are each walked with one PDF and one image: the check is the same function everywhere.
ON_EVERY_PATH = ["pdf-openaction-javascript", "pdf-launch", "png-50000x50000"]


def content_of(name: str) -> bytes:
    content = MALICIOUS[name][0]
    return content() if callable(content) else content


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# ---- the check itself ----


@pytest.mark.parametrize("name", list(MALICIOUS))
def test_each_malicious_sample_is_refused_with_a_clear_reason(name):
    _, code, words = MALICIOUS[name]
    with pytest.raises(ValidationError) as refused:
        files.read_checked(content_of(name), "Tệp “giay-to”")
    assert refused.value.code == code
    assert refused.value.messages[0].startswith("Tệp “giay-to” bị từ chối: ") and words in refused.value.messages[0]


@pytest.mark.parametrize("name", ["png-text-chunk-bomb", "png-that-is-html", "png-cut-short"])
def test_the_image_checks_hold_whatever_weasyprint_sets_in_pillow(monkeypatch, name):
    """WeasyPrint sets Pillow's LOAD_TRUNCATED_IMAGES for the whole process once it is imported (to print forms):
    Pillow then drops a text bomb and reads a cut-off PNG without a word. The check does not lean on Pillow there."""
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    content = samples.png(40, 40, seed=7)[:-30] if name == "png-cut-short" else content_of(name)
    with pytest.raises(ValidationError) as refused:
        files.read_checked(content, "Tệp")
    assert refused.value.code == ("image_corrupt" if name == "png-cut-short" else MALICIOUS[name][1])


def test_a_pdf_with_more_objects_than_can_be_read_in_time_is_refused(monkeypatch):
    from motcua.dossiers import filechecks

    monkeypatch.setattr(filechecks, "MAX_PDF_OBJECTS", 2)
    with pytest.raises(ValidationError) as refused:
        files.read_checked(samples.PDF, "Tệp")
    assert refused.value.code == "pdf_too_many_objects" and "quá nhiều để kiểm tra" in refused.value.messages[0]


def test_good_files_pass_the_check():
    from pypdf import PdfWriter

    owner_only = PdfWriter()
    owner_only.add_blank_page(595, 842)
    owner_only.encrypt(user_password="", owner_password="chu-so-huu")  # printing restricted, opens without one
    buffer = io.BytesIO()
    owner_only.write(buffer)
    for content, kind in [
        (samples.PDF, "application/pdf"),
        (samples.pdf(padding=600 * 1024), "application/pdf"),
        (buffer.getvalue(), "application/pdf"),
        (samples.PNG, "image/png"),
        (samples.png(370, 370, seed=1), "image/png"),
        (samples.jpeg(), "image/jpeg"),
    ]:
        assert files.read_checked(content) == (content, kind)


def test_a_pdf_with_an_opening_password_cannot_be_inspected_and_is_refused():
    from pypdf import PdfWriter

    locked = PdfWriter()
    locked.add_blank_page(595, 842)
    locked.encrypt("mat-khau")
    buffer = io.BytesIO()
    locked.write(buffer)
    with pytest.raises(ValidationError, match="đặt mật khẩu mở tệp"):
        files.read_checked(buffer.getvalue())


def test_stored_names_take_the_extension_of_the_content_and_the_given_name_is_only_shown():
    rlo = "\u202e"
    assert files.storage_name("../../Giấy khai sinh.exe", "application/pdf") == "giay-khai-sinh.pdf"
    assert files.storage_name("anh-cccd.pdf", "image/png") == "anh-cccd.png"
    assert files.storage_name("ảnh.jpeg", "image/jpeg") == "anh.jpg"
    assert files.storage_name("", "image/jpeg") == "tep.jpg"
    assert files.display_name(f"C:\\Users\\an\\Ảnh{rlo}gpj.exe") == "Ảnhgpj.exe"
    assert files.display_name("Giấy\x00 khai\n sinh.pdf") == "Giấy khai sinh.pdf"
    assert files.download_name("Bản sao CCCD.PNG", "image/jpeg") == "Bản sao CCCD.jpg"
    assert files.download_name("Tờ khai", "application/pdf") == "Tờ khai.pdf"


# ---- every way in refuses and stores nothing ----


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_the_counter_refuses_a_malicious_scan_and_keeps_nothing(client, people, five_days, media, name):
    client.force_login(people["desk"])
    lines = list(five_days.documents.all())
    response = client.post(
        reverse("office:counter_procedure", args=[five_days.procedure.code]),
        {
            "desk": people["desk"].staff_roles.get().agency_id,
            "channel": "direct",
            "decision": "receive",
            "applicant_name": "Nguyễn Văn An",
            "applicant_id_number": "025090001234",
            "applicant_phone": "0912345678",
            "received_line": [line.pk for line in lines],
            f"file_{lines[0].pk}": SimpleUploadedFile("to-khai.pdf", content_of(name)),
        },
    )
    assert response.status_code == 400 and MALICIOUS[name][2] in response.content.decode()
    assert not Dossier.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_the_portal_refuses_a_malicious_upload_and_keeps_nothing(client, citizen, online, media, name):
    draft, line = start(client, online), online.documents.first()
    response = client.post(
        reverse("portal:upload", args=[draft.pk, line.pk]),
        {"file": SimpleUploadedFile("giay-to.pdf", content_of(name))},
    )
    assert response.status_code == 400 and MALICIOUS[name][2] in response.json()["error"]
    assert not DraftFile.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_a_resumable_upload_is_checked_when_its_last_byte_arrives(client, citizen, online, media, name):
    import base64

    draft, line = start(client, online), online.documents.first()
    content = content_of(name)
    url = client.post(
        reverse("portal:resumable_create", args=[draft.pk, line.pk]),
        headers={
            **TUS,
            "Upload-Length": str(len(content)),
            "Upload-Metadata": f"filename {base64.b64encode(b'giay-to.pdf').decode()}",
        },
    )["Location"]
    half = len(content) // 2
    first = client.patch(
        url, content[:half], content_type="application/offset+octet-stream", headers={**TUS, "Upload-Offset": "0"}
    )
    assert first.status_code == 204
    last = client.patch(
        url, content[half:], content_type="application/offset+octet-stream", headers={**TUS, "Upload-Offset": str(half)}
    )
    assert last.status_code == 400 and MALICIOUS[name][2] in last.json()["error"]
    assert not DraftFile.objects.exists() and not UploadSession.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_the_api_refuses_a_malicious_file_and_registers_nothing(people, five_days, applicant, media, name):
    line = five_days.documents.first()
    response = client_for(people["desk"]).post(
        "/api/v1/dossiers/",
        {
            "procedure": "3.000333",
            "receiving_agency": "000.01.01.H44",
            "channel": "direct",
            **applicant,
            "files": [SimpleUploadedFile("to-khai.pdf", content_of(name))],
            "file_lines": [line.pk],
        },
        format="multipart",
    )
    assert response.status_code == 400 and MALICIOUS[name][2] in str(response.json())
    assert not Dossier.objects.exists() and stored_files(media) == []


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_a_pakn_attachment_is_refused_and_no_pakn_is_kept(client, province, media, name):
    response = client.post(
        reverse("feedback:submit"),
        {
            **sender(receiving_agency=province["justice"].pk),
            "attachments": [SimpleUploadedFile("bang-chung.pdf", content_of(name))],
        },
    )
    assert response.status_code == 400 and MALICIOUS[name][2] in response.content.decode()
    assert not Feedback.objects.exists() and not Attachment.objects.exists() and stored_files(media) == []


@pytest.fixture
def approved(people, province, five_days, applicant):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], received_lines=[line.pk for line in five_days.documents.all()])
    lifecycle.submit_for_approval(dossier.pk, actor=people["head"])
    return lifecycle.approve(dossier.pk, actor=people["head"])


@pytest.mark.parametrize("name", ON_EVERY_PATH)
def test_a_malicious_result_file_is_refused_and_the_result_is_not_issued(people, approved, media, name):
    with pytest.raises(ValidationError, match=MALICIOUS[name][2]):
        lifecycle.issue_result(
            approved.pk,
            actor=people["head"],
            summary="Phiếu số 9",
            uploads=[("Phiếu lý lịch tư pháp", SimpleUploadedFile("kq.pdf", content_of(name)))],
        )
    response = act(
        client_for(people["clerk"]),
        approved.code,
        "issue_result",
        {"summary": "Phiếu số 9", "files": [SimpleUploadedFile("kq.pdf", content_of(name))]},
        multipart=True,
    )
    assert response.status_code == 400 and MALICIOUS[name][2] in str(response.json())
    approved.refresh_from_db()
    assert approved.state == "approved" and not Document.objects.exists() and stored_files(media) == []


def test_a_file_kept_in_the_store_before_the_check_is_checked_when_it_is_taken_again(client, citizen, online):
    stored = StoredDocument(
        owner=citizen,
        kind="upload",
        name="giay-to.pdf",
        content_type="application/pdf",
        size=len(samples.PDF_OPEN_ACTION_JS),
        sha256="0" * 64,
    )
    stored.file.save("giay-to.pdf", ContentFile(samples.PDF_OPEN_ACTION_JS))
    draft, line = start(client, online), online.documents.first()
    response = client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"from_store": stored.pk})
    assert response.status_code == 400 and "chứa mã JavaScript" in response.json()["error"]
    assert not DraftFile.objects.exists()


def test_a_good_file_is_stored_under_the_extension_of_its_content(client, citizen, online, media):
    draft, line = start(client, online), online.documents.first()
    name = "Ảnh CCCD\u202e.pdf"  # a PNG sent under a PDF's name, with a right-to-left override in it
    assert (
        client.post(
            reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile(name, samples.PNG)}
        ).status_code
        == 200
    )
    item = DraftFile.objects.get()
    assert item.content_type == "image/png" and item.name == "Ảnh CCCD.pdf"  # shown as given, cleaned
    assert re.fullmatch(r"drafts/\d{4}/\d{2}/anh-cccd(_\w+)?\.png", item.file.name)


# ---- every way out is a download that runs nothing ----


def assert_runs_nothing(response, extension: str):
    assert response.status_code == 200, response
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.rstrip('"').endswith(extension), disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = [part.strip() for part in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy


def test_every_download_of_a_stored_file_is_an_attachment_that_runs_nothing(
    client, citizen, online, province, people, media
):
    draft = start(client, online)
    lines = list(online.documents.all())
    client.post(
        reverse("portal:upload", args=[draft.pk, lines[0].pk]), {"file": SimpleUploadedFile("to-khai.pdf", samples.PDF)}
    )
    client.post(
        reverse("portal:upload", args=[draft.pk, lines[1].pk]),
        {"file": SimpleUploadedFile("giay-chung-sinh.pdf", samples.jpeg())},
    )  # a photo named .pdf
    client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    dossier = Dossier.objects.get()
    people["desk"].staff_roles.create(agency=province["justice"], role="counter")
    lifecycle.receive(dossier.pk, actor=people["desk"])
    lifecycle.submit_for_approval(dossier.pk, actor=people["head"])
    lifecycle.approve(dossier.pk, actor=people["head"])
    lifecycle.issue_result(
        dossier.pk,
        actor=people["head"],
        summary="Phiếu số 9",
        uploads=[("Phiếu lý lịch tư pháp", SimpleUploadedFile("kq.png", samples.PNG))],
    )
    photo = dossier.documents.get(requirement=lines[1])
    result = dossier.documents.get(kind="result")
    assert photo.file.name.endswith(".jpg") and result.file.name.endswith(".png")

    # the citizen: the result, and the data store
    assert_runs_nothing(client.get(reverse("portal:result", args=[dossier.code, result.pk])), ".png")
    for item in StoredDocument.objects.filter(owner=citizen):
        assert_runs_nothing(
            client.get(reverse("portal:store_download", args=[item.pk])), files.EXTENSIONS[item.content_type]
        )
    # the officer: the dossier page links to downloads, and each download runs nothing
    client.force_login(people["head"])
    page = client.get(reverse("office:dossier", args=[dossier.code])).content.decode()
    links = re.findall(r'<a href="/can-bo/ho-so/[^"]+/tep/\d+/"[^>]*>', page)
    assert len(links) == 3 and all(" download" in link and "target=" not in link for link in links)
    assert "<iframe" not in page and "<embed" not in page and "<object" not in page
    assert_runs_nothing(client.get(reverse("office:document", args=[dossier.code, photo.pk])), ".jpg")
    assert_runs_nothing(client.get(reverse("office:document", args=[dossier.code, result.pk])), ".png")
    # an integration, through the API
    documents = client_for(people["head"]).get(f"/api/v1/dossiers/{dossier.code}/documents/").json()["results"]
    assert_runs_nothing(client_for(people["head"]).get(documents[0]["download"]), ".pdf")


def test_a_pakn_attachment_goes_to_the_officer_as_a_download_that_runs_nothing(client, province, people):
    fb = pakn.submit(
        sender(receiving_agency=province["justice"]), files=[("ảnh hiện trường.pdf", samples.PNG, "image/png")]
    )
    attachment = fb.attachments.get()
    assert attachment.name == "ảnh hiện trường.pdf" and attachment.file.name.endswith("/anh-hien-truong.png")
    client.force_login(people["head"])
    page = client.get(reverse("feedback:office_detail", args=[fb.code])).content.decode()
    link = re.search(r'<a href="/[^"]*/tep/\d+/"[^>]*>', page).group(0)
    assert " download" in link and "target=" not in link
    assert_runs_nothing(client.get(reverse("feedback:office_attachment", args=[fb.code, attachment.pk])), ".png")
