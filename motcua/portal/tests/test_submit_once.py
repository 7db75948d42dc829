"""A draft becomes exactly one dossier (issue 10, item 2): a double click, two tabs or a retry on a bad connection
are answered with the dossier the first submission made; 20 simultaneous submissions over HTTP make one."""

import re
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from motcua.dossiers.models import Dossier, Event
from motcua.portal.models import Draft

from .test_online import PDF, PNG, fill, start


def fill_in(province, **form):
    """The generic e-form of a procedure without its own (one "nội dung" field) and the applicant's details."""
    return fill(province, noi_dung="Cấp Phiếu lý lịch tư pháp số 1", **form)


CONCURRENT = 20


@pytest.fixture
def online(five_days, province):
    from motcua.catalog import versions

    draft = versions.new_draft(five_days.procedure)
    draft.online_level = "full"
    draft.save()
    return versions.publish(draft)


@pytest.fixture
def ready_draft(client, people, online, province, settings, tmp_path):
    """A citizen's draft with every file uploaded and every field filled, saved on the server."""
    settings.MEDIA_ROOT = tmp_path
    citizen = people["citizen"]
    citizen.id_number, citizen.phone = "025090001234", "0912345678"
    citizen.save()
    client.force_login(citizen)
    draft = start(client, online)
    for line, (name, content) in zip(online.documents.all(), [("to-khai.pdf", PDF), ("giay-chung-sinh.png", PNG)]):
        assert (
            client.post(
                reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile(name, content)}
            ).status_code
            == 200
        )
    client.post(reverse("portal:autosave", args=[draft.pk]), fill_in(province))
    return draft


@pytest.mark.django_db
def test_submitting_twice_answers_with_the_same_dossier(client, ready_draft, province, online):
    url = reverse("portal:submit", args=[ready_draft.pk])
    first, second = client.post(url, fill_in(province)), client.post(url, fill_in(province))
    dossier = Dossier.objects.get()
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reverse("portal:my_dossier", args=[dossier.code])
    assert Draft.objects.get(pk=ready_draft.pk).dossier == dossier
    # the submitted draft is closed: its page leads to the dossier, saving or uploading is refused in Vietnamese
    assert client.get(reverse("portal:draft", args=[ready_draft.pk])).url == first.url
    saved = client.post(reverse("portal:autosave", args=[ready_draft.pk]), fill_in(province))
    assert saved.status_code == 409 and "đã được nộp" in saved.json()["error"]
    line = online.documents.first()
    upload = client.post(
        reverse("portal:upload", args=[ready_draft.pk, line.pk]), {"file": SimpleUploadedFile("x.pdf", PDF)}
    )
    assert upload.status_code == 409
    # "Nộp trực tuyến" again opens a new draft, not the submitted one
    assert start(client, online).pk != ready_draft.pk
    assert "Đang soạn" in client.get(reverse("portal:my_dossiers")).content.decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_submissions_make_one_dossier(live_server, client, ready_draft, province):
    """PostgreSQL (row lock on the draft, unique draft → dossier link). On SQLite the test database is one
    in-memory connection that the live server's threads share, so it cannot show concurrency; a file database
    serialises writers anyway (transaction_mode IMMEDIATE)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("needs a database that serves concurrent connections: run on PostgreSQL by `make test`")
    session = client.cookies["sessionid"].value
    page = urllib.request.Request(
        f"{live_server.url}{reverse('portal:draft', args=[ready_draft.pk])}", headers={"Cookie": f"sessionid={session}"}
    )
    with urllib.request.urlopen(page) as response:
        html = response.read().decode()
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = urllib.parse.urlencode({**fill_in(province), "csrfmiddlewaretoken": token}).encode()
    url = f"{live_server.url}{reverse('portal:submit', args=[ready_draft.pk])}"
    opener = urllib.request.build_opener(NoRedirect)
    barrier, answers = threading.Barrier(CONCURRENT), []

    def submit():
        request = urllib.request.Request(
            url,
            data=body,
            method="POST",
            headers={
                "Cookie": f"sessionid={session}; csrftoken={csrf_cookie}",
                "Referer": url,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        barrier.wait()
        try:
            with opener.open(request, timeout=60) as response:
                answers.append((response.status, response.headers.get("Location")))
        except urllib.error.HTTPError as exc:
            answers.append((exc.code, exc.headers.get("Location")))

    threads = [threading.Thread(target=submit) for _ in range(CONCURRENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    dossier = Dossier.objects.get()  # exactly one
    assert answers == [(302, reverse("portal:my_dossier", args=[dossier.code]))] * CONCURRENT
    assert Event.objects.filter(kind="registered").count() == 1
    assert dossier.documents.count() == 2 and Draft.objects.get(pk=ready_draft.pk).dossier == dossier


@pytest.mark.django_db
def test_a_conditional_line_is_asked_as_a_question(client, people, province, five_days, settings, tmp_path):
    """ "Trường hợp …" lines: the citizen answers yes (and uploads) or no (and the desk is told it does not apply)."""
    from motcua.catalog import versions
    from motcua.catalog.models import RequiredDocument

    settings.MEDIA_ROOT = tmp_path
    draft_version = versions.new_draft(five_days.procedure)
    draft_version.online_level = "full"
    draft_version.save()
    foreign = RequiredDocument.objects.create(
        version=draft_version,
        position=2,
        name="Bản sao hộ chiếu của người nước ngoài",
        condition="Trường hợp người yêu cầu là người nước ngoài",
    )
    version = versions.publish(draft_version)
    citizen = people["citizen"]
    citizen.id_number = "025090001234"
    citizen.save()
    client.force_login(citizen)
    draft = start(client, version)
    page = client.get(reverse("portal:draft", args=[draft.pk])).content.decode()
    assert "Trường hợp người yêu cầu là người nước ngoài: trường hợp của bạn có đúng như vậy không?" in page
    for line in version.documents.exclude(pk=foreign.pk):
        client.post(reverse("portal:upload", args=[draft.pk, line.pk]), {"file": SimpleUploadedFile("a.pdf", PDF)})
    url = reverse("portal:submit", args=[draft.pk])
    unanswered = client.post(url, fill_in(province))
    assert unanswered.status_code == 400 and not Dossier.objects.exists()
    assert "Cho biết trường hợp của bạn có đúng như điều kiện này không" in unanswered.content.decode()
    said_yes = client.post(url, fill_in(province, **{f"applies_{foreign.pk}": "yes"}))
    assert said_yes.status_code == 400 and "Thiếu giấy tờ: Bản sao hộ chiếu" in said_yes.content.decode()
    said_no = client.post(url, fill_in(province, **{f"applies_{foreign.pk}": "no"}))
    dossier = Dossier.objects.get()
    assert said_no.status_code == 302 and dossier.not_applicable == [foreign.pk]
    registered = dossier.events.get(kind="registered")
    assert registered.data["not_applicable"] == [foreign.name] and registered.actor == citizen
