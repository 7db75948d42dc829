"""A published version's lines are read once per process; a draft's every time; one version never gets another's."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from motcua.catalog import frozen_lines, versions
from motcua.catalog.models import Channel, Procedure, ProcedureVersion, RequiredDocument


@pytest.fixture(autouse=True)
def empty():
    frozen_lines.forget()
    yield
    frozen_lines.forget()


def draft(code: str, lines: list[str]) -> ProcedureVersion:
    procedure = Procedure.objects.create(code=code)
    version = ProcedureVersion.objects.create(procedure=procedure, number=1, name=f"Thủ tục {code}")
    Channel.objects.create(version=version, kind="direct", amount=Decimal(3), unit="working_days")
    for position, name in enumerate(lines):
        RequiredDocument.objects.create(version=version, position=position, name=name)
    return version


def fresh(version: ProcedureVersion) -> ProcedureVersion:
    """The version as the next request loads it: a new instance, nothing prefetched."""
    return ProcedureVersion.objects.get(pk=version.pk)


def read(version: ProcedureVersion) -> tuple[list[str], list[str], int]:
    """(its line names, its channel kinds, the statements it took)."""
    with CaptureQueriesContext(connection) as captured:
        frozen_lines.prefetch([version])
        names = [line.name for line in version.documents.all()]
        kinds = [row.kind for row in version.channels.all()]
    return names, kinds, len(captured.captured_queries)


def test_a_published_version_is_read_once_and_a_draft_every_time(db):
    version = draft("9.000010", ["Tờ khai", "Bản sao giấy khai sinh"])
    assert read(fresh(version)) == (["Tờ khai", "Bản sao giấy khai sinh"], ["direct"], 2)
    RequiredDocument.objects.create(version=version, position=2, name="Ảnh 4x6")  # a draft is still edited
    assert read(fresh(version)) == (["Tờ khai", "Bản sao giấy khai sinh", "Ảnh 4x6"], ["direct"], 2)

    versions.publish(version)
    assert read(fresh(version)) == (["Tờ khai", "Bản sao giấy khai sinh", "Ảnh 4x6"], ["direct"], 2)
    assert read(fresh(version)) == (["Tờ khai", "Bản sao giấy khai sinh", "Ảnh 4x6"], ["direct"], 0)


def test_several_versions_at_once_read_only_the_ones_not_kept(db):
    one, two = draft("9.000011", ["Đơn đề nghị"]), draft("9.000012", ["Tờ khai", "Giấy ủy quyền"])
    versions.publish(one)
    versions.publish(two)
    frozen_lines.prefetch([fresh(one)])
    both = [fresh(one), fresh(two)]
    with CaptureQueriesContext(connection) as captured:
        frozen_lines.prefetch(both)
    assert len(captured.captured_queries) == 2  # two's documents and channels; one's from memory
    assert [[line.name for line in v.documents.all()] for v in both] == [["Đơn đề nghị"], ["Tờ khai", "Giấy ủy quyền"]]


def test_a_version_rebuilt_under_the_same_id_is_not_given_the_old_lines(db):
    """A database restored or rebuilt while the process runs (or a test database reused) can give a new version
    an id an old one had: the moment it was created tells them apart."""
    old = draft("9.000013", ["Giấy cũ"])
    versions.publish(old)
    read(fresh(old))
    pk = old.pk
    ProcedureVersion.objects.filter(pk=pk).update(status=ProcedureVersion.Status.DRAFT)
    ProcedureVersion.objects.filter(pk=pk).delete()
    procedure = Procedure.objects.create(code="9.000014")
    new = ProcedureVersion.objects.create(pk=pk, procedure=procedure, number=1, name="Thủ tục mới")
    RequiredDocument.objects.create(version=new, name="Giấy mới")
    versions.publish(new)
    assert read(fresh(new))[0] == ["Giấy mới"]


def test_the_kept_versions_are_bounded(db, monkeypatch):
    monkeypatch.setattr(frozen_lines, "LIMIT", 2)
    published = [versions.publish(draft(f"9.00002{n}", [f"Giấy {n}"])) for n in range(3)]
    for version in published:
        read(fresh(version))
    assert read(fresh(published[0]))[2] == 2  # the oldest went first
    assert read(fresh(published[2]))[2] == 0
