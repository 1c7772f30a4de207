"""The app when the search node fails: down, coming back, or too slow to answer.

A node of our own (port 9250) is stopped and restarted under the app: pages answer a
friendly 503 with Retry-After, the API a problem+json 503, /readyz 503, and the same app
object serves results again once the node is back. A delaying proxy in front of the
shared node plays a node that stalls: the app gives up within its timeout with a 504.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from conftest import make_app

from directory.settings import settings
from directory.vocabulary import default_vocabulary
from faults.fault_helpers import DelayingProxy, own_node
from indexer.demo import claims_from_vocabulary, generate
from indexer.load import rebuild_all

OUTAGE_PORT = 9250
ALIAS = "faults"
PAGE = "/search?q=sciatica"
API = "/api/v1/physicians?q=sciatica"
SUGGEST = "/api/v1/suggest?q=sci"


@pytest.fixture
def outage_node():
    with own_node(OUTAGE_PORT) as node:
        with node.client() as es:
            rebuild_all(es, ALIAS, generate(80, 21, claims_from_vocabulary()), default_vocabulary())
        yield node


def serves_results(client) -> bool:
    page, api, ready = client.get(PAGE), client.get(API), client.get("/readyz")
    return (page.status_code, api.status_code, ready.status_code) == (200, 200, 200) and bool(
        api.get_json()["results"]
    )


def assert_friendly_outage(client, status: int = 503) -> None:
    started = time.monotonic()
    page = client.get(PAGE)
    html = page.get_data(as_text=True)
    assert page.status_code == status and page.mimetype == "text/html"
    assert int(page.headers["Retry-After"]) > 0
    assert "temporarily unavailable" in html and "Traceback" not in html
    api = client.get(API)
    assert api.status_code == status
    assert api.headers["Content-Type"] == "application/problem+json"
    assert int(api.headers["Retry-After"]) > 0
    body = api.get_json(force=True)
    assert body["status"] == status and body["title"] and "Traceback" not in body["detail"]
    assert client.get(SUGGEST).status_code == status
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["status"] == "unavailable"
    assert "Retry-After" in ready.headers
    assert time.monotonic() - started < 8  # five answers, none waiting on a dead node


class Traffic:
    """Users searching in a loop (pages and API) while the node goes away under them."""

    def __init__(self, app):
        self.app = app
        self.statuses: Counter = Counter()
        self.tracebacks = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        client = self.app.test_client()
        while not self._stop.is_set():
            for path in (PAGE, API):
                response = client.get(path)
                self.statuses[response.status_code] += 1
                self.tracebacks += "Traceback" in response.get_data(as_text=True)

    def __enter__(self) -> Traffic:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(30)


def wait_until(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_node_outage_is_a_friendly_503_and_the_app_recovers_by_itself(outage_node):
    running = make_app(ALIAS, ELASTICSEARCH_URL=outage_node.url)
    client = running.test_client()
    assert serves_results(client)

    with Traffic(running) as traffic:
        assert wait_until(lambda: traffic.statuses[200] > 0)  # searching, and served
        outage_node.stop()  # mid-traffic
        time.sleep(1)
    assert traffic.statuses[200] > 0 and traffic.statuses[503] > 0, traffic.statuses
    assert set(traffic.statuses) <= {200, 503, 504}, traffic.statuses  # never a 500
    assert traffic.tracebacks == 0

    assert_friendly_outage(client)
    started_while_down = make_app(ALIAS, ELASTICSEARCH_URL=outage_node.url).test_client()
    assert_friendly_outage(started_while_down)

    outage_node.start()  # same data folder: the index comes back with the node
    # Nobody restarts the app: the same app objects serve results again.
    assert wait_until(lambda: serves_results(client)), "the running app did not recover"
    assert wait_until(lambda: serves_results(started_while_down))


@pytest.fixture
def stalling(search_alias):
    shared_node = str(settings()["ELASTICSEARCH_URL"]).split(",")[0]
    with DelayingProxy(shared_node) as proxy:
        app = make_app(search_alias, ELASTICSEARCH_URL=proxy.url, ELASTICSEARCH_TIMEOUT=1)
        yield proxy, app.test_client()
        app.extensions["elasticsearch"].transport.close()


def timed(client, path: str):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


@pytest.mark.parametrize("path", [API, SUGGEST, "/api/v1/physicians/1740283779"])
def test_a_stalling_node_is_a_504_within_the_time_budget(stalling, path):
    proxy, client = stalling
    assert client.get(path).status_code in (200, 404)  # through the proxy, at full speed
    proxy.delay = 10
    response, elapsed = timed(client, path)
    assert elapsed < 3, f"waited {elapsed:.1f}s with a 1s timeout"
    assert response.status_code == 504
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "Retry-After" not in response.headers  # only 429 and 503 say when to come back
    assert "too long" in response.get_json(force=True)["detail"]
    proxy.delay = 0
    assert client.get(path).status_code in (200, 404)  # no worker left hanging


def test_a_stalling_node_gives_the_page_a_504_and_readyz_a_503(stalling):
    proxy, client = stalling
    proxy.delay = 10
    page, elapsed = timed(client, PAGE)
    html = page.get_data(as_text=True)
    assert page.status_code == 504 and elapsed < 3
    assert "Search is taking too long" in html and "Traceback" not in html
    assert "Retry-After" not in page.headers
    ready, elapsed = timed(client, "/readyz")
    assert ready.status_code == 503 and elapsed < 3
    proxy.delay = 0
    assert client.get(PAGE).status_code == 200


def test_before_the_first_load_searches_are_a_friendly_503(es):
    # The node answers but nothing is loaded yet (a fresh cluster, or an alias deleted by hand).
    client = make_app("never-loaded-directory").test_client()
    assert_friendly_outage(client)
    assert client.get("/api/v1/physicians/1234567893").status_code == 503


@pytest.mark.slow
def test_an_outage_does_not_lock_api_clients_out_afterwards(outage_node):
    limited = make_app(ALIAS, ELASTICSEARCH_URL=outage_node.url, RATELIMIT_ENABLED=True,
                       API_RATE_LIMIT="3/minute")  # fmt: skip
    client = limited.test_client()
    try:
        assert client.get(API).status_code == 200
        outage_node.stop()
        # A client retrying through the outage: ten answers, all 503, none charged.
        assert [client.get(API).status_code for _ in range(10)] == [503] * 10
        outage_node.start()
        assert wait_until(lambda: client.get("/readyz").status_code == 200)
        back = client.get(API)
        assert back.status_code == 200 and back.get_json()["results"]  # not a 429
        assert "Retry-After" not in back.headers
    finally:
        make_app(ALIAS)  # the limiter is module-wide: off again for later tests
