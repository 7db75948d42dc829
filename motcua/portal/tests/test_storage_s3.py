"""The portal's uploads and the citizen's data store in S3-compatible object storage (moto's S3 server on
127.0.0.1, docs/storage.md); the desk's files and the checks on the way back: dossiers/tests/test_storage_s3.py."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.images import png
from motcua.dossiers.tests.s3 import s3, s3_server  # noqa: F401 (fixtures)
from motcua.portal.models import DraftFile, StoredDocument

from .test_online import citizen, fill, online, start  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_the_portal_keeps_uploads_and_the_data_store_in_the_bucket(
    s3, client, citizen, online, province, django_capture_on_commit_callbacks
):
    draft = start(client, online)
    contents = [png(40, 40, seed=21), png(50, 50, seed=22)]
    for line, content in zip(online.documents.all(), contents):
        answer = client.post(
            reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("ảnh chụp.png", content)}
        )
        assert answer.status_code == 200, answer.content
    assert {item.file.name for item in DraftFile.objects.all()} <= s3.keys()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:submit", args=[draft.pk]), fill(province))
    assert response.status_code == 302, response.content
    dossier = Dossier.objects.get()
    kept = {d.file.name: d for d in dossier.documents.all()} | {
        s.file.name: s for s in StoredDocument.objects.filter(owner=citizen)
    }
    assert len(kept) == 4 and set(kept) <= s3.keys()
    assert sorted(s3.read(d.file.name) for d in dossier.documents.all()) == sorted(contents)

    stored = StoredDocument.objects.filter(owner=citizen).first()
    download = client.get(reverse("portal:store_download", args=[stored.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == s3.read(stored.file.name)
