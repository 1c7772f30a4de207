"""English said beside the language a patient needs.

Every physician in the directory speaks English, so English as a filter only ever narrows
the search when it is all that was asked. Beside another language ("bilingual spanish
english pediatrician") the other one is the need; said of the patient ("he doesnt speak
much english", "no english") it is what the physician need not rely on.
"""

from __future__ import annotations

import re

from directory.understanding.model import Part

ENGLISH = ("English",)

# "doesnt speak much english", "does not speak english", "no english", "little english",
# "limited english", "cant speak english well": the patient's English, not a physician's.
_NOT_SPOKEN = re.compile(
    r"(?:\b(?:doesn\W?t|does\s+not|don\W?t|do\s+not|can\W?t|cannot|won\W?t|barely|never)"
    r"\s+(?:speak|speaks|understand|understands|talk)|\b(?:no|not|little|limited|poor|broken)"
    r"|\bnot\s+(?:much|good|great))(?:\s+(?:much|any|good|great|a\s+lot\s+of|a\s+word\s+of))?\s*$"
)


def english_not_needed(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """The English parts that ask nothing of the physician: beside another language, or
    the patient's own English said to be little or none."""
    languages = [p for p in parts if p.kind == "filter" and p.filter == "language"]
    english = [p for p in languages if p.ids == ENGLISH]
    if not english:
        return []
    if len(english) < len(languages):
        return english
    return [p for p in english if _NOT_SPOKEN.search(text[: p.span[0]].lower())]
