"""Resumable uploads (tus 1.0) of a draft's files: sent in pieces, cut off and resumed, then checked like a one-piece
upload; too large, wrong type, someone else's draft, no CSRF token: refused with nothing lost."""

import base64
import datetime as dt
import hashlib
import io
import socket
import unicodedata
import uuid
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from motcua.accounts.models import User
from motcua.dossiers.tests import samples
from motcua.portal import uploads
from motcua.portal.models import DraftFile, UploadSession
from motcua.portal.tests.test_online import PDF, citizen, online, start  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
TUS = {"Tus-Resumable": "1.0.0"}
SCAN = samples.pdf(padding=600 * 1024, seed=1193)  # a well-formed PDF of three 256 KiB pieces


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def open_upload(client, draft, line, size: int, name="giay-chung-sinh.pdf"):
    metadata = f"filename {b64(name)},filetype {b64('application/pdf')}"
    return client.post(
        reverse("portal:resumable_create", args=[draft.pk, line.pk]),
        headers={**TUS, "Upload-Length": str(size), "Upload-Metadata": metadata},
    )


def send(client, url: str, offset: int, piece: bytes):
    return client.patch(
        url, piece, content_type="application/offset+octet-stream", headers={**TUS, "Upload-Offset": str(offset)}
    )


def server_offset(client, url: str) -> int:
    response = client.head(url, headers=TUS)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    return int(response["Upload-Offset"])


def pieces_on_disk() -> list[str]:
    return default_storage.listdir(uploads.PIECES)[1] if default_storage.exists(uploads.PIECES) else []


def test_a_file_sent_in_pieces_becomes_the_line_file_with_its_sha256(client, citizen, online):
    draft, line = start(client, online), online.documents.first()
    name = unicodedata.normalize("NFD", "Giấy chứng sinh.pdf")  # as a Mac browser names it
    created = open_upload(client, draft, line, len(SCAN), name)
    assert created.status_code == 201 and created["Tus-Resumable"] == "1.0.0"
    url = created["Location"]
    assert server_offset(client, url) == 0 and client.head(url, headers=TUS)["Upload-Length"] == str(len(SCAN))
    offset = 0
    for piece in (SCAN[:262144], SCAN[262144:524288], SCAN[524288:]):
        answer = send(client, url, offset, piece)
        assert answer.status_code == 204
        offset = int(answer["Upload-Offset"])
        if offset < len(SCAN):
            assert server_offset(client, url) == offset and not draft.files.exists()
    item = DraftFile.objects.get(draft=draft, requirement=line)
    assert (item.size, item.sha256) == (len(SCAN), hashlib.sha256(SCAN).hexdigest())
    assert item.name == "Giấy chứng sinh.pdf" and item.content_type == "application/pdf"
    with item.file.open("rb") as handle:
        assert handle.read() == SCAN
    assert not UploadSession.objects.exists() and pieces_on_disk() == []
    assert client.head(url, headers=TUS).status_code == 404  # finished: nothing left to resume


def test_a_piece_at_the_wrong_offset_gets_409_and_the_upload_goes_on_from_the_server_offset(client, citizen, online):
    draft, line = start(client, online), online.documents.first()
    url = open_upload(client, draft, line, len(SCAN))["Location"]
    assert send(client, url, 0, SCAN[:100000]).status_code == 204
    again = send(client, url, 0, SCAN[:262144])  # the browser did not hear the first answer and sends it again
    assert again.status_code == 409 and again["Upload-Offset"] == "100000"
    assert "máy chủ đã nhận 100000 byte" in again.json()["error"]
    assert send(client, url, 200000, SCAN[200000:300000]).status_code == 409
    offset = server_offset(client, url)
    assert send(client, url, offset, SCAN[offset:]).status_code == 204
    assert draft.files.get().sha256 == hashlib.sha256(SCAN).hexdigest()


