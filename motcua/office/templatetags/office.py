from django import template

from motcua.dossiers.transitions import ACTION_LABELS, EVENT_LABELS
from motcua.payments.money import vnd

register = template.Library()
register.filter("vnd", vnd)

@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def event_label(kind):
    return EVENT_LABELS.get(kind) or ACTION_LABELS.get(kind) or kind
