"""The letters after a physician's name typed as the search: "md", "DO", "M.D.", "md or
do", "MDs near boston" name the kind of clinician wanted, a physician (MD or DO), and
nothing about what for. Read as the clinician-type filter, they list the physicians near
the place, as a browse filtered to physicians does, where they found nobody (filler).

Only with nothing clinical read ("cardiologist md" is the cardiologists: every one is a
physician already), and a lowercase "do", an everyday word, only when the text holds
nothing but degrees ("do", "md or do"): "do you take medicaid" asks no such thing.
"""

from __future__ import annotations

import re

from directory.understanding.model import Part, Word
from directory.vocabulary import PHYSICIAN

LABEL = "Physicians (MD/DO)"
# "md", "mds", "MDs", "m.d.", "M.D.'s", "do", "DOs", "d.o.": one degree each.
_DEGREE = re.compile(r"(?<![\w.])(?:m\.?d|d\.?o)\.?(?:'?s)?(?![\w])", re.IGNORECASE)
# "do" is an everyday word too; in a text all in capitals its case tells nothing.
_WEAK = re.compile(r"do|dos|DO|DOS")
_JOINERS = frozenset({"or", "and", "&", "/", "+"})
_CLINICAL = ("condition", "procedure", "specialty", "body_part", "symptom", "name", "npi", "phone")


def physicians_by_degree(
    text: str, parts: tuple[Part, ...], filler: tuple[Word, ...], unplaced: list[Word]
) -> tuple[tuple[Part, ...], tuple[Word, ...], list[Word]]:
    """The degrees typed read as the physician clinician type, when they are all that says
    who is wanted (parts, filler and unplaced words, with the degrees' words moved out)."""
    if any(p.kind in _CLINICAL for p in parts) or any(p.filter == "clinician_type" for p in parts):
        return parts, filler, unplaced
    aside = [*filler, *unplaced]
    degrees = [m for m in _DEGREE.finditer(text) if _all_aside(m.span(), aside, parts)]
    if not degrees:
        return parts, filler, unplaced
    inside = [w for w in aside if any(_within(w.span, m.span()) for m in degrees)]
    if any(w not in inside for w in unplaced):
        return parts, filler, unplaced  # "md smithfield": a word nothing read may be a name
    only_degrees = all(w in inside or w.text.lower() in _JOINERS for w in aside)
    strong = [m for m in degrees if not _weak(m.group(), text)]
    if not strong and not only_degrees:
        return parts, filler, unplaced
    start, end = degrees[0].start(), degrees[-1].end()
    between = [w for w in aside if _within(w.span, (start, end)) and w not in inside]
    joined = all(w.text.lower() in _JOINERS for w in between)
    if not joined or not _all_aside((start, end), aside, parts):  # "md near boston do"
        start, end = degrees[0].span()
    part = Part("filter", (PHYSICIAN,), LABEL, (start, end), text[start:end], "exact",
                filter="clinician_type")  # fmt: skip
    covered = [w for w in aside if _within(w.span, (start, end))]
    kept_filler = tuple(w for w in filler if w not in covered)
    kept_unplaced = [w for w in unplaced if w not in covered]
    ordered = tuple(sorted((*parts, part), key=lambda p: p.span))
    return ordered, kept_filler, kept_unplaced


def _weak(typed: str, text: str) -> bool:
    return bool(_WEAK.fullmatch(typed)) and (typed.islower() or text.isupper())


def _within(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _all_aside(span: tuple[int, int], aside: list[Word], parts: tuple[Part, ...]) -> bool:
    """No part reads any of the span's words (they are all filler or unplaced)."""
    overlapping = any(p.span[0] < span[1] and span[0] < p.span[1] for p in parts)
    return not overlapping and any(_within(w.span, span) for w in aside)
