"""Rating a returned dossier: the one rating service, and the kiosk at the desk (code + last 4 digits, no login)."""
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from motcua.dossiers import lifecycle
from motcua.dossiers.tests.fixtures import vn
from motcua.portal import kiosk, ratings
from motcua.portal.models import Rating

pytestmark = pytest.mark.django_db
START = "/danh-gia-tai-quay/"


@pytest.fixture
def returned(received, people):
    """The dossier of Nguyễn Văn An (phone 0912345678, ID 025090001234), result handed over on 6 March 2026."""
    lifecycle.submit_for_approval(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(received.pk, actor=people["head"], summary="Phiếu số 9", at=vn("2026-03-05 10:00"))
    return lifecycle.return_result(received.pk, actor=people["desk"], method="desk", at=vn("2026-03-06 08:00"))


def look_up(client, code, digits):
    return client.post(START, {"ma": code, "so_cuoi": digits})


def token_of(response) -> str:
    return response.context["form"].initial["phien"]


# --- the service ---------------------------------------------------------------------------------------------------

def test_rating_a_returned_dossier_once(returned):
    rating = ratings.rate(returned, satisfied=False, criteria={"time": False, "attitude": True},
                          comment="  Phải đi lại hai lần  ", channel="kiosk")
    assert (rating.satisfied, rating.criteria, rating.comment, rating.channel) == (
        False, {"time": False, "attitude": True}, "Phải đi lại hai lần", "kiosk")
    with pytest.raises(ValidationError, match="đã được đánh giá"):
        ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="portal")
    assert Rating.objects.count() == 1


def test_a_dossier_not_yet_returned_cannot_be_rated(received):
    with pytest.raises(ValidationError, match="chưa trả kết quả"):
        ratings.rate(received, satisfied=True, criteria={}, comment="", channel="portal")
    assert not Rating.objects.exists()


@pytest.mark.parametrize("change, message", [
    ({"criteria": {"speed": True}}, "Tiêu chí đánh giá không hợp lệ: speed"),
    ({"criteria": {"time": "yes"}}, "chỉ nhận Hài lòng hoặc Không hài lòng"),
    ({"channel": "phone"}, "Kênh đánh giá không hợp lệ"),
    ({"comment": "x" * 2001}, "tối đa 2000 ký tự"),
])
def test_bad_rating_input_is_refused_and_nothing_is_stored(returned, change, message):
    with pytest.raises(ValidationError, match=message):
        ratings.rate(returned, **{"satisfied": True, "criteria": {}, "comment": "", "channel": "kiosk", **change})
    assert not Rating.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_make_one_rating(returned):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises every write transaction")
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        barrier.wait()
        try:
            ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="kiosk")
            outcomes.append("rated")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["Hồ sơ này đã được đánh giá.", "rated"]
    assert Rating.objects.count() == 1


# --- the kiosk -------------------------------------------------------------------------------------------------------

def test_kiosk_rating_with_the_code_and_the_last_digits_of_the_phone(client, returned):
    blank = client.get(START)
    assert blank.status_code == 200 and "Mã hồ sơ" in blank.content.decode()
    assert "no-store" in blank["Cache-Control"]
    found = look_up(client, returned.code.lower(), "5678")
    html = found.content.decode()
    assert found.status_code == 200 and "Cấp Phiếu lý lịch tư pháp" in html and "N***** V** A*" in html
    for private in ("Nguyễn", "0912345678", "025090001234", "an@example.vn", "Phường Việt Trì"):
        assert private not in html
    # an abandoned page clears itself: after minutes with no touch (a meta refresh only without JavaScript)
    assert f'data-idle-seconds="{kiosk.RATING_PAGE_SECONDS}" data-idle-url="{START}"' in html
    assert 'http-equiv="refresh"' in html
    done = client.post(reverse("portal:kiosk_submit"), {
        "phien": token_of(found), "hai_long": "yes", "time": "yes", "attitude": "no", "gop_y": "Cán bộ nhiệt tình"})
    assert done.status_code == 302 and done.url == reverse("portal:kiosk_thanks")
    rating = Rating.objects.get(dossier=returned)
    assert (rating.channel, rating.satisfied, rating.criteria, rating.comment) == (
        "kiosk", True, {"time": True, "attitude": False}, "Cán bộ nhiệt tình")
    thanks = client.get(done.url).content.decode()
    assert "Cảm ơn Ông/Bà đã đánh giá" in thanks
    assert f'data-idle-seconds="{kiosk.THANKS_SECONDS}" data-idle-url="{START}"' in thanks
    assert f'<noscript><meta http-equiv="refresh" content="{kiosk.THANKS_SECONDS};url={START}"></noscript>' in thanks
    again = look_up(client, returned.code, "5678")
    assert again.status_code == 409 and "Hồ sơ này đã được đánh giá" in again.content.decode()


