"""Kho dữ liệu: keeping a document in a person's store, once per content (SHA-256)."""

from django.core.files.base import ContentFile

from motcua.dossiers import files
from motcua.dossiers.models import Document

from .models import StoredDocument


def keep_in_store(owner, document, kind: str) -> StoredDocument:
    """Copy a stored dossier document (or draft file) into the owner's store; the same content is kept once."""
    existing = StoredDocument.objects.filter(owner=owner, sha256=document.sha256, kind=kind).first()
    if existing:
        return existing
    with document.file.open("rb") as handle:
        content = handle.read()
    stored = StoredDocument(
        owner=owner,
        kind=kind,
        name=document.name,
        content_type=document.content_type,
        size=document.size,
        sha256=document.sha256,
        dossier=getattr(document, "dossier", None),
    )
    stored.file.save(files.storage_name(document.name, document.content_type), ContentFile(content), save=False)
    stored.save()
    return stored


def keep_result(event) -> None:
    """Subscriber of dossier events (portal/apps.py): the e-result of a dossier whose applicant has an account goes
    into their data store (45/2020 Art. 16), in the transaction that issued it."""
    dossier = event.dossier
    if event.kind != "result_issued" or not dossier.applicant_user_id:
        return
    for document in dossier.documents.filter(kind=Document.Kind.RESULT).exclude(file="").order_by("pk"):
        keep_in_store(dossier.applicant_user, document, StoredDocument.Kind.RESULT)
