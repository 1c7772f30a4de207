"""How the loader splits a load into bulk requests: every document sent once, in order,
as the NDJSON Elasticsearch expects, and no request over its count or byte limit. Pure code."""

from __future__ import annotations

import orjson

from indexer.bulk import chunks
from indexer.load import ndjson_line


def _actions(count: int, bio: str = "x"):
    for n in range(count):
        npi = f"10000000{n:02d}"
        yield (
            {"create": {"_index": "physicians-1", "_id": npi}},
            ndjson_line({"npi": npi, "bio": bio}),
        )


def test_every_document_is_sent_once_in_order_as_action_and_source_lines():
    requests = list(chunks(_actions(25), chunk_size=10, max_bytes=10 * 1024 * 1024))
    assert [len(r) for r in requests] == [10, 10, 5]
    lines = b"".join(b"".join(r) for r in requests).splitlines()
    assert len(lines) == 50
    actions, sources = map(orjson.loads, lines[0::2]), map(orjson.loads, lines[1::2])
    ids = [a["create"]["_id"] for a in actions]
    assert ids == [s["npi"] for s in sources] == [f"10000000{n:02d}" for n in range(25)]


def test_a_request_stays_under_the_byte_limit_and_a_lone_large_document_still_goes():
    limit = 1000
    requests = list(chunks(_actions(12, bio="y" * 300), chunk_size=1000, max_bytes=limit))
    assert sum(len(r) for r in requests) == 12
    assert all(sum(map(len, r)) <= limit for r in requests)
    huge = list(chunks(_actions(2, bio="z" * 2000), chunk_size=1000, max_bytes=limit))
    assert [len(r) for r in huge] == [1, 1]  # each alone over the limit: sent, one per request


def test_a_delete_has_no_source_line():
    (request,) = chunks([({"delete": {"_index": "physicians-1", "_id": "1000000004"}}, None)],
                        chunk_size=10, max_bytes=1000)  # fmt: skip
    assert request == [b'{"delete":{"_index":"physicians-1","_id":"1000000004"}}\n']
