"""A stored file is checked against its SHA-256 as it is served (integrity.py): before the first byte (a changed or
missing file is refused in Vietnamese and logged) and again as it streams (a file changed between the two reads
stops the download before its last block). On local disk here; test_storage_s3.py does the same on S3."""

import hashlib

import pytest
from django.core.files.base import ContentFile

from motcua.dossiers import files, integrity, lifecycle
from motcua.dossiers.models import Document
from motcua.dossiers.tests.images import png

pytestmark = pytest.mark.django_db
SCAN = png(100, 100, seed=3)  # about 30 KB, eight blocks of a FileResponse


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def document(people, five_days, province, applicant):
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    document = Document(dossier=dossier, name="Giấy chứng sinh")
    files.store(document, SCAN, "giay-chung-sinh.png", "image/png")
    document.save()
    return document


def test_a_good_file_streams_in_blocks_with_its_length(document):
    response = files.serve(document)
    assert response.status_code == 200 and int(response["Content-Length"]) == len(SCAN)
    blocks = list(response)
    assert len(blocks) > 1 and b"".join(blocks) == SCAN
    response.file_to_stream.close()  # not response.close(): that ends the request and its connection


def test_a_file_changed_on_disk_is_refused_and_logged(document, caplog):
    with open(document.file.path, "r+b") as handle:
        handle.seek(200)
        handle.write(b"\x00\x01")
    with caplog.at_level("ERROR", logger="motcua.files"):
        response = files.serve(document)
    assert response.status_code == 500 and not response.streaming
    assert "không còn khớp mã SHA-256" in response.content.decode() and SCAN[:50] not in response.content
    assert f"giấy tờ #{document.pk}" in caplog.text and document.sha256 in caplog.text


def test_a_missing_file_is_refused_and_logged(document, caplog):
    document.file.storage.delete(document.file.name)
    with caplog.at_level("ERROR", logger="motcua.files"):
        response = files.serve(document)
    assert response.status_code == 500 and "không còn trong kho lưu trữ" in response.content.decode()
    assert "không còn trong kho" in caplog.text


def test_a_file_changed_while_it_streams_stops_before_its_last_block(document, caplog):
    response = files.serve(document)  # checked: right
    with open(document.file.path, "r+b") as handle:  # then changed in place before the bytes go out
        handle.seek(len(SCAN) - 10)
        handle.write(b"forged!!!!")
    given = []
    with caplog.at_level("ERROR", logger="motcua.files"), pytest.raises(integrity.Changed):
        for block in response:
            given.append(block)
    response.file_to_stream.close()  # not response.close(): that ends the request and its connection
    assert 0 < len(b"".join(given)) < len(SCAN) - 10  # the block holding the change never went out
    assert "thay đổi trong khi gửi" in caplog.text


def test_a_row_without_a_sha256_is_served_as_it_is(document):
    Document.objects.filter(pk=document.pk).update(sha256="")
    document.refresh_from_db()
    assert b"".join(files.serve(document)) == SCAN


def test_the_check_reads_what_the_storage_holds_not_what_the_row_says(document):
    other = Document(dossier=document.dossier, name="Tờ khai")
    other.sha256, other.size, other.content_type = hashlib.sha256(SCAN).hexdigest(), len(SCAN), "image/png"
    other.file.save("to-khai.png", ContentFile(SCAN[:-1]), save=False)  # one byte short of what the row says
    other.save()
    assert files.serve(other).status_code == 500
