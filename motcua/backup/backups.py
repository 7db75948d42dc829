"""Create, restore and verify a backup directory (docs/backup.md).

    DIR/manifest.json        written last: a directory without it is an unfinished backup and is never restored
    DIR/database.pgdump      PostgreSQL (pg_dump custom format), or DIR/database.sqlite3 (SQLite)
    DIR/files/<path>         every file of the file store, under the name it has there

The manifest holds: the moment, motcua's version, the database (vendor, server version, tool, the dump's size and
SHA-256), the Django migrations applied, the row count of every table, each file's path, size and SHA-256, the head
of every hash chain (each dossier's and each PAKN's event count and last event hash), and the warnings the backup
raised (a file a row names but the store lacks, a file whose content is not what its row recorded).
"""

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from . import database, filestore
from .database import CHAINS, VENDORS, BackupError

FORMAT = "motcua-backup/1"
MANIFEST = "manifest.json"
FILES = "files"


@dataclass
class Outcome:
    """What an action did (`lines`, to print) and what went wrong without stopping it (`problems`)."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _version() -> str:
    try:
        return metadata.version("motcua")
    except metadata.PackageNotFoundError:
        return "không rõ"


def _storage_name(storage) -> str:
    if isinstance(storage, LazyObject):  # default_storage: the storage it stands for
        if storage._wrapped is empty:
            storage._setup()
        storage = storage._wrapped
    return f"{type(storage).__module__}.{type(storage).__qualname__}"


def _size(count: int) -> str:
    from motcua.vntext import formats

    return formats.size(count)


def _reference_problems(references, found: dict[str, str]) -> list[str]:
    """A row's file missing from the store, or with another SHA-256 than the row recorded. `found`: {path: sha256}."""
    labels, problems = database.labels(), []
    for ref in references:
        who = f"{labels.get(ref.table, ref.table)} #{ref.pk} ({ref.table})"
        if ref.name not in found:
            problems.append(f"{who} cần tệp “{ref.name}” nhưng kho tệp không có tệp này.")
        elif ref.sha256 and found[ref.name] != ref.sha256:
            problems.append(
                f"{who}: tệp “{ref.name}” không khớp mã SHA-256 ghi trong cơ sở dữ liệu "
                f"({found[ref.name][:12]}… thay vì {ref.sha256[:12]}…)."
            )
    return problems


def _outside_store(directory: Path, storage) -> None:
    location = getattr(storage, "location", None)
    if isinstance(location, str) and hasattr(storage, "path"):
        store = Path(location).resolve()
        if directory.resolve() == store or store in directory.resolve().parents:
            raise BackupError(f"Thư mục sao lưu {directory} nằm trong kho tệp ({store}): chọn thư mục khác.")


# --- create -------------------------------------------------------------------------------------------------------


def create(directory: Path, storage=default_storage) -> Outcome:
    """Back up the database and the whole file store into `directory` (new, or empty)."""
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"Thư mục {directory} đã có dữ liệu: mỗi bản sao lưu cần một thư mục mới.")
    _outside_store(directory, storage)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # personal data: readable by its owner only
    started = timezone.now()
    db, contents = database.dump(directory)
    entries = [filestore.copy_out(storage, name, directory / FILES) for name in filestore.walk(storage)]
    warnings = _reference_problems(contents.references, {e.path: e.sha256 for e in entries})
    manifest = {
        "format": FORMAT,
        "created_at": started.isoformat(),
        "finished_at": timezone.now().isoformat(),
        "motcua_version": _version(),
        "database": db,
        "migrations": contents.migrations,
        "tables": contents.tables,
        "storage": {"backend": _storage_name(storage), "scope": "whole store"},
        "files": [entry.as_json() for entry in entries],
        "chains": contents.chains,
        "warnings": warnings,
    }
    temporary = directory / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, directory / MANIFEST)
    rows = sum(contents.tables.values())
    outcome = Outcome(problems=warnings)
    outcome.lines = [
        f"Đã sao lưu vào {directory}.",
        f"Cơ sở dữ liệu {VENDORS[db['vendor']]}: {len(contents.tables)} bảng, {rows} dòng "
        f"({db['file']}, {_size(db['size'])}).",
        f"Kho tệp: {len(entries)} tệp, {_size(sum(e.size for e in entries))}.",
        f"Chuỗi nhật ký: {len(contents.chains['dossiers'])} hồ sơ, {len(contents.chains['feedback'])} PAKN.",
    ]
    return outcome


