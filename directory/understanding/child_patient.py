"""A child patient beside a condition: "my daughter has a heart murmur", "toddler with eczema".

Parents name the child and the problem, not the subspecialty. When the text says the
patient is a child (a word from ``children`` in data/lexicon.json, or an age under 18:
"my 6 year old", "14 yo", "8 month old") and names a condition, procedure, body part or
symptom, the specialties the condition map ranks for it are read as their children's
counterparts (``children`` in data/specialties.json: a murmur's cardiologist becomes a
pediatric cardiologist), with the pediatrician behind them, and where none of the ranked
specialties has a counterpart, the pediatrician alone. The condition stays a part of its
own, so who claims it still counts. An adult's age ("my 45 year old son") says otherwise,
and a specialty typed outright ("cardiologist", "kids allergist") is left to the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part, Word
from directory.understanding.tokens import Token
from directory.vocabulary import PEDIATRICS

ADULT_AGE = 18
# "6 year old", "14 yo", "3 y/o", "10 yrs"; months, weeks and days are always a child's.
YEAR_UNITS = frozenset({"year", "years", "yr", "yrs", "yo", "y o", "yoa"})
YOUNG_UNITS = frozenset({"month", "months", "mo", "mos", "week", "weeks", "wk", "wks", "day"})
_JOINED_AGE = re.compile(r"^(\d{1,3})(yo|yr|yrs|y|mo|mos|m)$")  # "6yo", "18mo"
RANKS_READ = 3  # the condition map's first three specialties say who a child should see
CONCEPT_KINDS = ("condition", "procedure")


def for_child_patient(
    text: str,
    parts: tuple[Part, ...],
    set_aside: tuple[tuple[Word, ...], tuple[Word, ...]],
    tokens: Sequence[Token],
    lexicon: Lexicon,
) -> tuple[tuple[Part, ...], tuple[Word, ...], tuple[Word, ...]]:
    """(parts, filler, unplaced) with the children's specialists of what ails a child, whose
    span is the first words saying it is a child (set aside, or a pediatrician read from
    "my kid"). ``set_aside`` is (filler, unplaced): "6" in "6 year old" may be either."""
    filler, unplaced = set_aside
    cue = _child_cue(parts, (*filler, *unplaced), tokens, lexicon)
    if cue is None or any(_typed_specialty(p, cue) for p in parts):
        return parts, filler, unplaced
    codes = _counterparts(parts, lexicon)
    if not codes:
        return parts, filler, unplaced
    vocabulary = lexicon.vocabulary
    span = cue
    kept = []
    for part in parts:
        if _said_child(part, cue):
            span = (min(span[0], part.span[0]), max(span[1], part.span[1]))
        else:
            kept.append(part)
    child = Part(
        "specialty", codes, vocabulary.specialty_name(codes[0]), span, text[span[0] : span[1]],
        "synonym", codes=tuple(dict.fromkeys((*vocabulary.meant_by(codes), PEDIATRICS))),
    )  # fmt: skip
    parts = tuple(sorted((*kept, child), key=lambda p: p.span))
    outside = lambda words: tuple(w for w in words if not _within(w.span, span))  # noqa: E731
    return parts, outside(filler), outside(unplaced)


def _child_cue(parts, free_words, tokens, lexicon: Lexicon) -> tuple[int, int] | None:
    """The character span of the first words saying the patient is a child; None when
    nothing does, or an age says an adult."""
    free = [w.span for w in free_words]
    free += [p.span for p in parts if p.kind == "specialty" and p.ids == (PEDIATRICS,)]
    child_words = lexicon.word_set("children")
    found: list[tuple[int, int]] = []
    for index, token in enumerate(tokens):
        age = _age(tokens, index)
        if age is not None and age[0] >= ADULT_AGE:
            return None
        if age is None and token.norm not in child_words:
            continue
        taken = tokens[index : index + (age[1] if age else 1)]
        if all(any(_within((t.start, t.end), span) for span in free) for t in taken):
            found.append((taken[0].start, taken[-1].end))
    return found[0] if found else None


def _age(tokens: Sequence[Token], index: int) -> tuple[float, int] | None:
    """(age in years, tokens it takes) of an age written at ``index``, else None."""
    norm = tokens[index].norm
    joined = _JOINED_AGE.match(norm)
    if joined:
        years = joined[2].startswith("y")
        return (int(joined[1]) if years else 0.0), 1
    if not norm.isdigit() or index + 1 >= len(tokens):
        return None
    unit = tokens[index + 1].norm
    if unit in YEAR_UNITS:
        return float(int(norm)), 2
    if unit in YOUNG_UNITS:
        return 0.0, 2
    return None


def _typed_specialty(part: Part, cue: tuple[int, int]) -> bool:
    """A specialty the words name ("cardiologist"), not the pediatrician "my kid" reads as."""
    return part.kind == "specialty" and not _said_child(part, cue)


def _said_child(part: Part, cue: tuple[int, int]) -> bool:
    """The pediatrician read from the child words themselves ("my 6 year old", "my kid")."""
    overlaps = part.span[0] < cue[1] and cue[0] < part.span[1]
    return part.kind == "specialty" and part.ids == (PEDIATRICS,) and overlaps


def _counterparts(parts: tuple[Part, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """The children's counterparts of the specialties ranked first for what ails the child,
    in rank order; the pediatrician when none has one; () when nothing clinical was said."""
    vocabulary = lexicon.vocabulary
    ranked: list[str] = []
    concepts = [i for p in parts if p.kind in CONCEPT_KINDS for i in p.ids]
    concepts += [i for p in parts if p.treats is not None for i in p.treats.ids]
    for concept_id in concepts:
        concept = vocabulary.concepts.get(concept_id)
        ranked += [s.code for s in (concept.specialties if concept else ())[:RANKS_READ]]
    if not concepts:  # "my son's knee hurts": the body part's or symptom's specialists
        ranked = [c for p in parts if p.kind in ("body_part", "symptom") for c in p.codes]
    if not ranked:
        return ()
    specialties = vocabulary.specialties
    found = [specialties[c].children[0] for c in ranked if specialties[c].children]
    return tuple(dict.fromkeys(found)) or (PEDIATRICS,)


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]
