"""Candidate readings of spans of words: lexicon terms, typed codes and their scores.

Every way a run of tokens could be read becomes a :class:`Candidate` with a score
(``scoring.span_score``); ``parse.best_cover`` then picks the non-overlapping set with the
highest total. This module finds the direct readings: lexicon terms (allowing typos,
plurals, abbreviations, spacing slips and determiners inside a phrase), ICD-10-CM codes
and NUCC taxonomy codes. Body-part rules live in ``compose``, places in ``places`` and
names in ``names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from directory.geography import Place
from directory.text import compact_icd10, dotted_icd10
from directory.understanding.entries import Entry
from directory.understanding.lexicon import Lexicon
from directory.understanding.scoring import (
    BODY_PART,
    COHESION,
    CONTENT,
    DOCTOR_WORD,
    EDIT,
    PLACE,
    SPACING,
    span_score,
)
from directory.understanding.titles import titles_a_name
from directory.understanding.tokens import Alternative, Token, age_said, is_a_count
from directory.understanding.typos import english_counts, heard_as

WEIGHTS = {"body_part": BODY_PART, "symptom": BODY_PART, "near_me": PLACE}
MAX_COMPACT_WORDS = 3  # "low back pain" typed as "lowbackpain" is still found
MAX_SPELLED_WORDS = 4  # letters spelled out one by one ("a d h d")
_NUCC = re.compile(r"^[0-9A-Z]{9}X$")
ICD10_CATEGORY = 3  # "M79": the characters of an ICD-10-CM category, before the dot


@dataclass(slots=True)
class Candidate:
    """One possible reading of tokens [start, end)."""

    start: int
    end: int
    score: float
    kind: str  # a Part kind, or "context" (a condition that depends on the rest of the text)
    ids: tuple[str, ...]
    label: str
    match: str
    codes: tuple[str, ...] = ()
    filter: str | None = None
    entry: Entry | None = None
    term: str = ""  # the lexicon term read, for the composition rules
    words: int = 1  # content words (without glue)
    penalty: float = 0.0
    place: Place | None = None
    places: tuple[Place, ...] = ()
    near_me: bool = False
    radius: int | None = None
    strong: bool = False  # a place the words spell out beyond doubt (ZIP, "City, ST")


def from_entry(
    start: int, end: int, entry: Entry, term: str, *, glue: int, penalty: float, match: str
) -> Candidate:
    """A candidate for ``entry`` read from ``end - start`` tokens, ``glue`` of them skipped."""
    words = end - start - glue
    weight = WEIGHTS.get(entry.kind, CONTENT)
    kind = "location" if entry.kind == "near_me" else entry.kind
    return Candidate(
        start,
        end,
        span_score(weight, words, glue, penalty),
        kind,
        entry.ids,
        entry.label,
        match,
        codes=entry.codes,
        filter=entry.filter,
        entry=entry,
        term=term,
        words=words,
        penalty=penalty,
        near_me=entry.kind == "near_me",
    )


def term_candidates(
    tokens: list[Token], alternatives: list[tuple[Alternative, ...]], lexicon: Lexicon
) -> list[Candidate]:
    """Every span that reads as a lexicon term, through each token's alternatives."""
    found: list[Candidate] = []
    # Words a phrase may step over: "pain down my left leg" is "pain down the leg".
    skippable = lexicon.word_set("skippable")
    for first in range(len(tokens)):
        # (next token, term so far, penalty, edits, determiners skipped, abbreviation used,
        # a word spelled right corrected into another)
        stack: list[tuple[int, str, float, int, int, bool, bool]] = [
            (first, "", 0.0, 0, 0, False, False)
        ]
        while stack:
            at, term, penalty, edits, skipped, abbreviated, real = stack.pop()
            if at >= len(tokens):
                continue
            for alt in alternatives[at]:
                key = f"{term} {alt.word}" if term else alt.word
                cost = penalty + alt.penalty + EDIT * alt.edits
                typos = edits + alt.edits
                short = abbreviated or alt.abbreviation
                rewritten = real or alt.real_word
                entry = lexicon.phrases.get(key)
                # A real word is read as another only inside a phrase ("planter fasciitis").
                if entry is not None and at == first and _the_word(tokens, first, lexicon):
                    entry = None
                if entry is not None and not (rewritten and at == first):
                    match = _match(entry, typos, short)
                    found.append(
                        from_entry(
                            first, at + 1, entry, key, glue=skipped, penalty=cost, match=match
                        )
                    )
                if key in lexicon.prefixes:
                    stack.append((at + 1, key, cost, typos, skipped, short, rewritten))
            # "my 3 kids": a small number inside a phrase is stepped over, like "my"; a lone
            # letter steps over nothing ("a week, I" is not "A/I", the allergists)
            word = tokens[at].norm
            if len(term) > 1 and (word in skippable or is_a_count(word)):
                stack.append((at + 1, term, penalty, edits, skipped + 1, abbreviated, real))
    found += _other_readings(found, lexicon)
    found += _with_doctor_word(found, tokens, alternatives, lexicon)
    return found + _compact_candidates(tokens, lexicon)


