"""bench/recorder.py: what the capacity benchmark replays is exactly what the app sent."""

from __future__ import annotations

import pytest

from bench.recorder import RecordedRequest, Recorder

SEARCH = RecordedRequest("POST", "/physicians/_search", '{"query":{"match_all":{}}}')
MSEARCH = RecordedRequest(
    "POST", "/_msearch?typed_keys=true", '{"index":"a"}\n{"size":1}\n{"index":"b"}\n{}\n'
)


def test_a_json_request_survives_a_replay_line_unchanged():
    assert RecordedRequest.from_line(SEARCH.line) == SEARCH
    assert SEARCH.line.count("\t") == 2


def test_an_ndjson_body_stays_on_one_line_and_comes_back_with_its_newlines():
    assert "\n" not in MSEARCH.line
    assert RecordedRequest.from_line(MSEARCH.line + "\n") == MSEARCH


def test_a_body_that_would_break_the_line_format_is_refused_not_garbled():
    with pytest.raises(ValueError):
        _ = RecordedRequest("POST", "/x/_search", '{"a":1}\t{"b":2}').line
    with pytest.raises(ValueError):
        _ = RecordedRequest("GET", "/x/_doc/1\t2").line


def test_what_a_connection_sends_becomes_a_path_with_its_query_string():
    sent = RecordedRequest.sent("POST", "/p/_search", {"size": "1", "from": "0"}, b'{"q":1}')
    assert sent == RecordedRequest("POST", "/p/_search?from=0&size=1", '{"q":1}')
    assert RecordedRequest.sent("HEAD", "/_alias/p", None, None) == RecordedRequest(
        "HEAD", "/_alias/p", ""
    )
    assert sent.endpoint == "_search"
    assert MSEARCH.endpoint == "_msearch"


def test_requests_are_grouped_per_search_and_empty_groups_are_not_counted():
    recorder = Recorder()
    recorder.mark()
    recorder.add(SEARCH)
    recorder.mark()
    recorder.mark()
    recorder.add(SEARCH)
    recorder.add(MSEARCH)
    assert recorder.per_group() == [1, 2]
    assert recorder.requests == [SEARCH, SEARCH, MSEARCH]
