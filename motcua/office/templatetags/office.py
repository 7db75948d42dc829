from django import template
from django.urls import reverse

from motcua.dossiers import permissions
from motcua.dossiers.transitions import ACTION_LABELS, EVENT_LABELS
from motcua.vntext.formats import money

from .. import queues

register = template.Library()
register.filter("vnd", money)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def event_label(kind):
    return EVENT_LABELS.get(kind) or ACTION_LABELS.get(kind) or kind


# The office menu: each page for the roles that may open it (a page a role cannot use is not offered). A queue that
# is a role's own to empty is in the menu with its count.
C, S, H, K, M, A = (
    permissions.COUNTER,
    permissions.SPECIALIST,
    permissions.HEAD,
    permissions.CLERK,
    permissions.MONITOR,
    permissions.ADMIN,
)
MENU = [  # (URL name, queue slug or None, label, roles or None for every official)
    ("office:home", None, "Việc cần làm", None),
    ("office:queue", "cho-phe-duyet", "Chờ phê duyệt", {H}),
    ("office:queue", "cho-ky", "Chờ ký", {H}),
    ("office:queue", "cho-dong-dau", "Chờ đóng dấu", {K}),
    ("office:queue", "moi-nop", "Chờ tiếp nhận", {C}),
    ("office:queues", None, "Hàng đợi", None),
    ("office:counter", None, "Quầy tiếp nhận", {C}),
    ("office:register", None, "Sổ theo dõi", {C, H, K, A, M}),
    ("office:keys", None, "Chữ ký số", {H, K, A}),
    ("office:national", None, "Đồng bộ DVCQG", {M, A}),
    ("feedback:office", None, "Phản ánh, kiến nghị", None),
    ("office:overview", None, "Lãnh đạo, giám sát", {H, M}),
    ("indicators:report", None, "Báo cáo", {H, M}),
    ("dashboard:home", None, "Bảng điều khiển", {H, M}),
]


def menu_for(user, known: dict[str, int] | None = None) -> list[dict]:
    """The menu's items; `known` counts (the queue page's tabs, counted a moment ago) are not counted again."""
    known = known or {}
    roles = queues.roles(user)
    shown = [(name, slug, label) for name, slug, label, needs in MENU if needs is None or roles & needs]
    # the menu's queues not counted a moment ago, counted together: one statement whatever the role's queues
    missing = [slug for _, slug, _ in shown if slug and slug not in known]
    counted = {**known, **(queues.counts(user, missing) if missing else {})}
    return [
        {
            "name": name,
            "slug": slug,
            "url": reverse(name, args=[slug]) if slug else reverse(name),
            "label": label,
            "count": counted[slug] if slug else None,
        }
        for name, slug, label in shown
    ]


@register.inclusion_tag("office/_menu.html", takes_context=True)
def office_menu(context):
    request = context["request"]
    match = request.resolver_match
    items = menu_for(request.user, context.get("queue_counts"))
    for item in items:
        item["current"] = (
            bool(match)
            and match.view_name == item["name"]
            and (item["slug"] is None or match.kwargs.get("name") == item["slug"])
        )
    current = next((item["label"] for item in items if item["current"]), "")
    # folded on a phone, the menu's button still says where one is and how much waits in the counted queues
    return {
        "items": items,
        "user": request.user,
        "current_label": current,
        "waiting": sum(item["count"] or 0 for item in items),
    }
