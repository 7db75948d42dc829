"""The links DVCQG fetches a dossier's files by (DuongDanTaiTepTin, DuongDanTepTinKetQua): signed, time-limited,
one document each, under MOTCUA_DVCQG_FILE_BASE_URL (this server's public address). The token names the document
and its dossier's agency; it says nothing of the person. A link past its time, or altered, is a 404 like any
unknown one."""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import reverse

from motcua.dossiers import files as stored_files
from motcua.dossiers.models import Document

SALT = "motcua.national.files"


def link(document: Document) -> str:
    token = signing.dumps([document.pk, document.receiving_agency_id], salt=SALT, compress=True)
    return settings.MOTCUA_DVCQG_FILE_BASE_URL.rstrip("/") + reverse("national:file", args=[token])


def download(request, token: str):
    try:
        document_id, agency_id = signing.loads(token, salt=SALT, max_age=settings.MOTCUA_DVCQG_FILE_LINK_SECONDS)
        document = Document.objects.get(pk=int(document_id), receiving_agency_id=int(agency_id))
    except (signing.BadSignature, Document.DoesNotExist, TypeError, ValueError):
        raise Http404("Không tìm thấy tệp.") from None
    if document.kind == Document.Kind.DRAFT or not document.file:
        raise Http404("Không tìm thấy tệp.")
    return stored_files.serve(document)
