"""Insights for curators: weekly counts from Elasticsearch aggregations, by report and channel."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from staff_helpers import add_account, sign_in, staff_app

from app.events.documents import OpenEvent, SearchEvent, new_search_id
from app.events.insights_service import InsightsService


def _event(text, weeks_ago, total=5, channel="web", unplaced=(), parts=("condition:x",)):
    hour = (datetime.now(UTC) - timedelta(weeks=weeks_ago)).replace(
        minute=0, second=0, microsecond=0
    )
    return SearchEvent(
        new_search_id(hour), hour, channel, text, parts, unplaced, (), None, None, "relevance",
        total, 1,
    )  # fmt: skip


@pytest.fixture
def seeded(alias, sqlite_store_url, es):
    """An app whose events index holds only these searches (no physicians needed)."""
    app = staff_app(alias, sqlite_store_url)
    sink = app.extensions["search_events"]
    opened = _event("knee pain", 0)
    events = [
        *(_event("sciatica", 0) for _ in range(4)),
        *(_event("sciatica", 2) for _ in range(1)),
        opened,
        _event("knee pain", 1, channel="compact"),
        *(
            _event("tailbone ache", 0, total=0, parts=(), unplaced=("tailbone ache",))
            for _ in range(3)
        ),
        _event("tailbone ache", 0, total=0, parts=(), unplaced=("tailbone ache",), channel="api"),
    ]
    for event in [*events, OpenEvent(opened.search_id, 2)]:
        assert sink.put(event)
    assert sink.flush(timeout=30)
    es.indices.refresh(index=f"{alias}-events")
    return app


def test_reports_count_by_text_week_and_channel(seeded, es, alias):
    service = InsightsService(es, alias)
    top = service.report("top", weeks=4)
    assert top.total == 11
    assert [(r.text, r.count) for r in top.rows] == [
        ("sciatica", 5),
        ("tailbone ache", 4),
        ("knee pain", 2),
    ]
    sciatica = top.rows[0]
    assert [w.count for w in sciatica.weeks] == [0, 1, 0, 4] and sciatica.trend == "rising"
    assert len(top.weeks) == 4 and sum(w.count for w in top.weeks) == 11
    zero = service.report("zero", weeks=4)
    assert [(r.text, r.zero) for r in zero.rows] == [("tailbone ache", 4)]
    assert zero.words == (("tailbone ache", 4),)
    assert [r.text for r in service.report("zero", weeks=4, channel="api").rows] == [
        "tailbone ache"
    ]
    assert service.report("zero", weeks=4, channel="compact").rows == ()
    unopened = service.report("unopened", weeks=4)
    assert [(r.text, r.count) for r in unopened.rows] == [("sciatica", 5), ("knee pain", 1)]
    assert [r.text for r in service.report("top", weeks=4, noise=["tailbone ache"]).rows] == [
        "sciatica",
        "knee pain",
    ]


def test_the_insights_page_links_each_row_to_the_live_search(seeded):
    add_account(seeded, "curator@example.org", "curator")
    client = seeded.test_client()
    sign_in(client, "curator@example.org")
    page = client.get("/staff/insights?report=unplaced&channel=web&weeks=4")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'href="/search?q=tailbone+ache"' in html
    assert 'href="/staff/curation?term=tailbone+ache#map"' in html
    assert "3</td>" in html  # web only: the API's search is filtered out
    unknown = client.get("/staff/insights?report=everything&weeks=999")
    assert unknown.status_code == 200 and "Top searches" in unknown.get_data(as_text=True)


@pytest.fixture
def redacted_rows(alias, sqlite_store_url, es):
    """Searches whose stored text holds placeholders, as curators will see them."""
    app = staff_app(alias, sqlite_store_url)
    sink = app.extensions["search_events"]
    for text in ("860-555-1234 asthma", "4111 1111 1111 1111", "knee pain near 06106"):
        assert sink.put(_event(text, 0, total=0, parts=(), unplaced=("qwxzzy",)))
    assert sink.flush(timeout=30)
    es.indices.refresh(index=f"{alias}-events")
    add_account(app, "curator@example.org", "curator")
    return app


def test_insights_links_never_search_for_a_placeholder(redacted_rows):
    client = redacted_rows.test_client()
    sign_in(client, "curator@example.org")
    html = client.get("/staff/insights?report=zero&weeks=4").get_data(as_text=True)
    assert "[phone] asthma" in html and "[number]" in html  # the rows are still shown
    links = re.findall(r'href="(/(?:search|staff/curation)\?[^"]*)"', html)
    assert "/search?q=asthma" in links and "/staff/curation?term=asthma#map" in links
    assert "/search?q=knee+pain+near" in links  # the ZIP3 "061xx" left out too
    assert not [link for link in links if "%5B" in link or "xx" in link], links
