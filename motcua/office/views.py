"""Officials' workspace: queues, the counter, the dossier page with its actions, printable forms, the head's view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.catalog import eforms
from motcua.dossiers import files, lifecycle, permissions
from motcua.dossiers.models import Dossier, Step
from motcua.dossiers.permissions import staff_required
from motcua.dossiers.states import OPEN
from motcua.dossiers.transitions import ACTION_LABELS, TransitionError

from . import actions, pages, queues

PAGE_SIZE = 25


WORK_PREVIEW = 5


@staff_required
def work(request):
    """Việc cần làm: each role lands on the work waiting for it, a few dossiers of each of its queues."""
    sections = []
    for item in queues.queues_for(request.user):
        if not item.work:
            continue
        dossiers = queues.queue(request.user, item.slug)
        count = dossiers.count()
        rows = (
            list(
                dossiers.order_by("due_at", "pk").select_related("procedure", "processing_agency", "assignee")[
                    :WORK_PREVIEW
                ]
            )
            if count
            else []
        )
        sections.append({"queue": item, "count": count, "rows": rows})
    return render(request, "office/work.html", {"sections": sections, "now": timezone.now()})


@staff_required
def queue_list(request, name=None):
    mine = {q.slug: q.label for q in queues.queues_for(request.user)}
    name = name or queues.landing(request.user)
    if name not in mine:
        raise Http404("Không có hàng đợi này.")
    dossiers = queues.queue(request.user, name)
    q = request.GET.get("q", "").strip()
    if q:
        dossiers = dossiers.filter(Q(code__icontains=q) | Q(applicant_name__icontains=q) | Q(applicant_id_number=q))
    channel = request.GET.get("kenh", "")
    if channel in ("direct", "online", "postal"):
        dossiers = dossiers.filter(channel=channel)
    sorts = queues.sorts_of(name)
    sort = request.GET.get("sap-xep", "")
    sort = sort if sort in sorts else next(iter(sorts))
    column = queues.SORTS[sort]
    dossiers = dossiers.order_by(column, "-pk" if column.startswith("-") else "pk").select_related(
        "procedure", "processing_agency", "assignee"
    )
    page = pages.page_of(dossiers, request.GET.get("trang"), PAGE_SIZE)
    counts = queues.counts(request.user)
    params = request.GET.copy()
    params.pop("trang", None)
    return render(
        request,
        "office/queue.html",
        {
            "queues": mine,
            "current_queue": name,
            "counts": counts,
            "queue_counts": counts,  # the menu's counted queues are among them (office_menu)
            "page": page,
            "q": q,
            "sort": sort,
            "sorts": sorts,
            "channel": channel,
            "params": params.urlencode(),
            "now": timezone.now(),
            "batch": BATCH.get(name),
        },
    )


# The queues whose dossiers can be signed together: the leader's "Chờ ký", the văn thư's "Chờ đóng dấu".
BATCH = {
    "cho-ky": {"action": "sign", "label": "Ký số các hồ sơ đã chọn"},
    "cho-dong-dau": {"action": "seal", "label": "Đóng dấu số các hồ sơ đã chọn"},
}
BATCH_MAX = 50


@staff_required
@require_POST
def sign_many(request):
    """Ký hàng loạt: the signature (or the seal) asked for each dossier ticked in the queue, each in its own
    transaction and checked as the dossier page's action is; what could not be asked is said per dossier."""
    action = request.POST.get("thao_tac")
    queue = request.POST.get("hang_doi")
    if action not in ("sign", "seal") or queue not in BATCH or BATCH[queue]["action"] != action:
        raise Http404("Không có thao tác này.")
    codes = list(dict.fromkeys(request.POST.getlist("ma")))
    if not codes:
        messages.error(request, "Chọn ít nhất một hồ sơ.")
        return redirect("office:queue", name=queue)
    if len(codes) > BATCH_MAX:
        messages.error(request, f"Chọn tối đa {BATCH_MAX} hồ sơ mỗi lần.")
        return redirect("office:queue", name=queue)
    asked, refused = [], []
    for code in codes:
        try:
            getattr(lifecycle, action)(visible_dossier(request, code[:40]), actor=request.user)
        except Http404:
            refused.append(f"{code[:40]}: không tìm thấy hồ sơ")
        except REFUSALS as exc:
            refused.append(f"{code}: {refusal(exc)}")
        else:
            asked.append(code)
    if asked:
        messages.success(request, f"Đã gửi yêu cầu ký {len(asked)} hồ sơ; kết quả hiện ở trang từng hồ sơ.")
    for line in refused:
        messages.error(request, line)
    return redirect("office:queue", name=queue)


def visible_dossier(request, code):
    dossier = (
        permissions.visible_by_code(Dossier.objects.all(), request.user, code)
        .select_related(
            "procedure_version", "receiving_agency", "processing_agency", "lead_agency", "assignee", "applicant_user"
        )
        .first()
    )
    if dossier is None:  # a foreign agency learns nothing, not even that the code exists
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


@staff_required
def dossier_detail(request, code):
    dossier = visible_dossier(request, code)
    allowed = permissions.available_actions(dossier=dossier, user=request.user)
    received = dossier.events.filter(kind__in=["received", "resubmitted"]).order_by("-seq").first()
    return render(
        request,
        "office/dossier.html",
        {
            "dossier": dossier,
            "events": dossier.events.select_related("from_agency", "to_agency").order_by("seq"),
            "steps": dossier.steps.select_related("agency", "assignee"),
            "documents": dossier.documents.all(),
            "signatures": dossier.signatures.select_related("asked_by", "key"),
            "checklist": checklist(dossier, received),
            "supplements": dossier.supplement_requests.all(),
            # The e-form as the applicant filled it, labelled by the schema of the version it was filed under.
            "form_fields": [
                f
                for f in eforms.fields(eforms.schema_for(dossier.procedure_version), dossier.form_data)
                if f["value"] not in ("", None)
            ],
            "explanation": received.data.get("explanation", []) if received else [],
            # each action's fields get ids of their own ("assign-note", "approve-note"): the panels share one page
            "forms": [
                (
                    name,
                    ACTION_LABELS[name],
                    actions.FORMS[name](dossier=dossier, user=request.user, auto_id=f"{name}-%s"),
                )
                for name in allowed
            ],
            "printable": printable_forms(dossier),
        },
    )