@pytest.mark.django_db(transaction=True)
def test_a_patch_cut_off_midway_keeps_what_arrived_and_the_upload_resumes(live_server, people, online):
    """Real HTTP: the body stops after 100 000 of the 262 144 bytes announced and the connection closes."""
    owner = people["citizen"]
    client = Client()
    client.force_login(owner)
    draft, line = start(client, online), online.documents.first()
    url = open_upload(client, draft, line, len(SCAN))["Location"]
    host, port = urlsplit(live_server.url).hostname, urlsplit(live_server.url).port
    secret = "a" * 32
    head = (
        f"PATCH {url} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Cookie: sessionid={client.cookies['sessionid'].value}; csrftoken={secret}\r\nX-CSRFToken: {secret}\r\n"
        "Tus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
        "Content-Length: 262144\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((host, port), timeout=20) as connection:
        connection.sendall(head.encode() + SCAN[:100000])
        connection.shutdown(socket.SHUT_WR)  # nothing more will come
        answer = b"".join(iter(lambda: connection.recv(65536), b""))
    assert answer.startswith(b"HTTP/1.1 204") and b"Upload-Offset: 100000" in answer
    assert server_offset(client, url) == 100000
    assert send(client, url, 100000, SCAN[100000:]).status_code == 204
    assert draft.files.get().sha256 == hashlib.sha256(SCAN).hexdigest()


def test_too_large_is_refused_before_any_byte_and_a_piece_never_goes_past_the_length(client, citizen, online, settings):
    draft, line = start(client, online), online.documents.first()
    settings.MOTCUA_MAX_UPLOAD_MB = 1
    too_large = open_upload(client, draft, line, 1024 * 1024 + 1)
    assert (
        too_large.status_code == 413
        and too_large.json()["error"] == "Tệp quá lớn: 1.048.577 byte, tối đa 1.048.576 byte."
    )
    assert not UploadSession.objects.exists()
    url = open_upload(client, draft, line, 1000)["Location"]
    over = send(client, url, 0, PDF * 100)
    assert over.status_code == 413 and "vượt quá kích thước tệp" in over.json()["error"]
    assert server_offset(client, url) == 0 and pieces_on_disk() == [] and not draft.files.exists()
    assert open_upload(client, draft, line, 0).json()["error"] == "Tệp rỗng."


def test_a_wrong_type_found_on_the_last_byte_is_refused_and_the_previous_file_stays(client, citizen, online):
    draft, line = start(client, online), online.documents.first()
    client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    before = draft.files.get()
    program = b"MZ\x90\x00" + bytes(300000)
    url = open_upload(client, draft, line, len(program), "to-khai.pdf")["Location"]
    assert send(client, url, 0, program[:262144]).status_code == 204
    refused = send(client, url, 262144, program[262144:])
    assert refused.status_code == 415 and "chỉ nhận PDF, JPEG hoặc PNG" in refused.json()["error"]
    after = draft.files.get()
    assert (after.pk, after.sha256) == (before.pk, hashlib.sha256(PDF).hexdigest())
    assert not UploadSession.objects.exists() and pieces_on_disk() == []


def test_another_citizens_draft_and_upload_are_not_found(client, citizen, online):
    draft, line = start(client, online), online.documents.first()
    url = open_upload(client, draft, line, len(SCAN))["Location"]
    assert send(client, url, 0, SCAN[:1000]).status_code == 204
    client.force_login(User.objects.create_user("khac", password="x", kind="citizen"))
    assert open_upload(client, draft, line, len(SCAN)).status_code == 404
    assert client.head(url, headers=TUS).status_code == 404
    assert send(client, url, 1000, SCAN[1000:]).status_code == 404
    assert UploadSession.objects.get().offset == 1000 and not draft.files.exists()


def test_csrf_token_is_required_to_open_or_extend_an_upload(citizen, online):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    draft, line = start(client, online), online.documents.first()
    client.get(reverse("portal:draft", args=[draft.pk]))
    assert open_upload(client, draft, line, len(PDF)).status_code == 403
    token = {"X-CSRFToken": client.cookies["csrftoken"].value}
    url = client.post(
        reverse("portal:resumable_create", args=[draft.pk, line.pk]),
        headers={**TUS, **token, "Upload-Length": str(len(PDF))},
    )["Location"]
    assert send(client, url, 0, PDF).status_code == 403 and server_offset(client, url) == 0
    done = client.patch(
        url, PDF, content_type="application/offset+octet-stream", headers={**TUS, **token, "Upload-Offset": "0"}
    )
    assert done.status_code == 204 and draft.files.get().name == "tệp"


def test_requests_outside_the_protocol_are_refused_in_vietnamese(client, citizen, online, settings):
    draft, line = start(client, online), online.documents.first()
    create_url = reverse("portal:resumable_create", args=[draft.pk, line.pk])
    options = client.options(create_url)
    assert options.status_code == 204 and options["Tus-Version"] == "1.0.0"
    assert options["Tus-Max-Size"] == str(settings.MOTCUA_MAX_UPLOAD_MB * 1048576)
    old = client.post(create_url, headers={"Upload-Length": "10"})
    assert old.status_code == 412 and old["Tus-Version"] == "1.0.0" and "không được hỗ trợ" in old.json()["error"]
    assert client.post(create_url, headers={**TUS, "Upload-Length": "mười"}).status_code == 400
    bad_name = client.post(create_url, headers={**TUS, "Upload-Length": "10", "Upload-Metadata": "filename ???"})
    assert bad_name.status_code == 400 and "Upload-Metadata" in bad_name.json()["error"]
    url = open_upload(client, draft, line, len(PDF))["Location"]
    form = client.patch(url, PDF, content_type="application/octet-stream", headers={**TUS, "Upload-Offset": "0"})
    assert form.status_code == 415 and server_offset(client, url) == 0


def test_purge_drops_abandoned_uploads_and_pieces_whose_upload_is_gone(client, citizen, online):
    draft, line = start(client, online), online.documents.first()
    abandoned_url = open_upload(client, draft, line, len(SCAN))["Location"]
    recent_url = open_upload(client, draft, line, len(SCAN))["Location"]
    send(client, abandoned_url, 0, SCAN[:5000])
    send(client, recent_url, 0, SCAN[:7000])
    orphan = default_storage.save(f"{uploads.PIECES}/{uuid.uuid4()}-000000000000-x", ContentFile(b"left over"))
    UploadSession.objects.filter(offset=5000).update(updated_at=timezone.now() - dt.timedelta(days=8))
    out = io.StringIO()
    call_command("portal", "purge-uploads", stdout=out)
    assert out.getvalue().strip() == "Đã xóa 1 lượt tải lên dở dang quá 7 ngày."
    recent = UploadSession.objects.get()
    assert pieces_on_disk() == [name.rsplit("/", 1)[-1] for name in recent.parts] and orphan not in recent.parts
    assert client.head(abandoned_url, headers=TUS).status_code == 404 and server_offset(client, recent_url) == 7000
