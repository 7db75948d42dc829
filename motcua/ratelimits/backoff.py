"""Growing delays: each failure past the first few makes the next attempt wait longer, 1 s, 2 s, 4 s … up to a cap.

Used where someone may be guessing (a password, a recovery code): the wait slows guessing to a few tries an hour
while a person who mistyped hardly notices, and it ends by itself; there is no lock to hold, and the owner of an
account can always get in through password recovery, which starts the count afresh.

    policy = Policy("login-account", free=3, cap=900)
    wait(policy, value)    # seconds before the next attempt may be made, 0: now
    fail(policy, value)    # one more failure (the wait starts now)
    claim(policy, value)   # count an attempt before making it; 0 and it may go on, else the seconds to wait
    clear(policy, value)   # a success: the next failure is the first again

`value` is what the count is about (a login name, a client address); only a keyed hash of it is stored. The count of
failures is django-ratelimit's (`get_usage`, a fixed window of `policy.window` seconds, in the shared cache);
this module keeps beside it the moment of the last failure and a generation that `clear` moves on, so a success
starts a new count without reaching into the library's keys.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage

COUNT_LIMIT = 10**9  # django-ratelimit counts; the limit itself is ours (the delay), never the library's


@dataclass(frozen=True)
class Policy:
    name: str
    free: int  # failures that cost no wait
    cap: int  # seconds: the longest wait
    window: int = 24 * 3600  # failures are forgotten at the end of this window

    def delay(self, failures: int) -> int:
        """The wait after `failures` failures: none for the free ones, then 1, 2, 4 … seconds, at most `cap`."""
        if failures <= self.free:
            return 0
        return min(self.cap, 2 ** min(failures - self.free - 1, 40))


def _now() -> float:
    return time.time()


def _cache():
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


def _subject(policy: Policy, value: str) -> str:
    return salted_hmac("motcua.ratelimits.backoff", f"{policy.name}:{value}", algorithm="sha256").hexdigest()


def _generation(subject: str) -> int:
    return _cache().get(f"backoff:{subject}:gen", 0)


def _failures(policy: Policy, subject: str, generation: int, *, increment: bool) -> int | None:
    """The count of failures in the current window (with this one when `increment`); None if it cannot be read."""
    usage = get_usage(
        None,
        group=f"motcua:backoff:{policy.name}",
        key=lambda group, request: f"{subject}:{generation}",
        rate=(COUNT_LIMIT, policy.window),
        increment=increment,
    )
    if usage is None:  # RATELIMIT_ENABLE = False
        return 0
    if not usage["limit"]:  # the cache failed: django-ratelimit reports a limit of 0
        return None
    return usage["count"]


def _left(policy: Policy, subject: str, generation: int, failures: int | None) -> int:
    if failures is None:
        return policy.cap
    delay = policy.delay(failures)
    if not delay:
        return 0
    last = _cache().get(f"backoff:{subject}:{generation}:last")
    return max(0, math.ceil(last + delay - _now())) if last is not None else 0


def wait(policy: Policy, value: str) -> int:
    """Seconds before the next attempt about `value` may be made; 0: now."""
    subject = _subject(policy, value)
    generation = _generation(subject)
    return _left(policy, subject, generation, _failures(policy, subject, generation, increment=False))


def fail(policy: Policy, value: str) -> int:
    """Record a failure about `value`; returns the seconds the next attempt must wait."""
    subject = _subject(policy, value)
    generation = _generation(subject)
    failures = _failures(policy, subject, generation, increment=True)
    _cache().set(f"backoff:{subject}:{generation}:last", _now(), policy.window)
    return policy.cap if failures is None else policy.delay(failures)


def claim(policy: Policy, value: str) -> int:
    """Count an attempt about `value` before making it, as a failure until `clear` says otherwise.

    Returns 0 when the attempt may go on, else the seconds to wait. Two attempts that read the count at the same moment
    cannot both go on past the free ones: the count is raised atomically, and the one whose raise was not the next
    number waits (an attacker's parallel requests only lengthen their own wait).
    """
    subject = _subject(policy, value)
    generation = _generation(subject)
    before = _failures(policy, subject, generation, increment=False)
    left = _left(policy, subject, generation, before)
    if left:
        return left
    after = _failures(policy, subject, generation, increment=True)
    _cache().set(f"backoff:{subject}:{generation}:last", _now(), policy.window)
    if after is None:
        return policy.cap
    if after > policy.free and after != before + 1:
        return max(1, policy.delay(after - 1))
    return 0


def clear(policy: Policy, value: str) -> None:
    """A success about `value`: its failures are forgotten."""
    subject = _subject(policy, value)
    # The generation outlives every count made under the previous one (each dies with its window).
    _cache().set(f"backoff:{subject}:gen", _generation(subject) + 1, 2 * policy.window + 60)
