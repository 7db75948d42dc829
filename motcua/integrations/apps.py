from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "motcua.integrations"
    label = "integrations"
    verbose_name = "Kết nối, thông báo"

    def ready(self):
        from motcua import happened
        from motcua.dossiers.models import Event

        from . import notices

        # Last: the outbox rows (a Notice per channel and its task), written once everything else has succeeded;
        # the worker delivers them after commit.
        happened.subscribe(Event, notices.on_dossier_event, order=30)
