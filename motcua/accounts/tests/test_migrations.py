"""Migration 0003: accounts that already signed in with VNeID count as verified; typed numbers do not."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("accounts", "0002_lockout_and_vneid")]
AFTER = [("accounts", "0003_verified_identity")]


@pytest.fixture
def back_to_latest():
    """Whatever the test leaves behind, the database ends on the latest migrations for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_earlier_vneid_sign_ins_become_verified_numbers(back_to_latest):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("accounts", "User")
    now = timezone.now()
    old.objects.create(username="vneid_001090012345", id_number="001090012345", vneid_verified_at=now)
    old.objects.create(username="typed", id_number="001090099999")
    old.objects.create(username="no_number", vneid_verified_at=now)
    old.objects.create(username="twin_a", id_number="002090000001", vneid_verified_at=now)  # only via the admin
    old.objects.create(username="twin_b", id_number="002090000001", vneid_verified_at=now)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("accounts", "User")
    verified = dict(new.objects.values_list("username", "id_verified"))
    assert verified == {
        "vneid_001090012345": True,
        "typed": False,
        "no_number": False,
        "twin_a": False,
        "twin_b": False,
    }
    assert not new.objects.exclude(vneid_subject=None).exists()
