"""Nhịp của bộ xử lý nền: one row per running `motcua worker`, rewritten every few seconds by the worker itself.

/healthz and the metrics read the freshest one. Both the beat and its age use the database's clock, so a web
server and a worker on different machines agree on how old a beat is whatever their own clocks say.
"""

from django.db import models


class WorkerHeartbeat(models.Model):
    worker_id = models.CharField("mã bộ xử lý", max_length=64, unique=True)
    host = models.CharField("máy", max_length=255)
    pid = models.PositiveIntegerField("mã tiến trình")
    started_at = models.DateTimeField("khởi động lúc")
    beat_at = models.DateTimeField("nhịp gần nhất", db_index=True)

    class Meta:
        verbose_name = "nhịp bộ xử lý nền"
        verbose_name_plural = "nhịp bộ xử lý nền"

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, pid {self.pid})"
