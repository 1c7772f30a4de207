"""The youngest age a physician sees, read from the front desk's "ages seen" note (pure).

Staff write the note in their own words ("18 and older", "16+", "All ages", "Birth to
21", "Adults only"). Search needs one number from it: a parent searching for a toddler
should not be sent first to a cardiologist who sees adults only. The note stays as
written on the card; this number is indexed beside it (``YOUNGEST_FIELD``), and a note
this module cannot read gives no number, so nobody is demoted on a guess.
"""

from __future__ import annotations

import re

YOUNGEST_FIELD = "youngest_age_seen"
ADULT_AGE = 18

_ANY_AGE = re.compile(r"\b(?:all ages|any age|birth|newborns?|infants?)\b")
# "18 and older", "16+", "12 years and up", "ages 0-21", "5 to 17"
_FROM_AGE = re.compile(
    r"(\d{1,3})\s*(?:\+|(?:years?|yrs?)?\s*(?:and|&|or)\s*(?:older|over|up|above)"
    r"|(?:years?\s*)?(?:-|–|to|through)\s*\d)"
)
_ADULTS = re.compile(r"\badults?\b")
_CHILDREN = re.compile(r"\b(?:child|children|kids?|pediatric|paediatric)\b")


def youngest_seen(note: str | None) -> int | None:
    """The youngest patient age the note admits, in years; None when it does not say."""
    text = (note or "").casefold()
    if not text.strip():
        return None
    if _ANY_AGE.search(text):
        return 0
    found = _FROM_AGE.search(text)
    if found:
        return int(found[1])
    if _ADULTS.search(text):
        return ADULT_AGE
    if _CHILDREN.search(text):
        return 0
    return None


def youngest_fields(scheduling: dict) -> dict:
    """The search document's field for a profile's scheduling notes (null when unread, so a
    correction that clears the note clears the number too)."""
    return {YOUNGEST_FIELD: youngest_seen(scheduling.get("ages_seen"))}
