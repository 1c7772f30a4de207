"""The search-event indices: one per month behind a read alias, kept ``retention`` days.

``<alias>-events-YYYY.MM`` holds the searches of that month (a profile opened later
updates its search's document there); ``<alias>-events`` reads them all.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

EVENT_PROPERTIES = {
    "kind": {"type": "keyword"},
    "hour": {"type": "date"},
    "channel": {"type": "keyword"},
    "text": {"type": "keyword", "ignore_above": 256},
    "parts": {"type": "keyword"},
    "unplaced": {"type": "keyword", "ignore_above": 256},
    "has_unplaced": {"type": "boolean"},
    "filters": {"type": "keyword", "ignore_above": 256},
    "location": {"type": "keyword"},
    "location_kind": {"type": "keyword"},
    "radius": {"type": "integer"},
    "sort": {"type": "keyword"},
    "total": {"type": "integer"},
    "zero": {"type": "boolean"},
    "page": {"type": "integer"},
    "opens": {"type": "integer"},
    "open_ranks": {"type": "integer"},
}


def events_alias(alias: str) -> str:
    return f"{alias}-events"


def month_index(alias: str, search_id_or_month: str) -> str:
    """The index of a search id (its first six digits are the month) or of a YYYYMM month."""
    month = search_id_or_month[:6]
    return f"{events_alias(alias)}-{month[:4]}.{month[4:6]}"


def events_index_body(alias: str) -> dict:
    return {
        "settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
        "mappings": {"dynamic": "strict", "properties": EVENT_PROPERTIES},
        "aliases": {events_alias(alias): {}},
    }


def expired_indices(alias: str, names, retention_days: int, now: datetime | None = None):
    """Month indices whose first day is older than the retention: no event outlives it."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=retention_days)
    pattern = re.compile(re.escape(events_alias(alias)) + r"-(\d{4})\.(\d{2})")
    expired = []
    for name in names:
        match = pattern.fullmatch(name)
        if match and datetime(int(match[1]), int(match[2]), 1, tzinfo=UTC) < cutoff:
            expired.append(name)
    return sorted(expired)
