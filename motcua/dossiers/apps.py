from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ thủ tục hành chính"

    def ready(self):
        from motcua import happened

        from .api import idempotency
        from .models import Event

        # First of the listeners: an API call's Idempotency-Key is claimed in the transaction of the change it makes,
        # and a concurrent call with the same key fails here, before the figures and the notices do their work.
        happened.subscribe(Event, idempotency.claim, order=5)
