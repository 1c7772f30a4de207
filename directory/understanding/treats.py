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

from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part
from directory.vocabulary import GENERALISTS, PEDIATRICS

CONCEPTS = ("condition", "procedure")


def with_treated_concepts(
    parts: Sequence[Part], chosen: Sequence[Candidate], lexicon: Lexicon
) -> tuple[Part, ...]:
    """``parts`` (one per chosen reading), each "<concept> doctor" specialty with the
    concept its words name (``Part.treats``)."""
    doctors = lexicon.word_set("doctor_words")
    doctor = doctors | lexicon.word_set("surgeon_words")
    for_a_child = any(PEDIATRICS in p.ids for p in parts if p.kind == "specialty")
    found: list[Part] = []
    for part, candidate in zip(parts, chosen, strict=True):
        words = candidate.term.split()
        if part.kind == "specialty" and len(words) > 1 and words[-1] in doctor:
            entry = lexicon.phrases.get(" ".join(words[:-1]))
            if entry is not None and entry.kind in CONCEPTS:
                named = Part(entry.kind, entry.ids, entry.label, part.span, part.text, part.match)
                part = replace(part, treats=named)
                part = (the_childs_need(part, lexicon) or part) if for_a_child else part
        elif (
            part.kind in CONCEPTS
            and (normalize_term(part.text).split() or [""])[-1] in doctors
            and not for_a_child  # "asthma doctor for my kid": a pediatrician reading stays
        ):
            beside = [i for p in parts if p.kind == "condition" for i in p.ids]
            last = normalize_term(part.text).split()[-1]
            if not (last in _PLACES and _led_by_others(part, lexicon)):
                part = _its_specialist(part, lexicon, beside, last in _SPECIALIST) or part
        found.append(part)
    return tuple(found)


def the_childs_need(part: Part, lexicon: Lexicon) -> Part | None:
    """A "<need> doctor" read for a child whose specialist sees only adults, as the need:
    "kids asthma doctor" is a child's asthma, as "asthma doctor for my kid" is, so the
    children's pulmonologists and allergists and the pediatrician come first and the adults'
    pulmonologists after (read as a pediatric pulmonologist, the adults' had filled page 1
    where none practised). None when the specialist sees children too (a dermatologist)."""
    specialties = lexicon.vocabulary.specialties
    if part.treats is None or not all(
        c in specialties and specialties[c].sees_only_adults for c in part.ids
    ):  # "concussion doctor": sports medicine sees children, as neurology does not
        return None
    return part.treats


# "bedwetting specialist": someone past the child's pediatrician, whom a "doctor" may be.
_SPECIALIST = frozenset({"specialist", "specialists", "expert", "experts"})


# "wound clinic", "tinnitus center": a place where all who treat the need work.
_PLACES = frozenset({"clinic", "clinics", "center", "clinica", "practice"})


def _led_by_others(part: Part, lexicon: Lexicon) -> bool:
    """The need's map lists a clinician who is no physician first (podiatrists for wounds,
    audiologists for tinnitus): its clinic is theirs as much as the first physician's, so
    "wound clinic fall river" lists the map's order, not vascular surgeons alone."""
    vocabulary = lexicon.vocabulary
    if len(part.ids) != 1:
        return False
    first = next(iter(vocabulary.concepts[part.ids[0]].specialties), None)
    return first is not None and (
        first.code in vocabulary.specialties and not vocabulary.specialties[first.code].is_physician
    )


def _its_specialist(
    part: Part, lexicon: Lexicon, beside: Sequence[str] = (), beyond: bool = False
) -> Part | None:
    """ "lupus specialist", "acne doctor": the specialist the condition is first listed
    with (not primary care), treating the condition, so those physicians lead and the
    others who treat it follow; read as the condition alone, nephrologists and
    dermatologists came level with the rheumatologists asked for. Beside a condition
    (``beside``: concept ids), the first who also treats it: "migraine ... the botox
    doctor" is the neurologist, not the dermatologist botox is first listed with.
    ``beyond``: a specialist was asked for, so not the pediatrician either ("bedwetting
    specialist": the pediatric urologist the map lists after the pediatrician)."""
    if len(part.ids) != 1:
        return None
    vocabulary = lexicon.vocabulary
    concept = vocabulary.concepts[part.ids[0]]
    general = GENERALISTS | {PEDIATRICS} if beyond else GENERALISTS
    leads = [
        rank.code
        for rank in concept.specialties
        if rank.code not in general
        and rank.code in vocabulary.specialties
        and vocabulary.specialties[rank.code].is_physician
    ]
    also = {
        r.code
        for i in beside
        if i in vocabulary.concepts
        for r in vocabulary.concepts[i].specialties
    }
    lead = next((c for c in leads if c in also), None) or next(iter(leads), None)
    if lead is None:
        return None
    return Part(
        "specialty", (lead,), vocabulary.specialty_name(lead), part.span, part.text, part.match,
        codes=vocabulary.meant_by((lead,)), treats=part,
    )  # fmt: skip
