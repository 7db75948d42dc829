"""Scans kept while the counter form is corrected: a browser forgets chosen files when a form comes back with an
error, so each file that passed its checks is kept in storage and the form carries a signed token for it.

The token names the storage path, the officer, the document line and the file's SHA-256, signed with the site's
secret: an officer can only reuse a file they uploaded themselves, unchanged, within a day. Files are removed once
the dossier is registered, and an officer's files older than a day are removed whenever they hold a new one.
"""

import datetime as dt
import hashlib
import uuid

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "quay-tiep-nhan"
SALT = "motcua.office.held-scan"
MAX_AGE = 24 * 3600


def hold(user, line_id: int, name: str, content: bytes, content_type: str) -> str:
    _purge_old(user)
    path = default_storage.save(f"{FOLDER}/{user.pk}/{uuid.uuid4().hex}", ContentFile(content))
    return signing.dumps(
        {
            "path": path,
            "user": user.pk,
            "line": line_id,
            "name": name[:200],
            "type": content_type,
            "sha256": hashlib.sha256(content).hexdigest(),
        },
        salt=SALT,
        compress=True,
    )


def take(user, token: str, line_id: int):
    """(name, content, content type) of a held file, or None when the token is not this officer's for this line,
    is older than a day, or the file changed."""
    try:
        held = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if held.get("user") != user.pk or held.get("line") != line_id:
        return None
    try:
        with default_storage.open(held["path"], "rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError):
        return None
    if hashlib.sha256(content).hexdigest() != held["sha256"]:
        return None
    return held["name"], content, held["type"]


def release(user, token: str) -> None:
    try:
        held = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return
    if held.get("user") == user.pk:
        default_storage.delete(held["path"])


def _purge_old(user) -> None:
    folder = f"{FOLDER}/{user.pk}"
    try:
        _, names = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
    limit = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=MAX_AGE)
    for name in names:
        path = f"{folder}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
        except (NotImplementedError, OSError):
            return
