"""English said beside the language a patient needs.

Every physician in the directory speaks English, so English as a filter only ever narrows
the search when it is all that was asked. Beside another language ("bilingual spanish
english pediatrician") the other one is the need; said of the patient ("he doesnt speak
much english", "no english") it is what the physician need not rely on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from directory.understanding.model import Part, Word

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


FEWEST_WORDS = 2  # one Spanish word ("la", "dolor") in an English text says nothing


def written_in(words: list[str], tables: Mapping[str, frozenset[str]]) -> str | None:
    """The language a text is written in, when not English: "segunda opinion operacion de
    espalda", "dor nas costas preciso de medico". At least two of its words, half the words
    at least, and more than any other language's (Spanish and Portuguese share "de",
    "para"). Someone who writes in Spanish most likely would rather be seen in it."""
    words = [w for w in words if w.isalpha()]
    counts = {language: sum(w in told for w in words) for language, told in tables.items()}
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    language, count = ranked[0]
    if count < FEWEST_WORDS or 2 * count < len(words):
        return None
    if len(ranked) > 1 and ranked[1][1] == count:
        return None
    return language


ASL = ("ASL",)
_SIGNS = frozenset({"sign", "signs", "signing", "signer"})
_DEAF = re.compile(r"\b(?:deaf|hard\s+of\s+hearing|hoh)\b", re.IGNORECASE)


def signing_for_the_deaf(
    text: str, parts: tuple[Part, ...], unplaced: list[Word]
) -> tuple[tuple[Part, ...], list[Word], list[Part]]:
    """(parts, unplaced words, the deaf parts said of the patient): "pediatrician who signs
    my daughter is deaf", "pregnant and deaf need obgyn who can sign". Beside deafness,
    signing is the language asked for (American Sign Language), and the deafness is who
    the patient is, not a hearing loss to treat; without it, "sign" is any other word ("who
    can sign my disability forms")."""
    deaf = [p for p in parts if p.kind == "condition" and _DEAF.fullmatch(p.text.strip())]
    signs = [w for w in unplaced if w.text.lower() in _SIGNS]
    if not (signs and (deaf or _DEAF.search(text))):
        return parts, unplaced, []
    if any(p.filter == "language" and p.ids == ASL for p in parts):
        return parts, unplaced, deaf
    word = signs[0]
    asl = Part("filter", ASL, "Speaks ASL", word.span, word.text, "synonym", filter="language")
    placed = sorted((*parts, asl), key=lambda p: p.span)
    return tuple(placed), [w for w in unplaced if w is not word], deaf
