"""Insights queries: pure builders for the aggregations behind the curators' reports.

Each report is a filter over search events (page 1 only: paging is not a new search)
plus the same aggregations: the texts searched most, each with its weekly counts, and
the weekly totals for the trend. ``InsightsService`` runs them (the one caller).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

REPORTS = {
    "top": "Top searches",
    "zero": "Searches that found no one",
    "unplaced": "Searches with words we could not place",
    "unopened": "Results shown, no profile opened",
}
CHANNELS = {
    "all": "Everyone",
    "web": "Results page (cards)",
    "compact": "Front desk (compact view)",
    "api": "API",
}
WEEK_CHOICES = (4, 12, 26)
ROWS = 50
TOP_WORDS = 30


def week_start(now: datetime, weeks: int) -> datetime:
    """Monday 00:00 UTC of the first of ``weeks`` calendar weeks ending with this one."""
    monday = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return monday - timedelta(weeks=weeks - 1)


def _report_clauses(report: str) -> tuple[list[dict], list[dict]]:
    if report == "zero":
        return [{"term": {"zero": True}}], []
    if report == "unplaced":
        return [{"term": {"has_unplaced": True}}], []
    if report == "unopened":
        return [{"range": {"total": {"gt": 0}}}], [{"exists": {"field": "opens"}}]
    return [], []


def _weekly(since: datetime, now: datetime) -> dict:
    return {
        "date_histogram": {
            "field": "hour",
            "calendar_interval": "week",
            "min_doc_count": 0,
            "extended_bounds": {"min": since.isoformat(), "max": now.isoformat()},
        }
    }


def insights_query(
    report: str,
    weeks: int,
    channel: str = "all",
    noise: Iterable[str] = (),
    now: datetime | None = None,
) -> dict:
    """Keyword arguments for ``es.search`` on the events alias."""
    now = now or datetime.now(UTC)
    since = week_start(now, weeks)
    extra, must_not = _report_clauses(report)
    filters = [
        {"term": {"kind": "search"}},
        {"term": {"page": 1}},
        {"range": {"hour": {"gte": since.isoformat()}}},
        *extra,
    ]
    if channel != "all":
        filters.append({"term": {"channel": channel}})
    noise = sorted(noise)
    aggs: dict = {
        "weeks": _weekly(since, now),
        "rows": {
            "terms": {"field": "text", "size": ROWS, "exclude": noise},
            "aggs": {
                "weeks": _weekly(since, now),
                "zero": {"filter": {"term": {"zero": True}}},
                "opened": {"filter": {"exists": {"field": "opens"}}},
                "location": {"terms": {"field": "location", "size": 1}},
            },
        },
    }
    if report in ("unplaced", "zero"):
        aggs["words"] = {"terms": {"field": "unplaced", "size": TOP_WORDS, "exclude": noise}}
    return {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": filters, "must_not": must_not}},
        "aggs": aggs,
    }
