from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self):
        from . import session_limits  # noqa: F401 (its user_logged_in receiver notes when each session began)
