"""What one search (or one profile opened from its results) leaves in the event log.

Built in two steps so the search itself pays almost nothing: the view captures the raw
facts (``capture_search``, microseconds), and the background writer turns them into the
stored document (``search_document``: redaction, coarse location). Nothing here knows
who searched: no address, cookie, user agent or session, by construction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from app.events.redact import redact, redact_value, redaction
from directory.geography import Place, zips_within

CHANNELS = {"cards": "web", "compact": "compact", "api": "api"}
CONCEPT_FIELDS = ("condition", "procedure")
MAX_FILTERS = 20
NEAREST_ZIP_MILES = 15


def this_hour(now: datetime | None = None) -> datetime:
    """The timestamp events keep: the hour, never the minute a person searched."""
    return (now or datetime.now(UTC)).replace(minute=0, second=0, microsecond=0)


def new_search_id(hour: datetime) -> str:
    """Random, per search; its first six digits name the month's index, for opens later."""
    return f"{hour:%Y%m}{secrets.token_hex(8)}"


@dataclass(frozen=True)
class SearchEvent:
    """Raw facts of one search, captured in the request; kept in memory only until written."""

    search_id: str
    hour: datetime
    channel: str
    text: str
    parts: tuple[str, ...]
    unplaced: tuple[str, ...]
    filters: tuple[str, ...]
    place: Place | None
    radius: int | None
    sort: str
    total: int
    page: int
    found_asked: bool = True  # False when the page shows only a broader specialty


@dataclass(frozen=True)
class OpenEvent:
    """A profile opened from a results list: which search, and at which rank."""

    search_id: str
    rank: int


_COARSE = frozenset({"location", "phone", "npi"})


def interpretation_of(page) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(parts as "kind:id", unplaced words) of a results page: the one adapter to the parser.

    The new query parser's ``Interpretation.as_dict()`` when the page carries one; today's
    ``Resolution`` otherwise, where text that resolved to nothing and matched no physician's
    name is unplaced as a whole.
    """
    interpretation = getattr(page, "interpretation", None)
    if interpretation is not None:
        # What redaction of the whole text replaced is gone from every field: "call 860
        # 555 1234" must not leave its digits behind as three harmless-looking unplaced
        # words, nor "john.smith@gmail" its words as a physician's name.
        redacted = redaction(interpretation.text).spans
        parts = tuple(_part(part, redacted) for part in interpretation.parts)
        unplaced = tuple(w.text for w in interpretation.unplaced if not _overlaps(w.span, redacted))
        return parts, unplaced
    resolution = page.resolution
    parts = tuple(f"{term.kind}:{term.id}" for term in resolution.terms)
    named = any(match.kind == "name" for hit in page.results for match in hit.matched)
    text = resolution.text.strip()
    return parts, (text,) if text and not parts and not named else ()


def _part(part, redacted: tuple[tuple[int, int], ...]) -> str:
    """ "kind:id"; the kind alone for a typed phone or NPI (it may be someone's own number)
    and for a part read from characters that redaction replaced."""
    if not part.ids or part.kind in _COARSE or _overlaps(part.span, redacted):
        return part.kind
    return f"{part.kind}:{part.ids[0]}"


def _overlaps(span: tuple[int, int], redacted: tuple[tuple[int, int], ...]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in redacted)


def _filters(form) -> tuple[str, ...]:
    """Chosen filters as "name:value" ("name" alone for a yes/no filter), then concepts."""
    found: list[str] = []
    for name, values in form.selection().items():
        found += [name if value == "true" else f"{name}:{value}" for value in values]
    for name in CONCEPT_FIELDS:
        field = getattr(form, name, None)
        if field is not None and field.data:
            found.append(f"{name}:{field.data}")
    return tuple(found[:MAX_FILTERS])


def capture_search(form, page, channel: str, now: datetime | None = None) -> SearchEvent:
    hour = this_hour(now)
    parts, unplaced = interpretation_of(page)
    return SearchEvent(
        search_id=new_search_id(hour),
        hour=hour,
        channel=CHANNELS.get(channel, channel),
        text=form.q.data or "",
        parts=parts,
        unplaced=unplaced,
        filters=_filters(form),
        place=form.place,
        radius=form.radius.data if form.place else None,
        sort=form.sort.data or "relevance",
        total=page.total,
        page=page.page,
        found_asked=not any(s.kind == "broadened" for s in page.suggestions),
    )


def coarse_location(place: Place | None) -> tuple[str | None, str | None]:
    """(location, kind): ZIP3, "City, ST", "Name County, ST", an area code or a state's
    name; coordinates and addresses become a ZIP3."""
    if place is None:
        return None, None
    if place.kind in ("city", "county", "state", "area code"):
        return place.label, place.kind
    digits = [word for word in place.label.replace(",", " ").split() if word.isdigit()]
    if place.kind == "zip" and digits and len(digits[-1]) == 5:
        return digits[-1][:3], "zip3"
    nearby = zips_within(place.point, NEAREST_ZIP_MILES)
    if not nearby:
        return None, "elsewhere"
    zip5, _ = min(nearby, key=lambda item: _squared(place.point, (item[1].lat, item[1].lon)))
    return zip5[:3], "zip3"


def _squared(a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def search_document(event: SearchEvent) -> dict:
    """The stored event: normalised, redacted text and nothing that identifies a person."""
    location, location_kind = coarse_location(event.place)
    unplaced = [text for text in (redact(u) for u in event.unplaced) if text]
    return {
        "kind": "search",
        "hour": event.hour.isoformat(),
        "channel": event.channel,
        "text": redact(event.text),
        "parts": list(event.parts),
        "unplaced": unplaced,
        "has_unplaced": bool(unplaced),
        "filters": [redact_value(f) for f in event.filters],
        "location": location,
        "location_kind": location_kind,
        "radius": event.radius,
        "sort": event.sort,
        "total": event.total,
        # Curators' "found no one": nobody of what was asked, even where the page then
        # showed a broader specialty ("hepatologist" near a town with none).
        "zero": event.total == 0 or not event.found_asked,
        "page": event.page,
    }
