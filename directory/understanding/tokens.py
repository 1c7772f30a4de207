"""Words with their place in the text, and the lexicon words each one could stand for.

A token remembers its character span so every part of the interpretation can point at the
text it came from. Its *alternatives* are the lexicon words it may be read as: itself, its
singular ("knees"), an abbreviation's full form ("dr" -> "doctor") or, for a word the
lexicon doesn't know, the closest correctly spelled words ("siatica" -> "sciatica").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from directory.text import normalize_term
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import SEX_AFTER_AGE, YEARS_AND_MONTHS
from directory.understanding.scoring import PLURAL
from directory.understanding.typos import (
    INDEX_DEPTH,
    corrections,
    english_counts,
    rewrites_real_word,
)

MAX_TOKENS = 120  # the search box allows 500 characters; more words are reported as unplaced
# Marks that are part of a word though not letters themselves: combining accents, Arabic
# vowel signs, and the vowel signs of the Indian scripts ("हिंदी" is one word, not four).
_MARKS = "[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0dff]"
# A dotted ICD-10-CM code stays one token ("M54.16"), as does a ZIP+4 ("06106-1234") and a
# referral's slashed shorthand, one letter each side ("s/p", "r/o", "c/o": its letters alone
# would read as names or places; "PT/OT", "OB/GYN" still split); everything else is a run
# of letters and digits.
_TOKEN = re.compile(
    r"(?<![\w.])[A-Za-z]\d[0-9A-Za-z]\.[0-9A-Za-z]{1,4}(?![\w.])|\b\d{5}-\d{4}\b"
    r"|(?<![\w/])[A-Za-z]/[A-Za-z](?![\w/])|(?:[^\W_]|" + _MARKS + ")+"
)


class Token(NamedTuple):
    text: str  # as typed
    norm: str  # folded lower-case letters and digits ("Español" -> "espanol")
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() and not self.text.isupper()

    @property
    def upper(self) -> bool:
        return self.text.isupper()


class Alternative(NamedTuple):
    word: str
    penalty: float
    edits: int = 0  # typos corrected
    abbreviation: bool = False
    real_word: bool = False  # a correction of a word spelled right (typos.rewrites_real_word)


# A care joined to "tele": "teledermatology", "telepsych", "telecardiology" (not "telephone").
_TELE_CARE = re.compile(
    r"^tele([a-z]{2,}(?:ology|ologist|ologists|iatry|iatrist)|derm|psych|rheum|neuro|cardio|"
    r"endo|onc|pulm|ortho|peds|gi)$"
)


def tokenize(text: str, scripts: Mapping[str, tuple[str, ...]] | None = None) -> list[Token]:
    """The words of ``text`` with their character spans; a run in a script the folding
    drops is read through ``scripts`` (lexicon ``scripts``), its known words found in it
    longest first, as Chinese is written without spaces and Korean joins its particles."""
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if "." in raw:
            norm = raw.lower()
        elif "/" in raw:
            norm = normalize_term(raw)  # "s/p" -> "s p", as the lexicon's word lists fold it
        elif "-" in raw:
            norm = raw[:5]
        else:
            norm = normalize_term(raw).replace(" ", "")
        if (care := _TELE_CARE.match(norm)) and len(raw) == len(norm):
            # "teledermatology", "telepsych": the telehealth wish and the care, two words
            at = match.start() + 4
            tokens.append(Token(raw[:4], "tele", match.start(), at))
            tokens.append(Token(raw[4:], care[1], at, match.end()))
        elif norm:
            tokens.append(Token(raw, norm, match.start(), match.end()))
        elif scripts:  # folded to nothing: Chinese, Korean, Arabic, Russian
            tokens += _in_another_script(raw, match.start(), scripts)
    return tokens


def _in_another_script(raw: str, start: int, scripts: Mapping[str, tuple[str, ...]]) -> list[Token]:
    """ "找会说中文的儿科医生": chinese, pediatrician, doctor, each spanning its characters;
    a capital letter is no other word ("Чикаго" is "чикаго")."""
    longest = max(map(len, scripts), default=0)
    tokens, i = [], 0
    lowered = raw.lower()  # the same length: Cyrillic, Greek and Arabic lower case in place
    if len(lowered) != len(raw):
        lowered = raw
    while i < len(raw):
        sizes = range(min(longest, len(raw) - i), 0, -1)
        size = next((n for n in sizes if lowered[i : i + n] in scripts), 0)
        if not size:
            i += 1
            continue
        word, key = raw[i : i + size], lowered[i : i + size]
        tokens += [Token(word, english, start + i, start + i + size) for english in scripts[key]]
        i += size
    return tokens


def alternatives(
    token: Token, lexicon: Lexicon, *, correct: bool = True, capital: str | None = None
) -> tuple[Alternative, ...]:
    """Lexicon words ``token`` may stand for, best first (its own spelling, if known, first);
    ``capital`` is the term it stands for as an abbreviation in capitals ("MI")."""
    word = token.norm
    # In capitals, the abbreviation's term comes first: on a tie it is the reading ("PSA
    # 8.4" is the prostate's antigen, "PsA" or "psa" psoriatic arthritis).
    found = [Alternative(capital, 0.0, abbreviation=True)] if capital else []
    found.append(Alternative(word, 0.0))
    expanded = lexicon.data.abbreviations.get(word)
    if expanded:
        found.append(Alternative(expanded, 0.0, abbreviation=True))
    singular = _singular(word, lexicon)
    if singular:
        found.append(Alternative(singular, PLURAL))
    # "seizure" where the vocabulary says "seizures": the plural, as cheap as a singular.
    plural = None if word in lexicon.phrases or singular else _plural(word, lexicon)
    if plural:
        found.append(Alternative(plural, PLURAL))
    noun = None if word in lexicon.phrases or singular or plural else _noun(word, lexicon)
    if noun:
        found.append(Alternative(noun, PLURAL))
    if singular or expanded or plural or noun or _known_spelling(word, lexicon):
        return tuple(found)
    if correct and word.isalpha():
        # A word known inside a phrase is one slip from a term at most: "brest" is a breast,
        # but "hypoxemia" (in "nocturnal hypoxemia") is no "hypomimia" two letters away.
        most = 1 if word in lexicon.words else INDEX_DEPTH
        found += [
            Alternative(fixed, 0.0, edits, real_word=rewrites_real_word(word, fixed))
            for fixed, edits in corrections(word, lexicon.typo_index, lexicon.typo_cache)
            if edits <= most
        ]
    return tuple(found)


def _known_spelling(word: str, lexicon: Lexicon) -> bool:
    """A word the lexicon reads as typed. A word known only inside a phrase, which is no
    English word either, may be a misspelling there too: "brest" is in the vocabulary's
    "brest cancer", and "a lump in her brest" is still a breast. A filler word is read as
    typed too ("tambien" is Spanish's "also", no slip for Ambien)."""
    if word not in lexicon.words:
        return False
    known = word in lexicon.phrases or len(word) < 4 or word in english_counts()
    return known or word in lexicon.word_set("filler")


def is_a_count(word: str) -> bool:
    """ "my 3 kids", "4 times a night", "even on 3 meds": a small number, which says how
    many, never what (a ZIP, an NPI or a phone number is longer); or the patient's age and
    sex as a referral writes them, "55F", "62yom", which say who, never what; or how long
    or how often, its unit typed on ("failed 6wk PT", "PT 3x/wk"), which says when; or an
    adult's age typed on ("82yo"), which says who."""
    if word.isdigit():
        return len(word) <= 2
    return bool(_AGE_AND_SEX.fullmatch(word) or _HOW_LONG.fullmatch(word) or _TIMES.fullmatch(word))


# "15f", "12yom", and a toddler's years and months as a chart writes them: "2y9m", "3yr6mo"
_AGE_AND_SEX = re.compile(rf"(\d{{1,3}})(?:{SEX_AFTER_AGE}|{YEARS_AND_MONTHS})")
_TIMES = re.compile(r"x\d{1,2}")  # "failed abx x3": how many times
_HOW_LONG = re.compile(
    r"\d{1,3}(?:x|hrs?|days?|d|wks?|weeks?|mos|mths?|months?|yrs?|years?|yo|yoa|yrsold)"
)  # an adult's "82yo" too: a child's age is read as the patient before this is asked


def age_said(word: str) -> str:
    """ "15f", "12yom" -> "15yo", "12yo": the age a referral writes with the patient's sex,
    as the age alone is written (the sex says nothing about whom to see)."""
    found = _AGE_AND_SEX.fullmatch(word)
    return f"{found[1]}yo" if found else word


def _singular(word: str, lexicon: Lexicon) -> str | None:
    """ "knees" for "knee", but not "pill" for "pills": "the pill" is birth control, "the
    pills dont work" any medicine (``exact_number``)."""
    if len(word) <= 3 or not word.endswith("s"):
        return None
    exact = lexicon.word_set("exact_number")
    # "pees" is "pee", not "pe" (PE): a plain "s" first, then "es" ("rashes": "rash")
    for ending, replacement in (("ies", "y"), ("s", ""), ("es", "")):
        if word.endswith(ending):
            base = word[: -len(ending)] + replacement
            if base in lexicon.words and base not in exact:
                return base
    return None


def _noun(word: str, lexicon: Lexicon) -> str | None:
    """ "hoarseness" for "hoarse", "deafness" for "deaf": the quality a term names, when
    the word itself names nothing ("hoarse for a month", "deaf in one ear")."""
    if len(word) <= 3 or not word.isalpha():
        return None
    form = f"{word[:-1]}iness" if word.endswith("y") else f"{word}ness"
    return form if form in lexicon.phrases else None


def _plural(word: str, lexicon: Lexicon) -> str | None:
    """ "seizure" for "seizures", but not "glass" for "glasses": a word whose plural means
    something else (``exact_number``) is not read as it ("she cut herself on glass")."""
    if len(word) <= 3 or not word.isalpha():
        return None
    exact = lexicon.word_set("exact_number")
    for form in (f"{word}s", f"{word}es", f"{word[:-1]}ies" if word.endswith("y") else ""):
        if form and form in lexicon.phrases and form not in exact:
            return form
    return None
