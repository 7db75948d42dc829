"""`motcua serve` collects the static files only when they changed since the last collection: the production
storage compresses every file each time, which kept a restarting server closed for a minute or more."""

import pytest
from django.core.management import call_command

from motcua.serving.management.commands import serve


@pytest.fixture
def sources(tmp_path, settings):
    folder = tmp_path / "nguon"
    folder.mkdir()
    (folder / "a.css").write_text("body{}")
    settings.STATICFILES_DIRS = [folder]
    settings.STATIC_ROOT = tmp_path / "thu-thap"
    return folder


def test_a_collection_of_todays_files_is_not_made_again(sources, settings, monkeypatch):
    assert not serve.static_files_current()  # nothing collected yet
    call_command("collectstatic", interactive=False, verbosity=0)
    serve.remember_static_files()
    assert serve.static_files_current()

    (sources / "a.css").write_text("body{color:red}")  # a changed file
    assert not serve.static_files_current()
    serve.remember_static_files()
    (sources / "b.js").write_text("")  # a new one
    assert not serve.static_files_current()
    serve.remember_static_files()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    assert not serve.static_files_current()  # another storage writes other files


def test_serve_skips_collectstatic_when_nothing_changed(sources, monkeypatch):
    collected = []
    monkeypatch.setattr(serve, "call_command", lambda *a, **k: collected.append(a))
    monkeypatch.setattr(serve.os, "execve", lambda *a: None)  # not becoming gunicorn here
    call_command("serve", "--workers", "1")
    assert collected == [("collectstatic",)]
    call_command("serve", "--workers", "1")
    assert collected == [("collectstatic",)]  # the second start found the collection current
