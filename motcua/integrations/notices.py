"""The applicant's notices of dossier events, as outbox rows: a subscriber of the bus (integrations/apps.py).

The dossier app says which events the applicant is told about and in which words (dossiers.notifications); this
module writes one Notice per channel and enqueues its delivery in the action's transaction (`tasks.notify_person`),
and the worker sends it after commit (`tasks.send_notice`). PAKN notices go the same way from feedback's own
subscriber (feedback.notifications).
"""

from motcua.dossiers import notifications

from . import tasks


def on_dossier_event(event) -> None:
    """Queue the applicant's notices of `event`, if it is one they are told about."""
    if not notifications.is_notified(event):
        return
    dossier = event.dossier
    tasks.notify_person(
        email=dossier.applicant_email,
        phone=dossier.applicant_phone,
        compose=lambda: notifications.composed(event),
        short_form=lambda: notifications.short_form(event),
        what=f"event {event.pk}",
        dossier=dossier,
        event=event,
        receiving_agency_id=dossier.receiving_agency_id,
    )
