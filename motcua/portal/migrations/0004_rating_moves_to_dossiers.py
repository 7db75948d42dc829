"""The Rating model moves to dossiers (dossiers 0008 takes it over, table and rows unchanged); the portal forgets it.
Its content type follows, so permissions given on ratings and admin history keep pointing at the same model."""
from django.db import migrations


def content_type_to_dossiers(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    if not ContentType.objects.filter(app_label='dossiers', model='rating').exists():
        ContentType.objects.filter(app_label='portal', model='rating').update(app_label='dossiers')


def content_type_to_portal(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    if not ContentType.objects.filter(app_label='portal', model='rating').exists():
        ContentType.objects.filter(app_label='dossiers', model='rating').update(app_label='portal')


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0003_draft_becomes_one_dossier'),
        ('dossiers', '0008_rating_moves_from_portal'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='Rating')],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_dossiers, content_type_to_portal),
    ]
