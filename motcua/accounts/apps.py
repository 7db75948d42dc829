from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "motcua.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self):
        # Their user_logged_in receivers: when each session began, and whether it still owes a second-factor code.
        from . import second_factor, session_limits  # noqa: F401
