"""Rating a returned dossier: the one rating service, and the kiosk at the desk (a one-time rating code, no login;
the dossier code and 4 digits of the phone no longer rate anything)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers import lifecycle, rating_tokens, ratings
from motcua.dossiers.models import Rating, RatingToken
from motcua.dossiers.tests.fixtures import vn
from motcua.portal import kiosk

pytestmark = pytest.mark.django_db
START = "/danh-gia-tai-quay/"


@pytest.fixture
def returned(received, people):
    """The dossier of Nguyễn Văn An (phone 0912345678, ID 025090001234), result handed over on 6 March 2026."""
    lifecycle.submit_for_approval(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.issue_result(received.pk, actor=people["head"], summary="Phiếu số 9", at=vn("2026-03-05 10:00"))
    return lifecycle.return_result(received.pk, actor=people["desk"], method="desk", at=vn("2026-03-06 08:00"))


@pytest.fixture
def code(returned):
    """The rating code of the slip the desk printed at the hand-over."""
    return rating_tokens.display(rating_tokens.issue(returned, rating_tokens.Channel.PRINTED))


def look_up(client, code):
    return client.post(START, {"ma_danh_gia": code})


def token_of(response) -> str:
    return response.context["form"].initial["phien"]


# --- the service ---------------------------------------------------------------------------------------------------


def test_rating_a_returned_dossier_once(returned):
    rating = ratings.rate(
        returned,
        satisfied=False,
        criteria={"time": False, "attitude": True},
        comment="  Phải đi lại hai lần  ",
        channel="kiosk",
    )
    assert (rating.satisfied, rating.criteria, rating.comment, rating.channel) == (
        False,
        {"time": False, "attitude": True},
        "Phải đi lại hai lần",
        "kiosk",
    )
    with pytest.raises(ValidationError, match="đã được đánh giá"):
        ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="portal")
    assert Rating.objects.count() == 1


def test_a_dossier_not_yet_returned_cannot_be_rated(received):
    with pytest.raises(ValidationError, match="chưa trả kết quả"):
        ratings.rate(received, satisfied=True, criteria={}, comment="", channel="portal")
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"criteria": {"speed": True}}, "Tiêu chí đánh giá không hợp lệ: speed"),
        ({"criteria": {"time": "yes"}}, "chỉ nhận Hài lòng hoặc Không hài lòng"),
        ({"channel": "phone"}, "Kênh đánh giá không hợp lệ"),
        ({"comment": "x" * 2001}, "tối đa 2000 ký tự"),
    ],
)
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


def test_kiosk_rating_with_the_rating_code(client, returned, code):
    blank = client.get(START)
    assert blank.status_code == 200 and "Mã đánh giá" in blank.content.decode()
    assert "no-store" in blank["Cache-Control"]
    found = look_up(client, code.lower().replace("-", " "))  # read in any case and spacing
    html = found.content.decode()
    assert found.status_code == 200 and "Cấp Phiếu lý lịch tư pháp" in html and "N***** V** A*" in html
    for private in ("Nguyễn", "0912345678", "025090001234", "an@example.vn", "Phường Việt Trì", code):
        assert private not in html
    # an abandoned page clears itself: after minutes with no touch (a meta refresh only without JavaScript)
    assert f'data-idle-seconds="{kiosk.RATING_PAGE_SECONDS}" data-idle-url="{START}"' in html
    assert 'http-equiv="refresh"' in html
    done = client.post(
        reverse("portal:kiosk_submit"),
        {"phien": token_of(found), "hai_long": "yes", "time": "yes", "attitude": "no", "gop_y": "Cán bộ nhiệt tình"},
    )
    assert done.status_code == 302 and done.url == reverse("portal:kiosk_thanks")
    rating = Rating.objects.get(dossier=returned)
    assert (rating.channel, rating.satisfied, rating.criteria, rating.comment) == (
        "kiosk",
        True,
        {"time": True, "attitude": False},
        "Cán bộ nhiệt tình",
    )
    assert RatingToken.objects.get(channel="printed").used_at is not None
    thanks = client.get(done.url).content.decode()
    assert "Cảm ơn Ông/Bà đã đánh giá" in thanks
    assert f'data-idle-seconds="{kiosk.THANKS_SECONDS}" data-idle-url="{START}"' in thanks
    assert f'<noscript><meta http-equiv="refresh" content="{kiosk.THANKS_SECONDS};url={START}"></noscript>' in thanks
    again = look_up(client, code)  # used up
    assert again.status_code == 404 and kiosk.NOT_FOUND in again.content.decode()


def test_the_dossier_code_and_four_digits_no_longer_rate(client, returned):
    """Issue 12, item 6: the code is printed on papers many hands touch, and four digits are soon tried."""
    for digits in ("5678", "1234"):
        response = client.post(START, {"ma": returned.code, "so_cuoi": digits})
        assert 'name="hai_long"' not in response.content.decode() and response.status_code == 400
    assert not Rating.objects.exists()


def test_unknown_used_revoked_or_expired_codes_get_one_answer(client, returned, code):
    later = rating_tokens.display(rating_tokens.issue(returned, rating_tokens.Channel.PRINTED))  # revokes `code`
    expired = rating_tokens.issue(returned, rating_tokens.Channel.NOTICE)
    RatingToken.objects.filter(digest=rating_tokens.digest(expired)).update(expires_at=timezone.now())
    for wrong in (code, rating_tokens.display(expired), "ABCD-EFGH-JKMN"):
        response = look_up(client, wrong)
        html = response.content.decode()
        assert response.status_code == 404 and kiosk.NOT_FOUND in html
        assert "Cấp Phiếu lý lịch tư pháp" not in html and "N***** V** A*" not in html
        assert wrong not in html  # the code is not echoed
    assert look_up(client, later).status_code == 200


@pytest.mark.parametrize(
    "typed, message",
    [("", "Vui lòng nhập mã đánh giá."), ("ABC-123", "gồm 12 chữ và số"), ("ABCD-EFGH-JKMU", "gồm 12 chữ và số")],
)
def test_malformed_codes_are_explained(client, returned, typed, message):
    response = look_up(client, typed)
    assert response.status_code == 400 and message in response.content.decode()


def test_a_dossier_not_returned_yet_gets_a_clear_message(client, received, people):
    lifecycle.submit_for_approval(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    lifecycle.approve(received.pk, actor=people["head"], at=vn("2026-03-05 09:00"))
    issued = lifecycle.issue_result(received.pk, actor=people["head"], summary="Phiếu số 9", at=vn("2026-03-05 10:00"))
    token = rating_tokens.issue(issued, rating_tokens.Channel.NOTICE)  # sent with the notice of the result
    response = look_up(client, token)
    assert response.status_code == 409 and kiosk.NOT_RETURNED in response.content.decode()
    assert "N***** V** A*" not in response.content.decode()


def test_kiosk_lookups_are_rate_limited(client, returned, code):
    statuses = [look_up(client, f"ABCD-EFGH-{i:04d}").status_code for i in range(10)]
    assert statuses == [404] * 10
    response = look_up(client, code)
    assert response.status_code == 429 and "quá nhiều lượt tra cứu" in response.content.decode()


def test_no_overall_choice_keeps_the_answers_and_stores_nothing(client, returned, code):
    token = token_of(look_up(client, code))
    response = client.post(reverse("portal:kiosk_submit"), {"phien": token, "time": "no", "gop_y": "Chậm"})
    html = response.content.decode()
    assert response.status_code == 400 and "Vui lòng chọn Hài lòng hoặc Không hài lòng." in html
    assert 'name="time" value="no" checked' in html and "Chậm</textarea>" in html
    assert not Rating.objects.exists() and RatingToken.objects.get(channel="printed").used_at is None


def test_a_forged_or_expired_session_is_refused(client, returned, code, monkeypatch):
    token = token_of(look_up(client, code))
    forged = client.post(reverse("portal:kiosk_submit"), {"phien": token[:-2] + "xx", "hai_long": "yes"})
    assert forged.status_code == 400 and kiosk.EXPIRED in forged.content.decode()
    monkeypatch.setattr(kiosk, "TOKEN_SECONDS", -1)
    expired = client.post(reverse("portal:kiosk_submit"), {"phien": token, "hai_long": "yes"})
    assert expired.status_code == 400 and kiosk.EXPIRED in expired.content.decode()
    assert not Rating.objects.exists()


def test_rated_in_the_portal_meanwhile(client, returned, code):
    token = token_of(look_up(client, code))
    ratings.rate(returned, satisfied=True, criteria={}, comment="", channel="portal")
    response = client.post(reverse("portal:kiosk_submit"), {"phien": token, "hai_long": "no"})
    assert response.status_code == 409 and "Hồ sơ này đã được đánh giá." in response.content.decode()
    assert Rating.objects.get().channel == "portal"


def test_a_code_revoked_while_the_page_was_open_does_not_rate(client, returned, code):
    token = token_of(look_up(client, code))
    rating_tokens.issue(returned, rating_tokens.Channel.PRINTED)  # the desk printed a new slip meanwhile
    response = client.post(reverse("portal:kiosk_submit"), {"phien": token, "hai_long": "no"})
    assert response.status_code == 409 and ratings.TOKEN_INVALID in response.content.decode()
    assert not Rating.objects.exists()
