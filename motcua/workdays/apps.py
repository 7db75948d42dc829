from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "motcua.workdays"
    label = "workdays"
    verbose_name = "Lịch làm việc và thời hạn"

    def ready(self):
        from motcua.workdays import services  # noqa: F401  (connects the cache-invalidating signals)
