"""Event documents and insights queries: pure code, compared as whole values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from app.events.documents import (
    SearchEvent,
    coarse_location,
    interpretation_of,
    search_document,
    this_hour,
)
from app.events.insights import insights_query
from app.events.insights_service import InsightRow, Week, sparkline
from app.events.mapping import expired_indices, month_index
from app.search.params import Resolution, ResolvedTerm
from directory.geography import Place
from directory.understanding import interpret

NOW = datetime(2026, 3, 11, 15, 42, 7, tzinfo=UTC)  # a Wednesday


@dataclass
class FakePage:
    resolution: Resolution
    results: tuple = ()


def test_the_adapter_reads_todays_resolution_and_tomorrows_interpretation():
    understood = FakePage(
        Resolution("sciatica", (ResolvedTerm("condition", "sciatica", "S", "exact"),))
    )
    assert interpretation_of(understood) == (("condition:sciatica",), ())
    assert interpretation_of(FakePage(Resolution("tailbone ache"))) == ((), ("tailbone ache",))
    parsed = FakePage(Resolution("x"))
    parsed.interpretation = interpret("sciatica near 06106 qwxzzy call 860 555 1234")
    parts, unplaced = interpretation_of(parsed)
    # The place is kept coarse elsewhere; a typed phone is recorded as a phone, not its number.
    assert parts == ("condition:sciatica", "location", "phone")
    assert "qwxzzy" in unplaced and not any(w.isdigit() for w in unplaced)


def _recorded(text: str, known_names=frozenset()) -> dict:
    """The stored event of a search for ``text``, read by the parser as the page reads it."""
    page = FakePage(Resolution(text))
    page.interpretation = interpret(text, known_names=known_names)
    parts, unplaced = interpretation_of(page)
    event = SearchEvent(
        "202603" + "ab" * 8, this_hour(NOW), "web", text, parts, unplaced, (), None, None,
        "relevance", 0, 1,
    )  # fmt: skip
    return search_document(event)


@pytest.mark.parametrize(
    ("typed", "text", "unplaced"),
    [
        ("card 4111 1111 1111 1111", "card [number]", ["card"]),
        ("knee 123 45 6789 qwxzzy", "knee [number] qwxzzy", ["qwxzzy"]),
        ("qwxzzy 4111 1111 1111 1111 and 1111 pills", "qwxzzy [number] and 1111 pills",
         ["qwxzzy", "1111"]),  # only the count typed apart from the card number stays
        ("dob jan 5 qwxzzy", "dob [date] qwxzzy", ["dob", "qwxzzy"]),
        ("qwxzzy 02/2024", "qwxzzy [date]", ["qwxzzy"]),
        ("knee 1EG4-TE5-MK73", "knee [number]", []),
    ],
)  # fmt: skip
def test_no_word_of_a_redacted_identifier_is_stored_as_an_unplaced_word(typed, text, unplaced):
    stored = _recorded(typed)
    assert (stored["text"], stored["unplaced"]) == (text, unplaced)
    assert stored["has_unplaced"] is bool(unplaced)


def test_a_name_read_from_an_identifier_is_stored_as_its_kind_only():
    """\"john.smith@gmail\" can read as the physicians' names John and Smith: the event must
    not keep the e-mail's words as a name part any more than as text."""
    stored = _recorded("knee john.smith@gmail", known_names={"john", "smith"})
    assert stored["text"] == "knee [email]"
    assert "name" in stored["parts"] and "smith" not in str(stored).lower()
    # A name typed beside an identifier, not inside it, is kept as today.
    beside = _recorded("dr smith 860-555-1234", known_names={"smith"})
    assert "name:Smith" in beside["parts"] and "555" not in str(beside)


def test_locations_are_kept_coarse():
    assert coarse_location(Place("Hartford, CT 06106", 41.75, -72.69, "zip")) == ("061", "zip3")
    assert coarse_location(Place("Hartford, CT", 41.76, -72.68, "city")) == ("Hartford, CT", "city")
    # A whole state stays the state, not the ZIP3 nearest its middle.
    assert coarse_location(Place("Illinois", 40.6, -89.0, "state")) == ("Illinois", "state")
    assert coarse_location(Place("41.7637, -72.6851", 41.7637, -72.6851, "latlon"))[1] == "zip3"
    assert coarse_location(Place("35, -50", 35.0, -50.0, "latlon")) == (None, "elsewhere")  # at sea
    assert coarse_location(None) == (None, None)


def test_the_stored_document_has_the_hour_and_no_more():
    event = SearchEvent(
        "202603" + "ab" * 8, this_hour(NOW), "web", "Knee pain 860-555-1234", (), ("knee",),
        ("language:Spanish",), None, None, "relevance", 0, 1,
    )  # fmt: skip
    assert search_document(event) == {
        "kind": "search",
        "hour": "2026-03-11T15:00:00+00:00",
        "channel": "web",
        "text": "knee pain [phone]",
        "parts": [],
        "unplaced": ["knee"],
        "has_unplaced": True,
        "filters": ["language:Spanish"],
        "location": None,
        "location_kind": None,
        "radius": None,
        "sort": "relevance",
        "total": 0,
        "zero": True,
        "page": 1,
    }
    assert month_index("physicians", event.search_id) == "physicians-events-2026.03"


def test_retention_deletes_months_whose_first_day_is_past_it():
    names = ["p-events-2025.08", "p-events-2025.09", "p-events-2025.10", "p-vocabulary", "other"]
    # 180 days before 2026-03-11 is 2025-09-12: September's first events are older.
    assert expired_indices("p", names, 180, NOW) == ["p-events-2025.08", "p-events-2025.09"]


def test_the_zero_result_report_query():
    query = insights_query("zero", weeks=2, channel="compact", noise=["please"], now=NOW)
    weekly = {
        "date_histogram": {
            "field": "hour",
            "calendar_interval": "week",
            "min_doc_count": 0,
            "extended_bounds": {"min": "2026-03-02T00:00:00+00:00", "max": NOW.isoformat()},
        }
    }
    assert query == {
        "size": 0,
        "track_total_hits": True,
        "query": {
            "bool": {
                "filter": [
                    {"term": {"kind": "search"}},
                    {"term": {"page": 1}},
                    {"range": {"hour": {"gte": "2026-03-02T00:00:00+00:00"}}},
                    {"term": {"zero": True}},
                    {"term": {"channel": "compact"}},
                ],
                "must_not": [],
            }
        },
        "aggs": {
            "weeks": weekly,
            "rows": {
                "terms": {"field": "text", "size": 50, "exclude": ["please"]},
                "aggs": {
                    "weeks": weekly,
                    "zero": {"filter": {"term": {"zero": True}}},
                    "opened": {"filter": {"exists": {"field": "opens"}}},
                    "location": {"terms": {"field": "location", "size": 1}},
                },
            },
            "words": {"terms": {"field": "unplaced", "size": 30, "exclude": ["please"]}},
        },
    }


def test_trends_and_sparklines_read_the_weekly_counts():
    def row(*counts):
        weeks = tuple(Week(NOW, c) for c in counts)
        return InsightRow("x", sum(counts), weeks, 0, 0, None)

    assert [row(1, 1, 6).trend, row(6, 6, 1).trend, row(3, 3, 3).trend] == [
        "rising",
        "falling",
        "steady",
    ]
    assert sparkline([0, 4, 8]) == "▁▅█" and sparkline([0, 0]) == "▁▁"