# An article before clinical letters typed in lower case makes them the everyday word:
# "soaking a pad every hour" (not PAD), "a sad movie"; "pt w/ pad" keeps PAD.
_ARTICLES = frozenset({"a", "an", "the", "every", "each", "another", "one", "per"})


def _the_word(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    token = tokens[at]
    return (
        at > 0
        and token.norm in lexicon.everyday_acronyms
        and token.text.islower()
        and tokens[at - 1].norm in _ARTICLES
    )


def _other_readings(found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """ "endo" is an endocrinologist or endometriosis: a candidate for every reading after
    the default (which the cover keeps on a tie; ``parse`` then lets the text decide)."""
    others = []
    for candidate in found:
        for entry in lexicon.readings.get(candidate.term, ())[1:]:
            other = from_entry(
                candidate.start, candidate.end, entry, candidate.term, glue=0,
                penalty=candidate.penalty, match=candidate.match,
            )  # fmt: skip
            others.append(replace(other, score=candidate.score))
    return others


def _with_doctor_word(
    found: list[Candidate],
    tokens: list[Token],
    alternatives: list[tuple[Alternative, ...]],
    lexicon: Lexicon,
) -> list[Candidate]:
    """ "endo dr", "cardiology clinic", "skin cancer doctor": a specialty, condition or
    procedure and the doctor word after it are one reading, so the doctor word is neither a
    title ("dr houston") nor filler while another reading ("cancer doctor") takes the rest."""
    doctor_words = lexicon.word_set("doctor_words")
    longer = []
    for c in found:
        if c.kind not in ("specialty", "condition", "procedure") or c.end >= len(tokens):
            continue
        word = next((a.word for a in alternatives[c.end] if a.word in doctor_words), None)
        if word is not None and not titles_a_name(tokens, c.end, lexicon):
            extra = 0.0 if c.kind == "specialty" else DOCTOR_WORD
            score = c.score + CONTENT + COHESION - extra  # one more word of the reading
            term = f"{c.term} {word}"
            longer.append(replace(c, end=c.end + 1, score=score, words=c.words + 1, term=term))
    return longer


def _match(entry: Entry, edits: int, abbreviated: bool) -> str:
    if edits:
        return "fuzzy"
    return "exact" if entry.exact and not abbreviated else "synonym"


def _compact_candidates(tokens: list[Token], lexicon: Lexicon) -> list[Candidate]:
    """ "backpain", "lowbackpain", "a-fib" -> the term written with other spacing (scored by
    the tokens typed, so the term spelled as typed wins when both exist); and what speech
    to text splits into other words, joined ("cat aracts", "sleep app nia", "a d h d")."""
    found = []
    for first in range(len(tokens)):
        if _decimals_of(tokens, first):  # "VL 2.1M" is 2.1 million, not a 1-year-old boy
            continue
        joined = ""
        for end in range(first, min(first + MAX_SPELLED_WORDS, len(tokens))):
            joined += tokens[end].norm
            term, edits = lexicon.compact.get(age_said(joined)), 0  # "15F": a 15 year old
            if term is None and end > first:
                term, edits = _heard_apart(tokens[first : end + 1], joined, lexicon)
            if term is None or term == " ".join(t.norm for t in tokens[first : end + 1]):
                continue
            entry = lexicon.phrases[term]
            penalty = SPACING + EDIT * edits
            found.append(
                from_entry(first, end + 1, entry, term, glue=0, penalty=penalty, match="fuzzy")
            )
    return found


HEARD_TYPED = 6  # letters typed apart at least, joined ("her nia" 6)
HEARD_WORD = 3  # letters in each word heard apart ("app nia"; not "my appa", "fu ke")


def _heard_apart(span: list[Token], joined: str, lexicon: Lexicon) -> tuple[str | None, int]:
    """(term, edits) for words a phone's speech-to-text split apart: letters spelled out
    ("a d h d", "G I") or words, one of them no word at all, that joined sound like a term
    and nearly spell it ("pull monologist", "cat aracts"); (None, 0) otherwise. Everyday
    words split from a term ("my grains", "loop us") are left as typed: too many everyday
    pairs sound like a term."""
    if not joined.isalpha():
        return None, 0
    if all(len(t.norm) == 1 for t in span):
        return (joined if joined in lexicon.phrases else None), 0
    if len(span) > MAX_COMPACT_WORDS or len(joined) < HEARD_TYPED:
        return None, 0
    if any(len(t.norm) < HEARD_WORD for t in span):  # "my appa", "fu ke", "fè m mal"
        return None, 0
    # A word no one writes among them ("aracts", "monologist"): English words alone are
    # meant as typed ("for skin" is no foreskin, "her meds" no hemorrhoids), and so is a
    # place's short name ("near ohare" is O'Hare, not "near here").
    if all(t.norm in lexicon.words or t.norm in english_counts() for t in span):
        return None, 0
    if any(t.norm in lexicon.data.nicknames for t in span):
        return None, 0
    for said in (joined, joined.removesuffix("s")):  # "cat aracts": cataract
        if said in lexicon.phrases:
            return said, 0
    found = heard_as(joined, lexicon.heard)
    return found if found is not None else (None, 0)


def _decimals_of(tokens: list[Token], at: int) -> bool:
    """The token at ``at`` is what follows a number's decimal point ("2.1M", "8.5F")."""
    before = tokens[at - 1] if at else None
    starts_with_digit = tokens[at].norm[:1].isdigit()
    return bool(
        before
        and starts_with_digit
        and before.norm.isdigit()
        and before.end + 1 == tokens[at].start
    )


def code_candidates(tokens: list[Token], lexicon: Lexicon) -> list[Candidate]:
    """ICD-10-CM codes ("M54.16", "m5416") and NUCC taxonomy codes ("207XS0117X")."""
    found = []
    for index, token in enumerate(tokens):
        ids = _icd10_concepts(token.text, lexicon)
        if ids:
            compact = compact_icd10(token.text) or ""
            label = (
                lexicon.vocabulary.concepts[ids[0]].name
                if len(ids) == 1
                else f"ICD-10 {dotted_icd10(compact)}"
            )
            found.append(
                Candidate(index, index + 1, span_score(CONTENT, 1), "condition", ids, label, "code")
            )
        code = token.text.upper()
        if _NUCC.match(code) and code in lexicon.vocabulary.specialties:
            codes = (code, *lexicon.vocabulary.specialties[code].also)
            label = lexicon.vocabulary.specialty_name(code)
            found.append(
                Candidate(
                    index, index + 1, span_score(CONTENT, 1), "specialty", (code,), label, "code",
                    codes=codes,
                )
            )  # fmt: skip
    return found


def _icd10_concepts(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Concepts listing the code, else those under the code or its nearest category."""
    compact = compact_icd10(text)
    if compact is None:
        return ()
    if compact in lexicon.icd10_exact:
        return lexicon.icd10_exact[compact]
    size = nearest_category(compact, lexicon)
    return lexicon.icd10[compact[:size]] if size else ()


def nearest_category(compact: str, lexicon: Lexicon) -> int:
    """How many characters of ``compact`` (a compact ICD-10-CM code) the nearest code or
    category the vocabulary lists shares with it: the whole code when it is listed or has
    listed codes under it, 3 for its category alone; 0 when none is. A Z code (a status,
    not a disease) has no nearest category: Z87.891, a history of smoking, is no sibling of
    Z87.890 (gender-affirming surgery) however close it is."""
    shortest = len(compact) if compact.startswith("Z") else ICD10_CATEGORY
    for size in range(len(compact), shortest - 1, -1):
        if compact[:size] in lexicon.icd10:
            return size
    return 0
