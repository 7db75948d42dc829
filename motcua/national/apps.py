from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "motcua.national"
    label = "national"
    verbose_name = "Đồng bộ Cổng Dịch vụ công quốc gia"

    def ready(self):
        from motcua import happened
        from motcua.dossiers.models import Event

        from . import outbox

        # After the figures and the data store, before the applicant's notices: one outbox row per event of a
        # received dossier, in the action's transaction; `motcua dvcqg send` delivers it after commit.
        happened.subscribe(Event, outbox.on_dossier_event, order=25)
