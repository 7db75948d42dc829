"""The citizen's side: drafts of online submissions (saved as they type, with their uploaded files) and the personal
data store (kho dữ liệu điện tử). Ratings of returned dossiers are the dossier's (dossiers.Rating).

A draft survives a closed tab, a dropped network and a server restart because every keystroke batch and every file
is saved on the server as it happens; submission verifies each file (size and SHA-256) before the dossier exists.
"""

import uuid

from django.conf import settings
from django.db import models


class Draft(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="drafts")
    version = models.ForeignKey("catalog.ProcedureVersion", models.PROTECT, related_name="+")
    receiving_agency = models.ForeignKey("agencies.Agency", models.PROTECT, null=True, blank=True, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    # The one dossier this draft became: a double click, a second tab or a retry answers with it (issue 10).
    dossier = models.OneToOneField("dossiers.Dossier", models.SET_NULL, null=True, blank=True, related_name="draft")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "hồ sơ nháp"
        verbose_name_plural = "hồ sơ nháp"
        indexes = [models.Index(fields=["owner", "-updated_at"])]


class DraftFile(models.Model):
    draft = models.ForeignKey(Draft, models.CASCADE, related_name="files")
    requirement = models.ForeignKey("catalog.RequiredDocument", models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    file = models.FileField(upload_to="drafts/%Y/%m/")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    from_store = models.ForeignKey("portal.StoredDocument", models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["draft", "requirement"], name="draft_file_per_line")]


class UploadSession(models.Model):
    """Tải lên có thể tiếp tục (tus 1.0, portal/uploads.py): one file of one document line arriving piece by piece.

    Each piece received is kept in storage under its own name (`parts`, in order) and `offset` counts their bytes,
    so an upload cut off by the network goes on from there. When the last byte arrives the file is checked and
    becomes the line's DraftFile, and the session and its pieces are deleted.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    draft = models.ForeignKey(Draft, models.CASCADE, related_name="uploads")
    requirement = models.ForeignKey("catalog.RequiredDocument", models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    declared_type = models.CharField(max_length=100, blank=True, help_text="as the browser said; the content decides")
    length = models.PositiveBigIntegerField()
    offset = models.PositiveBigIntegerField(default=0)
    parts = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "phiên tải lên"
        verbose_name_plural = "phiên tải lên"
        indexes = [models.Index(fields=["updated_at"])]


class StoredDocument(models.Model):
    """Kho dữ liệu điện tử của cá nhân, tổ chức (45/2020 Art. 16): results received and documents uploaded."""

    class Kind(models.TextChoices):
        UPLOAD = "upload", "Giấy tờ đã nộp"
        RESULT = "result", "Kết quả giải quyết"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="stored_documents")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    name = models.CharField(max_length=500)
    file = models.FileField(upload_to="kho/%Y/%m/")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    dossier = models.ForeignKey("dossiers.Dossier", models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "giấy tờ trong kho dữ liệu"
        verbose_name_plural = "kho dữ liệu"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        constraints = [models.UniqueConstraint(fields=["owner", "sha256", "kind"], name="stored_once_per_owner")]
