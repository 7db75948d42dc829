from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_verified_identity'),
    ]

    operations = [
        migrations.CreateModel(
            name='OneTimeCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('purpose', models.CharField(max_length=30, verbose_name='mục đích')),
                ('channel', models.CharField(choices=[('email', 'Thư điện tử'), ('sms', 'Tin nhắn SMS')], max_length=5, verbose_name='kênh')),
                ('destination_digest', models.CharField(max_length=64, verbose_name='mã băm nơi nhận')),
                ('destination_hint', models.CharField(max_length=80, verbose_name='nơi nhận (che bớt)')),
                ('salt', models.CharField(max_length=32)),
                ('code_hash', models.CharField(max_length=64, verbose_name='mã băm của mã xác nhận')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='tạo lúc')),
                ('expires_at', models.DateTimeField(verbose_name='hết hạn lúc')),
                ('last_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='gửi gần nhất lúc')),
                ('sends', models.PositiveSmallIntegerField(default=0, verbose_name='số lần gửi')),
                ('failed_attempts', models.PositiveSmallIntegerField(default=0, verbose_name='số lần nhập sai')),
                ('used_at', models.DateTimeField(blank=True, null=True, verbose_name='đã dùng lúc')),
            ],
            options={
                'verbose_name': 'mã xác nhận một lần',
                'verbose_name_plural': 'mã xác nhận một lần',
            },
        ),
        migrations.AddIndex(
            model_name='onetimecode',
            index=models.Index(fields=['destination_digest', 'last_sent_at'], name='otp_destination_sent'),
        ),
    ]
