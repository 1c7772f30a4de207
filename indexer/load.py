"""Loading physician records into Elasticsearch: rebuild behind the alias, or upsert.

A stream: records (documents or rejections) → bulk actions → ``streaming_bulk``.
Nothing holds the file in memory; every record is counted once in a :class:`Tally`,
and every per-document bulk error is kept with its NPI. Each load holds the alias's
:class:`LoaderLock` and passes the safety gates (``indexer.gates``) before it swaps
the alias or deletes anything.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping

import orjson
from elasticsearch import Elasticsearch, TransportError, helpers

from directory.indices import vocabulary_alias
from directory.store.curation import merge_curated
from directory.vocabulary import Vocabulary
from indexer import gates, lifecycle
from indexer.bulk import BulkAction, chunks, prefetch, send
from indexer.document import build_document
from indexer.errors import LoadFailed, LoadRefused
from indexer.lock import LoaderLock
from indexer.mapping import (
    SERVING_SETTINGS,
    VOCABULARY_FINGERPRINT,
    physician_index_body,
    vocabulary_index_body,
)
from indexer.records import Category, Record, Rejection
from indexer.synonyms import physician_synonyms, vocabulary_documents
from indexer.tally import BulkError, Tally

CHUNK_SIZE = 1000  # ~1-2 MB per request with our documents: measured best in bench/.
MAX_CHUNK_BYTES = 10 * 1024 * 1024
RETRIES_ON_429 = 8  # with backoff 0.5s doubling to 30s: rides out minutes of queue pressure.

ProgressFn = Callable[[int], None]
VocabularyStep = Callable[[Elasticsearch, str, Vocabulary], object]

__all__ = ["LoadFailed", "LoadRefused", "rebuild", "rebuild_all", "rebuild_vocabulary", "upsert"]


def ndjson_line(value: dict) -> bytes:
    """One NDJSON line, as bytes: it goes into the request body as it is."""
    return orjson.dumps(value, option=orjson.OPT_APPEND_NEWLINE)


def _counted(records: Iterable[Record], tally: Tally, progress: ProgressFn | None):
    for record in records:
        tally.add(record)
        if progress and tally.read % 1000 == 0:
            progress(tally.read)
        yield record


def _create_actions(records: Iterable[Record], vocabulary: Vocabulary, index: str):
    """Rebuild: "create", so a second profile with an NPI can never overwrite the first."""
    for record in records:
        if isinstance(record, dict):
            yield (
                {"create": {"_index": index, "_id": record["npi"]}},
                ndjson_line(build_document(record, vocabulary)),
            )


def _update_actions(
    records: Iterable[Record], vocabulary: Vocabulary, index: str, deactivated: list[str]
) -> Iterator[BulkAction]:
    """Upsert: update in place by NPI; deactivated NPIs are set aside for the gated delete."""
    for record in records:
        if isinstance(record, Rejection):
            if record.category is Category.DEACTIVATED and record.npi:
                deactivated.append(record.npi)
            continue
        body = ndjson_line({"doc": build_document(record, vocabulary), "doc_as_upsert": True})
        yield {"update": {"_index": index, "_id": record["npi"]}}, body


def _bulk(es: Elasticsearch, actions: Iterable[BulkAction], tally: Tally, chunk_size: int) -> None:
    requests = chunks(actions, chunk_size, MAX_CHUNK_BYTES)
    for ok, op, result in send(
        es,
        prefetch(requests, 2),  # the next chunks are built while this one indexes
        max_retries=RETRIES_ON_429,
        initial_backoff=0.5,
        max_backoff=30,
        request_timeout=120,
    ):
        if op == "delete":
            tally.deleted += int(result.get("result") == "deleted")
        elif ok:
            tally.indexed += 1
            tally.results[result.get("result", "created")] += 1
        else:
            tally.errors.append(BulkError(npi=str(result.get("_id")), reason=_reason(result)))


def _reason(result: dict) -> str:
    error = result.get("error")
    if isinstance(error, dict):
        return f"{error.get('type')}: {error.get('reason')}"
    return str(error or f"status {result.get('status')}")


def _live_count(es: Elasticsearch, alias: str) -> int | None:
    return es.count(index=alias)["count"] if lifecycle.indices_of(es, alias) else None


def _pass_gates(tally: Tally, policy: gates.Gates, *, live: int | None, kept: int) -> None:
    refusals = policy.check(tally, live=live, kept=kept)
    tally.notes += gates.override_notes(refusals)
    if blocking := gates.blocking(refusals):
        raise LoadRefused("; ".join(r.message for r in blocking), tally)


def _delete_quietly(es: Elasticsearch, index: str) -> None:
    try:
        es.indices.delete(index=index, ignore_unavailable=True)
    except TransportError:
        pass  # the node went away too: the next load deletes it as an orphan


def _rebuild_physicians(es, alias, records, vocabulary, lock, *, policy, progress, chunk_size,
                        max_errors) -> Tally:  # fmt: skip
    started = time.perf_counter()
    tally = Tally(mode="rebuild")
    lifecycle.delete_orphans(es, alias)
    index = tally.index = lifecycle.new_index_name(alias)
    es.indices.create(index=index, **physician_index_body(physician_synonyms(vocabulary)))
    try:
        actions = _create_actions(_counted(records, tally, progress), vocabulary, index)
        _bulk(es, actions, tally, chunk_size)
        if len(tally.errors) > max_errors:
            raise LoadFailed(f"{len(tally.errors)} documents failed (limit {max_errors})", tally)
        _pass_gates(tally, policy, live=_live_count(es, alias), kept=tally.indexed)
        es.indices.put_settings(index=index, body=SERVING_SETTINGS)
        es.indices.refresh(index=index)
        count = es.count(index=index)["count"]
        if count != tally.indexed:
            raise LoadFailed(f"index holds {count} documents, expected {tally.indexed}", tally)
        es.cluster.health(index=index, wait_for_status="yellow", timeout="60s")
        lock.verify()
        lifecycle.swap(es, alias, index)
    except BaseException:
        _delete_quietly(es, index)
        raise
    tally.elapsed = time.perf_counter() - started
    return tally


def rebuild(
    es: Elasticsearch,
    alias: str,
    records: Iterable[Record],
    vocabulary: Vocabulary,
    progress: ProgressFn | None = None,
    *,
    policy: gates.Gates = gates.DEFAULT,
    chunk_size: int = CHUNK_SIZE,
    max_errors: int = 100,
) -> Tally:
    """Load into a fresh index and swap the alias only if it verifies and passes the gates;
    otherwise leave everything as it was. Physicians only: ``rebuild_all`` adds the vocabulary."""
    return rebuild_all(es, alias, records, vocabulary, progress, policy=policy,
                       chunk_size=chunk_size, max_errors=max_errors, command="rebuild",
                       vocabulary_step=_no_vocabulary)  # fmt: skip


def _no_vocabulary(es: Elasticsearch, alias: str, vocabulary: Vocabulary) -> None:
    """The vocabulary step of a physicians-only rebuild."""


def rebuild_all(
    es: Elasticsearch,
    alias: str,
    records: Iterable[Record],
    vocabulary: Vocabulary,
    progress: ProgressFn | None = None,
    *,
    policy: gates.Gates = gates.DEFAULT,
    chunk_size: int = CHUNK_SIZE,
    max_errors: int = 100,
    command: str = "load --rebuild",
    vocabulary_step: VocabularyStep | None = None,
) -> Tally:
    """Physicians, then the vocabulary: the one way a directory is built from scratch.

    In this order so a failed or refused load never leaves a vocabulary ahead of the
    physicians it describes. ``vocabulary_step`` is ``rebuild_vocabulary`` unless the
    caller brings staff curation (the CLI: ``indexer.curated.rebuild_curated_vocabulary``).
    """
    with LoaderLock(es, alias, command) as lock:
        tally = _rebuild_physicians(es, alias, records, vocabulary, lock, policy=policy,
                                    progress=progress, chunk_size=chunk_size,
                                    max_errors=max_errors)  # fmt: skip
        (vocabulary_step or rebuild_vocabulary)(es, alias, vocabulary)
    tally.notes = lock.notes + tally.notes
    return tally


def upsert(
    es: Elasticsearch,
    alias: str,
    records: Iterable[Record],
    vocabulary: Vocabulary,
    progress: ProgressFn | None = None,
    *,
    policy: gates.Gates = gates.DEFAULT,
    chunk_size: int = CHUNK_SIZE,
) -> Tally:
    """Update profiles in place by NPI (unchanged ones are no-ops), then delete deactivated
    ones, but only if the load passes the gates: a bad export deletes nothing."""
    started = time.perf_counter()
    with LoaderLock(es, alias, "load --upsert") as lock:
        live = lifecycle.indices_of(es, alias)
        if not live:
            raise LoadFailed(f"alias '{alias}' does not exist; run a --rebuild first")
        tally = Tally(mode="upsert", index=live[0], notes=list(lock.notes))
        before = es.count(index=alias)["count"]
        deactivated: list[str] = []
        actions = _update_actions(_counted(records, tally, progress), vocabulary, live[0],
                                  deactivated)  # fmt: skip
        _bulk(es, actions, tally, chunk_size)
        es.indices.refresh(index=live[0])
        kept = before + tally.results["created"] - len(deactivated)
        try:
            _pass_gates(tally, policy, live=before, kept=kept)
        except LoadRefused as refused:
            # The writes happened as the rows were read; only the deletes can be held back.
            raise LoadRefused(
                str(refused), tally, changed=_written_in_place(tally, alias, len(deactivated)),
                kept="nothing written and nothing deleted",
            ) from None  # fmt: skip
        lock.verify()
        deletes = (({"delete": {"_index": live[0], "_id": npi}}, None) for npi in deactivated)
        _bulk(es, deletes, tally, chunk_size)
        es.indices.refresh(index=live[0])
    tally.elapsed = time.perf_counter() - started
    return tally


def _written_in_place(tally: Tally, alias: str, withheld: int) -> str:
    """What a refused upsert had already changed ('' when nothing), and what it held back."""
    if not tally.indexed:
        return ""
    kinds = (("created", "created"), ("updated", "updated"), ("noop", "unchanged"))
    results = ", ".join(f"{tally.results[k]:,} {said}" for k, said in kinds if tally.results[k])
    deletions = f"its {withheld:,} deletions" if withheld else "its deletions (none were due)"
    return (
        f"{tally.indexed:,} profiles written in place are live in '{alias}' now ({results}); "
        f"a safety gate then withheld {deletions}"
    )


def vocabulary_fingerprint(vocabulary: Vocabulary) -> str:
    """What the vocabulary index holds, before staff curation, as one digest."""
    return _fingerprint(list(vocabulary_documents(vocabulary)))


def _fingerprint(documents: list[dict]) -> str:
    ordered = sorted(documents, key=lambda d: (d["kind"], d["id"]))
    return hashlib.sha256(orjson.dumps(ordered, option=orjson.OPT_SORT_KEYS)).hexdigest()


def built_vocabulary_fingerprint(es: Elasticsearch, alias: str) -> str | None:
    """The fingerprint the live vocabulary index was built with; None when it has none
    (built before fingerprints, or missing)."""
    target = vocabulary_alias(alias)
    if not es.indices.exists_alias(name=target):
        return None
    mappings = es.indices.get_mapping(index=target)
    metas = [m.get("mappings", {}).get("_meta", {}) for m in mappings.values()]
    found = {m.get(VOCABULARY_FINGERPRINT) for m in metas}
    return found.pop() if len(found) == 1 else None


def rebuild_vocabulary(
    es: Elasticsearch, alias: str, vocabulary: Vocabulary, curated: Mapping | None = None
) -> int:
    """Rebuild the small condition/specialty index behind ``<alias>-vocabulary``.

    ``curated`` (``directory.store.curation.curated_terms``) adds staff-mapped match keys.
    """
    target = vocabulary_alias(alias)
    lifecycle.delete_orphans(es, target)
    index = lifecycle.new_index_name(target)
    documents = list(vocabulary_documents(vocabulary))
    es.indices.create(index=index, **vocabulary_index_body(_fingerprint(documents)))
    try:
        actions = (
            {"_index": index, "_id": f"{d['kind']}:{d['id']}", "_source": d}
            for d in merge_curated(documents, curated or {})
        )
        indexed, errors = helpers.bulk(es, actions, refresh=True, raise_on_error=True)
        es.indices.put_settings(index=index, body=SERVING_SETTINGS)
        lifecycle.swap(es, target, index)
    except BaseException:
        _delete_quietly(es, index)
        raise
    return indexed
