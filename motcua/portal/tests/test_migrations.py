"""Portal 0004 and dossiers 0008: the Rating model moves to dossiers; its table, its rows and its content type stay."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from motcua.dossiers.models import Rating

BEFORE = [("portal", "0003_draft_becomes_one_dossier"), ("dossiers", "0007_rating_token_issued_by")]
# and on to the migration that gives every row of a dossier its receiving agency, which the model now reads
AFTER = [("portal", "0004_rating_moves_to_dossiers"), ("dossiers", "0013_rows_carry_receiving_agency")]


@pytest.fixture
def back_to_latest():
    """Whatever the test leaves behind, the database ends on the latest migrations for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_ratings_given_before_the_move_are_the_dossiers_ratings_after_it(received, back_to_latest):
    old = migrate(BEFORE)
    assert not any(model._meta.label == "dossiers.Rating" for model in old.get_models())
    # Backwards, the content type went back to the portal, with the permissions given on it.
    ContentType.objects.clear_cache()
    portal_type = ContentType.objects.get(app_label="portal", model="rating")
    permissions = set(Permission.objects.filter(content_type=portal_type).values_list("pk", flat=True))
    assert len(permissions) == 4  # add, change, delete, view
    given = old.get_model("portal", "Rating").objects.create(
        dossier_id=received.pk, satisfied=False, criteria={"time": False}, comment="Chờ lâu", channel="kiosk"
    )

    new = migrate(AFTER)
    moved = new.get_model("dossiers", "Rating").objects.get()
    assert (moved.pk, moved.dossier_id, moved.satisfied, moved.criteria, moved.comment, moved.channel) == (
        given.pk,
        received.pk,
        False,
        {"time": False},
        "Chờ lâu",
        "kiosk",
    )
    assert ("portal", "Rating") not in {(m._meta.app_label, m._meta.object_name) for m in new.get_models()}
    assert Rating._meta.db_table == "portal_rating"
    assert Rating.objects.get(dossier=received).comment == "Chờ lâu"
    assert Rating.objects.get(dossier=received).receiving_agency_id == received.receiving_agency_id  # filled
    ContentType.objects.clear_cache()
    assert ContentType.objects.get(pk=portal_type.pk).app_label == "dossiers"
    assert (
        set(
            Permission.objects.filter(content_type__app_label="dossiers", content_type__model="rating").values_list(
                "pk", flat=True
            )
        )
        == permissions
    )
