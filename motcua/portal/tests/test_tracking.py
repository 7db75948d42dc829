import pytest
from django.urls import reverse


pytestmark = pytest.mark.django_db


def test_tracking_needs_the_code_and_the_phone_or_id(client, received):
    url = reverse("portal:tracking")
    found = client.get(url, {"ma": received.code, "xac_minh": "0912345678"})
    text = found.content.decode()
    assert found.status_code == 200 and "Được tiếp nhận" in text and "09:00 09/03/2026" in text
    assert "Sở Tư pháp" in text and "Tiếp nhận" in text
    assert client.get(url, {"ma": received.code, "xac_minh": "025090001234"}).status_code == 200
    wrong = client.get(url, {"ma": received.code, "xac_minh": "0999999999"})
    assert wrong.status_code == 404 and received.code in wrong.content.decode()  # echoed input only
    assert "Sở Tư pháp" not in wrong.content.decode()


def test_tracking_is_rate_limited_per_client(client, received):
    url = reverse("portal:tracking")
    statuses = [client.get(url, {"ma": f"X-{i}", "xac_minh": "0912345678"}).status_code for i in range(12)]
    assert statuses[:10] == [404] * 10 and statuses[10:] == [429, 429]
    assert "quá nhiều lần" in client.get(url, {"ma": received.code, "xac_minh": "0912345678"}).content.decode()
