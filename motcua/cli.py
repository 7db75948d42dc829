"""The `motcua` console script: Django's management commands under one name.

`motcua due ...`, `motcua catalog import PATH`, `motcua units import PATH`, `motcua text fix [FILE]` are
management commands of the apps; `motcua runserver`, `motcua migrate` work as with manage.py.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["motcua", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
