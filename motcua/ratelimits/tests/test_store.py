"""The shared store: a database cache whose increment is atomic and whose culling never drops a live count; the growing
delays counted in it. The limits have their own table (test_limits.py)."""

import threading
import time

import pytest
from django.core.cache import caches
from django.db import connection

from motcua.ratelimits import backoff
from motcua.ratelimits.models import CacheEntry

pytestmark = pytest.mark.django_db


def store():
    return caches["ratelimit"]


def test_counts_live_in_the_database_table():
    store().add("k", 1, 60)
    assert store().incr("k") == 2 and store().decr("k", 2) == 0
    assert CacheEntry.objects.filter(cache_key__endswith=":k").count() == 1
    with pytest.raises(ValueError):
        store().incr("missing")


def test_an_expired_count_cannot_be_raised(monkeypatch):
    store().add("k", 5, 1)
    CacheEntry.objects.update(expires="2000-01-01T00:00:00Z")
    with pytest.raises(ValueError):
        store().incr("k")


def test_culling_removes_expired_rows_and_never_live_counts():
    cache = store()
    cache._max_entries = 5
    for i in range(8):
        cache.set(f"live-{i}", i, 600)
    cache.set("old", 1, 600)
    CacheEntry.objects.filter(cache_key__endswith=":old").update(expires="2000-01-01T00:00:00Z")
    cache.set("one-more", 1, 600)  # over MAX_ENTRIES: a cull runs first
    assert not CacheEntry.objects.filter(cache_key__endswith=":old").exists()
    assert [cache.get(f"live-{i}") for i in range(8)] == list(range(8))


@pytest.mark.django_db(transaction=True)
def test_concurrent_increments_lose_no_count():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are a PostgreSQL matter; SQLite serialises every write transaction")
    store().add("hits", 0, 60)
    barrier = threading.Barrier(8)

    def hit():
        try:
            barrier.wait()
            for _ in range(10):
                store().incr("hits")
        finally:
            connection.close()

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store().get("hits") == 80


POLICY = backoff.Policy("test", free=2, cap=8)


def test_each_failure_past_the_free_ones_doubles_the_wait(monkeypatch):
    clock = [time.time()]
    monkeypatch.setattr(backoff, "_now", lambda: clock[0])
    waits = []
    for _ in range(7):
        assert backoff.wait(POLICY, "hoa") == 0
        backoff.fail(POLICY, "hoa")
        waits.append(backoff.wait(POLICY, "hoa"))
        clock[0] += waits[-1]  # the next try comes as soon as it may
    assert waits == [0, 0, 1, 2, 4, 8, 8]  # capped
    assert backoff.wait(POLICY, "someone else") == 0


def test_a_success_starts_the_count_afresh(monkeypatch):
    for _ in range(4):
        backoff.fail(POLICY, "hoa")
    assert backoff.wait(POLICY, "hoa") > 0
    backoff.clear(POLICY, "hoa")
    assert backoff.wait(POLICY, "hoa") == 0
    backoff.fail(POLICY, "hoa")
    assert backoff.wait(POLICY, "hoa") == 0  # the first failure again, a free one


def test_a_claim_counts_the_attempt_before_it_is_made():
    assert [backoff.claim(POLICY, "hoa") for _ in range(2)] == [0, 0]
    assert backoff.claim(POLICY, "hoa") == 0  # the third attempt may go on: two failures are free
    assert backoff.claim(POLICY, "hoa") == 1  # but it counted: the fourth waits a second
    backoff.clear(POLICY, "hoa")
    assert backoff.claim(POLICY, "hoa") == 0
