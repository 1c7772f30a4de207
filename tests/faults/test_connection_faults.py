"""The app's connections to the node when the node misbehaves below HTTP: a node that takes
connections and never answers, and kept-alive connections the node (or a proxy) closed."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator

import pytest
from conftest import make_app

from directory.settings import settings
from faults.fault_helpers import DelayingProxy

API = "/api/v1/physicians?q=sciatica"


@pytest.fixture
def frozen_node() -> Iterator[str]:
    """A port that takes connections (the kernel completes them) but never reads or answers."""
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(16)
        yield f"http://127.0.0.1:{listening.getsockname()[1]}"


def test_a_node_that_never_answers_is_a_504_within_the_timeout(search_alias, frozen_node):
    app = make_app(search_alias, ELASTICSEARCH_URL=frozen_node, ELASTICSEARCH_TIMEOUT=0.5,
                   SEARCH_EVENTS_ENABLED=False)  # fmt: skip
    with app.app_context():
        app.extensions["search"].warm()  # the parser's tables, as gunicorn builds them at start
    client = app.test_client()
    for path, status in ((API, 504), ("/search?q=sciatica", 504), ("/readyz", 503)):
        started = time.monotonic()
        response = client.get(path)
        elapsed = time.monotonic() - started
        assert response.status_code == status, path
        assert elapsed < 2, f"{path} waited {elapsed:.1f}s with a 0.5s timeout"
    assert "Search is taking too long" in client.get("/search?q=sciatica").get_data(as_text=True)


def test_a_kept_alive_connection_the_node_closed_is_replaced_without_a_failure(
    search_alias, caplog
):
    shared = str(settings()["ELASTICSEARCH_URL"]).split(",")[0]
    with DelayingProxy(shared) as proxy:
        app = make_app(search_alias, ELASTICSEARCH_URL=proxy.url, SEARCH_EVENTS_ENABLED=False)
        client = app.test_client()
        assert [client.get(API).status_code for _ in range(3)] == [200] * 3
        assert proxy.accepted == 1  # one connection, kept alive between searches
        proxy.drop_connections()  # the node restarted, or a proxy timed the idle one out
        time.sleep(0.2)
        with caplog.at_level(logging.WARNING, logger="elasticsearch"):
            response = client.get(API)
        app.extensions["elasticsearch"].close()
    assert response.status_code == 200 and response.get_json()["results"]
    # Not sent on the closed connection, failed, logged and retried: a new one at once.
    assert [r.getMessage() for r in caplog.records if r.name == "elasticsearch"] == []
    assert proxy.accepted == 2
