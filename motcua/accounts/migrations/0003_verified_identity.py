from django.db import migrations, models
from django.db.models import Count


def verified_by_earlier_sign_ins(apps, schema_editor):
    """Accounts that already signed in with VNeID (vneid_verified_at) hold a number the e-ID vouched for.

    Before this migration a VNeID sign-in opened the one account with the e-ID's number, so the number of such an
    account is the e-ID's. A number held by several of them (only possible through the admin) is left unverified on
    all of them: picking one would be a guess, and the next e-ID sign-in sorts it out.
    """
    User = apps.get_model("accounts", "User")
    signed_in = User.objects.exclude(vneid_verified_at=None).exclude(id_number="")
    shared = (signed_in.values("id_number").annotate(n=Count("id")).filter(n__gt=1).values_list("id_number", flat=True))
    signed_in.exclude(id_number__in=list(shared)).update(id_verified=True)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_lockout_and_vneid'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='email_verified_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='xác nhận e-mail lúc'),
        ),
        migrations.AddField(
            model_name='user',
            name='id_verified',
            field=models.BooleanField(default=False, verbose_name='số định danh đã xác thực qua VNeID'),
        ),
        migrations.AddField(
            model_name='user',
            name='phone_verified_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='xác nhận số điện thoại lúc'),
        ),
        migrations.AddField(
            model_name='user',
            name='vneid_subject',
            field=models.CharField(blank=True, max_length=255, null=True, unique=True, verbose_name='mã tài khoản VNeID (sub)'),
        ),
        migrations.RunPython(verified_by_earlier_sign_ins, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(condition=models.Q(('id_verified', True), models.Q(('id_number', ''), _negated=True)), fields=('id_number',), name='user_verified_id_number_unique'),
        ),
    ]
