"""This process's PostgreSQL database as a URL, for the processes it starts: an app server, a task worker, pgbench
(libpq reads the same URL). In a test it is the test's own database. Each part is quoted, so a user, password or
database name with "@", ":" or "/" still makes a URL that means it."""

from urllib.parse import quote

from django.db import connection


def database_url() -> str:
    settings = connection.settings_dict
    user, password = quote(settings["USER"] or "", safe=""), quote(settings["PASSWORD"] or "", safe="")
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{quote(settings['NAME'], safe='')}"
