"""Issue 5, the leaders' dashboard: who may see what, the 766 score card of the known month, the official score
beside ours, and every number opening the list of exactly what it counts."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.dossiers.tests.fixtures import staff, vn
from motcua.feedback import lifecycle as feedback
from motcua.feedback.tests.helpers import sender
from motcua.indicators.models import OfficialRecord

from .conftest import DASHBOARD, LIST, MARCH
from .pages import drill_links, list_count, plain_counts, row_naming, row_of, table_rows

GROUP_CODES = ["transparency", "progress", "online", "payment", "digitisation", "satisfaction"]


@pytest.fixture
def march_pakn(province, people):
    """Two PAKN sent to the Department of Justice in March: one about staff conduct, one not yet classified."""
    conduct = feedback.submit(sender(receiving_agency=province["justice"]), at=vn("2026-03-05 10:00"))
    feedback.classify(conduct.pk, people["head"], "conduct", at=vn("2026-03-05 11:00"))
    feedback.submit(
        sender(receiving_agency=province["justice"], title="Thời hạn trả kết quả"), at=vn("2026-03-10 10:00")
    )


def page(client, user, url=DASHBOARD, **params):
    client.force_login(user)
    return client.get(url, {**MARCH, **params})


# ---- who may see what ----


def test_anonymous_is_sent_to_the_login_page(client):
    for url in (DASHBOARD, LIST):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next=")


@pytest.mark.parametrize("who", ["citizen", "specialist", "desk"])
def test_only_heads_and_monitors_have_a_dashboard(client, people, who):
    for url in (DASHBOARD, LIST):
        response = page(client, people[who], url, **{"chi-so": "received"})
        assert response.status_code == 403
        assert "dành cho lãnh đạo đơn vị và cán bộ giám sát" in response.content.decode()


def test_a_head_sees_their_agency_and_not_another(client, people, province, march):
    response = page(client, people["head"])
    html = response.content.decode()
    assert response.status_code == 200 and "Sở Tư pháp · Tháng 03/2026" in html
    assert "Sở Xây dựng" not in html  # neither in the agency list nor in the ranking
    for url in (DASHBOARD, LIST):
        refused = page(client, people["head"], url, **{"co-quan": province["construction"].code, "chi-so": "received"})
        assert refused.status_code == 403
        assert "nằm ngoài phạm vi" in refused.content.decode() and "Sở Xây dựng" in refused.content.decode()


def test_a_head_of_two_agencies_sees_both_together_and_each_alone(client, people, province, march, commune_march):
    from motcua.agencies.models import StaffRole

    StaffRole.objects.create(user=people["head"], agency=province["commune"], role="head")
    html = page(client, people["head"]).content.decode()
    assert "Các cơ quan do bạn phụ trách · Tháng 03/2026" in html
    assert plain_counts(html)["Tiếp nhận trong kỳ"] == "14"
    ward = page(client, people["head"], **{"co-quan": province["commune"].code}).content.decode()
    assert plain_counts(ward)["Tiếp nhận trong kỳ"] == "3"
    assert page(client, people["head"], **{"co-quan": province["land"].code}).status_code == 403


def test_a_monitor_sees_the_whole_province_and_each_level(client, people, province, march, commune_march):
    html = page(client, people["monitor"]).content.decode()
    assert "Toàn tỉnh · Tháng 03/2026" in html
    assert plain_counts(html)["Tiếp nhận trong kỳ"] == "14"  # 11 at Justice, 3 at the ward
    communes = page(client, people["monitor"], cap="xa").content.decode()
    assert "Toàn tỉnh – cấp xã" in communes and plain_counts(communes)["Tiếp nhận trong kỳ"] == "3"
    provincial = page(client, people["monitor"], cap="tinh").content.decode()
    assert plain_counts(provincial)["Tiếp nhận trong kỳ"] == "11"
    ward = page(client, people["monitor"], **{"co-quan": province["commune"].code}).content.decode()
    assert plain_counts(ward)["Tiếp nhận trong kỳ"] == "3"


@pytest.mark.parametrize(
    "params, message",
    [
        ({"ky": "tuan"}, "Kỳ báo cáo không hợp lệ"),
        ({"thang": "13"}, "Tháng không hợp lệ"),
        ({"nam": "20x6"}, "Năm không hợp lệ"),
        ({"ky": "khoang", "tu": "2026-03-31", "den": "2026-03-01"}, "phải trước hoặc bằng ngày kết thúc"),
        ({"ky": "khoang", "tu": "31/02/2026", "den": "2026-03-31"}, "Ngày bắt đầu không hợp lệ"),
        ({"ky": "khoang", "tu": "2026-03-01"}, "Hãy chọn ngày kết thúc"),
        ({"co-quan": "000.99.99.H44"}, "Không có cơ quan nào mang mã"),
        ({"cap": "huyen"}, "Cấp không hợp lệ"),
        ({"dinh-dang": "docx"}, "Định dạng tải về không hợp lệ"),
        ({"dinh-dang": "xlsx", "bang": "khong-co"}, "Không có bảng"),
    ],
)
def test_bad_filters_get_a_vietnamese_400_page(client, people, params, message):
    response = page(client, people["monitor"], **params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "params, message",
    [
        ({"chi-so": "khong-co"}, "Chỉ số không hợp lệ"),
        ({"loai": "nguoi", "chi-so": "received"}, "Loại danh sách không hợp lệ"),
        ({"loai": "thu-tuc", "chi-so": "received"}, "Chỉ số không hợp lệ"),
    ],
)
def test_a_list_of_an_unknown_figure_is_a_400(client, people, params, message):
    response = page(client, people["monitor"], LIST, **params)
    assert response.status_code == 400 and message in response.content.decode()


def test_a_period_of_a_few_days_is_accepted_in_either_date_style(client, people, march):
    html = page(client, people["head"], ky="khoang", tu="02/03/2026", den="2026-03-06").content.decode()
    assert "Từ 02/03/2026 đến 06/03/2026" in html
    assert plain_counts(html)["Tiếp nhận trong kỳ"] == "9"  # received 2 March: D1-D8 and D12


# ---- the score card of the known month ----


def test_the_score_card_of_march(client, people, march):
    html = page(client, people["head"]).content.decode()
    on_time = row_of(html, "t-the-diem", "2.1 ")
    assert on_time[1:7] == ["7", "11", "63,64%", "—", "12,73", "20"]  # 20 × 7/11
    online = row_of(html, "t-the-diem", "3.3 ")
    assert online[1:7] == ["1", "11", "9,09%", "≥ 50%", "1,09", "6"]  # min(6, 6 × (1/11) / 0.5)
    assert row_of(html, "t-the-diem", "1.1 ")[3:6] == ["không có dữ liệu", "—", "không có dữ liệu"]
    assert row_of(html, "t-the-diem", "6.2 ")[3] == "không có dữ liệu"  # no PAKN: no ratio, 6 points
    # each group holds its own indicators, numbered in it: group 4 (payment) holds 766's 3.6, 3.5b, 3.5
    assert row_of(html, "t-the-diem", "4.1 ")[0].startswith("4.1 Hồ sơ thanh toán trực tuyến")
    assert row_of(html, "t-the-diem", "4.1 ")[1:4] == ["1", "11", "9,09%"]
    assert row_of(html, "t-the-diem", "2.2 ")[1:3] == ["6,15 ngày", "8"]  # 4,251,600 s / 8 / 86,400
    assert row_of(html, "t-the-diem", "2. Tiến độ")[5:8] == ["12,73", "20", "chưa có điểm công bố"]
    assert row_of(html, "t-the-diem", "Tổng điểm")[7] == "chưa có điểm công bố"
    # each indicator explains itself in Vietnamese, with the numbers that went in
    assert (
        "Tỷ lệ = 7 hồ sơ giải quyết trước hạn, đúng hạn hoặc còn trong hạn ở cuối kỳ ÷ 11 hồ sơ kết thúc trong "
        "kỳ (trừ hồ sơ công dân rút) và hồ sơ còn đang giải quyết ở cuối kỳ = 63,64%. Điểm = 20 × tỷ lệ = "
        "12,73/20. Nguồn: Quyết định 766/QĐ-TTg, chỉ số 2.1."
    ) in html
    assert "Điểm = 6 × tỷ lệ ÷ 50%, tối đa 6 = 1,09/6." in html and "Nguồn: Quyết định 766/QĐ-TTg, chỉ số 3.6." in html
    assert "Numerator" not in html and "denominator" not in html


def test_the_plain_counts_of_march(client, people, march):
    counts = plain_counts(page(client, people["head"]).content.decode())
    assert {
        key: counts[key]
        for key in (
            "Tiếp nhận trong kỳ",
            "Tiếp nhận trực tiếp",
            "Tiếp nhận trực tuyến",
            "Tiếp nhận qua bưu chính",
            "Kỳ trước chuyển sang",
            "Giải quyết trước hạn",
            "Giải quyết đúng hạn",
            "Giải quyết quá hạn",
            "Đang giải quyết trong hạn",
            "Đang giải quyết quá hạn",
            "Đã trả kết quả",
            "Từ chối giải quyết",
            "Công dân rút hồ sơ",
            "Phải bổ sung",
            "Số lần yêu cầu bổ sung",
        )
    } == {
        "Tiếp nhận trong kỳ": "11",
        "Tiếp nhận trực tiếp": "9",
        "Tiếp nhận trực tuyến": "1",
        "Tiếp nhận qua bưu chính": "1",
        "Kỳ trước chuyển sang": "1",
        "Giải quyết trước hạn": "4",
        "Giải quyết đúng hạn": "2",
        "Giải quyết quá hạn": "2",
        "Đang giải quyết trong hạn": "1",
        "Đang giải quyết quá hạn": "2",
        "Đã trả kết quả": "2",
        "Từ chối giải quyết": "1",
        "Công dân rút hồ sơ": "1",
        "Phải bổ sung": "2",
        "Số lần yêu cầu bổ sung": "3",
    }
    assert counts["Thời gian giải quyết trung bình (ngày)"] == "6,15"


def test_an_agency_with_nothing_shows_no_data_never_a_rate(client, people, province, march):
    html = page(client, people["monitor"], **{"co-quan": province["construction"].code}).content.decode()
    assert row_of(html, "t-the-diem", "2.1 ")[1:4] == ["0", "0", "không có dữ liệu"]
    assert row_of(html, "t-the-diem", "3.3 ")[3:6] == ["không có dữ liệu", "≥ 50%", "không có dữ liệu"]


def test_the_official_score_stands_beside_ours(client, people, province, march):
    justice = province["justice"]

    def record(group, score, **where):
        return OfficialRecord.objects.create(
            group=group,
            department_code=where.pop("code", "H44.15"),
            period_start=dt.date(2026, 3, 1),
            period_end=dt.date(2026, 3, 31),
            score=Decimal(score),
            max_score=Decimal(20),
            **where,
        )

    record("progress", "15.2", agency=justice)
    html = page(client, people["head"]).content.decode()
    assert row_of(html, "t-the-diem", "2. Tiến độ")[5:8] == ["12,73", "20", "15,20"]
    assert row_of(html, "t-the-diem", "1. Công khai")[7] == "chưa có điểm công bố"
    assert row_of(html, "t-the-diem", "Tổng điểm")[7] == "chưa có điểm công bố"  # five groups still missing
    for group, score in zip([g for g in GROUP_CODES if g != "progress"], ["10", "5.5", "6", "12.25", "15"]):
        record(group, score, agency=justice)
    html = page(client, people["head"]).content.decode()
    assert row_of(html, "t-the-diem", "Tổng điểm")[7] == "63,95"  # 15,2 + 10 + 5,5 + 6 + 12,25 + 15
    assert "Điểm công bố: 63,95/100" in html
    # another period, or the province as a whole, has no published score yet
    assert "Điểm công bố: chưa có" in page(client, people["head"], thang=2).content.decode()
    assert "Điểm công bố: chưa có" in page(client, people["monitor"]).content.decode()
    record("progress", "18", is_root=True, code="H44")
    assert row_of(page(client, people["monitor"]).content.decode(), "t-the-diem", "2. Tiến độ")[7] == "18,00"


# ---- every number opens exactly its list ----


@pytest.mark.parametrize("who", ["head", "monitor"])
def test_every_number_opens_the_list_of_exactly_what_it_counts(client, people, march, commune_march, march_pakn, who):
    html = page(client, people[who]).content.decode()
    found = drill_links(html)
    kinds = {href.split("loai=")[1].split("&")[0] for href, _ in found}
    assert kinds == {"ho-so", "thu-tuc", "pakn"} and len(found) > 80
    assert any(number > 0 for href, number in found if "loai=pakn" in href)
    checked = {}
    for href, number in found:
        if href not in checked:
            response = client.get(href)
            assert response.status_code == 200, href
            checked[href] = list_count(response.content.decode())
        assert checked[href] == number, f"{href}: the page shows {number}, the list holds {checked[href]}"


def test_the_ranking_rolls_sub_agencies_up_and_orders_by_the_on_time_rate(
    client, people, province, applicant, march, commune_march
):
    from motcua.agencies.models import Agency
    from motcua.dossiers import lifecycle
    from motcua.dossiers.tests.fixtures import make_procedure

    # an office under the Department of Justice, with a dossier of its own received in March and done early
    office = Agency.objects.create(
        code="000.10.10.H44", name="Phòng Hành chính tư pháp", level="department", parent=province["justice"]
    )
    version = make_procedure("2.000001", "Chứng thực bản sao từ bản chính", 1, "working_days", [office])
    dossier = lifecycle.register(
        actor=people["desk"],
        version=version,
        receiving_agency=province["centre"],
        applicant=applicant,
        channel="direct",
        at=vn("2026-03-03 09:00"),
    )
    lifecycle.receive(dossier.pk, actor=people["desk"], at=vn("2026-03-03 09:00"))
    clerk = staff("office_head", (office, "head"))
    lifecycle.submit_for_approval(dossier.pk, actor=clerk, at=vn("2026-03-03 14:00"))
    lifecycle.approve(dossier.pk, actor=clerk, at=vn("2026-03-03 14:00"))
    lifecycle.issue_result(dossier.pk, actor=clerk, summary="Bản sao chứng thực", at=vn("2026-03-03 15:00"))

    html = page(client, people["monitor"]).content.decode()
    names = [row[1] for row in table_rows(html, "t-xep-hang")[1:] if len(row) > 1]
    assert "Phòng Hành chính tư pháp" not in names
    assert names == [
        "Sở Tư pháp",
        "Sở Nông nghiệp và Môi trường",
        "Sở Xây dựng",  # no data last, by name
        "Trung tâm Phục vụ hành chính công tỉnh",
        "UBND phường Việt Trì",
    ]
    assert row_naming(html, "t-xep-hang", "Sở Tư pháp")[:5] == ["1", "Sở Tư pháp", "12", "8", "66,67%"]
    assert row_naming(html, "t-xep-hang", "UBND phường Việt Trì")[:5] == [
        "1",
        "UBND phường Việt Trì",
        "3",
        "1",
        "33,33%",
    ]
    assert row_naming(html, "t-xep-hang", "Sở Xây dựng")[0] == "—"  # nothing handled: no rank, no rate
    assert row_naming(html, "t-xep-hang", "Sở Xây dựng")[4] == "không có dữ liệu"
    href = next(
        href
        for href, number in drill_links(html)
        if f"co-quan={province['justice'].code}" in href and "chi-so=handled" in href
    )
    assert list_count(client.get(href).content.decode()) == 12


def test_ranks_go_by_the_rate_then_by_the_number_of_dossiers():
    from types import SimpleNamespace

    from motcua.dashboard.ranking import Rank, ordered
    from motcua.indicators.figures import Totals

    def rank(name, early, late):
        return Rank(SimpleNamespace(name=name), Totals(sums={"finished_early": early, "finished_late": late}))

    items = [rank("A", 1, 1), rank("B", 0, 0), rank("C", 9, 1), rank("D", 18, 2), rank("E", 1, 0)]
    assert [r.agency.name for r in ordered(items, "on_time")] == ["E", "D", "C", "A", "B"]


def test_the_overdue_list_shows_the_first_ones_and_links_to_all(client, people, march):
    html = page(client, people["head"]).content.decode()
    codes = [row[1] for row in table_rows(html, "t-qua-han")[1:]]
    from motcua.dossiers.models import Dossier

    assert sorted(codes) == sorted(
        Dossier.objects.filter(pk__in=[march["supplement_twice"], march["overdue_open"]]).values_list("code", flat=True)
    )
    assert f'href="/can-bo/ho-so/{codes[0]}/"' in html


def test_a_list_is_paginated_fifty_a_page(client, people, province, five_days, applicant):
    from motcua.dossiers import lifecycle

    for day in range(55):
        at = vn("2026-03-02 08:00") + dt.timedelta(minutes=day)
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=at,
        )
        lifecycle.receive(dossier.pk, actor=people["desk"], at=at)
    first = page(client, people["head"], LIST, **{"chi-so": "received"}).content.decode()
    assert list_count(first) == 55 and len(table_rows(first, "t-danh-sach")) == 51 and "Trang 1/2" in first
    second = page(client, people["head"], LIST, **{"chi-so": "received", "trang": 2}).content.decode()
    assert len(table_rows(second, "t-danh-sach")) == 6 and table_rows(second, "t-danh-sach")[1][0] == "51"


def test_procedure_and_pakn_lists(client, people, march, march_pakn, five_days):
    procedures = page(client, people["head"], LIST, loai="thu-tuc", **{"chi-so": "fee"}).content.decode()
    assert list_count(procedures) == 1 and "Cấp Phiếu lý lịch tư pháp" in procedures
    assert 'href="/thu-tuc/3.000333/"' in procedures
    conduct = page(client, people["head"], LIST, loai="pakn", **{"chi-so": "pakn_conduct"}).content.decode()
    assert list_count(conduct) == 1 and "PAKN về hành vi cán bộ: " in conduct


# ---- cost ----


def test_the_dashboard_costs_the_same_queries_for_more_dossiers(
    client, people, province, five_days, applicant, march, django_assert_max_num_queries
):
    from motcua.dossiers import lifecycle

    client.force_login(people["monitor"])
    with django_assert_max_num_queries(24) as first:
        assert client.get(DASHBOARD, MARCH).status_code == 200
    for minute in range(30):
        at = vn("2026-03-12 08:00") + dt.timedelta(minutes=minute)
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="online" if minute % 2 else "direct",
            at=at,
        )
        lifecycle.receive(
            dossier.pk, actor=people["desk"], at=at, received_lines=[line.pk for line in five_days.documents.all()]
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(DASHBOARD, MARCH).status_code == 200


def test_a_list_page_costs_the_same_queries_for_more_rows(
    client, people, province, five_days, applicant, march, django_assert_max_num_queries
):
    from motcua.dossiers import lifecycle

    client.force_login(people["head"])
    url = {**MARCH, "chi-so": "received"}
    with django_assert_max_num_queries(7) as first:
        client.get(LIST, url)
    for minute in range(40):
        at = vn("2026-03-12 08:00") + dt.timedelta(minutes=minute)
        dossier = lifecycle.register(
            actor=people["desk"],
            version=five_days,
            receiving_agency=province["centre"],
            applicant=applicant,
            channel="direct",
            at=at,
        )
        lifecycle.receive(dossier.pk, actor=people["desk"], at=at)
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert list_count(client.get(LIST, url).content.decode()) == 51


# ---- navigation ----


def test_the_office_menu_offers_the_dashboard_to_heads_and_monitors_only(client, people):
    for who, shown in [("head", True), ("monitor", True), ("specialist", False)]:
        client.force_login(people[who])
        assert ('href="/bang-dieu-khien/"' in client.get("/can-bo/").content.decode()) is shown, who
