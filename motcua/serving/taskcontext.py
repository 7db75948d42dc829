"""The request id travels with the tasks a request enqueues, so the worker's lines name the request behind them.

A task row (django-tasks-db's DBTaskResult) keeps its arguments as JSON `{"args": [...], "kwargs": {...}}`; the id
of the request being served is added beside them as `"request_id"` when the row is first written, which is in the
request's own transaction. The task's arguments are untouched (the task never sees it), and a task enqueued by a
task (a notice's retry) inherits the id, because the worker has it bound while the first task runs.
"""

from django.db.models.signals import pre_save
from django_tasks_db.models import DBTaskResult

from . import logs

KEY = "request_id"


def remember_request(sender, instance: DBTaskResult, **kwargs) -> None:
    current = logs.request_id.get()
    if current and instance._state.adding and isinstance(instance.args_kwargs, dict):
        instance.args_kwargs = {**instance.args_kwargs, KEY: current}


def request_of(task_row: DBTaskResult) -> str | None:
    args_kwargs = task_row.args_kwargs if isinstance(task_row.args_kwargs, dict) else {}
    return args_kwargs.get(KEY) or None


def connect() -> None:
    pre_save.connect(remember_request, sender=DBTaskResult, dispatch_uid="motcua.serving.remember_request")
