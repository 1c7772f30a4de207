"""Loading physician records into Elasticsearch: rebuild behind the alias, or upsert.

A stream: records (documents or rejections) → bulk actions → ``streaming_bulk``.
Nothing holds the file in memory; every rejection and every per-document bulk
error is counted with its reason (and NPI) in the ``LoadReport``.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import orjson
from elasticsearch import Elasticsearch, helpers

from directory.indices import vocabulary_alias
from directory.store.curation import merge_curated
from directory.vocabulary import Vocabulary
from indexer import lifecycle
from indexer.document import build_document
from indexer.mapping import SERVING_SETTINGS, physician_index_body, vocabulary_index_body
from indexer.records import Rejection
from indexer.synonyms import physician_synonyms, vocabulary_documents

CHUNK_SIZE = 1000  # ~1-2 MB per request with our documents: measured best in bench/.
MAX_CHUNK_BYTES = 10 * 1024 * 1024
RETRIES_ON_429 = 8  # with backoff 0.5s doubling to 30s: rides out minutes of queue pressure.
DEACTIVATED = "skipped: deactivated"


@dataclass(frozen=True)
class BulkError:
    npi: str
    reason: str


@dataclass
class LoadReport:
    mode: str
    index: str | None = None
    read: int = 0
    indexed: int = 0
    deleted: int = 0
    results: Counter = field(default_factory=Counter)  # created / updated / noop
    rejected: Counter = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    errors: list[BulkError] = field(default_factory=list)
    elapsed: float = 0.0

    KEEP_EXAMPLES = 1000  # rejections kept verbatim; beyond that only counted.

    @property
    def docs_per_second(self) -> float:
        return self.indexed / self.elapsed if self.elapsed else 0.0

    def reject(self, rejection: Rejection) -> None:
        self.rejected[rejection.category] += 1
        if len(self.rejections) < self.KEEP_EXAMPLES:
            self.rejections.append(rejection)

    def as_text(self) -> str:
        lines = [
            f"{self.mode}: read {self.read}, indexed {self.indexed}, rejected "
            f"{sum(self.rejected.values())}, bulk errors {len(self.errors)}, "
            f"deleted {self.deleted}, "
            f"elapsed {self.elapsed:.1f}s, {self.docs_per_second:,.0f} docs/s"
            + (f", index {self.index}" if self.index else "")
        ]
        if self.results:
            lines.append(
                "  results: " + ", ".join(f"{k} {v}" for k, v in sorted(self.results.items()))
            )
        lines += [f"  rejected ({n}): {reason}" for reason, n in self.rejected.most_common()]
        lines += [f"  bulk error: NPI {e.npi}: {e.reason}" for e in self.errors[:50]]
        return "\n".join(lines)


class LoadFailed(RuntimeError):
    """A rebuild did not complete; the alias was left untouched."""


ProgressFn = Callable[[int], None]


BulkAction = tuple[dict, str | None]  # (action line, pre-serialised body line or None)


def _json(value: dict) -> str:
    return orjson.dumps(value).decode()


def _actions(
    records: Iterable[dict | Rejection],
    vocabulary: Vocabulary,
    report: LoadReport,
    index: str,
    upsert: bool,
    progress: ProgressFn | None,
) -> Iterator[BulkAction]:
    """Records → (action, body) pairs, serialised here: this runs in the prefetch thread."""
    for record in records:
        report.read += 1
        if progress and report.read % 1000 == 0:
            progress(report.read)
        if isinstance(record, Rejection):
            report.reject(record)
            if upsert and record.npi and record.reason == DEACTIVATED:
                yield {"delete": {"_index": index, "_id": record.npi}}, None
            continue
        doc = build_document(record, vocabulary)
        if upsert:
            body = _json({"doc": doc, "doc_as_upsert": True})
            yield {"update": {"_index": index, "_id": doc["npi"]}}, body
        else:
            # "create": a second profile with the same NPI (from another file) is an error,
            # not a silent overwrite.
            yield {"create": {"_index": index, "_id": doc["npi"]}}, _json(doc)


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


_END = object()


def prefetch(items: Iterable, size: int) -> Iterator:
    """Produce ``items`` in a background thread, at most ``size`` ahead of the consumer.

    Reading and transforming the next chunk overlaps with Elasticsearch indexing the
    current one (the HTTP wait releases the GIL); memory stays bounded by ``size``.
    A failure in the producer is raised in the consumer.
    """
    buffer: queue.Queue = queue.Queue(maxsize=size)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                buffer.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_END)
        except BaseException as error:  # handed to the consumer, not lost in the thread
            put(_Failed(error))

    threading.Thread(target=produce, name="load-prefetch", daemon=True).start()
    try:
        while True:
            item = buffer.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()


def _already_expanded(action: BulkAction) -> BulkAction:
    return action


def _bulk(
    es: Elasticsearch, actions: Iterable[BulkAction], report: LoadReport, chunk_size: int
) -> None:
    for ok, item in helpers.streaming_bulk(
        es,
        prefetch(actions, 2 * chunk_size),
        expand_action_callback=_already_expanded,
        chunk_size=chunk_size,
        max_chunk_bytes=MAX_CHUNK_BYTES,
        max_retries=RETRIES_ON_429,
        initial_backoff=0.5,
        max_backoff=30,
        raise_on_error=False,
        yield_ok=True,
        request_timeout=120,
    ):
        op, result = next(iter(item.items()))
        if op == "delete":
            report.deleted += int(result.get("result") == "deleted")
            continue
        if ok:
            report.indexed += 1
            report.results[result.get("result", "created")] += 1
        else:
            report.errors.append(BulkError(npi=str(result.get("_id")), reason=_reason(result)))


def _reason(result: dict) -> str:
    error = result.get("error")
    if isinstance(error, dict):
        return f"{error.get('type')}: {error.get('reason')}"
    return str(error or f"status {result.get('status')}")


def rebuild(
    es: Elasticsearch,
    alias: str,
    records: Iterable[dict | Rejection],
    vocabulary: Vocabulary,
    progress: ProgressFn | None = None,
    chunk_size: int = CHUNK_SIZE,
    max_errors: int = 100,
) -> LoadReport:
    """Load into a fresh index and swap the alias only if it verifies; else leave all as it was."""
    started = time.perf_counter()
    report = LoadReport(mode="rebuild")
    lifecycle.delete_orphans(es, alias)
    index = lifecycle.new_index_name(alias)
    report.index = index
    es.indices.create(index=index, **physician_index_body(physician_synonyms(vocabulary)))
    try:
        _bulk(es, _actions(records, vocabulary, report, index, False, progress), report, chunk_size)
        if len(report.errors) > max_errors:
            raise LoadFailed(f"{len(report.errors)} documents failed (limit {max_errors})")
        if report.indexed == 0:
            raise LoadFailed("no documents were accepted; refusing to serve an empty index")
        es.indices.put_settings(index=index, body=SERVING_SETTINGS)
        es.indices.refresh(index=index)
        count = es.count(index=index)["count"]
        if count != report.indexed:
            raise LoadFailed(f"index holds {count} documents, expected {report.indexed}")
        es.cluster.health(index=index, wait_for_status="yellow", timeout="60s")
        lifecycle.swap(es, alias, index)
    except BaseException:
        es.indices.delete(index=index, ignore_unavailable=True)
        raise
    report.elapsed = time.perf_counter() - started
    return report


def upsert(
    es: Elasticsearch,
    alias: str,
    records: Iterable[dict | Rejection],
    vocabulary: Vocabulary,
    progress: ProgressFn | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> LoadReport:
    """Update profiles in place by NPI (unchanged ones are no-ops), delete deactivated ones."""
    started = time.perf_counter()
    live = lifecycle.indices_of(es, alias)
    if not live:
        raise LoadFailed(f"alias '{alias}' does not exist; run a --rebuild first")
    report = LoadReport(mode="upsert", index=live[0])
    _bulk(es, _actions(records, vocabulary, report, live[0], True, progress), report, chunk_size)
    es.indices.refresh(index=live[0])
    report.elapsed = time.perf_counter() - started
    return report


def rebuild_vocabulary(
    es: Elasticsearch, alias: str, vocabulary: Vocabulary, curated: Mapping | None = None
) -> int:
    """Rebuild the small condition/specialty index behind ``<alias>-vocabulary``.

    ``curated`` (``directory.store.curation.curated_terms``) adds staff-mapped match keys.
    """
    target = vocabulary_alias(alias)
    lifecycle.delete_orphans(es, target)
    index = lifecycle.new_index_name(target)
    es.indices.create(index=index, **vocabulary_index_body())
    try:
        actions = (
            {"_index": index, "_id": f"{d['kind']}:{d['id']}", "_source": d}
            for d in merge_curated(vocabulary_documents(vocabulary), curated or {})
        )
        indexed, errors = helpers.bulk(es, actions, refresh=True, raise_on_error=True)
        es.indices.put_settings(index=index, body=SERVING_SETTINGS)
        lifecycle.swap(es, target, index)
    except BaseException:
        es.indices.delete(index=index, ignore_unavailable=True)
        raise
    return indexed
