"""Search events on a real node: what is stored and never is, opens, a frozen cluster, retention."""

from __future__ import annotations

import re
import socket
import time
from datetime import UTC, datetime

import pytest
from conftest import make_app, unique_alias

from app.events.mapping import events_alias, events_index_body

ALLOWED_FIELDS = {
    "kind", "hour", "channel", "text", "parts", "unplaced", "has_unplaced", "filters",
    "location", "location_kind", "radius", "sort", "total", "zero", "page",
    "opens", "open_ranks",
}  # fmt: skip
RESULT_LINK = re.compile(r'href="/physicians/(\d{10})\?(?:[^"]*&amp;)?from=(\w+)&amp;rank=(\d+)')


@pytest.fixture
def events_name(es):
    """Events of this test only (the shared test app records the other tests' searches)."""
    name = unique_alias("events")
    yield name
    es.indices.delete(index=f"{events_alias(name)}-*", ignore_unavailable=True)


@pytest.fixture
def events_app(search_alias, events_name):
    return make_app(search_alias, SEARCH_EVENTS_ALIAS=events_name)


def _stored(app, es) -> list[dict]:
    assert app.extensions["search_events"].flush(timeout=30)
    es.indices.refresh(index=events_alias(app.config["SEARCH_EVENTS_ALIAS"]))
    response = es.search(index=events_alias(app.config["SEARCH_EVENTS_ALIAS"]), size=100)
    return [hit["_source"] | {"_id": hit["_id"]} for hit in response["hits"]["hits"]]


def test_a_search_is_stored_redacted_coarse_and_anonymous(events_app, es):
    client = events_app.test_client()
    client.set_cookie("session", "not-to-be-recorded")
    response = client.get(
        "/search?q=Sciatica&location=06106&radius=10&language=Spanish",
        headers={"User-Agent": "Mozilla/5.0 (test browser)", "X-Forwarded-For": "203.0.113.9"},
    )
    assert response.status_code == 200
    [event] = _stored(events_app, es)
    assert set(event) - {"_id"} <= ALLOWED_FIELDS
    assert event["text"] == "sciatica" and event["channel"] == "web"
    assert "condition:sciatica" in event["parts"] and event["unplaced"] == []
    assert (event["location"], event["location_kind"], event["radius"]) == ("061", "zip3", 10)
    assert event["filters"] == ["language:Spanish"] and event["page"] == 1
    hour = datetime.fromisoformat(event["hour"])
    assert (hour.minute, hour.second) == (0, 0) and datetime.now(UTC) - hour
    flat = str(event)
    for secret in ("06106", "203.0.113.9", "Mozilla", "not-to-be-recorded", "41.7", "-72.6"):
        assert secret not in flat


def test_each_channel_is_told_apart_and_personal_text_never_stored(events_app, es):
    client = events_app.test_client()
    client.get("/search?q=knee+pain+call+860-555-1234&view=compact")
    client.get("/api/v1/physicians?q=qwxzzy+jane@example.org")
    events = {e["channel"]: e for e in _stored(events_app, es)}
    assert set(events) == {"compact", "api"}
    assert "[phone]" in events["compact"]["text"] and "555" not in str(events["compact"])
    assert events["api"]["text"] == "qwxzzy [email]"
    assert events["api"]["zero"] is True and events["api"]["unplaced"] == ["qwxzzy"]


TYPED_FIELDS = ("text", "unplaced", "parts", "filters")  # what can carry the words typed
# What a black-box check typed: each identifier, with the digits or words it must not leave.
IDENTIFIERS = {
    "card 4111 1111 1111 1111": ("card [number]", ["4111", "1111"]),
    "knee 4111-1111-1111-1111": ("knee [number]", ["4111", "1111"]),
    "knee 123 45 6789": ("knee [number]", ["123", "6789"]),
    "knee 1EG4-TE5-MK73": ("knee [number]", ["1eg4", "mk73"]),
    "knee 1EG4TE5MK73": ("knee [number]", ["1eg4"]),
    "knee +44 20 7946 0958": ("knee [phone]", ["7946", "0958"]),
    "knee 02/2024": ("knee [date]", ["2024"]),
    "knee jan 5": ("knee [date]", ["jan"]),
    "knee john.smith@gmail": ("knee [email]", ["john", "smith", "gmail"]),
    "knee 192.168.1.10": ("knee [ip]", ["192", "168"]),
}


def test_identifiers_never_reach_any_field_of_the_stored_event(events_app, es):
    client = events_app.test_client()
    for typed in IDENTIFIERS:
        assert client.get("/api/v1/physicians", query_string={"q": typed}).status_code == 200
    events = _stored(events_app, es)
    assert sorted(e["text"] for e in events) == sorted(text for text, _ in IDENTIFIERS.values())
    secrets = {secret for _, typed_secrets in IDENTIFIERS.values() for secret in typed_secrets}
    for event in events:
        flat = str([event[field] for field in TYPED_FIELDS]).lower()
        assert not [secret for secret in secrets if secret in flat], event


