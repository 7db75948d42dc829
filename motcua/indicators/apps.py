from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "motcua.indicators"
    label = "indicators"
    verbose_name = "Chỉ số 766 và báo cáo"

    def ready(self):
        from motcua import happened
        from motcua.dossiers.models import Event, Rating
        from motcua.national.models import DossierSync

        from . import facts

        # First of the listeners: the aggregates, before anything reads or copies what the action did.
        happened.subscribe(Event, facts.on_event, order=10)
        happened.subscribe(Rating, facts.on_rating, order=10)
        happened.subscribe(DossierSync, facts.on_synced, order=10)
