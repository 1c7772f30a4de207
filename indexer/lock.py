"""One loader at a time per alias: a lock document in Elasticsearch.

Two rebuilds of one alias would delete each other's new index (each cleans up
"orphans" first); a rollback during a rebuild would race its swap. So every command
that changes what an alias serves holds ``indexer-locks/_doc/<alias>``, created with
``op_type=create`` (only one create of an id can succeed), naming the holder (host,
process, command) and refreshed by a heartbeat while the load runs.

Stale-lock rule, for a loader that crashed or was killed: the lock is taken over when
its holder ran on this host and that process is gone, or when its heartbeat is older
than ``STALE_AFTER`` seconds (any host; assumes clocks within a minute of each other).
A takeover is itself conditional on the stale document's sequence number, so two
loaders that both find it stale can't both win.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from datetime import UTC, datetime

from elasticsearch import ConflictError, Elasticsearch, NotFoundError, TransportError

from indexer.errors import LoaderLocked, LoadFailed

LOCK_INDEX = "indexer-locks"
HEARTBEAT_SECONDS = 10.0
STALE_AFTER = 120.0  # twelve missed heartbeats
_INDEX_BODY = {
    "settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
    "mappings": {"dynamic": False, "properties": {}},  # read by id only, never searched
}


def patiently(call, attempts: int = 8):
    """``call()``, retried while the cluster answers 429 (its write queue is full), with
    the same backoff as the bulk loader: a busy cluster must not fail a load at its lock."""
    for attempt in range(attempts):
        try:
            return call()
        except TransportError as error:
            if error.status_code != 429 or attempt == attempts - 1:
                raise
            time.sleep(min(0.5 * 2**attempt, 30))
    raise AssertionError("unreachable")


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def stale_reason(holder: dict, now: float, stale_after: float = STALE_AFTER) -> str | None:
    """Why a lock can be taken over, or None while its holder may still be working."""
    if holder.get("host") == socket.gethostname() and not process_alive(int(holder["pid"])):
        return f"process {holder['pid']} on this host is no longer running"
    silent = now - float(holder.get("heartbeat", 0))
    if silent > stale_after:
        return f"no heartbeat for {silent:,.0f} s"
    return None


def describe(holder: dict) -> str:
    started = datetime.fromtimestamp(float(holder.get("started", 0)), UTC)
    return (
        f"{holder.get('command', 'a loader')} (process {holder.get('pid')} on "
        f"{holder.get('host')}, started {started:%Y-%m-%d %H:%M:%S} UTC)"
    )


class LoaderLock:
    """``with LoaderLock(es, alias, "load --rebuild"):`` holds the alias or raises LoaderLocked."""

    def __init__(self, es: Elasticsearch, alias: str, command: str = "load"):
        self.es, self.alias, self.command = es, alias, command
        self.token = uuid.uuid4().hex
        self.notes: list[str] = []  # a takeover is said aloud
        self.lost = False
        self._version: dict[str, int] = {}
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    def __enter__(self) -> LoaderLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def _body(self) -> dict:
        now = time.time()
        return {
            "alias": self.alias,
            "token": self.token,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "command": self.command,
            "started": getattr(self, "_started", now),
            "heartbeat": now,
        }

    def _keep(self, response: dict) -> None:
        self._version = {
            "if_seq_no": response["_seq_no"],
            "if_primary_term": response["_primary_term"],
        }

    def acquire(self) -> None:
        self._started = time.time()
        self.es.indices.create(index=LOCK_INDEX, **_INDEX_BODY, ignore=400)  # exists: fine
        try:
            self._keep(patiently(self._create))
        except ConflictError:
            self._take_over_if_stale()
        self._beat = threading.Thread(target=self._heartbeat, name="loader-lock", daemon=True)
        self._beat.start()

    def _take_over_if_stale(self) -> None:
        try:
            current = self.es.get(index=LOCK_INDEX, id=self.alias)
        except NotFoundError:  # released between our create and this read: try once more
            self._keep(patiently(self._create))
            return
        holder = current["_source"]
        why = stale_reason(holder, time.time())
        if why is None:
            raise LoaderLocked(f"alias '{self.alias}' is being loaded by {describe(holder)}")
        version = {"if_seq_no": current["_seq_no"], "if_primary_term": current["_primary_term"]}
        try:
            self._keep(patiently(lambda: self._replace(version)))
        except ConflictError:
            raise LoaderLocked(f"alias '{self.alias}' was just taken by another loader") from None
        self.notes.append(f"took over the loader lock of {describe(holder)}: {why}")

    def _create(self) -> dict:
        return self.es.create(index=LOCK_INDEX, id=self.alias, document=self._body())

    def _replace(self, version: dict[str, int]) -> dict:
        """Overwrite the lock only if it is still the version we saw."""
        return self.es.index(index=LOCK_INDEX, id=self.alias, document=self._body(), **version)

    def _heartbeat(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                self._keep(self._replace(self._version))
            except ConflictError:
                self.lost = True  # taken over: we were silent too long (paused, partitioned)
                return
            except TransportError:
                continue  # node away: the load itself will notice; beat again later

    def verify(self) -> None:
        """Raise LoadFailed unless this loader still holds the lock (checked before a swap)."""
        if self.lost:
            raise LoadFailed(f"lost the loader lock on '{self.alias}' to another loader")
        current = self.es.get(index=LOCK_INDEX, id=self.alias, ignore=404)
        if current.get("_source", {}).get("token") != self.token:
            raise LoadFailed(f"lost the loader lock on '{self.alias}' to another loader")

    def release(self) -> None:
        self._stop.set()
        if self._beat:
            self._beat.join(5)
        if not self._version or self.lost:
            return
        try:
            patiently(lambda: self.es.delete(index=LOCK_INDEX, id=self.alias, **self._version))
        except (ConflictError, NotFoundError):
            pass  # no longer ours
        except TransportError:
            pass  # node away: the stale-lock rule frees it for the next run