def test_a_search_shown_only_a_broader_specialty_counts_as_finding_no_one(events_app, es):
    """Curators learn which specialties people look for and do not find nearby, even
    though the page showed them a broader specialty instead of nothing."""
    client = events_app.test_client()
    body = client.get("/api/v1/physicians?q=hepatologist+near+hartford+ct").get_json()
    assert body["total"] > 0 and body["suggestions"][0]["kind"] == "broadened"
    [event] = _stored(events_app, es)
    assert event["zero"] is True and event["total"] == body["total"]
    assert event["text"] == "hepatologist near hartford ct"


def test_a_profile_opened_from_the_results_records_its_search_and_rank(events_app, es):
    client = events_app.test_client()
    page = client.get("/search?q=sciatica").get_data(as_text=True)
    links = RESULT_LINK.findall(page)
    assert [int(rank) for _, _, rank in links[:3]] == [1, 2, 3]
    npi, search_id, rank = links[2]
    assert client.get(f"/physicians/{npi}?from={search_id}&rank={rank}").status_code == 200
    assert client.get(f"/physicians/{npi}").status_code == 200  # a plain visit records nothing
    [event] = _stored(events_app, es)
    assert event["_id"] == search_id and event["opens"] == 1 and event["open_ranks"] == [3]
    assert event["text"] == "sciatica"


def test_reloading_a_profile_opened_from_the_results_counts_one_open(events_app, es):
    """Curators read how often a list led somewhere: a reload, the back button or a second
    tab on the same result is still one open; another result of the list is another."""
    client = events_app.test_client()
    page = client.get("/search?q=sciatica").get_data(as_text=True)
    links = RESULT_LINK.findall(page)
    for npi, search_id, rank in (links[2], links[2], links[2], links[0], links[2]):
        assert client.get(f"/physicians/{npi}?from={search_id}&rank={rank}").status_code == 200
    [event] = _stored(events_app, es)
    assert event["opens"] == 2 and sorted(event["open_ranks"]) == [1, 3]


def test_crawlers_and_bad_open_links_record_nothing(events_app, es):
    client = events_app.test_client()
    client.get("/search?q=sciatica", headers={"User-Agent": "Googlebot/2.1"})
    client.get("/physicians/1234567893?from=../../etc&rank=1")
    assert events_app.extensions["search_events"].counters()["queued"] == 0


@pytest.fixture
def frozen_node():
    """A port that accepts connections and never answers: a stopped (SIGSTOPped) node."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server
    server.close()


def test_searches_answer_while_the_event_cluster_is_frozen_and_drops_are_counted(
    search_alias, events_name, frozen_node
):
    app = make_app(
        search_alias,
        SEARCH_EVENTS_ALIAS=events_name,
        SEARCH_EVENTS_URL=f"http://127.0.0.1:{frozen_node.getsockname()[1]}",
        SEARCH_EVENTS_QUEUE_SIZE=1,
        SEARCH_EVENTS_TIMEOUT=60,
        SEARCH_EVENTS_LINGER_SECONDS=0,  # the writer takes what is queued and goes at once
    )
    client = app.test_client()
    codes, seconds = [], []
    for number in range(1, 7):
        started = time.perf_counter()
        codes.append(client.get(f"/search?q=sciatica&page={number}").status_code)
        seconds.append(time.perf_counter() - started)
    assert codes == [200] * 6
    assert max(seconds) < 10  # no search waited for the frozen cluster (60 s timeout)
    sink = app.extensions["search_events"]
    # The writer is stuck on its first batch (one or two); the queue holds one; the rest drop.
    assert sink.counters()["dropped_full"] >= 3, sink.counters()
    frozen_node.close()  # the node dies: the stuck request fails, the writer drops its batches
    assert sink.flush(timeout=30)
    counters = sink.counters()
    assert counters["written"] == 0 and counters["waiting"] == 0
    assert counters["failed"] + counters["dropped_full"] == 6


def test_months_past_the_retention_are_deleted_whole(search_alias, events_name, es):
    app = make_app(search_alias, SEARCH_EVENTS_ALIAS=events_name, SEARCH_EVENTS_RETENTION_DAYS=180)
    sink = app.extensions["search_events"]
    prefix = events_alias(events_name)
    now = datetime.now(UTC)
    for month in ["2020.01", "2020.02", f"{now:%Y.%m}"]:
        es.indices.create(index=f"{prefix}-{month}", **events_index_body(events_name))
    assert sink.prune(es) == [f"{prefix}-2020.01", f"{prefix}-2020.02"]
    assert list(es.indices.get(index=f"{prefix}-*")) == [f"{prefix}-{now:%Y.%m}"]


def test_search_events_can_be_switched_off(search_alias):
    app = make_app(search_alias, SEARCH_EVENTS_ENABLED=False)
    page = app.test_client().get("/search?q=sciatica").get_data(as_text=True)
    assert "search_events" not in app.extensions
    assert RESULT_LINK.search(page) is None and 'href="/physicians/' in page