def test_the_last_digits_of_the_id_number_also_work(client, returned):
    assert look_up(client, returned.code, "1234").status_code == 200


def test_wrong_code_or_digits_get_the_same_answer(client, returned):
    wrong_digits = look_up(client, returned.code, "0000")
    wrong_code = look_up(client, "000.01.01.H44-260302-9999", "5678")
    for response in (wrong_digits, wrong_code):
        html = response.content.decode()
        assert response.status_code == 404 and kiosk.NOT_FOUND in html
        assert "Cấp Phiếu lý lịch tư pháp" not in html and "N***** V** A*" not in html
        assert 'name="so_cuoi" maxlength="4"' in html and 'value="0000"' not in html  # the digits are not echoed


@pytest.mark.parametrize("digits, message", [("", "Vui lòng nhập 4 số cuối."), ("56a8", "đúng 4 chữ số"),
                                             ("45678", "đúng 4 chữ số")])
def test_malformed_digits_are_explained(client, returned, digits, message):
    response = look_up(client, returned.code, digits)
    assert response.status_code == 400 and message in response.content.decode()


def test_a_dossier_not_returned_yet_gets_a_clear_message(client, received):
    response = look_up(client, received.code, "5678")
    assert response.status_code == 409 and kiosk.NOT_RETURNED in response.content.decode()
    assert "N***** V** A*" not in response.content.decode()


def test_kiosk_lookups_are_rate_limited(client, returned):
    statuses = [look_up(client, f"X-{i}", "5678").status_code for i in range(10)]
    assert statuses == [404] * 10
    response = look_up(client, returned.code, "5678")
    assert response.status_code == 429 and "quá nhiều lượt tra cứu" in response.content.decode()


def test_no_overall_choice_keeps_the_answers_and_stores_nothing(client, returned):
    token = token_of(look_up(client, returned.code, "5678"))
    response = client.post(reverse("portal:kiosk_submit"), {"phien": token, "time": "no", "gop_y": "Chậm"})
    html = response.content.decode()
    assert response.status_code == 400 and "Vui lòng chọn Hài lòng hoặc Không hài lòng." in html
    assert 'name="time" value="no" checked' in html and "Chậm</textarea>" in html
    assert not Rating.objects.exists()


def test_a_forged_or_expired_session_is_refused(client, returned, monkeypatch):
    token = token_of(look_up(client, returned.code, "5678"))
    forged = client.post(reverse("portal:kiosk_submit"), {"phien": token[:-2] + "xx", "hai_long": "yes"})
    assert forged.status_code == 400 and kiosk.EXPIRED in forged.content.decode()
    monkeypatch.setattr(kiosk, "TOKEN_SECONDS", -1)
    expired = client.post(reverse("portal:kiosk_submit"), {"phien": token, "hai_long": "yes"})
    assert expired.status_code == 400 and kiosk.EXPIRED in expired.content.decode()
    assert not Rating.objects.exists()


def test_rated_in_the_portal_meanwhile(client, returned):
    token = token_of(look_up(client, returned.code, "5678"))
    ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="portal")
    response = client.post(reverse("portal:kiosk_submit"), {"phien": token, "hai_long": "no"})
    assert response.status_code == 409 and "Hồ sơ này đã được đánh giá." in response.content.decode()
    assert Rating.objects.get().channel == "portal"
