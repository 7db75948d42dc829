from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "motcua.feedback"
    label = "feedback"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self):
        from motcua import happened

        from . import notifications
        from .models import FeedbackEvent

        happened.subscribe(FeedbackEvent, notifications.on_event, order=30)  # the sender's notices, as outbox rows
