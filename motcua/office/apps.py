from django.apps import AppConfig


class OfficeConfig(AppConfig):
    name = "motcua.office"
    label = "office"
    verbose_name = "Không gian làm việc của cán bộ"
