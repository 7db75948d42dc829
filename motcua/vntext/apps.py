from django.apps import AppConfig


class VntextConfig(AppConfig):
    name = "motcua.vntext"
    label = "vntext"
    verbose_name = "Văn bản tiếng Việt"
