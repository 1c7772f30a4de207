"""Rate-limit counts kept in each worker's memory, swept on the request's own thread.

limits' ``memory://`` storage sweeps expired counts on a ``threading.Timer`` 10 ms after a
hit, and starts a new Timer whenever the last one has finished: under load, about one new
thread for every API search, ~0.3 ms of CPU a search (docs/benchmarks.md, nineteenth
pass). ``memory-swept://`` is the same storage, the same counts, windows, headers and 429s
(a fixed window's count already expires when it is read), with the sweep that frees
clients who never came back run inline at most once a second. ``RATELIMIT_STORAGE_URI``
can still name ``memory://`` or a shared ``redis://`` store.
"""

from __future__ import annotations

import threading
import time

from limits.storage import MemoryStorage


class SweptMemoryStorage(MemoryStorage):
    """``MemoryStorage`` without a thread per hit (registered as ``memory-swept://``)."""

    STORAGE_SCHEME = ["memory-swept"]
    SWEEP_EVERY_SECONDS = 1.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str):
        self._next_sweep = 0.0
        self._sweeping = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    # MemoryStorage calls this (name-mangled) hook on every hit to start its Timer thread.
    def _MemoryStorage__schedule_expiry(self) -> None:
        now = time.monotonic()
        if now < self._next_sweep or not self._sweeping.acquire(blocking=False):
            return
        try:
            self._next_sweep = now + self.SWEEP_EVERY_SECONDS
            self._MemoryStorage__expire_events()
        finally:
            self._sweeping.release()
