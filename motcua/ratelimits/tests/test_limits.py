"""The fixed-window limits: one statement a request, counted apart per scope and client, afresh in each window, stored
under a keyed hash, and exact when many connections count one key at once (PostgreSQL)."""

import hashlib
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from motcua.ratelimits import limits
from motcua.ratelimits.models import WindowCount

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.1"


def request(address: str = ADDRESS):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.fixture
def clock(monkeypatch):
    """Seconds since the epoch as `allow` reads them; the test moves them. No purge unless a test asks for one."""
    moment = [1_780_000_000.0]
    monkeypatch.setattr(limits, "_now", lambda: moment[0])
    monkeypatch.setattr(limits, "_purge_due", lambda: False)
    return moment


def test_the_request_past_the_limit_is_refused(clock):
    assert [limits.allow(request(), "test", 3, 60) for _ in range(5)] == [True, True, True, False, False]


def test_a_new_window_starts_afresh(clock):
    end = limits.window_end(ADDRESS, 60, clock[0])
    clock[0] = end - 59  # the window's first second
    assert [limits.allow(request(), "test", 3, 60) for _ in range(4)] == [True, True, True, False]
    clock[0] = end + 0.9  # its last moment
    assert not limits.allow(request(), "test", 3, 60)
    clock[0] = end + 1  # the next window
    assert [limits.allow(request(), "test", 3, 60) for _ in range(4)] == [True, True, True, False]
    assert WindowCount.objects.get().window_end == datetime.fromtimestamp(end + 60, tz=UTC)


def test_windows_end_within_one_period_and_their_edges_differ_per_address(clock):
    ends = {limits.window_end(f"203.0.113.{n}", 3600, clock[0]) for n in range(50)}
    assert all(clock[0] <= end < clock[0] + 3600 for end in ends) and len(ends) > 40


def test_scopes_and_addresses_are_counted_apart(clock):
    assert [limits.hit(request(), "tracking", 60) for _ in range(3)] == [1, 2, 3]
    assert limits.hit(request(), "rating", 60) == 1
    assert limits.hit(request("203.0.113.2"), "tracking", 60) == 1
    assert limits.hit(request(), "tracking", 60) == 4
    assert WindowCount.objects.count() == 3


def test_an_ipv6_client_is_counted_by_its_network(clock):
    assert limits.hit(request("2001:db8:1:2:aaaa::1"), "test", 60) == 1
    assert limits.hit(request("2001:db8:1:2:bbbb::9"), "test", 60) == 2
    assert limits.hit(request("2001:db8:1:3::1"), "test", 60) == 1


def test_a_trusted_proxy_counts_each_client_apart(clock, settings):
    settings.MOTCUA_TRUSTED_PROXIES = ["10.0.0.5"]
    forwarded = RequestFactory().post("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.7")
    assert limits.hit(forwarded, "test", 60) == 1 and limits.hit(request("198.51.100.7"), "test", 60) == 2
    assert limits.hit(request("10.0.0.5"), "test", 60) == 1


def test_each_request_costs_one_statement_and_none_counts_the_table(clock):
    limits.allow(request(), "test", 3, 60)  # an existing row, then a new one
    for address in (ADDRESS, "203.0.113.2"):
        with CaptureQueriesContext(connection) as captured:
            limits.allow(request(address), "test", 3, 60)
        assert len(captured) == 1 and "COUNT(" not in captured[0]["sql"].upper()


def test_the_stored_key_names_no_address(clock):
    for address in (ADDRESS, "2001:db8:1:2::7"):
        limits.allow(request(address), "test", 3, 60)
    keys = list(WindowCount.objects.values_list("key", flat=True))
    assert len(keys) == 2 and all(len(key) == 64 and set(key) <= set("0123456789abcdef") for key in keys)
    assert not any("203.0.113" in key or "2001" in key for key in keys)
    # keyed: not the plain hash anyone could compute for every IPv4 address
    assert hashlib.sha256(f"test {ADDRESS}".encode()).hexdigest() not in keys


def test_rows_a_day_past_their_window_are_removed_now_and_then(clock, monkeypatch):
    now = datetime.fromtimestamp(clock[0], tz=UTC)
    WindowCount.objects.bulk_create(
        [
            WindowCount(key="old", window_end=now - timedelta(days=1, seconds=1), count=5),
            WindowCount(key="ended", window_end=now - timedelta(hours=23), count=5),
            WindowCount(key="live", window_end=now + timedelta(seconds=30), count=5),
        ]
    )
    monkeypatch.setattr(limits, "_purge_due", lambda: True)
    with CaptureQueriesContext(connection) as captured:
        assert limits.allow(request(), "test", 3, 60)
    assert len(captured) == 2 and all("COUNT(" not in query["sql"].upper() for query in captured)
    assert sorted(WindowCount.objects.values_list("key", flat=True)) == sorted(
        ["ended", "live", limits.key("test", ADDRESS)]
    )


def test_the_purge_is_bounded(clock, monkeypatch):
    monkeypatch.setattr(limits, "PURGE_BATCH", 3)
    monkeypatch.setattr(limits, "_purge_due", lambda: True)
    old = datetime.fromtimestamp(clock[0], tz=UTC) - timedelta(days=2)
    WindowCount.objects.bulk_create([WindowCount(key=f"old-{n}", window_end=old, count=1) for n in range(5)])
    limits.allow(request(), "test", 3, 60)
    assert WindowCount.objects.filter(window_end=old).count() == 2


def test_the_tracking_page_refuses_the_eleventh_lookup_in_a_minute_then_serves_the_next_minute(clock, client):
    def look_up(n: int):
        return client.post("/tra-cuu/", {"ma": f"000.01.01.H44-260302-{n:04d}", "xac_minh": "0912345678"})

    clock[0] = limits.window_end("127.0.0.1", 60, clock[0]) - 59
    assert [look_up(n).status_code for n in range(10)] == [404] * 10
    refused = look_up(10)
    assert refused.status_code == 429 and "Bạn tra cứu quá nhiều lần trong một phút" in refused.content.decode()
    clock[0] += 60
    assert look_up(11).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_many_connections_counting_one_key_lose_no_count(clock):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers are a PostgreSQL matter; SQLite serialises every write")
    threads_count, hits_each = 8, 25
    barrier = threading.Barrier(threads_count)
    counts: list[int] = []

    def count():
        try:
            barrier.wait()
            mine = [limits.hit(request(), "test", 60) for _ in range(hits_each)]
            counts.extend(mine)  # list.extend is atomic under the GIL
        finally:
            connection.close()

    threads = [threading.Thread(target=count) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # every hit saw its own number: no two read the same count, none was lost
    assert sorted(counts) == list(range(1, threads_count * hits_each + 1))
    assert WindowCount.objects.get().count == threads_count * hits_each
