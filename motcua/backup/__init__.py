"""Sao lưu và khôi phục (issue 14; docs/backup.md): `motcua backup create | restore | verify DIR`.

A backup is a directory: the database (pg_dump's custom format on PostgreSQL, the online backup API's copy on
SQLite), every file of the file store (local disk or S3) under `files/` with its path, and `manifest.json`: what
was taken, when, row counts per table, each file's size and SHA-256, the applied migrations and the head of every
hash chain. It sits above every app (it reads the dossier and PAKN chains); no app imports it.
"""
