"""One page that enqueues a task, for the request id tests."""

import logging

from django.http import HttpResponse
from django.urls import path
from django_tasks import task

log = logging.getLogger("motcua.tests.probe")


@task()
def probe(word: str) -> str:
    log.warning("Tác vụ thử nhận: %s", word)
    return word


def enqueue_probe(request):
    log.warning("Trang thử xếp một tác vụ")
    probe.enqueue("xin chào")
    return HttpResponse("ok")


urlpatterns = [path("thu/tac-vu/", enqueue_probe)]
