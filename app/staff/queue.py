"""The verification queue: active profiles not verified in 90 days, oldest first.

Read from the live index (``verified_on`` is the oldest of a document's per-fact dates,
with every staff verification and correction applied), so a "verified today" leaves the
queue at once. Pure query builder plus one search call, like the insights service.
"""

from __future__ import annotations

from dataclasses import dataclass

from elasticsearch import Elasticsearch

from directory.accuracy.freshness import STALE_CLAUSE

PAGE_SIZE = 50


@dataclass(frozen=True)
class QueueEntry:
    npi: str
    name: str
    verified_on: str
    city: str
    stalest: tuple[str, ...]  # the freshness groups that carry the oldest date


def queue_query(page: int, size: int = PAGE_SIZE) -> dict:
    return {
        "query": {"bool": {"filter": [{"term": {"active": True}}, STALE_CLAUSE]}},
        "sort": [{"verified_on": "asc"}, {"npi": "asc"}],
        "from_": (page - 1) * size,
        "size": size,
        "track_total_hits": True,
        "_source": ["npi", "full_name", "verified_on", "freshness", "cities"],
    }


def _entry(source: dict) -> QueueEntry:
    oldest = source["verified_on"]
    stalest = tuple(
        group
        for group, entry in (source.get("freshness") or {}).items()
        if entry.get("last_verified") == oldest
    )
    return QueueEntry(
        source["npi"], source["full_name"], oldest, (source.get("cities") or [""])[0], stalest
    )


def verification_queue(es: Elasticsearch, alias: str, page: int) -> tuple[int, list[QueueEntry]]:
    """(how many profiles are due, this page of them)."""
    response = es.search(index=alias, **queue_query(page))
    hits = response["hits"]["hits"]
    return response["hits"]["total"]["value"], [_entry(h["_source"]) for h in hits]
