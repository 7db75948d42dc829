"""Backup and restore (issue 14, docs/backup.md) on the database the tests run on (SQLite, or PostgreSQL with real
pg_dump and pg_restore when DATABASE_URL names one): create → wipe → restore → verify gives back the same system;
a file corrupted or missing in the backup, a row deleted or an event changed after it are each named by verify."""

import io
import json
import shutil

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from motcua.backup import database
from motcua.dossiers import files, lifecycle
from motcua.dossiers.models import Document, Dossier, Event
from motcua.dossiers.tests.fixtures import vn
from motcua.dossiers.tests.images import png
from motcua.feedback import lifecycle as feedback
from motcua.feedback.models import Attachment

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump and pg_restore see only committed rows
SCAN, PHOTO, PIECE = png(60, 60, seed=1), png(20, 20, seed=2), b"manh tep dang tai len"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def schema_back(transactional_db):
    """A test that fails between wipe and restore leaves no tables: the next tests get them back."""
    yield
    if "dossiers_dossier" not in database.table_names():
        call_command("migrate", verbosity=0)
    ContentType.objects.clear_cache()


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("backup", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args) -> str:
    """The CommandError's message and what the command wrote to stderr before it."""
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("backup", *map(str, args), stdout=io.StringIO(), stderr=err)
    return f"{err.getvalue()}\n{raised.value}"


@pytest.fixture
def system(people, five_days, province, applicant):
    """A received dossier with a scanned file (two chained events), a PAKN with a photo (its own chain), and a
    piece of an upload still arriving that no row's file field names."""
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 09:00"),
    )
    document = Document(dossier=dossier, name="Giấy chứng sinh", uploaded_by=people["desk"])
    files.store(document, SCAN, "giay-chung-sinh.png", "image/png")
    document.save()
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-02 09:05"))
    pakn = feedback.submit(
        {
            "kind": "report",
            "sender_name": "Nguyễn Văn An",
            "sender_address": "Việt Trì",
            "sender_phone": "0912345678",
            "title": "Phản ánh thái độ",
            "content": "Cán bộ yêu cầu thêm giấy tờ.",
            "receiving_agency": province["justice"],
        },
        files=[("anh.png", PHOTO, "image/png")],
        at=vn("2026-03-03 10:00"),
    )
    piece = default_storage.save("tai-len/manh/0001", ContentFile(PIECE))
    return {
        "dossier": dossier,
        "document": document,
        "pakn": pakn,
        "attachment": Attachment.objects.get(),
        "piece": piece,
    }


def lose_everything(media):
    database.wipe()
    shutil.rmtree(media, ignore_errors=True)
    assert database.table_names() == [] and not media.exists()


def test_create_wipe_restore_verify_gives_back_the_same_system(system, media, tmp_path):
    target = tmp_path / "sao-luu"
    out, err = run("create", target)
    assert "Đã sao lưu vào" in out and "1 hồ sơ, 1 PAKN" in out and err == ""
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["database"]["vendor"] == connection.vendor and manifest["motcua_version"]
    assert (target / manifest["database"]["file"]).stat().st_size == manifest["database"]["size"]
    assert manifest["tables"]["dossiers_event"] == 2 and manifest["tables"]["feedback_attachment"] == 1
    assert "dossiers.0001_initial" in manifest["migrations"]
    assert {f["path"]: f["size"] for f in manifest["files"]} == {
        system["document"].file.name: len(SCAN),
        system["attachment"].file.name: len(PHOTO),
        system["piece"]: len(PIECE),
    }
    dossier = Dossier.objects.get()
    assert manifest["chains"]["dossiers"] == {dossier.code: [2, dossier.last_event_hash]}
    assert manifest["chains"]["feedback"] == {
        system["pakn"].code: [system["pakn"].event_count, system["pakn"].last_event_hash]
    }

    lose_everything(media)
    out, err = run("restore", target)
    assert "Đã khôi phục 3/3 tệp" in out and err == ""
    ContentType.objects.clear_cache()
    out, err = run("verify", target)
    assert "Hệ thống khớp bản sao lưu" in out and err == ""

    document = Document.objects.get()
    assert (document.file.name, document.sha256) == (system["document"].file.name, system["document"].sha256)
    assert b"".join(files.serve(document)) == SCAN  # restored dossiers answer with their files, not 500
    assert default_storage.open(system["piece"]).read() == PIECE
    assert [e.kind for e in Event.objects.order_by("seq")] == ["registered", "received"]


