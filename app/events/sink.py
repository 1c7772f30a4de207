"""A bounded in-process queue and one background writer: search events to Elasticsearch.

``put`` never blocks and never raises: when the queue is full the event is dropped and
counted, and when Elasticsearch refuses or cannot be reached the batch is dropped and
counted. A search never waits for its event. The writer thread starts on the first event
(after gunicorn forks its workers), batches events, and prunes months past retention.

The writer wakes every ``linger_seconds`` (or as soon as a batch is full) and takes what is
waiting; a search only appends to a deque. A ``queue.Queue`` woke the writer for every
event, a thread switch and a contended GIL on each search (docs/benchmarks.md).
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable

from elasticsearch import Elasticsearch, NotFoundError, helpers

from app.events.documents import OpenEvent, SearchEvent, search_document
from app.events.mapping import events_alias, events_index_body, expired_indices, month_index

log = logging.getLogger(__name__)

# A result opened again from the same list (a reload, the back button, a second tab) is
# the same open: a rank already counted for the search changes nothing. The rank names the
# physician on that list, so this is once per search and NPI, and nothing else is stored.
OPEN_SCRIPT = (
    "if (ctx._source.open_ranks != null && ctx._source.open_ranks.contains(params.rank)) {"
    " ctx.op = 'noop'; } else {"
    " ctx._source.opens = (ctx._source.opens == null ? 0 : ctx._source.opens) + 1;"
    " if (ctx._source.open_ranks == null) { ctx._source.open_ranks = []; }"
    " ctx._source.open_ranks.add(params.rank); }"
)
PRUNE_EVERY_SECONDS = 6 * 3600


class EventSink:
    def __init__(
        self,
        client: Callable[[], Elasticsearch],
        alias: str,
        queue_size: int = 10_000,
        batch_size: int = 500,
        linger_seconds: float = 0.5,
        retention_days: int = 180,
    ) -> None:
        self._client_factory = client
        self.alias = alias
        self.retention_days = retention_days
        self._waiting: deque = deque()  # appends and pops are atomic: no lock on a search
        self._queue_size = queue_size
        self._batch_size = batch_size
        self._linger = linger_seconds
        self._wake = threading.Event()  # a full batch, a flush, or (linger 0) any event
        self._writing = False  # a batch taken from ``_waiting`` and not yet written or dropped
        self._idle = threading.Condition()  # notified when the writer has taken everything
        self._counts: Counter = Counter()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._known_indices: set[str] = set()
        self._pruned_at = float("-inf")

    # The request side: O(1), never blocks, never raises.
    def put(self, event: SearchEvent | OpenEvent) -> bool:
        if self._thread is None:
            self._start()
        if len(self._waiting) >= self._queue_size:
            self._counts["dropped_full"] += 1
            return False
        self._waiting.append(event)
        self._counts["queued"] += 1
        if self._linger <= 0 or len(self._waiting) >= self._batch_size:
            self._wake.set()
        return True

    def counters(self) -> dict[str, int]:
        counts = {k: self._counts[k] for k in ("queued", "written", "dropped_full", "failed")}
        return counts | {"waiting": len(self._waiting)}

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every queued event was written or dropped (tests, shutdown)."""
        self._wake.set()
        with self._idle:
            return self._idle.wait_for(lambda: not self._waiting and not self._writing, timeout)

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="search-events", daemon=True)
                self._thread.start()
                atexit.register(self.flush, 2.0)

    # The writer side: one thread per process.
    def _run(self) -> None:
        client = self._client_factory()
        while True:
            self._wake.wait(self._linger if self._linger > 0 else None)
            self._wake.clear()
            while self._waiting:
                self._writing = True  # before taking, so a flush never sees nothing at all
                batch = [self._waiting.popleft() for _ in range(self._batch_size) if self._waiting]
                try:
                    self._write(client, batch)
                except Exception as error:  # noqa: BLE001 - nothing may kill the writer
                    self._counts["failed"] += len(batch)
                    log.warning("search events: dropped %d (%s)", len(batch), type(error).__name__)
            with self._idle:
                self._writing = False
                self._idle.notify_all()

    def _write(self, client: Elasticsearch, batch: list) -> None:
        if time.monotonic() - self._pruned_at > PRUNE_EVERY_SECONDS:
            self.prune(client)
        actions = [self._action(event) for event in batch]
        for index in {a["_index"] for a in actions} - self._known_indices:
            self._ensure_index(client, index)
        written, errors = helpers.bulk(client, actions, raise_on_error=False, stats_only=True)
        self._counts["written"] += written
        self._counts["failed"] += errors

    def _action(self, event: SearchEvent | OpenEvent) -> dict:
        action = {"_index": month_index(self.alias, event.search_id), "_id": event.search_id}
        if isinstance(event, SearchEvent):
            # Append-only: an update would make Elasticsearch read the document back first.
            return action | {"_op_type": "index", "_source": search_document(event)}
        # Opens are rare and come after their search (a person read the results first).
        script = {"source": OPEN_SCRIPT, "lang": "painless", "params": {"rank": event.rank}}
        return action | {
            "_op_type": "update",
            "retry_on_conflict": 3,
            "script": script,
            "upsert": {"opens": 1, "open_ranks": [event.rank]},
        }

    def _ensure_index(self, client: Elasticsearch, index: str) -> None:
        if not client.indices.exists(index=index):
            client.indices.create(index=index, **events_index_body(self.alias), ignore=400)
        self._known_indices.add(index)

    def prune(self, client: Elasticsearch) -> list[str]:
        """Delete whole months past the retention; returns the indices deleted."""
        try:
            names = client.indices.get(index=f"{events_alias(self.alias)}-*")
        except NotFoundError:
            names = {}
        expired = expired_indices(self.alias, names, self.retention_days)
        for name in expired:
            client.indices.delete(index=name, ignore=404)
            self._known_indices.discard(name)
        self._pruned_at = time.monotonic()
        if expired:
            log.info("search events: deleted %s (older than %d days)", expired, self.retention_days)
        return expired
