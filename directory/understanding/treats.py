"""A "<condition> doctor" is a doctor who treats the condition.

"sleep apnea doctor" and "glaucoma specialist" are lay names of subspecialties (sleep
medicine, glaucoma ophthalmology) that few places have. Read only as the subspecialty, a
search near a town without one finds nobody, although pulmonologists and ENTs treat sleep
apnea there. So the condition the phrase names is understood too: the subspecialty still
ranks first (a typed specialty scores above any condition fit), and the physicians who
treat the condition follow instead of an empty page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part

CONCEPTS = ("condition", "procedure")


def with_treated_concepts(
    parts: Sequence[Part], chosen: Sequence[Candidate], lexicon: Lexicon
) -> tuple[Part, ...]:
    """``parts`` (one per chosen reading), each "<concept> doctor" specialty with the
    concept its words name (``Part.treats``)."""
    doctor = lexicon.word_set("doctor_words") | lexicon.word_set("surgeon_words")
    found: list[Part] = []
    for part, candidate in zip(parts, chosen, strict=True):
        words = candidate.term.split()
        if part.kind == "specialty" and len(words) > 1 and words[-1] in doctor:
            entry = lexicon.phrases.get(" ".join(words[:-1]))
            if entry is not None and entry.kind in CONCEPTS:
                named = Part(entry.kind, entry.ids, entry.label, part.span, part.text, part.match)
                part = replace(part, treats=named)
        found.append(part)
    return tuple(found)
