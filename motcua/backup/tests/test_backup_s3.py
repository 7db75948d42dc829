"""`motcua backup` with the files in S3 (moto's S3 server on 127.0.0.1): backed up from the bucket into DIR, the
bucket emptied with the database, restored into the bucket, verified; an object changed afterwards is named."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType

from motcua.backup import database
from motcua.dossiers import files
from motcua.dossiers.models import Document
from motcua.dossiers.tests.s3 import s3, s3_server  # noqa: F401 (fixtures)

from .test_backup import PIECE, SCAN, media, refused, run, schema_back, system  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_from_the_bucket_and_restore_into_it(s3, system, tmp_path):
    keys = s3.keys()
    assert keys == {system["document"].file.name, system["attachment"].file.name, system["piece"]}
    target = tmp_path / "sao-luu"
    run("create", target)
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["storage"]["backend"] == "storages.backends.s3.S3Storage"
    assert (target / "files" / system["piece"]).read_bytes() == PIECE

    database.wipe()
    for key in keys:
        s3.delete(key)
    assert s3.keys() == set()
    out, err = run("restore", target)
    assert "Đã khôi phục 3/3 tệp" in out and err == ""
    assert s3.keys() == keys and s3.read(system["document"].file.name) == SCAN
    ContentType.objects.clear_cache()
    assert "Hệ thống khớp bản sao lưu" in run("verify", target)[0]
    assert b"".join(files.serve(Document.objects.get())) == SCAN

    s3.put(system["piece"], PIECE + b"!")
    assert f"Tệp “{system['piece']}” khác bản sao lưu" in refused("verify", target)
