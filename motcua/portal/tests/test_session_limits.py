"""A citizen's draft is not lost when the session ends (issue 12, item 3; motcua/accounts/session_limits.py): the
autosave made in time is kept, a later one is refused, and the draft page comes back after the login."""

import pytest
from django.urls import reverse

from motcua.accounts.tests.test_session_limits import (
    MINUTE,
    PAGE,
    clock,  # noqa: F401 (a fixture)
    ended_to_login,
    sign_in,
    signed_in,
)
from motcua.portal.models import Draft

pytestmark = pytest.mark.django_db
SCRIPT = {"HTTP_SEC_FETCH_MODE": "cors"}  # a fetch() of a page's script (the draft's autosave)
SCHEMA = {
    "type": "object",
    "title": "Tờ khai",
    "properties": {"ho_ten_tre": {"type": "string", "title": "Họ tên trẻ", "maxLength": 100}},
}


@pytest.fixture
def online(five_days):
    from motcua.catalog import versions

    draft = versions.new_draft(five_days.procedure)
    draft.form_schema, draft.online_level = SCHEMA, "full"
    draft.save()
    return versions.publish(draft)


def test_the_draft_is_not_lost_when_the_session_ends(client, clock, people, online):
    sign_in(client, people["citizen"], "pw-citizen")
    opened = client.get(reverse("portal:start", args=[online.procedure.code]), **PAGE)
    draft = Draft.objects.get()
    clock.advance(10 * MINUTE)
    saved = client.post(reverse("portal:autosave", args=[draft.pk]), {"ho_ten_tre": "Vũ Minh An"}, **SCRIPT)
    assert saved.status_code == 200

    clock.advance(31 * MINUTE)  # the citizen went away; what they typed later is refused, not saved as someone else
    late = client.post(reverse("portal:autosave", args=[draft.pk]), {"ho_ten_tre": "Vũ Minh Anh"}, **SCRIPT)
    assert late.status_code == 302 and late.url.startswith("/dang-nhap/?next=") and not signed_in(client)
    draft.refresh_from_db()
    assert draft.data["form"] == {"ho_ten_tre": "Vũ Minh An"}  # the draft.js keeps the later typing in the browser

    page = client.get(opened.url, **PAGE)  # the draft page, opened again
    ended_to_login(page, client, opened.url, "quá 30 phút không thao tác")
    back = client.post(
        f"/dang-nhap/?next={opened.url}", {"username": "citizen", "password": "pw-citizen", "next": opened.url}, **PAGE
    )
    assert back.status_code == 302 and back.url == opened.url
    assert 'value="Vũ Minh An"' in client.get(back.url, **PAGE).content.decode()
