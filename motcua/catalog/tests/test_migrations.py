"""Catalog 0005: the versions published before it get the scorecard flags that publishing now stores."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from motcua.catalog import version_flags
from motcua.catalog.models import ProcedureVersion

BEFORE = [("catalog", "0004_declaration_line")]
AFTER = [("catalog", "0005_scorecard_flags")]


@pytest.fixture
def back_to_latest():
    """Whatever the test leaves behind, the database ends on the latest migrations for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def version(apps, procedure, number, status, name, *, steps="Nộp hồ sơ", applicants=("Công dân",), fee=0, unit="days"):
    made = apps.get_model("catalog", "ProcedureVersion").objects.create(
        procedure=procedure,
        number=number,
        status=status,
        name=name,
        steps=steps,
        applicant_types=list(applicants),
        competent_agency="Ủy ban nhân dân cấp xã",
    )
    made.channels.create(
        kind="direct", amount=5 if unit else None, unit=unit, fees=[{"kind": "le_phi", "amount": fee}] if fee else []
    )
    made.documents.create(name="Tờ khai")
    return made


@pytest.mark.django_db(transaction=True)
def test_published_and_retired_versions_get_their_flags_drafts_wait_for_publication(back_to_latest):
    old = migrate(BEFORE)
    Procedure = old.get_model("catalog", "Procedure")
    first, second = Procedure.objects.create(code="9.000001"), Procedure.objects.create(code="9.000002")
    retired = version(old, first, 1, "retired", "Đăng ký khai sinh", steps="")
    current = version(old, first, 2, "published", "Đăng ký khai sinh", fee=8000)
    copy = version(old, second, 1, "published", "Cấp bản sao điện tử", applicants=["Doanh nghiệp"], unit="")
    waiting = version(old, second, 2, "draft", "Cấp bản sao điện tử từ sổ gốc", fee=1000)
    Procedure.objects.filter(pk=first.pk).update(current=current, is_published=True)
    Procedure.objects.filter(pk=second.pk).update(current=copy, is_published=True)

    migrate(AFTER)
    stored = {v.pk: {name: getattr(v, name) for name in version_flags.FLAGS} for v in ProcedureVersion.objects.all()}
    assert stored[retired.pk] == {
        "seven_components": False,
        "charges_fee": False,
        "for_citizens": True,
        "certified_copy": False,
    }
    assert stored[current.pk] == {
        "seven_components": True,
        "charges_fee": True,
        "for_citizens": True,
        "certified_copy": False,
    }
    assert stored[copy.pk] == {
        "seven_components": False,
        "charges_fee": False,
        "for_citizens": False,
        "certified_copy": True,
    }
    assert not any(stored[waiting.pk].values())  # decided when it is published
    for pk in (retired.pk, current.pk, copy.pk):
        assert stored[pk] == version_flags.flags(ProcedureVersion.objects.get(pk=pk))
