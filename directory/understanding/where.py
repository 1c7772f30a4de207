"""A body part that only says where another need is.

"itchy flaky patches on my elbows n knees" is a rash, and "lump on my thyroid in my neck" a
thyroid lump: the elbows, knees and neck say where, and read as needs of their own they
brought orthopedic and spine surgeons to a skin or thyroid search. A body part read alone
(no symptom or condition composed with it), of the limbs or the spine, typed after a word
that places something ("on", "in", "around") or joined by "and" to one that was, is where
when the text also asks for a need whose specialists are none of that body part's; it leaves
the parts and counts as filler. "pain in my knee" is one reading already (compose), and
"knee and hip" or "back and knee" have no other need, so they keep their parts.

The reverse holds for pain said apart from its body part ("fell on my wrist and it still
hurts", "gas pains and bloating", "hurt to pee"): the body part is where the pain is, not
beside it, and the pain is the body part's, whose specialists treat it; so is pain beside
a condition of the limbs or the spine ("twisted my ankle ... it really hurts"). Read as a need of
its own it had asked for pain medicine: the wrist's hand surgeons were dropped for pain
specialists. ``pain_said_apart`` leaves the body part and lets the pain go as filler.
"""

from __future__ import annotations

from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part, Word

REGIONS = frozenset({"musculoskeletal", "spine"})  # body parts that can be where a need is
PLACING = frozenset(
    {"on", "in", "around", "behind", "under", "over", "across", "between", "covering", "covers"}
)
OWNERS = frozenset({"my", "the", "both", "his", "her", "their", "your", "our", "a", "an"})
JOINING = frozenset({"and", "n", "or"})
NEEDS = ("condition", "procedure", "symptom", "body_part")
SKIN = "dermatology"
PAIN = "pain"  # the lexicon's symptom read from "hurts", "aches", "pains"


def body_parts_saying_where(
    text: str, parts: tuple[Part, ...], chosen: list[Candidate], lexicon: Lexicon
) -> tuple[tuple[Part, ...], list[Candidate], tuple[Word, ...]]:
    """The parts and their readings without the body parts that only say where another need
    is, and those as words."""
    where: list[int] = []
    for at, (part, candidate) in enumerate(zip(parts, chosen, strict=True)):
        if not _bare_region(candidate, lexicon):
            continue
        start = parts[at - 1].span[1] if at else 0
        before = normalize_term(text[start : part.span[0]]).split()
        while before and before[-1] in OWNERS:
            before.pop()
        placed = bool(before) and before[-1] in PLACING
        joined = len(before) == 1 and before[0] in JOINING
        # "acne face and back", "pigmented lesion back", "eczema all over her cheeks and
        # legs": where the skin need is
        said_where = joined or not before or bool(PLACING & set(before))
        skin = at and said_where and _skin(parts[at - 1], lexicon)
        if placed or skin or (joined and at and _places(at - 1, parts, where)):
            where.append(at)
    dropped = {at for at in where if _beside_another_need(at, parts, where, lexicon)}
    if not dropped:
        return parts, chosen, ()
    kept = tuple(p for at, p in enumerate(parts) if at not in dropped)
    readings = [c for at, c in enumerate(chosen) if at not in dropped]
    return kept, readings, tuple(Word(parts[at].text, parts[at].span) for at in sorted(dropped))


def pain_said_apart(
    parts: tuple[Part, ...], chosen: list[Candidate], lexicon: Lexicon
) -> tuple[tuple[Part, ...], list[Candidate], tuple[Word, ...]]:
    """The parts without a bare pain that a body part read elsewhere in the text has."""
    if not any(_a_place_that_hurts(p, lexicon) for p in parts):
        return parts, chosen, ()
    pains = {at for at, c in enumerate(chosen) if _bare_pain(c, lexicon)}
    if not pains:
        return parts, chosen, ()
    kept = tuple(p for at, p in enumerate(parts) if at not in pains)
    readings = [c for at, c in enumerate(chosen) if at not in pains]
    return kept, readings, tuple(Word(parts[at].text, parts[at].span) for at in sorted(pains))


def _a_place_that_hurts(part: Part, lexicon: Lexicon) -> bool:
    """A body part, or a condition of the limbs or the spine ("twisted my ankle")."""
    if part.kind == "body_part":
        return True
    concepts = lexicon.vocabulary.concepts
    found = [concepts[i] for i in part.ids if i in concepts]
    return part.kind == "condition" and bool(found) and all(c.body_system in REGIONS for c in found)


def _bare_pain(candidate: Candidate, lexicon: Lexicon) -> bool:
    """ "hurts", "pains" read alone: the symptom whose specialists are pain medicine's."""
    entry = candidate.entry
    if candidate.kind != "symptom" or entry is None or entry.kind != "symptom":
        return False
    return lexicon.symptoms[entry.ref].id == PAIN


def _places(at: int, parts: tuple[Part, ...], where: list[int]) -> bool:
    """The part says where: a body part that does, or words that place one ("rash on my
    arms" before "and legs")."""
    return at in where or bool(PLACING & set(normalize_term(parts[at].text).split()))


def _skin(part: Part, lexicon: Lexicon) -> bool:
    """A condition of the skin ("acne", "a pigmented lesion"): a body part right after it,
    or joined to it, is where on the skin."""
    concepts = lexicon.vocabulary.concepts
    found = [concepts[i] for i in part.ids if i in concepts]
    return part.kind == "condition" and bool(found) and all(c.body_system == SKIN for c in found)


def _bare_region(candidate: Candidate, lexicon: Lexicon) -> bool:
    entry = candidate.entry
    if candidate.kind != "body_part" or entry is None or entry.kind != "body_part":
        return False
    if candidate.words != len(candidate.term.split()):
        return False  # composed with a symptom: "knee pain", "legs swollen"
    return lexicon.body_parts[entry.ref].body_system in REGIONS


def _beside_another_need(
    at: int, parts: tuple[Part, ...], where: list[int], lexicon: Lexicon
) -> bool:
    """Another part asks for something this body part's specialists do not treat."""
    own = set(parts[at].codes)
    others = (
        p
        for i, p in enumerate(parts)
        if i != at and i not in where and p.kind in NEEDS and p.label.casefold() != PAIN
    )
    return any((codes := _treating(p, lexicon)) and not own & codes for p in others)


def _treating(part: Part, lexicon: Lexicon) -> set[str]:
    """Who a part asks for: its codes, or for a condition or procedure who treats it."""
    return set(part.codes or lexicon.vocabulary.treating(part.ids))
