"""The file part of a backup: the whole file store, copied with its paths through Django's storage API, so one
path serves local disk and S3 alike.

The whole tree, not only the files that rows' file fields name: pieces of uploads still arriving (portal/uploads.py,
named in UploadSession.parts) and files held for a counter form (office/held.py) live in the store without a file
field, and a restored row that names them must find them. A file no row names costs its bytes and nothing else.
"""

import hashlib
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.files import File

from .database import BackupError

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Entry:
    path: str
    size: int
    sha256: str

    def as_json(self) -> dict:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


def walk(storage, folder: str = "") -> Iterator[str]:
    """Every file name in the store, folders first-to-last in name order."""
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:  # local disk before the first upload: no MEDIA_ROOT yet
        return
    for name in sorted(names):
        yield posixpath.join(folder, name) if folder else name
    for sub in sorted(folders):
        yield from walk(storage, posixpath.join(folder, sub) if folder else sub)


def is_empty(storage) -> bool:
    return next(walk(storage), None) is None


def local_path(root: Path, name: str) -> Path:
    """Where a stored file's copy lives under `root`; a name that would leave `root` is refused."""
    parts = name.split("/")
    if not name or name.startswith("/") or any(part in ("", ".", "..") for part in parts) or "\\" in name:
        raise BackupError(f"Tên tệp không hợp lệ trong bản sao lưu: “{name}”.")
    return root.joinpath(*parts)


def _copy(source, target) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    for block in iter(lambda: source.read(CHUNK), b""):
        digest.update(block)
        size += len(block)
        target.write(block)
    return size, digest.hexdigest()


def copy_out(storage, name: str, root: Path) -> Entry:
    """Copy a stored file to `root`/name, hashing it on the way."""
    path = local_path(root, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with storage.open(name, "rb") as source, open(path, "xb") as target:
        size, sha256 = _copy(source, target)
    return Entry(name, size, sha256)


def digest(storage, name: str) -> Entry:
    """Size and SHA-256 of a stored file, read through the storage."""
    sha, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as source:
        for block in iter(lambda: source.read(CHUNK), b""):
            sha.update(block)
            size += len(block)
    return Entry(name, size, sha.hexdigest())


def digest_local(path: Path, name: str) -> Entry:
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(CHUNK), b""):
            sha.update(block)
            size += len(block)
    return Entry(name, size, sha.hexdigest())


def copy_in(storage, path: Path, name: str) -> None:
    """Store the file at `path` under exactly `name` (an empty store keeps names as they are given)."""
    with open(path, "rb") as source:
        saved = storage.save(name, File(source, name=name))
    if saved != name:
        raise BackupError(f"Kho tệp lưu “{name}” dưới tên khác (“{saved}”): kho không trống?")


def wipe(storage) -> int:
    """Delete every file of the store (restore --force); the number deleted."""
    names = list(walk(storage))
    for name in names:
        storage.delete(name)
    return len(names)
