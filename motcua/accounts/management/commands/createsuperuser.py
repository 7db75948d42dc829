"""`createsuperuser` checks the new superuser's password as a staff password (motcua/accounts/passwords.py).

Django's command checks the password against a user made of the typed fields only, which is not yet a superuser,
so the staff rules would not apply; and it does not check DJANGO_SUPERUSER_PASSWORD at all (--noinput). Both are
checked here as for a staff account."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import createsuperuser as django_command
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


class Command(django_command.Command):
    def handle(self, *args, **options):
        username_field = get_user_model().USERNAME_FIELD
        if not options["interactive"] and os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            user = get_user_model()(
                is_staff=True,
                is_superuser=True,
                **{
                    username_field: options.get(username_field)
                    or os.environ.get(f"DJANGO_SUPERUSER_{username_field.upper()}", "")
                },
            )
            try:
                validate_password(os.environ["DJANGO_SUPERUSER_PASSWORD"], user)
            except ValidationError as exc:
                raise CommandError("\n".join(exc.messages)) from None
        checks_as_staff = django_command.validate_password

        def as_superuser(password, user=None, password_validators=None):
            if user is not None:
                user.is_staff = user.is_superuser = True
            return checks_as_staff(password, user, password_validators)

        django_command.validate_password = as_superuser
        try:
            return super().handle(*args, **options)
        finally:
            django_command.validate_password = checks_as_staff
