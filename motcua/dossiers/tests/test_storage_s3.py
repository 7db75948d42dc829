"""Stored files in S3-compatible object storage (moto's S3 server on 127.0.0.1, docs/storage.md): what the desk
takes goes to the bucket, comes back streamed in blocks and checked against its SHA-256, and an object changed or
removed in the bucket behind our back is refused in Vietnamese and logged, never served as authentic. What the
portal takes: portal/tests/test_storage_s3.py."""

import base64
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from motcua.dossiers import files, integrity
from motcua.dossiers.models import Document
from motcua.dossiers.tests.images import png
from motcua.dossiers.tests.s3 import s3, s3_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
SCAN = png(120, 120, seed=14)  # about 43 KB: many blocks of a streamed response


def desk_intake(people, five_days, applicant, content=SCAN) -> Document:
    """The desk registers a paper dossier through the API with one scanned file."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=people['desk'])[0].key}")
    line = five_days.documents.get(name="Giấy chứng sinh")
    response = client.post(
        "/api/v1/dossiers/",
        {
            "procedure": "3.000333",
            "receiving_agency": "000.01.01.H44",
            "channel": "direct",
            **applicant,
            "files": [SimpleUploadedFile("Giấy chứng sinh.png", content)],
            "file_lines": [line.pk],
        },
        format="multipart",
    )
    assert response.status_code == 201, response.content
    return Document.objects.get(dossier__code=response.json()["code"])


def office(people) -> Client:
    client = Client()
    client.force_login(people["desk"])
    return client


def test_a_file_taken_at_the_desk_is_stored_in_the_bucket_and_streamed_back_checked(s3, people, five_days, applicant):
    document = desk_intake(people, five_days, applicant)
    assert document.file.name in s3.keys() and s3.read(document.file.name) == SCAN  # noqa: SIM118 (a bucket, not a dict)
    assert document.sha256 == hashlib.sha256(SCAN).hexdigest()

    served = files.serve(document)
    assert isinstance(served.file_to_stream, integrity.Checked)  # blocks go out through the digest check
    assert not hasattr(served.file_to_stream, "fileno")  # so no server can sendfile around it
    served.file_to_stream.close()  # (response.close() would send request_finished and end the connection)
    response = office(people).get(reverse("office:document", args=[document.dossier.code, document.pk]))
    assert response.status_code == 200 and response.streaming
    blocks = list(response.streaming_content)
    assert len(blocks) > 5 and b"".join(blocks) == SCAN
    assert int(response["Content-Length"]) == len(SCAN)
    assert response["Repr-Digest"] == f"sha-256=:{base64.b64encode(hashlib.sha256(SCAN).digest()).decode()}:"


def test_two_files_with_one_name_never_overwrite_each_other_in_the_bucket(s3, people, five_days, applicant):
    first = desk_intake(people, five_days, applicant, png(3, 3, seed=1))
    second = desk_intake(people, five_days, applicant, png(3, 3, seed=2))
    assert first.file.name != second.file.name and {first.file.name, second.file.name} <= s3.keys()
    assert s3.read(first.file.name) == png(3, 3, seed=1)


@pytest.mark.parametrize("change", ["same size", "other size"])
def test_an_object_changed_in_the_bucket_is_refused_in_vietnamese_and_logged(
    s3, people, five_days, applicant, caplog, change
):
    document = desk_intake(people, five_days, applicant)
    forged = png(120, 120, seed=15) if change == "same size" else SCAN + b"\x00"
    assert (len(forged) == len(SCAN)) == (change == "same size")
    s3.put(document.file.name, forged)
    with caplog.at_level("ERROR", logger="motcua.files"):
        response = office(people).get(reverse("office:document", args=[document.dossier.code, document.pk]))
        api = APIClient()
        api.force_authenticate(people["desk"])
        by_api = api.get(f"/api/v1/dossiers/{document.dossier.code}/documents/{document.pk}/download/")
    for answer in (response, by_api):
        text = answer.content.decode()
        assert answer.status_code == 500 and not answer.streaming
        assert "không còn khớp mã SHA-256 ghi khi tiếp nhận" in text and "báo quản trị hệ thống" in text
        assert answer["Content-Type"] == "text/plain; charset=utf-8" and "Repr-Digest" not in answer
    assert "Tệp lưu trữ đã bị thay đổi" in caplog.text and document.file.name in caplog.text
    assert document.sha256 in caplog.text


def test_an_object_removed_from_the_bucket_is_told_not_answered_with_a_crash(s3, people, five_days, applicant, caplog):
    document = desk_intake(people, five_days, applicant)
    s3.delete(document.file.name)
    with caplog.at_level("ERROR", logger="motcua.files"):
        response = office(people).get(reverse("office:document", args=[document.dossier.code, document.pk]))
    assert response.status_code == 500 and "không còn trong kho lưu trữ" in response.content.decode()
    assert "không còn trong kho" in caplog.text
