"""The dossier code past 9,999 a day (issue 10, item 9) and extensions to a moment the office is closed (item 8)."""

import pytest
from django.core.exceptions import ValidationError

from motcua.dossiers import codes, lifecycle
from motcua.dossiers.models import DailySequence, Dossier

from .fixtures import vn

pytestmark = pytest.mark.django_db


def test_the_ten_thousandth_dossier_of_a_day_gets_10000(province, people, five_days, applicant):
    centre = province["centre"]
    day = vn("2026-03-02 09:00").date()
    DailySequence.objects.create(agency=centre, day=day, last=9998)
    made = [
        lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=centre,
            applicant=applicant,
            channel="direct",
            at=vn("2026-03-02 09:00"),
        ).code
        for _ in range(2)
    ]
    assert made == ["000.01.01.H44-260302-9999", "000.01.01.H44-260302-10000"]
    assert len(made[1]) <= Dossier._meta.get_field("code").max_length
    # another agency and the next day start again from 0001
    assert codes.next_code(province["commune"], day) == "000.00.31.H44-260302-0001"
    assert codes.next_code(centre, vn("2026-03-03 09:00").date()) == "000.01.01.H44-260303-0001"


def test_the_counter_stops_with_a_clear_error_only_past_what_the_column_holds(province):
    day = vn("2026-03-02 09:00").date()
    DailySequence.objects.create(agency=province["centre"], day=day, last=codes.MAX_PER_DAY)
    with pytest.raises(ValidationError, match="Đã hết số thứ tự hồ sơ trong ngày"):
        codes.next_code(province["centre"], day)


@pytest.mark.parametrize(
    "asked, promised, why",
    [
        ("2026-03-15 10:00", "2026-03-16 17:00", "Chủ nhật 15/03/2026 không phải ngày làm việc"),  # a Sunday
        ("2026-04-26 09:00", "2026-04-28 17:00", "Chủ nhật 26/04/2026"),  # Sunday before Hùng Kings' day (27/4)
        ("2026-03-12 19:30", "2026-03-12 17:00", "Sau giờ làm việc"),
        ("2026-03-12 06:00", "2026-03-12 07:30", "Trước giờ làm việc"),
        ("2026-03-12 12:00", "2026-03-12 13:00", "Trong giờ nghỉ trưa"),
        ("2026-03-12 10:00", "2026-03-12 10:00", None),
    ],
)
def test_an_extension_to_a_closed_moment_is_moved_to_a_working_one(received, people, asked, promised, why):
    dossier = lifecycle.extend(
        received.pk, actor=people["head"], new_due=vn(asked), reason="Chờ xác minh", at=vn("2026-03-04 09:00")
    )
    assert dossier.due_at == vn(promised)
    moved = dossier.events.get(kind="extended").data["moved"]
    assert (moved is None) if why is None else why in moved


def test_the_office_tells_the_officer_the_date_was_moved(client, people, province, five_days, applicant):
    import datetime as dt

    from django.utils import timezone

    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    dossier = lifecycle.receive(dossier.pk, actor=people["desk"])  # now: due in five working days
    sunday = timezone.localdate(dossier.due_at) + dt.timedelta(days=14)
    sunday += dt.timedelta(days=(6 - sunday.weekday()) % 7)
    client.force_login(people["head"])
    page = client.post(
        f"/can-bo/ho-so/{dossier.code}/thao-tac/extend/",
        {"new_date": f"{sunday:%d/%m/%Y}", "new_time": "10:00", "reason": "Chờ kết quả xác minh"},
        follow=True,
    )
    text = page.content.decode()
    assert "Đã thực hiện: Gia hạn (xin lỗi)." in text
    assert f"Chủ nhật {sunday:%d/%m/%Y} không phải ngày làm việc" in text
    promised = timezone.localtime(Dossier.objects.get(pk=dossier.pk).due_at)
    assert promised.date() > sunday and promised.strftime("%H:%M") == "17:00"


def test_a_fee_beyond_the_column_is_refused_in_vietnamese_not_a_crash(client, received, people):
    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"])
    client.force_login(people["specialist"])
    page = client.post(
        f"/can-bo/ho-so/{received.code}/thao-tac/request_payment/", {"amount": "99999999999"}, follow=True
    )
    assert page.status_code == 200 and "Số tiền tối đa 2.147.483.647 đồng." in page.content.decode()
    assert Dossier.objects.get(pk=received.pk).state == "in_progress"


def test_the_api_takes_a_reason_to_skip_a_line_read_as_required(received, people, province, five_days, applicant):
    from rest_framework.test import APIClient

    first = five_days.documents.first()
    api = APIClient()
    api.force_authenticate(people["desk"])
    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    url = f"/api/v1/dossiers/{dossier.code}/actions/receive/"
    lines = [line.pk for line in five_days.documents.all()]
    refused = api.post(url, {"received_lines": lines[1:], "not_applicable": [first.pk]}, format="json")
    assert refused.status_code == 400 and "ghi rõ lý do" in str(refused.json())
    done = api.post(
        url,
        {
            "received_lines": lines[1:],
            "not_applicable": [first.pk],
            "not_applicable_reasons": {str(first.pk): "Đã kê khai trên Cổng"},
        },
        format="json",
    )
    assert done.status_code == 200 and done.json()["state"] == "received"


def test_the_extension_form_takes_the_date_day_first_and_17_00_by_default(
    client, people, province, five_days, applicant
):
    import datetime as dt

    from django.utils import timezone

    dossier = lifecycle.register(
        actor=people["desk"],
        version=five_days,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
    )
    dossier = lifecycle.receive(dossier.pk, actor=people["desk"])
    day = timezone.localdate(dossier.due_at) + dt.timedelta(days=14)
    day += dt.timedelta(days=(2 - day.weekday()) % 7)  # a Wednesday
    client.force_login(people["head"])
    page = client.get(f"/can-bo/ho-so/{dossier.code}/").content.decode()
    assert 'type="datetime-local"' not in page and 'placeholder="dd/mm/yyyy"' in page
    bad = client.post(
        f"/can-bo/ho-so/{dossier.code}/thao-tac/extend/", {"new_date": "31/02/2027", "reason": "x"}, follow=True
    )
    assert "Ngày hẹn trả không hợp lệ" in bad.content.decode()
    client.post(f"/can-bo/ho-so/{dossier.code}/thao-tac/extend/", {"new_date": f"{day:%d/%m/%Y}", "reason": "Chờ"})
    assert (
        timezone.localtime(Dossier.objects.get(pk=dossier.pk).due_at).strftime("%H:%M %d/%m/%Y")
        == f"17:00 {day:%d/%m/%Y}"
    )
