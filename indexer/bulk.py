"""Reading ahead of Elasticsearch: the next bulk chunk is prepared while this one indexes."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator


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
