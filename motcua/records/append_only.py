"""Append-only history rows (dossier events, PAKN history): no update or delete path in the application.

Instances refuse a second save and any delete; querysets refuse update() and delete(). What is changed behind the
application's back (SQL) is caught by the hash chain that each history keeps.
"""

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise self.model.refusal("sửa")

    def delete(self):
        raise self.model.refusal("xóa")


class AppendOnlyModel(models.Model):
    log_name = "Nhật ký"
    refusal_class: type[Exception] = PermissionError

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise self.refusal("sửa")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise self.refusal("xóa")

    @classmethod
    def refusal(cls, verb: str) -> Exception:
        return cls.refusal_class(f"{cls.log_name} chỉ được ghi thêm, không được {verb}.")


class ChainedEntry(AppendOnlyModel):
    """An append-only row that is one link of its owner's hash chain (records.chain): its number in the chain, when
    it happened, what it says, and the two hashes. A subclass adds its owner, its actor and what moved (their sizes
    and rules differ between histories), and says what of the row its hash covers."""

    seq = models.PositiveIntegerField()
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        abstract = True