# What the lifecycle says when it refuses an action, each worded for the person who asked.
REFUSALS = (ValidationError, TransitionError, PermissionDenied)


def refusal(exc: Exception) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


@staff_required
@require_POST
def act(request, code, action):
    dossier = visible_dossier(request, code)
    if action not in actions.FORMS:
        raise Http404("Không có thao tác này.")
    form = actions.FORMS[action](request.POST, request.FILES, dossier=dossier, user=request.user)
    if not form.is_valid():
        messages.error(
            request,
            "Thông tin chưa hợp lệ: "
            + "; ".join(
                f"{form.fields[f].label if f in form.fields else ''} {' '.join(e)}".strip()
                for f, e in form.errors.items()
            ),
        )
        return redirect("office:dossier", code=code)
    try:
        form.run()
    except REFUSALS as exc:
        messages.error(request, refusal(exc))
    else:
        messages.success(request, f"Đã thực hiện: {ACTION_LABELS[action]}.")
        if form.notice:
            messages.info(request, form.notice)
    return redirect("office:dossier", code=code)


@staff_required
def document_file(request, code, document_id):
    """A dossier's file, for whoever may see the dossier: personal data is never served as public media. Always a
    download (files.serve), opened in the officer's own viewer: an uploaded file never runs inside our origin."""
    dossier = visible_dossier(request, code)
    document = dossier.documents.filter(pk=document_id).exclude(file="").first()
    if document is None:
        raise Http404("Không tìm thấy tệp.")
    return files.serve(document)


def checklist(dossier, received=None) -> list[tuple]:
    """(line, status) for each document line of the version: what the dossier holds against what it needs."""
    with_file = set(dossier.documents.filter(kind="input").values_list("requirement_id", flat=True))
    on_paper = set(received.data.get("received_lines", [])) if received else set()
    skipped = set(dossier.not_applicable)
    rows = []
    for line in dossier.procedure_version.documents.all():
        if line.pk in with_file:
            status = "Đã có tệp"
        elif line.pk in on_paper:
            status = "Đã nhận bản giấy"
        elif line.condition and line.pk in skipped:
            status = "Không áp dụng"
        elif not line.is_required:
            status = "Không bắt buộc (nếu có)"
        else:
            status = "Chưa có tệp"
        rows.append((line, status))
    return rows


def printable_forms(dossier) -> list[tuple[int, str]]:
    """The TT 03/2025 forms that exist for this dossier now."""
    kinds = set(dossier.events.values_list("kind", flat=True))
    wanted = [
        (1, "received"),
        (2, "desk_supplement"),
        (2, "supplement_requested"),
        (3, "desk_refused"),
        (3, "refused"),
        (4, "extended"),
        (5, "stopped"),
    ]
    numbers = sorted({number for number, kind in wanted if kind in kinds})
    if "received" in kinds:
        numbers.append(6)
    from motcua.dossiers.printing import FORM_TITLES

    return [(number, FORM_TITLES[number]) for number in numbers]


@staff_required
def print_form(request, code, number):
    from motcua.dossiers.printing import render_form

    dossier = visible_dossier(request, code)
    kinds = {
        2: ["supplement_requested", "desk_supplement"],
        3: ["refused", "desk_refused"],
        4: ["extended"],
        5: ["stopped"],
    }
    event = dossier.events.filter(kind__in=kinds.get(number, [])).order_by("-seq").first()
    supplement = dossier.supplement_requests.order_by("-number").first() if number == 2 else None
    try:
        pdf = render_form(
            number, dossier, event=event, supplement=supplement, base_url=request.build_absolute_uri("/").rstrip("/")
        )
    except ValueError as exc:
        raise Http404(str(exc)) from None
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="mau-{number:02d}-{dossier.code}.pdf"'
    return response


@staff_required
def head_overview(request):
    """Lãnh đạo: workload per officer and the overdue list of the units they lead (a monitor: every agency)."""
    led = permissions.agencies_with(request.user, {permissions.HEAD, permissions.MONITOR})
    if not led:
        raise PermissionDenied("Trang này dành cho lãnh đạo đơn vị và cán bộ giám sát.")
    dossiers = Dossier.objects.filter(state__in=list(OPEN))
    if not permissions.is_monitor(request.user):
        dossiers = dossiers.filter(processing_agency__in=led)
    now = timezone.now()
    workload = (
        dossiers.values("assignee__username", "assignee__full_name")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
        .order_by("-overdue", "-total")
    )
    by_agency = (
        dossiers.values("processing_agency__name")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
        .order_by("-overdue")
    )
    overdue = (
        dossiers.filter(due_at__lt=now)
        .select_related("procedure", "processing_agency", "assignee")
        .order_by("due_at")[:50]
    )
    late_steps = Step.objects.filter(finished_at=None, deadline__lt=now, dossier__in=dossiers).count()
    return render(
        request,
        "office/overview.html",
        {"workload": workload, "by_agency": by_agency, "overdue": overdue, "late_steps": late_steps, "now": now},
    )
