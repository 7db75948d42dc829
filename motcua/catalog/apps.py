from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CatalogConfig(AppConfig):
    name = "motcua.catalog"
    label = "catalog"
    verbose_name = "Thủ tục hành chính"

    def ready(self):
        from . import search
        from .models import Procedure

        # A procedure saved or deleted in this process drops the search index at once (see search.py).
        post_save.connect(search.forget, sender=Procedure, dispatch_uid="catalog.search.forget")
        post_delete.connect(search.forget, sender=Procedure, dispatch_uid="catalog.search.forget")
