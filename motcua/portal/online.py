"""Nộp hồ sơ trực tuyến: the e-form of the procedure version, saved as the citizen types, files uploaded one by one
and kept on the server, then submitted once every file is verified (count, size, SHA-256).

A draft becomes exactly one dossier: submission locks the draft's row and links the dossier to it, so a double
click, a second tab or a retry on a bad connection is answered with the dossier the first submission made.
Conditional document lines are asked as a yes/no question; "không" tells the desk the line does not apply.
"""

import hashlib
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.catalog import eforms
from motcua.catalog.fees import fee_due
from motcua.catalog.models import Channel, Procedure
from motcua.dossiers import completeness, files, lifecycle
from motcua.vntext.formats import money as vnd

from .models import Draft, DraftFile, StoredDocument
from .store import keep_in_store

APPLICANT_FIELDS = [
    ("applicant_name", "Họ và tên người nộp"),
    ("applicant_id_number", "Số định danh cá nhân"),
    ("applicant_phone", "Số điện thoại"),
    ("applicant_email", "Thư điện tử"),
    ("applicant_address", "Địa chỉ liên hệ"),
]


def citizen_required(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if request.user.kind not in ("citizen", "business"):
            raise PermissionDenied("Trang này dành cho công dân, doanh nghiệp.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def my_draft(request, draft_id) -> Draft:
    return get_object_or_404(
        Draft.objects.select_related("version__procedure", "dossier"), pk=draft_id, owner=request.user
    )


SUBMITTED = "Hồ sơ này đã được nộp; không sửa được bản nháp nữa. Xem hồ sơ trong mục “Hồ sơ của tôi”."


def submitted_answer(draft):
    return JsonResponse({"error": SUBMITTED, "dossier": draft.dossier.code}, status=409)


@citizen_required
def start(request, code):
    """Nộp trực tuyến from a procedure page: resume this procedure's draft, or open a new one."""
    procedure = get_object_or_404(Procedure.objects.select_related("current"), code=code, is_published=True)
    if procedure.online_level == "none":
        raise Http404("Thủ tục này chưa cung cấp dịch vụ công trực tuyến.")
    if not procedure.current.takes_dossiers:
        raise Http404("Thủ tục đang được cập nhật thời hạn giải quyết; tạm thời chưa nhận hồ sơ trực tuyến.")
    draft = (
        Draft.objects.filter(owner=request.user, version=procedure.current, dossier__isnull=True)
        .order_by("-updated_at")
        .first()
    )
    if draft is None:
        user = request.user
        draft = Draft.objects.create(
            owner=user,
            version=procedure.current,
            data={
                "applicant": {
                    "applicant_name": user.full_name,
                    "applicant_id_number": user.id_number,
                    "applicant_phone": user.phone,
                    "applicant_email": user.email,
                }
            },
        )
    return redirect("portal:draft", draft_id=draft.pk)


def _online_fees(version) -> list[dict]:
    return [fee for channel in version.channels.all() if channel.kind == Channel.Kind.ONLINE for fee in channel.fees]


def _fee(draft) -> str:
    """What the dossier will owe if submitted now, computed as on submission (lifecycle.register)."""
    amount = fee_due(_online_fees(draft.version), draft.data.get("form", {}))
    return vnd(amount) if amount else "Không phải nộp"


def _context(request, draft, errors=None):
    version = draft.version
    schema = eforms.schema_for(version)
    errors = errors or {}
    uploaded = {f.requirement_id: f for f in draft.files.all()}
    lines = list(version.documents.all())
    applicant = draft.data.get("applicant", {})
    fees = _online_fees(version)
    return {
        "draft": draft,
        "version": version,
        "schema": schema,
        "saved_at": draft.data.get("saved_at", ""),
        "form_fields": eforms.fields(schema, draft.data.get("form", {}), errors.get("form")),
        "applicant_fields": [
            (name, label, applicant.get(name, ""), errors.get("applicant", {}).get(name, ""))
            for name, label in APPLICANT_FIELDS
        ],
        "agencies": version.procedure.agencies.filter(has_one_stop_desk=True) or version.procedure.agencies.all(),
        "lines": [
            (
                line,
                uploaded.get(line.pk),
                draft.data.get("applies", {}).get(str(line.pk), ""),
                errors.get("lines", {}).get(line.pk, ""),
            )
            for line in lines
        ],
        "declared": declared(version, lines),
        "store": StoredDocument.objects.filter(owner=request.user, kind=StoredDocument.Kind.UPLOAD),
        "errors": errors,
        "max_mb": files.max_bytes() // 1048576,
        "fees": fees,
        "fee": _fee(draft) if any(fee.get("amount") for fee in fees) else None,
    }


@citizen_required
def draft_page(request, draft_id):
    draft = my_draft(request, draft_id)
    if draft.dossier_id:
        return redirect("portal:my_dossier", code=draft.dossier.code)
    return render(request, "portal/draft.html", _context(request, draft))


def _save_values(draft, post) -> bool:
    """Keep what the citizen typed; False (nothing written) when the draft was submitted meanwhile (another tab, a
    double click) or is gone: an UPDATE of the open draft only, never a save that would fail on a missing row."""
    schema = eforms.schema_for(draft.version)
    conditional = [line.pk for line in draft.version.documents.all() if line.condition]
    draft.data = {
        "form": eforms.coerce(schema, post),
        "applicant": {name: post.get(name, "").strip() for name, _ in APPLICANT_FIELDS},
        "agency": post.get("receiving_agency", ""),
        "applies": {
            str(pk): post.get(f"applies_{pk}") for pk in conditional if post.get(f"applies_{pk}") in ("yes", "no")
        },
        # which copy of the typed values this is: the browser's offline copy compares against it
        "saved_at": timezone.now().isoformat(),
    }
    draft.updated_at = timezone.now()
    still_open = Draft.objects.filter(pk=draft.pk, dossier__isnull=True)
    return still_open.update(data=draft.data, updated_at=draft.updated_at) == 1


def submitted_meanwhile(request, draft_id) -> Draft:
    """The draft that `_save_values` found submitted; 404 when it is gone."""
    found = my_draft(request, draft_id)
    if not found.dossier_id:
        raise Http404("Không còn bản nháp này.")
    return found


@citizen_required
@require_POST
def autosave(request, draft_id):
    draft = my_draft(request, draft_id)
    if draft.dossier_id:
        return submitted_answer(draft)
    if not _save_values(draft, request.POST):
        return submitted_answer(submitted_meanwhile(request, draft_id))
    return JsonResponse({"saved_at": draft.data["saved_at"], "fee": _fee(draft)})


@citizen_required
@require_POST
def upload(request, draft_id, line_id):
    """One file of one document line; checked by content and size, nothing kept when it is refused."""
    draft = my_draft(request, draft_id)
    if draft.dossier_id:
        return submitted_answer(draft)
    line = get_object_or_404(draft.version.documents, pk=line_id)
    stored_id = request.POST.get("from_store")
    try:
        if stored_id:
            stored = get_object_or_404(StoredDocument, pk=stored_id, owner=request.user)
            with stored.file.open("rb") as handle:  # checked again: the store may hold files from before a check
                content, kind = files.read_checked(handle.read(), f"Tệp “{stored.name}”")
            name = stored.name
        elif "file" in request.FILES:
            content, kind = files.read_checked(request.FILES["file"], "Tệp")
            name, stored = request.FILES["file"].name, None
        else:
            raise ValidationError("Chưa chọn tệp.")
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    item = keep_file(draft, line, name, content, kind, from_store=stored)
    return JsonResponse({"name": item.name, "size": item.size, "sha256": item.sha256, "reused": bool(stored)})


@transaction.atomic
def keep_file(draft, line, name: str, content: bytes, kind: str, from_store=None) -> DraftFile:
    """The line's file from now on, replacing the one before; `content` was already checked (files.read_checked)."""
    DraftFile.objects.filter(draft=draft, requirement=line).delete()
    item = DraftFile(
        draft=draft,
        requirement=line,
        name=files.display_name(name),
        content_type=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        from_store=from_store,
    )
    item.file.save(files.storage_name(name, kind), File(io.BytesIO(content)), save=False)
    item.save()
    draft.save(update_fields=["updated_at"])
    return item


def _verified(draft_files) -> list[str]:
    """Problems with the draft's files as stored now: a file missing, cut short or changed is named."""
    problems = []
    for item in draft_files:
        try:
            with item.file.open("rb") as handle:
                content = handle.read()
        except (FileNotFoundError, OSError):
            problems.append(f"Tệp “{item.name}” không còn trên máy chủ: hãy tải lên lại.")
            continue
        if len(content) != item.size or hashlib.sha256(content).hexdigest() != item.sha256:
            problems.append(f"Tệp “{item.name}” chưa tải lên đầy đủ: hãy tải lên lại.")
    return problems


def declared(version, lines) -> set[int]:
    """The tờ khai line the e-form replaces: filled in on the page, it is not uploaded (lifecycle renders it)."""
    return {line.pk for line in lines if line.declaration} if version.form_schema else set()


def _line_problems(draft, lines, have) -> tuple[dict, list[int]]:
    """Each document line's problem (a needed file missing, a conditional question not answered) and the
    conditional lines the citizen said do not apply."""
    answers = draft.data.get("applies", {})
    skipped = [line.pk for line in lines if line.condition and answers.get(str(line.pk)) == "no"]
    problems = {}
    for line in lines:
        if line.condition and line.is_required and answers.get(str(line.pk)) not in ("yes", "no"):
            problems[line.pk] = "Cho biết trường hợp của bạn có đúng như điều kiện này không."
    for line in completeness.missing(lines, have, skipped):
        problems.setdefault(line.pk, "Thiếu giấy tờ: hãy tải tệp lên.")
    return problems, skipped


@citizen_required
@require_POST
def submit(request, draft_id):
    draft = my_draft(request, draft_id)
    if draft.dossier_id:  # submitted before (double click, second tab, retry): the same dossier
        return redirect("portal:my_dossier", code=draft.dossier.code)
    if not _save_values(draft, request.POST):
        return redirect("portal:my_dossier", code=submitted_meanwhile(request, draft_id).dossier.code)
    version, schema = draft.version, eforms.schema_for(draft.version)
    errors = {"form": eforms.validate(schema, draft.data["form"]), "applicant": {}, "general": []}
    draft_files = list(draft.files.select_related("requirement"))
    lines = list(version.documents.all())
    have = {item.requirement_id for item in draft_files} | declared(version, lines)
    errors["lines"], skipped = _line_problems(draft, lines, have)
    errors["general"] += [
        f"Thiếu giấy tờ: {line.name}"
        for line in lines
        if line.pk in errors["lines"] and errors["lines"][line.pk].startswith("Thiếu")
    ]
    if any(not text.startswith("Thiếu") for text in errors["lines"].values()):
        errors["general"].append("Trả lời các câu hỏi về trường hợp của bạn ở phần giấy tờ đính kèm.")
    errors["general"] += _verified(draft_files)
    agency = version.procedure.agencies.filter(pk=draft.data.get("agency") or 0).first()
    if agency is None:
        errors["general"].append("Chọn nơi tiếp nhận hồ sơ.")
    if not errors["form"] and not errors["general"]:
        try:
            dossier = _register(request.user, draft, agency, skipped)
        except ValidationError as exc:
            field_errors = (getattr(exc, "error_dict", None) and exc.message_dict) or {}
            errors["applicant"] = {k: " ".join(v) for k, v in field_errors.items()}
            errors["general"] += [] if field_errors else exc.messages
        else:
            return redirect("portal:my_dossier", code=dossier.code)
    done = Draft.objects.filter(pk=draft.pk).exclude(dossier=None).values_list("dossier__code", flat=True).first()
    if done:  # another submission of this draft finished while this one was checking
        return redirect("portal:my_dossier", code=done)
    return render(request, "portal/draft.html", _context(request, draft, errors), status=400)


def _register(user, draft, agency, skipped):
    """The dossier of this draft: made once, under the draft's row lock; later calls get the same dossier."""
    with transaction.atomic():
        locked = Draft.objects.select_for_update().get(pk=draft.pk)
        if locked.dossier_id:
            return locked.dossier
        draft_files = list(locked.files.select_related("requirement"))
        applicant = {key: value for key, value in draft.data["applicant"].items() if value}
        uploads = [
            (item.requirement, File(item.file.open("rb"), name=item.name), item.from_store_id is not None)
            for item in draft_files
        ]
        try:
            dossier = lifecycle.register(
                actor=user,
                version=draft.version,
                receiving_agency=agency,
                applicant=applicant,
                channel="online",
                form_data=draft.data["form"],
                uploads=uploads,
                applicant_user=user,
                not_applicable=skipped,
            )
        finally:
            for _, handle, _ in uploads:
                handle.close()
        for document in dossier.documents.filter(reused=False):
            keep_in_store(user, document, StoredDocument.Kind.UPLOAD)
        locked.dossier = dossier
        locked.save(update_fields=["dossier", "updated_at"])
        transaction.on_commit(lambda: _drop_files(draft_files))
    return dossier


def _drop_files(draft_files) -> None:
    """The draft's files were copied into the dossier; the draft keeps only its link to it."""
    for item in draft_files:
        item.file.delete(save=False)
        item.delete()
