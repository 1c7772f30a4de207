"""The API's rate-limit counts: kept per worker without a thread per search, and a client
who stopped searching is forgotten (app/rate_limits.py)."""

from __future__ import annotations

import threading
import time

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from app.config import WEB_DEFAULTS
from app.rate_limits import SweptMemoryStorage


def test_the_default_storage_is_the_swept_one():
    storage = storage_from_string(str(WEB_DEFAULTS["RATELIMIT_STORAGE_URI"]))
    assert isinstance(storage, SweptMemoryStorage)


def test_counting_searches_starts_no_thread(monkeypatch):
    storage = SweptMemoryStorage()
    started = []
    original = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda t: started.append(t) or original(t))
    limiter, limit = FixedWindowRateLimiter(storage), RateLimitItemPerMinute(120)
    for _ in range(50):
        storage.timer.join()  # limits' own sweeper would start a new one now
        storage._next_sweep = 0.0  # due every time: the sweep itself runs inline
        assert limiter.hit(limit, "10.0.0.1")
    assert started == []
    assert limiter.get_window_stats(limit, "10.0.0.1").remaining == 70


def test_the_limit_still_refuses_the_hit_after_it():
    limiter, limit = FixedWindowRateLimiter(SweptMemoryStorage()), RateLimitItemPerMinute(3)
    assert [limiter.hit(limit, "10.0.0.2") for _ in range(4)] == [True, True, True, False]
    assert limiter.hit(limit, "10.0.0.3")  # another client has its own count


def test_a_client_who_stopped_searching_is_forgotten(monkeypatch):
    storage = SweptMemoryStorage()
    storage.incr("gone", expiry=60)
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    storage._next_sweep = 0.0
    storage.incr("here", expiry=60)
    assert "gone" not in storage.storage and "gone" not in storage.expirations
    assert storage.get("here") == 1
