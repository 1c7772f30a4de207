"""bench/recorder.py against the real node: the bytes recorded are the bytes the client sent."""

from __future__ import annotations

import json

import pytest
from elasticsearch import exceptions as es_errors

from bench.recorder import recording


def test_recording_keeps_the_request_exactly_as_the_client_sent_it(es):
    es.info()  # the client's one-time product check is not part of what we record
    body = {"query": {"term": {"npi": "1234567893"}}, "size": 2}
    with recording(es) as recorder, pytest.raises(es_errors.NotFoundError):
        es.search(index="no-such-index-recorder", **body, typed_keys=True)
    (sent,) = recorder.requests
    path, query = sent.path.split("?")
    assert (sent.method, path, query) == (
        "POST",
        "/no-such-index-recorder/_search",
        "typed_keys=true",
    )
    assert json.loads(sent.body) == body
    # Unwrapped afterwards: later requests are not recorded.
    with pytest.raises(es_errors.NotFoundError):
        es.search(index="no-such-index-recorder", **body)
    assert len(recorder.requests) == 1
