"""Ratings that cannot be forged (issue 12, item 6): a rating without an account needs a one-time token that the
applicant got with the result, on the slip the desk prints (QR code and text) or in the notice of the result; the
public rating page takes it; it is kept only as a hash and works once. The signed-in owner rates without one."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader

from motcua.dossiers import lifecycle, rating_tokens, ratings
from motcua.dossiers.models import Rating, RatingToken
from motcua.dossiers.tests.fixtures import vn
from motcua.integrations.models import Notice
from motcua.portal import kiosk

from .test_kiosk import returned  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
PAGE = "/danh-gia/"
TOKEN_RE = re.compile(r"/danh-gia/\?ma=([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


def notice_token(kind="result_issued") -> str:
    body = Notice.objects.get(channel="email", event__kind=kind).body
    return TOKEN_RE.search(body).group(1)


def test_the_notice_of_the_result_carries_a_rating_link(returned, settings):
    email = Notice.objects.get(channel="email", event__kind="result_issued")
    token = notice_token()
    assert f"{settings.MOTCUA_PUBLIC_URL}/danh-gia/?ma={token}" in email.body
    assert f"mã đánh giá {token}" in email.body
    sms = Notice.objects.get(channel="sms", event__kind="result_issued")
    assert token in sms.body and sms.body.endswith(f"/tra-cuu/?ma={returned.code}")
    row = RatingToken.objects.get(channel="notice")
    assert row.dossier_id == returned.pk and row.used_at is None
    stored = " ".join(str(v) for v in RatingToken.objects.values().get(pk=row.pk).values())
    assert token not in stored and token.replace("-", "") not in stored  # only its keyed hash


def test_the_sms_keeps_both_links_whole(received, people, sms_gateway, settings):
    lifecycle.submit_for_approval(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(
        received.pk,
        actor=people["head"],
        summary="Phiếu LLTP số 123/2026 " + "rất dài " * 60,
        at=vn("2026-03-05 10:00"),
    )
    sms = Notice.objects.get(channel="sms", event__kind="result_issued").body
    email = Notice.objects.get(channel="email", event__kind="result_issued").body
    assert TOKEN_RE.search(sms).group(1) == TOKEN_RE.search(email).group(1)  # one token for both channels
    assert len(sms) <= 320 and sms.endswith(f"/tra-cuu/?ma={received.code}")
    assert RatingToken.objects.count() == 1


def test_the_public_page_rates_once_with_the_token(client, returned):
    token = notice_token()
    opened = client.get(PAGE, {"ma": token.lower()})
    assert opened.status_code == 302 and opened["Location"] == PAGE  # the token leaves the address bar
    page = client.get(PAGE)
    html = page.content.decode()
    assert page.status_code == 200 and "Cấp Phiếu lý lịch tư pháp" in html and "N***** V** A*" in html
    assert token not in html and "0912345678" not in html and "no-store" in page["Cache-Control"]
    done = client.post(PAGE, {"hai_long": "no", "contacts": "no", "gop_y": "Phải đi lại nhiều lần"})
    assert done.status_code == 200 and "Cảm ơn Ông/Bà đã đánh giá" in done.content.decode()
    rating = Rating.objects.get(dossier=returned)
    assert (rating.channel, rating.satisfied, rating.criteria, rating.comment) == (
        "portal",
        False,
        {"contacts": False},
        "Phải đi lại nhiều lần",
    )
    assert RatingToken.objects.get(channel="notice").used_at is not None
    again = Client().get(PAGE, {"ma": token})
    assert again.status_code == 404 and kiosk.NOT_FOUND in again.content.decode()


def test_without_a_token_the_page_only_asks_for_one(client, returned):
    response = client.post(PAGE, {"hai_long": "yes"})
    assert response.status_code == 200 and 'name="ma_danh_gia"' in response.content.decode()
    assert 'name="hai_long"' not in response.content.decode()
    typed = client.post(PAGE, {"ma_danh_gia": returned.code})  # the dossier code is not a rating code
    assert typed.status_code == 400 and "gồm 12 chữ và số" in typed.content.decode()
    assert not Rating.objects.exists()


def test_the_public_page_is_rate_limited(client, returned):
    statuses = [client.get(PAGE, {"ma": f"ABCD-EFGH-{i:04d}"}).status_code for i in range(10)]
    assert statuses == [404] * 10
    assert client.get(PAGE, {"ma": notice_token()}).status_code == 429


def test_the_owner_signed_in_rates_without_a_token(client, received, people, applicant):
    owner = people["citizen"]
    received.applicant_user = owner
    received.save(update_fields=["applicant_user"])
    lifecycle.submit_for_approval(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(received.pk, actor=people["head"], summary="Phiếu số 9", at=vn("2026-03-05 10:00"))
    lifecycle.return_result(received.pk, actor=people["desk"], method="online", at=vn("2026-03-06 08:00"))
    client.force_login(owner)
    client.post(f"/ho-so-cua-toi/{received.code}/danh-gia/", {"satisfied": "yes"})
    assert Rating.objects.get(dossier=received).channel == "portal"
    stranger = Client()
    stranger.force_login(people["desk"].__class__.objects.create_user("khac", password="x", kind="citizen"))
    assert stranger.post(f"/ho-so-cua-toi/{received.code}/danh-gia/", {"satisfied": "no"}).status_code == 404


def test_the_desk_prints_a_slip_whose_code_rates_at_the_kiosk(client, returned, people, settings):
    client.force_login(people["desk"])
    page = client.get(f"/can-bo/ho-so/{returned.code}/").content.decode()
    assert "In Phiếu mời đánh giá" in page
    url = f"/can-bo/ho-so/{returned.code}/phieu-moi-danh-gia/"
    assert client.get(url).status_code == 405  # each print issues a token: never on a GET
    first = client.post(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first["Cache-Control"] == "no-store"
    text = " ".join(PdfReader(io.BytesIO(first.content)).pages[0].extract_text().split())
    assert "PHIẾU MỜI ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG" in text and returned.code in text
    old = re.search(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b", text).group(1)
    assert f"{settings.MOTCUA_PUBLIC_URL}/danh-gia/?ma={old}" in text  # what the QR code holds
    second = client.post(url)  # a lost slip: a new one, the old code dies
    new = re.search(
        r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b",
        " ".join(PdfReader(io.BytesIO(second.content)).pages[0].extract_text().split()),
    ).group(1)
    assert (
        list(RatingToken.objects.filter(channel="printed").values_list("issued_by", flat=True))
        == [people["desk"].pk] * 2
    )  # who printed each slip is kept
    kiosk_client = Client()
    assert kiosk_client.post("/danh-gia-tai-quay/", {"ma_danh_gia": old}).status_code == 404
    assert kiosk_client.post("/danh-gia-tai-quay/", {"ma_danh_gia": new}).status_code == 200


def test_no_slip_once_the_dossier_is_rated(client, returned, people):
    client.force_login(people["desk"])
    Rating.objects.create(dossier=returned, satisfied=True, criteria={}, channel="portal")
    response = client.post(f"/can-bo/ho-so/{returned.code}/phieu-moi-danh-gia/")
    assert response.status_code == 302
    assert "đã được đánh giá" in client.get(response["Location"]).content.decode()


def test_a_token_of_another_dossier_does_not_rate_this_one(returned, people, five_days, province, applicant):
    other = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-02 10:00"),
    )
    foreign = rating_tokens.find(rating_tokens.issue(other, rating_tokens.Channel.PRINTED))
    with pytest.raises(ValidationError, match="Mã đánh giá không đúng"):
        ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="kiosk", token=foreign)
    assert not Rating.objects.exists()
