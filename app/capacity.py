"""Keep a thread free for the liveness probe while the search node stalls.

gunicorn's threaded workers serve each request on one of a worker's ``threads``. When
the search node freezes, every thread can end up waiting ``ELASTICSEARCH_TIMEOUT`` on it
and a liveness probe queues behind them (a probe measured /healthz at 9.5 s). So at most
``MAX_REQUESTS_IN_FLIGHT`` requests per process work at once (gunicorn.conf.py sets it
to threads − 1). One more waits up to ``SHED_AFTER_SECONDS`` for a place, and none at
all once the oldest request in flight has been running that long (the node is
stalling): it is answered 503 with Retry-After at once, which the API rate limit does
not count. ``/healthz``, static files and the favicon never count and never wait. 0
turns it off (the default outside gunicorn: the test client and ``flask run``).
"""

from __future__ import annotations

import threading
import time

from flask import Flask, g, request

from app.errors import SearchUnavailable

EXEMPT = frozenset({"health.healthz", "static", "favicon", None})  # None: no route, a 404
BUSY = "Search is busy with other requests right now. Please try again in a moment."


class InFlight:
    """A counted set of running requests that sheds newcomers when the oldest is stuck."""

    def __init__(self, limit: int, shed_after: float, clock=time.monotonic):
        self.limit, self.shed_after, self.clock = limit, shed_after, clock
        self._changed = threading.Condition()
        self._started: dict[object, float] = {}

    def enter(self) -> object | None:
        """A token to hand back to ``leave``, or None: shed this request."""
        token, deadline = object(), self.clock() + self.shed_after
        with self._changed:
            while len(self._started) >= self.limit:
                now = self.clock()
                stuck = now - min(self._started.values()) >= self.shed_after
                if stuck or now >= deadline:
                    return None
                self._changed.wait(deadline - now)
            self._started[token] = self.clock()
        return token

    def leave(self, token: object) -> None:
        with self._changed:
            self._started.pop(token, None)
            self._changed.notify()


def init_app(app: Flask) -> None:
    limit = int(app.config.get("MAX_REQUESTS_IN_FLIGHT") or 0)
    if limit <= 0:
        return
    in_flight = InFlight(limit, float(app.config.get("SHED_AFTER_SECONDS", 1.0)))

    @app.before_request
    def take_a_place() -> None:
        if request.endpoint in EXEMPT:
            return
        g.in_flight = in_flight.enter()
        if g.in_flight is None:
            raise SearchUnavailable(BUSY)

    @app.teardown_request
    def give_it_back(error: BaseException | None) -> None:
        token = g.pop("in_flight", None)
        if token is not None:
            in_flight.leave(token)
