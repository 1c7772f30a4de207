"""A child's specialist: "kids allergist", "pediatric hematologist", "allergist for my kids".

Parents rarely type a subspecialty's name ("Pediatric Allergy/Immunology"). A word that says
the patient is a child (``children`` in data/lexicon.json), with "my"/"our" before it and
"for" between, next to a specialty that has a children's counterpart (``children`` in
data/specialties.json) reads as that counterpart, in one part: a pediatric allergist is
what was asked, not pediatricians *or* allergists, and not allergists with "kids" ignored.
A vocabulary phrase for the same words ("pediatric cardiologist") still wins: a curator
wrote it. A son or a daughter of an adult's age ("dermatólogo para mi hijo de 30 años") is
no child.
"""

from __future__ import annotations

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import ADULT, TEEN_NOUNS, child_age, says_an_age
from directory.understanding.scoring import COMPOSED, CONTENT, span_score
from directory.understanding.tokens import Token

OWNERS = frozenset({"my", "our", "mi", "mis"})  # "my kid's allergist", "allergist for our baby"
LINKS = frozenset({"for", "with", "para", "con"})  # "allergist for kids", "para mi hija"


def for_children(
    candidates: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> list[Candidate]:
    """The children's counterpart of every one-specialty candidate a child word touches."""
    found: list[Candidate] = []
    said = " ".join(t.text for t in tokens)
    if says_an_age(said) and child_age(said) >= ADULT:
        return found
    child_words = lexicon.word_set("children")
    vocabulary = lexicon.vocabulary
    for candidate in candidates:
        if candidate.kind != "specialty":
            continue
        # Each reading of the words gets the children's counterparts its codes have: "teen
        # therapist" is a child psychologist (a counselor has none), never only a child's
        # physical therapist because the talk therapist's reading had several codes.
        codes = vocabulary.children_of(candidate.ids)
        if not codes:
            continue
        spans = (
            _before(tokens, candidate.start, child_words),
            _after(tokens, candidate.end, child_words),
        )
        # "family doctor for my newborn": a board trained to see children stays what was
        # asked, first, with its children's counterpart beside it
        # (one board named, not a need's several: "sunburn" is urgent care's)
        every_age = candidate.ids if set(candidate.ids) <= EVERY_AGE else ()
        # "dermatologist for my kids", "allergist for kids": a board that sees children
        # follows its few children's subspecialists (one pediatric dermatologist had been
        # the whole answer)
        after = () if every_age else _seeing_children(candidate, lexicon)
        for span in spans:
            if span is not None:
                typed = _a_teenagers_adults_specialist(candidate, span[0], tokens, lexicon)
                asked = tuple(dict.fromkeys((*every_age, *codes, *typed, *after)))
                found.append(_counterpart(candidate, asked, *span, lexicon))
    return found


# Boards whose residency trains them to see children: asked for a child by name, they stay.
EVERY_AGE = frozenset({"207Q00000X"})  # family medicine


def _seeing_children(candidate: Candidate, lexicon: Lexicon) -> tuple[str, ...]:
    """The one physician board named, when it sees young children too (dermatology,
    allergy, ENT, orthopedics; not internists' fields, adult neurology or psychiatry)."""
    specialties = lexicon.vocabulary.specialties
    if len(candidate.ids) != 1 or candidate.ids[0] not in specialties:
        return ()
    board = specialties[candidate.ids[0]]
    return candidate.ids if board.is_physician and not board.sees_no_young_children else ()


def _a_teenagers_adults_specialist(
    candidate: Candidate, edge: int, tokens: list[Token], lexicon: Lexicon
) -> tuple[str, ...]:
    """The adults' specialty typed by its own name for a teenager ("neurologist for my
    teenage daughters migraines"): it stays asked beside its children's counterpart, as
    adult neurologists see teenagers; a younger child's is the counterpart alone."""
    start, end = (edge, candidate.start) if edge < candidate.start else (candidate.end, edge)
    teen = any(t.norm in TEEN_NOUNS for t in tokens[start:end])
    adults = tuple(lexicon.vocabulary.seeing_only_adults(candidate.ids))
    # one board named ("neurologist"), not a need's several ("concussion doctor")
    return adults if teen and len(candidate.ids) == 1 else ()


# "colitis doctor for college kid", "my grown son": a son or daughter who is no child.
GROWN = frozenset({"college", "grown", "adult", "university", "uni"})


def grown_children(tokens: list[Token], lexicon: Lexicon) -> set[int]:
    """The token indexes of child words said of a grown son or daughter ("college kid",
    "adult children"): no pediatric reading of them."""
    child_words = lexicon.word_set("children")
    return {
        i
        for i in range(1, len(tokens))
        if tokens[i].norm in child_words and tokens[i - 1].norm in GROWN
    }


def _before(tokens: list[Token], start: int, child_words: frozenset[str]):
    """(first token, words, glue) of "[my] kids['s]" ending right before ``start``."""
    at, words = start - 1, 1
    # "children's", "kid's": the possessive counts as a word, as the term reader counts it
    # in "my kid's" (Pediatrician), which this reading must outscore.
    if at >= 1 and tokens[at].norm == "s":
        at, words = at - 1, 2
    if at < 0 or tokens[at].norm not in child_words:
        return None
    if at >= 1 and tokens[at - 1].norm in OWNERS:
        return at - 1, words + 1, 0
    return at, words, 0


def _after(tokens: list[Token], end: int, child_words: frozenset[str]):
    """(last token + 1, words, glue) of "for [my] kids" starting at ``end``."""
    at, glue = end, 0
    if at < len(tokens) and tokens[at].norm in LINKS:
        at, glue = at + 1, 1
    owner = at < len(tokens) and tokens[at].norm in OWNERS
    at += owner
    if at >= len(tokens) or tokens[at].norm not in child_words:
        return None
    return at + 1, 1 + owner, glue


def _counterpart(
    candidate: Candidate, codes: tuple[str, ...], edge: int, words: int, glue: int, lexicon
) -> Candidate:
    start, end = (edge, candidate.end) if edge < candidate.start else (candidate.start, edge)
    total = candidate.words + words
    return Candidate(
        start, end, span_score(CONTENT, total, glue, candidate.penalty + COMPOSED), "specialty",
        codes, lexicon.vocabulary.specialty_name(codes[0]), candidate.match,
        codes=lexicon.vocabulary.meant_by(codes),
        words=total, penalty=candidate.penalty,
    )  # fmt: skip