def test_a_file_corrupted_in_the_backup_is_named_by_restore_and_verify(system, media, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    name = system["document"].file.name
    copy = target / "files" / name
    copy.write_bytes(copy.read_bytes()[:-1] + b"\x00")
    lose_everything(media)
    told = refused("restore", target)
    assert f"Tệp “{name}” trong bản sao lưu không khớp bản kê" in told and "Khôi phục xong nhưng có 1" in told
    told = refused("verify", target)
    assert f"Tệp “{name}” khác bản sao lưu" in told
    assert f"giấy tờ #{system['document'].pk} (dossiers_document): tệp “{name}” không khớp mã SHA-256" in told
    assert "Hệ thống khác bản sao lưu: 2 điểm" in told
    assert files.serve(Document.objects.get()).status_code == 500  # never served as authentic


def test_a_file_missing_from_the_backup_is_named(system, media, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    name = system["attachment"].file.name
    (target / "files" / name).unlink()
    lose_everything(media)
    assert f"Bản sao lưu thiếu tệp “{name}”" in refused("restore", target)
    told = refused("verify", target)
    assert f"Thiếu tệp “{name}”" in told and f"tệp đính kèm #{system['attachment'].pk}" in told


def test_a_row_deleted_after_the_backup_is_named(system, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    Document.objects.filter(pk=system["document"].pk).delete()
    told = refused("verify", target)
    assert "Bảng dossiers_document: lúc sao lưu có 1 dòng, bây giờ có 0 dòng." in told


def test_an_event_changed_after_the_backup_is_named(system, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    with connection.cursor() as cursor:  # behind the application's back: the model refuses any change
        cursor.execute("UPDATE dossiers_event SET note = 'sửa lén' WHERE seq = 1")
    told = refused("verify", target)
    assert f"Hồ sơ {system['dossier'].code}, sự kiện số 1: nội dung sự kiện đã bị sửa" in told


def test_restore_refuses_what_is_not_empty_unless_forced(system, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    told = refused("restore", target)
    assert "Nơi khôi phục không trống" in told and "kho tệp đã có tệp" in told and "--force" in told
    Document.objects.all().delete()
    default_storage.save("la/khong-thuoc-ban-sao-luu.txt", ContentFile(b"x"))
    out, _ = run("restore", target, "--force")
    assert "Đã xóa" in out and "Đã khôi phục 3/3 tệp" in out
    ContentType.objects.clear_cache()
    assert "Hệ thống khớp bản sao lưu" in run("verify", target)[0]


def test_restore_refuses_a_damaged_unfinished_or_foreign_backup(system, media, tmp_path):
    target = tmp_path / "sao-luu"
    run("create", target)
    lose_everything(media)
    manifest_path = target / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    dump = target / manifest["database"]["file"]
    dump.write_bytes(dump.read_bytes() + b"\x00")
    assert "không khớp mã SHA-256" in refused("restore", target)
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest_path.write_text(json.dumps({**manifest, "database": {**manifest["database"], "vendor": other}}))
    assert "không khôi phục chéo được" in refused("restore", target)
    manifest_path.unlink()
    assert "không phải bản sao lưu hoàn chỉnh" in refused("restore", target)
    assert database.table_names() == []  # nothing was touched
    assert "đã có dữ liệu" in refused("create", target)
