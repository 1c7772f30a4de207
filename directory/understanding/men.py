"""A man's body: "my husband has a rash down there" is a urologist's need.

Some words of women's health name a place both sexes have ("down there", "privates",
"genitals", "pelvic"), and read alone they ask for gynecologists, as most who type them
mean. Said of a man (he, my husband, my son, "im a guy", a referral's "67 M") and of no
woman, the same place is a man's: a body part the lexicon gives ``in_men`` reads as that
body part instead. A man's word read as something else (a male physician asked for, a name,
a place) says nothing about the patient.
"""

from __future__ import annotations

import re
from dataclasses import replace

from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Part, Word
from directory.understanding.tokens import Token

# Words read as these say something else: "male doctor" is the physician, "Guy, TX" a town.
_NOT_THE_PATIENT = frozenset({"filter", "name", "location", "npi", "phone"})
# A referral's age and sex: "67 M", "45yom", "12 y/o male", "34 F" (the sex's first letter).
_AGE_AND_SEX = re.compile(
    r"\b\d{1,3}\s*-?\s*(?:y/?o|yrs?|years?(?:\s*old)?)?\s*-?\s*(m|male|f|female)\b"
    r"|\b\d{1,3}\s*yo([mf])\b"
)


def in_a_mans_body(
    text: str, parts: tuple[Part, ...], chosen: list[Candidate], tokens: list[Token],
    lexicon: Lexicon,
) -> tuple[tuple[Part, ...], list[Candidate]]:  # fmt: skip
    """The parts and their readings, a woman's body part read as a man's when the words
    say the patient is a man."""
    a_boy = any(p.is_the_patient for p in parts)  # "my son is 14": a child's need
    turned = {
        at: men
        for at, candidate in enumerate(chosen)
        if candidate.kind == "body_part" and (men := _in_men(candidate, lexicon, a_boy))
    }
    if not turned or _the_patients_sex(text, tokens, chosen, lexicon) != "man":
        return parts, chosen
    parts, chosen = list(parts), list(chosen)
    for at, men in turned.items():
        body = lexicon.body_parts[men]
        entry = replace(chosen[at].entry, ids=body.concepts, codes=body.specialties, ref=body.id)
        chosen[at] = replace(chosen[at], ids=body.concepts, codes=body.specialties, entry=entry)
        parts[at] = replace(parts[at], ids=body.concepts, codes=body.specialties)
    return tuple(parts), chosen


def said_of_the_patient(
    filler: tuple[Word, ...], unplaced: list[Word], lexicon: Lexicon
) -> tuple[tuple[Word, ...], list[Word]]:
    """ "im a guy", "my boyfriend": a word for the patient's sex nothing else read is said
    of the patient, not a name or a town (Guy, TX) to look for."""
    sexes = lexicon.word_set("men") | lexicon.word_set("women")
    said = [w for w in unplaced if normalize_term(w.text) in sexes]
    if not said:
        return filler, unplaced
    filler = tuple(sorted((*filler, *said), key=lambda w: w.span))
    return filler, [w for w in unplaced if w not in said]


def _in_men(candidate: Candidate, lexicon: Lexicon, a_boy: bool = False) -> str:
    entry = candidate.entry
    body = lexicon.body_parts.get(entry.ref) if entry is not None else None
    if body is None:
        return ""
    return body.in_boys if a_boy and body.in_boys is not None else body.in_men


def a_man_is_the_patient(
    text: str, tokens: list[Token], chosen: list[Candidate], lexicon: Lexicon
) -> bool:
    """The words name the patient a man by a noun or a referral's "67 M" ("my son ... his
    acne", "my husband"), and say no woman: care only women receive is not his. A pronoun
    alone may be the doctor's ("my doctor said he thinks it's endometriosis")."""
    return _the_patients_sex(text, tokens, chosen, lexicon, pronouns=False) == "man"


_PRONOUNS = frozenset({"he", "him", "his", "hes", "himself"})


def _the_patients_sex(
    text: str, tokens: list[Token], chosen: list[Candidate], lexicon: Lexicon, pronouns=True
) -> str:
    """ "man" or "woman" when the words say only one of them of the patient, else ""."""
    taken = {i for c in chosen if c.kind in _NOT_THE_PATIENT for i in range(c.start, c.end)}
    words = {normalize_term(t.text) for i, t in enumerate(tokens) if i not in taken}
    # "my husbands breasts": a possessive typed without its apostrophe
    words |= {w[:-1] for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")}
    letters = {(a or b)[0] for a, b in _AGE_AND_SEX.findall(text.lower())}
    men = lexicon.word_set("men") if pronouns else lexicon.word_set("men") - _PRONOUNS
    man = bool(words & men) or "m" in letters
    woman = bool(words & lexicon.word_set("women")) or "f" in letters
    if man == woman:
        return ""
    return "man" if man else "woman"
