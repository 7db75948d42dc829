"""The Rating model moves from portal to dossiers (issue 13: the figures below the portal count it); its table,
portal_rating, and every row in it stay where they are. State only: the portal's 0004 lets go of the same model."""
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0007_rating_token_issued_by'),
        ('portal', '0003_draft_becomes_one_dossier'),  # portal_rating exists from portal's 0001
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Rating',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('satisfied', models.BooleanField(verbose_name='hài lòng')),
                        ('criteria', models.JSONField(default=dict, help_text='{"time": true, "attitude": false, ...}')),
                        ('comment', models.TextField(blank=True)),
                        ('channel', models.CharField(choices=[('portal', 'Cổng dịch vụ công'), ('kiosk', 'Ki-ốt tại quầy')], max_length=6)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('dossier', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='rating', to='dossiers.dossier')),
                    ],
                    options={
                        'db_table': 'portal_rating',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
