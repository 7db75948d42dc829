from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "motcua.serving"
    label = "serving"
    verbose_name = "Vận hành máy chủ"

    def ready(self):
        from django.core.signals import request_finished

        from . import middleware, taskcontext

        taskcontext.connect()
        request_finished.connect(middleware.forget_request, dispatch_uid="motcua.serving.forget_request")
