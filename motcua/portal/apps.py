from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "motcua.portal"
    label = "portal"
    verbose_name = "Cổng dịch vụ công"

    def ready(self):
        from motcua import happened
        from motcua.dossiers.models import Event

        from . import store

        # A result issued goes into the applicant's data store, in the action's transaction.
        happened.subscribe(Event, store.keep_result, order=20)
