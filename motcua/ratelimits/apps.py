from django.apps import AppConfig


class RatelimitsConfig(AppConfig):
    name = "motcua.ratelimits"
    label = "ratelimits"
    verbose_name = "Giới hạn tần suất"
