"""Runs the insights aggregations and turns buckets into rows the templates can show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from app.events.insights import insights_query
from app.events.mapping import events_alias

SPARK = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class Week:
    start: datetime
    count: int


@dataclass(frozen=True)
class InsightRow:
    text: str
    count: int
    weeks: tuple[Week, ...]
    zero: int
    opened: int
    location: str | None

    @property
    def trend(self) -> str:
        """Up, down or steady: the last week against the average of the weeks before."""
        counts = [w.count for w in self.weeks]
        if len(counts) < 2:
            return "new"
        before = sum(counts[:-1]) / (len(counts) - 1)
        if counts[-1] > before * 1.25 and counts[-1] - before >= 2:
            return "rising"
        if counts[-1] < before * 0.75 and before - counts[-1] >= 2:
            return "falling"
        return "steady"

    @property
    def sparkline(self) -> str:
        return sparkline(w.count for w in self.weeks)


@dataclass(frozen=True)
class InsightsReport:
    total: int
    weeks: tuple[Week, ...]
    rows: tuple[InsightRow, ...]
    words: tuple[tuple[str, int], ...]

    @property
    def sparkline(self) -> str:
        return sparkline(w.count for w in self.weeks)


EMPTY = InsightsReport(0, (), (), ())


def sparkline(counts: Iterable[int]) -> str:
    counts = list(counts)
    top = max(counts, default=0)
    if not top:
        return SPARK[0] * len(counts)
    return "".join(SPARK[min(len(SPARK) - 1, round(c / top * (len(SPARK) - 1)))] for c in counts)


def _weeks(agg: dict) -> tuple[Week, ...]:
    return tuple(
        Week(datetime.fromtimestamp(b["key"] / 1000, UTC), b["doc_count"]) for b in agg["buckets"]
    )


def _row(bucket: dict) -> InsightRow:
    locations = bucket["location"]["buckets"]
    return InsightRow(
        text=bucket["key"],
        count=bucket["doc_count"],
        weeks=_weeks(bucket["weeks"]),
        zero=bucket["zero"]["doc_count"],
        opened=bucket["opened"]["doc_count"],
        location=locations[0]["key"] if locations else None,
    )


class InsightsService:
    def __init__(self, es: Elasticsearch, alias: str) -> None:
        self.es = es
        self.alias = alias

    def report(
        self, report: str, weeks: int, channel: str = "all", noise: Iterable[str] = ()
    ) -> InsightsReport:
        body = insights_query(report, weeks, channel, noise)
        try:
            response = self.es.search(index=events_alias(self.alias), **body)
        except es_errors.NotFoundError:
            return EMPTY  # nothing recorded yet: the first search creates the month's index
        aggs = response["aggregations"]
        words = tuple((b["key"], b["doc_count"]) for b in aggs.get("words", {}).get("buckets", ()))
        return InsightsReport(
            total=response["hits"]["total"]["value"],
            weeks=_weeks(aggs["weeks"]),
            rows=tuple(_row(b) for b in aggs["rows"]["buckets"]),
            words=words,
        )
