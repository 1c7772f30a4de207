"""A diagnosis code the vocabulary does not list, read by what it says.

The vocabulary lists a few ICD-10-CM codes for each of its concepts; a referral carries any
of the code set's. Such a code was read by its nearest category, and as nothing without
one: "M25.561" (pain in right knee), "R19.7" (diarrhea) and "Z47.1" (aftercare after a
joint replacement) found no need, and a sign took a sibling of another site: "M79.671"
(pain in right foot) read Growing Pains through M79.606. Now its description
(``directory.icd10cm``) is read by the parser with the same lexicon:

- beside a nearest category's concepts, it narrows them to those it names. Among signs,
  pains and a pregnancy's other diseases (``BY_SITE``), where a sibling is another place or
  system, it reads its own condition, or a body part none of the sibling's specialists
  treat, and drops a sibling that shares only the category ("R22.2" is no neck lump); a
  disease's code keeps its category's ("C50.021", a man's nipple, is still breast cancer);
- without one, its condition, procedure, body part, symptom or specialty, in that order,
  and when it reads none of them, who first sees its chapter's needs ("A06.0", amebic
  dysentery: the infectious disease specialist; ``icd10cm.chapter_specialists``).

A personal history code ("Personal history of ...") says why, not what, and is read as
nothing; a family history, a screening or an examination for a form asks for whom
``icd10cm.encounter_specialists`` lists ("Z80.0": the gastroenterologist; "Z12.4": the
gynecologist, not the oncologist its words name), unless its words name the test ("Z12.31",
a screening mammogram); a code the vocabulary lists keeps its concepts; words beside a code
read only by its description are not narrowed to it (``beside_code``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from directory.icd10cm import chapter_specialists, description, encounter_specialists
from directory.text import compact_icd10, dotted_icd10
from directory.understanding.candidates import ICD10_CATEGORY, Candidate, nearest_category
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Interpretation
from directory.understanding.scoring import CONTENT, span_score
from directory.understanding.tokens import Token

# The kinds a description may say, first what it is, then where it is and how it feels,
# last who treats it ("Aftercare following joint replacement surgery").
CONDITION = "condition"
CONCEPTS = (CONDITION, "procedure")
KINDS = (CONDITION, "procedure", "body_part", "symptom", "specialty")
# A history code says why, not what: "Personal history of nicotine dependence" (Z87.891)
# beside a lung screening is no smoking cessation.
HISTORY = re.compile(r"^(personal|family) history of ", re.IGNORECASE)
# "Non-pressure chronic ulcer of skin" (L97, L98.4) is no pressure ulcer.
NEGATED = re.compile(r"\bnon-\S+\s*", re.IGNORECASE)
# Chapter R (symptoms and signs), the joint and limb pains listed by site, and a
# pregnancy's other diseases listed by body system: categories whose codes are places,
# signs or systems, not one disease.
BY_SITE = ("R", "M25", "M79", "O99", "O9A")

_reading = threading.local()  # a description is read by the parser, which reads no code in it


def described_codes(
    candidates: list[Candidate],
    tokens: list[Token],
    lexicon: Lexicon,
    read: Callable[[str], Interpretation],
) -> list[Candidate]:
    """``candidates`` with each code the vocabulary does not list read by its description
    (``read`` parses it with the same lexicon)."""
    if getattr(_reading, "active", False):
        return candidates
    found = list(candidates)
    for index, token in enumerate(tokens):
        compact = compact_icd10(token.text)
        if compact is None or compact in lexicon.icd10_exact:
            continue
        nearest = [
            c for c in found if c.start == index and c.match == "code" and c.kind == CONDITION
        ]
        words = description(compact)
        history = words is not None and HISTORY.match(words)
        reading = None if words is None or history else _read(NEGATED.sub("", words), read)
        asked = _specialists(encounter_specialists(compact), compact, lexicon)
        if asked and not (reading and any(p.kind == "procedure" for p in reading.parts)):
            # "Z12.4", "Z80.0": whom the screening or the family history asks for, unless
            # the words name the test ("Z12.31", a screening mammogram); the category's
            # other codes are other sites
            found = [c for c in found if c not in nearest]
            found.append(replace(asked, start=index, end=index + 1))
            continue
        if reading is None:
            continue
        ids = tuple(i for c in nearest for i in c.ids)
        sibling = Sibling(ids, nearest_category(compact, lexicon), len(compact))
        keep, said = _what_it_says(reading, sibling, compact, lexicon)
        if not keep:
            found = [c for c in found if c not in nearest]
        if said is not None:
            found.append(replace(said, start=index, end=index + 1))
    return found


@dataclass(frozen=True)
class Sibling:
    """The concepts of the nearest category a code the vocabulary does not list falls in,
    and how many characters of the code that category shares (3: only the category)."""

    ids: tuple[str, ...]
    shared: int
    typed: int  # characters in the code typed

    @property
    def far(self) -> bool:
        """Only the category is shared: "R22.1" for "R22.2". Under a category typed ("R51"
        with R51.9 listed) the concepts are the category's own, no sibling's."""
        return self.shared <= ICD10_CATEGORY < self.typed


def _read(words: str, read: Callable[[str], Interpretation]) -> Interpretation:
    _reading.active = True
    try:
        return read(words)
    finally:
        _reading.active = False


def _what_it_says(
    reading: Interpretation, sibling: Sibling, compact: str, lexicon: Lexicon
) -> tuple[bool, Candidate | None]:
    """Whether to keep the sibling's reading, and the description's, at the code's token.

    Beside a sibling's concepts the description narrows them to those it names. Among
    signs, pains and a pregnancy's other diseases (``BY_SITE``) a sibling is another place
    or system ("R22.1" a neck lump for "R22.2" the trunk's, "M79.606" growing pains for
    "M79.671" a foot's): a condition the description names, or a body part none of the
    sibling's specialists treat, is read instead, and a sibling sharing only the category
    is dropped. Elsewhere a sibling is the same disease said more exactly ("C50.021",
    "I63.429"): a category's other concepts read by the description were as often worse
    ("I63.522", a stenosis of a brain artery, read spinal stenosis) as better."""
    parts = [p for p in reading.parts if p.kind in KINDS]
    concepts = tuple(i for p in parts if p.kind in CONCEPTS for i in p.ids)
    label = f"ICD-10 {dotted_icd10(compact)}"
    confirmed = tuple(i for i in sibling.ids if i in concepts)
    if confirmed:
        return False, _candidate(CONDITION, confirmed, label, lexicon)
    by_site = compact.startswith(BY_SITE)
    kept = bool(sibling.ids) and not (by_site and sibling.far)
    first = min(parts, key=lambda p: KINDS.index(p.kind)) if parts else None
    if first is None or not (first.ids or first.codes):  # "swelling, mass and lump": no one's
        return kept, None if kept else _chapters(compact, lexicon)
    if first.kind in CONCEPTS:
        if kept and not by_site:
            return True, None
        ids = tuple(dict.fromkeys(i for p in parts if p.kind == first.kind for i in p.ids))
        return False, _candidate(first.kind, ids, label, lexicon)
    if kept and not (
        by_site
        and first.kind == "body_part"
        and not _treated_alike(first.codes, sibling.ids, lexicon)
    ):
        return True, None
    named = f"{first.label} ({dotted_icd10(compact)})"
    return False, _candidate(first.kind, first.ids, named, lexicon, codes=first.codes)


def _chapters(compact: str, lexicon: Lexicon) -> Candidate | None:
    """Who first sees the code's chapter, for a description the parser cannot read
    ("A06.0", amebic dysentery: the infectious disease specialist)."""
    return _specialists(chapter_specialists(compact), compact, lexicon)


def _specialists(codes: tuple[str, ...], compact: str, lexicon: Lexicon) -> Candidate | None:
    """The specialists ``codes`` as the code's reading, named by the first; None for ()."""
    if not codes:
        return None
    name = lexicon.vocabulary.specialty_name(codes[0])
    label = f"{name} (ICD-10 {dotted_icd10(compact)})"
    return Candidate(
        0, 0, span_score(CONTENT, 1), "specialty", codes[:1], label, "code", codes=codes
    )


def _treated_alike(codes: tuple[str, ...], concept_ids: tuple[str, ...], lexicon: Lexicon) -> bool:
    concepts = lexicon.vocabulary.concepts
    theirs = {s.code for i in concept_ids if i in concepts for s in concepts[i].specialties}
    return bool(theirs & set(codes))


def _candidate(
    kind: str, ids: tuple[str, ...], label: str, lexicon: Lexicon, codes: tuple[str, ...] = ()
) -> Candidate:
    if kind in CONCEPTS and len(ids) == 1:
        label = lexicon.vocabulary.concepts[ids[0]].name
    return Candidate(0, 0, span_score(CONTENT, 1), kind, ids, label, "code", codes=codes)
