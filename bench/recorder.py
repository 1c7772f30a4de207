"""Record the exact Elasticsearch requests the app makes, to replay them without the app.

``recording(es)`` wraps the client's HTTP connections, so what is recorded is what went
over the wire: method, path with its query string, and the body bytes the client
serialised (JSON, or NDJSON for ``_msearch``). ``RecordedRequest.line`` writes one
request per line for ``bench/replay.lua``: wrk sends it again as is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

FIELD = "\t"  # method, path and body are tab-separated on a line
# NDJSON bodies (_msearch) span lines: a replay line keeps them apart with this separator,
# which never occurs in JSON text (control characters are escaped inside JSON strings).
BODY_LINE = "\x1f"


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # with the query string, e.g. /physicians/_search?typed_keys=true
    body: str = ""

    @classmethod
    def sent(cls, method: str, url: str, params: dict | None, body) -> RecordedRequest:
        """What a client connection was asked to send (``Connection.perform_request``)."""
        query = urlencode(sorted((params or {}).items()))
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        return cls(method, f"{url}?{query}" if query else url, body or "")

    @property
    def line(self) -> str:
        """One line of a replay file: ``METHOD<TAB>PATH<TAB>BODY``."""
        if FIELD in self.path or "\n" in self.path:
            raise ValueError(f"a path with a tab or newline cannot be replayed: {self.path!r}")
        body = self.body.rstrip("\n")
        if BODY_LINE in body or FIELD in body:
            raise ValueError("a body with a tab or a unit separator cannot be replayed")
        return FIELD.join((self.method, self.path, body.replace("\n", BODY_LINE)))

    @classmethod
    def from_line(cls, line: str) -> RecordedRequest:
        method, path, body = line.rstrip("\n").split(FIELD)
        body = body.replace(BODY_LINE, "\n")
        # An NDJSON body ends with a newline (the client sends one; ES requires it).
        if "\n" in body:
            body += "\n"
        return cls(method, path, body)

    @property
    def endpoint(self) -> str:
        """The API called, e.g. ``_search`` or ``_msearch`` (the last path segment)."""
        return self.path.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


class Recorder:
    """Requests in the order they were sent, grouped by ``mark``: one group per search."""

    def __init__(self) -> None:
        self.groups: list[list[RecordedRequest]] = [[]]

    def add(self, request: RecordedRequest) -> None:
        self.groups[-1].append(request)

    def mark(self) -> None:
        """Start the next group (the next search)."""
        if self.groups[-1]:
            self.groups.append([])

    @property
    def requests(self) -> list[RecordedRequest]:
        return [request for group in self.groups for request in group]

    def per_group(self) -> list[int]:
        return [len(group) for group in self.groups if group]


@contextmanager
def recording(es, recorder: Recorder | None = None) -> Iterator[Recorder]:
    """Record every request ``es`` sends while the block runs (then unwrap the connections)."""
    recorder = recorder or Recorder()
    connections = list(es.transport.connection_pool.connections)
    originals = [connection.perform_request for connection in connections]

    def wrap(original):
        def perform_request(method, url, params=None, body=None, *args, **kwargs):
            recorder.add(RecordedRequest.sent(method, url, params, body))
            return original(method, url, params, body, *args, **kwargs)

        return perform_request

    for connection, original in zip(connections, originals, strict=True):
        connection.perform_request = wrap(original)
    try:
        yield recorder
    finally:
        for connection, original in zip(connections, originals, strict=True):
            connection.perform_request = original