# --- restore ------------------------------------------------------------------------------------------------------


def load_manifest(directory: Path) -> dict:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise BackupError(f"Không có {MANIFEST} trong {directory}: đây không phải bản sao lưu hoàn chỉnh.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BackupError(f"{MANIFEST} hỏng, không đọc được: {exc}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{MANIFEST} không phải định dạng {FORMAT} (gặp “{manifest.get('format')}”).")
    return manifest


def restore(directory: Path, *, force: bool = False, storage=default_storage) -> Outcome:
    """Load the database and the files of a backup into an empty database and an empty file store (`force`: empty
    them first). The dump must match its SHA-256 before anything is touched; every file is restored even when its
    copy does not match the manifest (the mismatch is reported: serving refuses such a file, verify names it)."""
    directory = Path(directory)
    manifest = load_manifest(directory)
    db = manifest["database"]
    if db["vendor"] != connection.vendor:
        raise BackupError(
            f"Bản sao lưu là của {VENDORS.get(db['vendor'], db['vendor'])}, còn hệ thống này dùng "
            f"{VENDORS.get(connection.vendor, connection.vendor)}: không khôi phục chéo được."
        )
    dump = directory / db["file"]
    if not dump.is_file() or database.sha256_file(dump) != db["sha256"]:
        raise BackupError(
            f"Tệp cơ sở dữ liệu {dump.name} thiếu hoặc không khớp mã SHA-256 trong {MANIFEST}: "
            "bản sao lưu hỏng, không khôi phục."
        )
    for entry in manifest["files"]:
        filestore.local_path(directory / FILES, entry["path"])  # every name is checked before anything is written
    existing = database.table_names()
    has_files = not filestore.is_empty(storage)
    outcome = Outcome()
    if (existing or has_files) and not force:
        what = " và ".join(
            filter(
                None,
                [
                    f"cơ sở dữ liệu có {len(existing)} bảng" if existing else "",
                    "kho tệp đã có tệp" if has_files else "",
                ],
            )
        )
        raise BackupError(
            f"Nơi khôi phục không trống ({what}). Khôi phục chỉ chạy trên cơ sở dữ liệu trống (vừa "
            "tạo, chưa chạy migrate) và kho tệp trống; thêm --force để xóa sạch dữ liệu hiện có "
            "rồi khôi phục."
        )
    if existing:
        database.wipe()
        outcome.lines.append(f"Đã xóa {len(existing)} bảng có sẵn (--force).")
    if has_files:
        outcome.lines.append(f"Đã xóa {filestore.wipe(storage)} tệp có sẵn trong kho (--force).")
    database.load(dump, db["vendor"])
    outcome.lines.append(f"Đã khôi phục cơ sở dữ liệu {VENDORS[db['vendor']]} ({len(manifest['tables'])} bảng).")
    restored = 0
    for entry in manifest["files"]:
        path = filestore.local_path(directory / FILES, entry["path"])
        if not path.is_file():
            outcome.problems.append(f"Bản sao lưu thiếu tệp “{entry['path']}”: không khôi phục được tệp này.")
            continue
        copy = filestore.digest_local(path, entry["path"])
        if (copy.sha256, copy.size) != (entry["sha256"], entry["size"]):
            outcome.problems.append(
                f"Tệp “{entry['path']}” trong bản sao lưu không khớp bản kê (SHA-256 "
                f"{copy.sha256[:12]}… thay vì {entry['sha256'][:12]}…): vẫn chép vào kho, "
                "nhưng hệ thống sẽ từ chối phục vụ tệp này."
            )
        filestore.copy_in(storage, path, entry["path"])
        restored += 1
    outcome.lines.append(f"Đã khôi phục {restored}/{len(manifest['files'])} tệp vào kho tệp.")
    outcome.lines.append(f"Tiếp theo: motcua backup verify {directory}")
    return outcome


# --- verify -------------------------------------------------------------------------------------------------------


def verify(directory: Path, storage=default_storage) -> Outcome:
    """Compare the running system with the manifest: migrations, row counts, every file and its SHA-256, every
    row's file, every hash chain walked and its head. Each difference is a line of `problems`."""
    from motcua.dossiers import events
    from motcua.feedback import events as feedback_events
    from motcua.feedback.models import Feedback

    manifest = load_manifest(Path(directory))
    outcome, problems = Outcome(), []
    if manifest["database"]["vendor"] != connection.vendor:
        problems.append(
            f"Cơ sở dữ liệu khác loại: bản sao lưu là {manifest['database']['vendor']}, hệ thống là "
            f"{connection.vendor}."
        )
    live = database.read_live()

    missing = sorted(set(manifest["migrations"]) - set(live.migrations))
    extra = sorted(set(live.migrations) - set(manifest["migrations"]))
    if missing:
        problems.append(f"Thiếu {len(missing)} migration đã có lúc sao lưu: {', '.join(missing[:10])}.")
    if extra:
        problems.append(f"Có {len(extra)} migration không có lúc sao lưu: {', '.join(extra[:10])}.")

    for table, count in manifest["tables"].items():
        if table not in live.tables:
            problems.append(f"Thiếu bảng {table} (lúc sao lưu có {count} dòng).")
        elif live.tables[table] != count:
            problems.append(f"Bảng {table}: lúc sao lưu có {count} dòng, bây giờ có {live.tables[table]} dòng.")
    for table in sorted(set(live.tables) - set(manifest["tables"])):
        problems.append(f"Bảng {table} không có trong bản sao lưu.")

    expected = {entry["path"]: entry for entry in manifest["files"]}
    found = {}
    for name in filestore.walk(storage):
        entry = filestore.digest(storage, name)
        found[name] = entry.sha256
        wanted = expected.get(name)
        if wanted is None:
            problems.append(f"Tệp “{name}” có trong kho nhưng không có trong bản sao lưu.")
        elif (entry.sha256, entry.size) != (wanted["sha256"], wanted["size"]):
            problems.append(
                f"Tệp “{name}” khác bản sao lưu: SHA-256 {entry.sha256[:12]}… ({entry.size} byte) "
                f"thay vì {wanted['sha256'][:12]}… ({wanted['size']} byte)."
            )
    problems += [
        f"Thiếu tệp “{name}” ({wanted['size']} byte) trong kho."
        for name, wanted in expected.items()
        if name not in found
    ]
    problems += _reference_problems(live.references, found)

    chains = 0
    for key, (_, _, called) in CHAINS.items():
        before, now = manifest["chains"].get(key, {}), live.chains.get(key, {})
        for code, (count, head) in before.items():
            if code not in now:
                problems.append(f"{called} {code}: có lúc sao lưu, bây giờ không còn.")
            elif now[code] != [count, head]:
                problems.append(
                    f"{called} {code}: đầu chuỗi nhật ký khác lúc sao lưu ({now[code][0]} sự kiện, "
                    f"{(now[code][1] or '-')[:12]}… thay vì {count} sự kiện, {(head or '-')[:12]}…)."
                )
        problems += [f"{called} {code}: không có trong bản sao lưu." for code in now if code not in before]
        chains += len(now)
    problems += [f"Chuỗi nhật ký bị phá vỡ: {broken}." for broken in events.broken_chains()]
    for fb in Feedback.objects.order_by("pk").only("pk", "code", "event_count", "last_event_hash").iterator():
        seq = feedback_events.verify(fb)
        if seq is not None:
            problems.append(f"Chuỗi nhật ký bị phá vỡ: PAKN {fb.code}, sự kiện số {seq}.")

    outcome.problems = problems
    outcome.lines = [
        f"Bản sao lưu lúc {_moment(manifest['created_at'])}: {len(manifest['tables'])} bảng, "
        f"{sum(manifest['tables'].values())} dòng, {len(manifest['files'])} tệp.",
        f"Đã kiểm tra: {len(live.tables)} bảng, {len(found)} tệp (SHA-256 từng tệp), {chains} chuỗi nhật ký.",
    ]
    return outcome


def _moment(text: str) -> str:
    moment = timezone.localtime(dt.datetime.fromisoformat(text))
    return moment.strftime("%H:%M %d/%m/%Y")
