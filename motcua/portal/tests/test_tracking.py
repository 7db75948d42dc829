import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_tracking_needs_the_code_and_the_phone_or_id(client, received):
    url = reverse("portal:tracking")
    found = client.post(url, {"ma": received.code, "xac_minh": "0912345678"})
    text = found.content.decode()
    assert found.status_code == 200 and "Được tiếp nhận" in text and "09:00 09/03/2026" in text
    assert "Sở Tư pháp" in text and "Tiếp nhận" in text
    assert client.post(url, {"ma": received.code, "xac_minh": "025090001234"}).status_code == 200
    wrong = client.post(url, {"ma": received.code, "xac_minh": "0999999999"})
    assert wrong.status_code == 404 and received.code in wrong.content.decode()  # echoed input only
    assert "Sở Tư pháp" not in wrong.content.decode()


@pytest.mark.parametrize(
    "code, secret",
    [
        ("000.01.01.h44-260302-0001", "0912345678"),
        (" 000.01.01.H44 - 260302 - 0001 ", "+84 912 345 678"),
        ("000.01.01.H44-260302-0001", "0912.345.678"),
        ("000.01.01.H44-260302-0001", "84912345678"),
        ("000.01.01.H44-260302-0001", " 025090001234 "),
    ],
)
def test_the_code_in_any_case_and_spacing_and_the_phone_as_people_write_it(client, received, code, secret):
    assert received.code == "000.01.01.H44-260302-0001"
    assert client.post(reverse("portal:tracking"), {"ma": code, "xac_minh": secret}).status_code == 200


def test_the_phone_never_travels_in_a_url(client, received):
    url = reverse("portal:tracking")
    page = client.get(url, {"ma": received.code, "xac_minh": "0912345678"})
    html = page.content.decode()
    assert page.status_code == 200 and 'method="post"' in html
    assert "Sở Tư pháp" not in html  # a URL with the phone finds nothing: the lookup needs the posted form
    assert f'value="{received.code}"' in html  # the code alone (the receipt's QR code) fills the form
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]


def test_tracking_is_rate_limited_per_client(client, received):
    url = reverse("portal:tracking")
    statuses = [client.post(url, {"ma": f"X-{i}", "xac_minh": "0912345678"}).status_code for i in range(12)]
    assert statuses[:10] == [404] * 10 and statuses[10:] == [429, 429]
    assert "quá nhiều lần" in client.post(url, {"ma": received.code, "xac_minh": "0912345678"}).content.decode()


def test_a_lookup_costs_a_fixed_few_statements_and_lists_what_was_asked(
    client, received, people, django_assert_max_num_queries
):
    from motcua.dossiers import lifecycle
    from motcua.dossiers.tests.fixtures import vn

    lifecycle.assign(received.pk, actor=people["head"], officer=people["specialist"], at=vn("2026-03-02 10:00"))
    lifecycle.request_supplement(
        received.pk,
        actor=people["specialist"],
        items=[{"item": "Giấy chứng sinh", "reason": "Ảnh mờ"}],
        at=vn("2026-03-03 10:00"),
    )
    url = reverse("portal:tracking")
    # the rate limit's count (5 with its transaction), the dossier, its public events, the asked items' data
    with django_assert_max_num_queries(9):
        found = client.post(url, {"ma": received.code, "xac_minh": "0912345678"})
    text = found.content.decode()
    assert found.status_code == 200 and "Giấy chứng sinh" in text and "Ảnh mờ" in text
    assert "Phân công" not in text  # an internal step stays internal
