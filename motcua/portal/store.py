"""Kho dữ liệu: keeping a document in a person's store, once per content (SHA-256)."""
from django.core.files.base import ContentFile

from motcua.dossiers import files

from .models import StoredDocument


def keep_in_store(owner, document, kind: str) -> StoredDocument:
    """Copy a stored dossier document (or draft file) into the owner's store; the same content is kept once."""
    existing = StoredDocument.objects.filter(owner=owner, sha256=document.sha256, kind=kind).first()
    if existing:
        return existing
    with document.file.open("rb") as handle:
        content = handle.read()
    stored = StoredDocument(owner=owner, kind=kind, name=document.name, content_type=document.content_type,
                            size=document.size, sha256=document.sha256,
                            dossier=getattr(document, "dossier", None))
    stored.file.save(files.storage_name(document.name, document.content_type), ContentFile(content), save=False)
    stored.save()
    return stored
