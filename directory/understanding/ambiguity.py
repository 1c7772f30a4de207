"""Words with several everyday meanings: let the rest of the text choose, and say so.

"endo" is what patients call an endocrinologist and what people with endometriosis call
their condition (``ambiguous`` in data/lexicon.json). The cover keeps the default reading on
a tie; here the body systems the rest of the text names ("endo for my thyroid", "endo and
pelvic pain") pick the reading that fits them. A reading not taken that the text does not
rule out is returned as an alternative (same span), so the page and the API can offer it
instead of hiding it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from directory.understanding.candidates import Candidate
from directory.understanding.entries import Entry
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part


def settle(
    parts: Sequence[Part],
    chosen: Sequence[Candidate],
    lexicon: Lexicon,
    background: Sequence[Candidate] = (),
) -> tuple[tuple[Part, ...], tuple[Part, ...]]:
    """(parts with each ambiguous word read as the text supports, the readings not taken):
    the body systems the rest of the text names choose, even one the word's own first
    reading shares ("chest pain ... stent" is the heart's stent, "bile duct ... stent" the
    gastroenterologist's). What the text tells but does not ask (``background``: "dad had
    prostate cancer ... when should i get psa") still says what it is about."""
    settled: list[Part] = []
    others: list[Part] = []
    for part, candidate in zip(parts, chosen, strict=True):
        readings = lexicon.readings.get(candidate.term, ())
        if not readings:
            settled.append(part)
            continue
        rest = [c for c in (*chosen, *background) if c is not candidate]
        context = set(body_systems(rest, lexicon))
        treating = _treating(rest, lexicon)
        typed = {code for c in rest if c.kind == "specialty" for code in c.codes}
        leading = _treating(rest, lexicon, LEADING)
        # A specialty typed beside a condition it treats first ("gyn for endo", "ob gyn that
        # treats endo"), or who the rest is treated by first, before any other fit
        fitting = [
            r
            for r in readings
            if _providers(r, lexicon) & (leading | typed) or _treated_by(r, lexicon) & typed
        ]
        fitting += [
            r
            for r in readings
            if r not in fitting
            and (_systems(r, lexicon) & context or _providers(r, lexicon) & treating)
        ]
        # A condition treated first by who treats the rest first: "dad had prostate
        # cancer ... psa" is the urologist's screening, not psoriatic arthritis
        fitting += [r for r in readings if r not in fitting and _treated_by(r, lexicon) & leading]
        # Else who treats it by board: a stroke's neurologic physical therapists are
        # physical therapists, as "therapy" reads them ("he had a stroke, needs therapy").
        boards = _boards(treating, lexicon)
        fitting = fitting or [
            r for r in readings if _boards(_providers(r, lexicon), lexicon) & boards
        ]
        pick = fitting[0] if fitting else _entry_of(part, readings)
        settled.append(_as(part, pick))
        # A reading the rest of the text rules out is not worth offering.
        others += [_as(part, r) for r in (fitting or readings) if r is not pick]
    return tuple(settled), tuple(others)


def body_systems(chosen: Sequence[Candidate], lexicon: Lexicon) -> list[str]:
    """The body systems of what was read: its body parts' and its concepts', in order."""
    systems: dict[str, None] = {}
    for candidate in chosen:
        entry = candidate.entry
        if entry is not None and entry.kind == "body_part":
            systems[lexicon.body_parts[entry.ref].body_system] = None
        if candidate.kind in ("condition", "procedure"):
            for concept_id in candidate.ids:
                systems[lexicon.vocabulary.concepts[concept_id].body_system] = None
    return list(systems)


def _entry_of(part: Part, readings: Sequence[Entry]) -> Entry:
    return next((r for r in readings if (r.kind, r.ids) == (part.kind, part.ids)), readings[0])


def _systems(entry: Entry, lexicon: Lexicon) -> set[str]:
    if entry.kind == "specialty":
        return {s for code in entry.ids for s in lexicon.specialty_systems.get(code, ())}
    concepts = lexicon.vocabulary.concepts
    return {concepts[i].body_system for i in entry.ids if i in concepts}


# The first specialties a condition map lists: who the condition is treated by first.
LEADING = 3


def _treating(chosen: Sequence[Candidate], lexicon: Lexicon, first: int | None = None) -> set[str]:
    """Specialties the rest of the text's conditions list as treating them ("therapy for
    back pain": back pain lists physical therapists, so it is physical therapy), the
    ``first`` of each map only when given, a body part's conditions ("therapist for my
    back"), and a specialty typed beside the word ("stent, urologist": the urologist's stent
    is the ureteral stent)."""
    ids = [i for c in chosen if c.kind in ("condition", "procedure", "body_part") for i in c.ids]
    found = {code for i in ids for code in lexicon.vocabulary.treating([i])[:first]}
    found |= {code for c in chosen if c.kind in ("body_part", "specialty") for code in c.codes}
    return found


def _boards(codes: set[str], lexicon: Lexicon) -> set[tuple[str, str]]:
    """The NUCC classifications (grouping and classification) of these codes."""
    specialties = lexicon.vocabulary.specialties
    return {
        (s.grouping, s.classification) for code in codes if (s := specialties.get(code)) is not None
    }


def _providers(entry: Entry, lexicon: Lexicon) -> set[str]:
    """Who a reading is: a specialty's codes, or who performs a procedure (its first-ranked
    specialty). A condition reading is nobody."""
    if entry.kind == "specialty":
        return set(entry.codes)
    concepts = lexicon.vocabulary.concepts
    return {
        concepts[i].specialties[0].code
        for i in entry.ids
        if entry.kind == "procedure" and i in concepts and concepts[i].specialties
    }


def _treated_by(entry: Entry, lexicon: Lexicon) -> set[str]:
    """The specialties a condition reading's map lists first (``LEADING``); none for other
    readings."""
    if entry.kind != "condition":
        return set()
    return set(lexicon.vocabulary.treating(entry.ids)[:LEADING])


def _as(part: Part, entry: Entry) -> Part:
    return replace(part, kind=entry.kind, ids=entry.ids, label=entry.label, codes=entry.codes)
