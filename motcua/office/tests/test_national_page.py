"""Đồng bộ Cổng DVCQG, the operator's page (issue 18): the outbox per agency and day, the failed dossiers with
DVCQG's last answer and their "gửi lại", the last reconciliation; only for those who monitor or administer an
agency. In Chromium at 360 px and on a desktop: it fits, axe finds nothing critical or serious, no CSP violation.
Screenshots: artifacts/national-*.png."""

import pytest
from django.urls import reverse

from motcua.dossiers.tests.fixtures import staff
from motcua.national import client as national_client
from motcua.national import sender
from motcua.national.models import Reconciliation, SyncItem
from motcua.national.tests.test_sync import new_dossier
from motcua.office.tests.test_signing_browser import login, serious_axe_violations

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def failed_and_sent(five_days, province, people, applicant, portal, settings):
    """Two dossiers on DVCQG, one whose rows failed after every attempt; an operator of the centre."""
    settings.MOTCUA_DVCQG_MAX_ATTEMPTS = 1
    sent = new_dossier(five_days, province, people, applicant)
    sender.send_round(national_client.configured())
    assert SyncItem.objects.get(dossier=sent).status == "sent"
    portal.control(fail=1.0, seed=3)
    failed = new_dossier(five_days, province, people, applicant)
    sender.send_round(national_client.configured())
    portal.control(fail=0.0)
    Reconciliation.objects.create(
        checked=2, confirmed=1, differences=[{"MaHoSo": failed.code, "what": "Không có trên Cổng DVCQG"}]
    )
    staff("operator", (province["centre"], "monitor"))
    return sent, failed


@pytest.mark.django_db
def test_the_operator_sees_the_failed_dossier_and_sends_it_again(client, failed_and_sent):
    _sent, failed = failed_and_sent
    client.login(username="operator", password="pw-operator")
    page = client.get(reverse("office:national"))
    text = page.content.decode()
    assert page.status_code == 200
    assert failed.code in text and "Cổng DVCQG trả lỗi" in text and "Không có trên Cổng DVCQG" in text
    assert "chi-so=unsynced" in text
    answer = client.post(reverse("office:national"), {"ho_so": failed.code}, follow=True)
    assert "Đã đưa 1 mục của 1 hồ sơ vào hàng đợi gửi lại." in answer.content.decode()
    assert SyncItem.objects.get(dossier=failed).status == "pending"
    sender.send_round(national_client.configured())
    assert set(SyncItem.objects.values_list("status", flat=True)) == {"sent"}
    assert "Không có hồ sơ nào gửi không thành công." in client.get(reverse("office:national")).content.decode()


@pytest.mark.django_db
def test_an_official_without_the_role_is_refused_and_an_unknown_code_resends_nothing(client, failed_and_sent, people):
    client.login(username="specialist", password="pw-specialist")
    assert client.get(reverse("office:national")).status_code == 403
    client.logout()
    client.login(username="operator", password="pw-operator")
    answer = client.post(reverse("office:national"), {"ho_so": "KHONG-CO"}, follow=True)
    assert "Không có mục gửi lỗi nào của hồ sơ này để gửi lại." in answer.content.decode()
    assert SyncItem.objects.filter(status="failed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_page_in_chromium(live_server, chromium, csp_watch, artifacts, failed_and_sent):
    for name, width, height in (("phone", 360, 780), ("desktop", 1280, 900)):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        context.set_default_timeout(15_000)
        violations = csp_watch(context)
        page = context.new_page()
        try:
            login(page, live_server.url, "operator")
            page.goto(f"{live_server.url}/can-bo/dong-bo-dvcqg/")
            assert "Hồ sơ gửi không thành công" in page.inner_text("main")
            assert page.evaluate(OVERFLOW) <= 0, f"{name}: the page scrolls sideways"
            assert serious_axe_violations(page) == [], name
            page.screenshot(path=artifacts / f"national-{name}.png", full_page=True)
            assert violations == []
        finally:
            context.close()
