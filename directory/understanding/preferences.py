"""A filter the words only prefer: "russian speaking preferred", "hindi speaking if
possible", "pt prefers woman provider", "prefers video visits"; and "new pt", "new
patient", said of the caller.

Coordinators write what a patient would like beside what the referral needs. Read as a
filter, a preference hid everyone else, and near most places nobody was left. A filter
part with a word of preference in its own clause (between commas) is marked ``preferred``:
the search ranks those who match it first and hides no one (Interpretation.preferred).
"""

from __future__ import annotations

import re
from dataclasses import replace

from directory.text import normalize_term
from directory.understanding.model import Part

_PREFERENCE = re.compile(
    r"\b(?:preferred|preferably|prefers?|preference|ideally|if possible|if available"
    r"|would be nice|nice to have|bonus|a plus|not required|not a must|optional)\b",
    re.IGNORECASE,
)
_CLAUSE_ENDS = re.compile(r"[,;.()]|\s-\s|\band\b|\bbut\b", re.IGNORECASE)


def with_preferences(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """``parts`` with each filter part whose clause says it is only preferred marked so."""
    return tuple(
        replace(p, preferred=True) if p.kind == "filter" and _preferred(text, p) else p
        for p in parts
    )


# "new pt", "new patient": who the caller is, not a requirement ("accepting new patients",
# "must take new pts"): those accepting rank first, and a specialty where nobody near is
# accepting still lists its physicians (an internist had stood in for the endocrinologist).
_A_NEW_PATIENT = frozenset({"new pt", "new pts", "new patient", "new patients"})


def _preferred(text: str, part: Part) -> bool:
    if part.filter in (None, "radius_miles"):
        return False
    if part.filter == "accepting_new_patients" and normalize_term(part.text) in _A_NEW_PATIENT:
        return True
    start, end = part.span
    before = _CLAUSE_ENDS.split(text[:start])[-1]
    after = _CLAUSE_ENDS.split(text[end:])[0]
    return bool(_PREFERENCE.search(before) or _PREFERENCE.search(after))
