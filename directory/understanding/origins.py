"""A place someone came from is not where they want a physician.

"just moved here from ohio, need a family doctor", "we moved from chicago to marietta and
need a pediatrician", "visiting from boston": the town after "from", when the words before
it say the asker moved or travelled, is where they were, so it is no search place. The
town they moved to, or the location field, is. So is the place said after "now" or "back"
when an earlier one was where something happened ("tick bit me up in wisconsin now back
home in chicago"), and the place a trip the care comes before goes to ("altitude sickness
pills before my trip to colorado"): where they will be, not where they see a physician.
"""

from __future__ import annotations

import re

from directory.understanding.model import Part

# A move or a visit said before "from": "moved here from", "relocating from", "originally
# from", "new to atlanta from", "transferring care from". A bare "i'm from houston" says
# where the asker lives, and "new pt from hartford" where the patient is: both stay the place.
_CAME_FROM = re.compile(
    r"\b(?:moved|moving|move|relocat\w*|came|come|coming|originally|transferr?\w*|visiting"
    r"|new\s+(?:to|here|in))\b(?:\s+[\w'’,.]+){0,4}?\s+from\s*$",
    re.IGNORECASE,
)
_FROM = re.compile(r"^from\s+", re.IGNORECASE)


def _places(parts: tuple[Part, ...]) -> list[Part]:
    """The places typed (not "near me", which is where the asker is)."""
    return [p for p in parts if p.kind == "location" and not p.near_me]


def where_they_came_from(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """The location parts that name where the asker moved or travelled from."""
    found = []
    for part in _places(parts):
        before = text[: part.span[0]]
        if _FROM.match(part.text):  # the cue read with the place: "from ohio"
            before += "from"
        if _CAME_FROM.search(before):
            found.append(part)
    return found


# Between a place and a later one, words that say the later is where the asker is now.
_NOW_AT = re.compile(r"\b(?:now|currently|back|live|living)\b", re.IGNORECASE)


def where_they_were(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """The location parts before another one the words say the asker is at now ("bit by a
    tick in wisconsin, now back home in chicago": Wisconsin is where it happened)."""
    places = _places(parts)
    return [
        place
        for place, later in zip(places, places[1:], strict=False)
        if _NOW_AT.search(text[place.span[1] : later.span[0]])
    ]


# A trip the care is for, said before its place: "before my trip to", "shots for our trip
# to". Not "traveling to houston for a second opinion": there the place is the care's.
_TRIP_TO = re.compile(
    r"\b(?:before|for)\s+(?:(?:my|our|a|the|his|her|their|an?\s+upcoming|upcoming)\s+)?"
    r"(?:trip|travel|travels|traveling|travelling|vacation|cruise|flight|mission\s+trip)"
    r"\s+(?:to|in)\s*$",
    re.IGNORECASE,
)


def where_they_are_going(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """The location parts that name where a trip the care comes before goes."""
    return [part for part in _places(parts) if _TRIP_TO.search(text[: part.span[0]])]
