"""The accuracy parts of our profile format: per-fact freshness and scheduling notes.

``freshness`` gives a last-verified date and source per fact group (phone, locations,
accepting new patients, insurance); a group left out takes the profile's own
``last_verified`` and ``source`` when the document is built. ``scheduling`` holds what
front-desk staff need before booking. See docs/data-format.md.
"""

from __future__ import annotations

import re
from typing import Any

from directory.accuracy import facts
from directory.accuracy.facts import FRESHNESS_GROUPS, SCHEDULING_KEYS
from directory.accuracy.values import one_line
from indexer.sources import iso_date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def freshness(value: Any) -> dict[str, dict[str, str]] | str:
    """Given groups with a valid date and/or source, or the name of the first bad date."""
    given = value if isinstance(value, dict) else {}
    found = {}
    for group in FRESHNESS_GROUPS:
        entry = given.get(group)
        if not isinstance(entry, dict):
            continue
        date_text = one_line(entry.get("last_verified"))
        day = iso_date(date_text) if _ISO_DATE.fullmatch(date_text) else None
        if date_text and day is None:
            return f"freshness.{group}.last_verified"
        cleaned = {"last_verified": day or "", "source": one_line(entry.get("source"), 120)}
        if any(cleaned.values()):
            found[group] = cleaned
    return found


def scheduling(value: Any) -> dict[str, Any]:
    """Every scheduling note, cleaned (phones normalised, Direct addresses checked).

    Most profiles leave most notes blank: those keep ``facts.empty_scheduling``'s value
    without ``facts.clean``'s work (which would give the same)."""
    given = value if isinstance(value, dict) else {}
    notes = facts.empty_scheduling()
    for key in SCHEDULING_KEYS:
        note = given.get(key)
        if not (note is None or note == "" or note == []):
            notes[key] = facts.clean(key, note)
    return notes


CSV_COLUMNS = (
    *(f"{group}_{part}" for group in FRESHNESS_GROUPS for part in ("last_verified", "source")),
    *SCHEDULING_KEYS,
)


def from_csv_row(row: dict[str, str]) -> dict[str, Any]:
    """The ``freshness`` and ``scheduling`` objects from flat CSV columns."""
    fresh = {
        group: {
            "last_verified": row.get(f"{group}_last_verified", ""),
            "source": row.get(f"{group}_source", ""),
        }
        for group in FRESHNESS_GROUPS
    }
    return {"freshness": fresh, "scheduling": {key: row.get(key) for key in SCHEDULING_KEYS}}
