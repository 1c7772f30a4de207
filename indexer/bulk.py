"""Bulk requests for the loader: encoded once, chunked ahead of Elasticsearch, retried on 429.

Each action arrives as ``(action, body)``: the action line as a dict and the document
already serialised as one NDJSON line (bytes, newline included) or None for a delete.
``chunks`` encodes the action line once and groups the payloads by count and bytes (the
same limits as ``helpers.streaming_bulk``); ``prefetch`` builds the next chunks in a
background thread while Elasticsearch indexes this one; ``send`` posts a chunk as one
``bytes`` body and asks only for what the tally reads (``filter_path``).

Why not ``helpers.streaming_bulk``: it takes ``str`` bodies, so every document was
decoded, measured, joined and encoded again, and it decoded every item's full response.
At 100k profiles that was ~35% of the loader's own CPU (docs/benchmarks.md), CPU the
node needs on a two-core box. The retry rules below are the helper's.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator

import orjson
from elasticsearch import Elasticsearch, TransportError

BulkAction = tuple[dict, bytes | None]  # (action line, NDJSON document line or None)
Chunk = list[bytes]  # one payload per action: its action line and document line

# What the tally reads from each item; the rest of the response is never decoded.
FILTER_PATH = "items.*._id,items.*.status,items.*.result,items.*.error"


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


def chunks(actions: Iterable[BulkAction], chunk_size: int, max_bytes: int) -> Iterator[Chunk]:
    """Payloads grouped into requests of at most ``chunk_size`` actions and ``max_bytes``."""
    chunk: Chunk = []
    size = 0
    for action, body in actions:
        payload = orjson.dumps(action, option=orjson.OPT_APPEND_NEWLINE)
        if body is not None:
            payload += body
        if chunk and (size + len(payload) > max_bytes or len(chunk) == chunk_size):
            yield chunk
            chunk, size = [], 0
        chunk.append(payload)
        size += len(payload)
    if chunk:
        yield chunk


def send(
    es: Elasticsearch,
    chunks: Iterable[Chunk],
    *,
    max_retries: int,
    initial_backoff: float,
    max_backoff: float,
    request_timeout: float,
) -> Iterator[tuple[bool, str, dict]]:
    """``(ok, op, item)`` for every action, in order; items refused with 429 (or a whole
    request refused with 429) are sent again after a doubling back-off, ``max_retries``
    times, as ``helpers.streaming_bulk`` does. Any other transport error is raised."""
    for chunk in chunks:
        pending = chunk
        for attempt in range(max_retries + 1):
            if attempt:
                time.sleep(min(max_backoff, initial_backoff * 2 ** (attempt - 1)))
            try:
                response = es.bulk(
                    body=b"".join(pending), filter_path=FILTER_PATH, request_timeout=request_timeout
                )
            except TransportError as error:
                if attempt == max_retries or error.status_code != 429:
                    raise
                continue
            retry = []
            for payload, item in zip(pending, response["items"], strict=True):  # one per action
                ((op, result),) = item.items()
                status = result.get("status", 500)
                if status == 429 and attempt < max_retries:
                    retry.append(payload)
                else:
                    yield 200 <= status < 300, op, result
            if not retry:
                break
            pending = retry
