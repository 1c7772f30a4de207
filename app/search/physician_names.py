"""Looking physicians up: the words of a name, name matches, identifiers, practice names.

Pure builders split from ``app.search.query``. A name is matched only where the text reads
as a name (``app.search.understanding``), so a fuzzy surname never outranks a concept. A
typed NPI or phone number (``directory.understanding.identifiers``) is a lookup of exactly
that; a practice or hospital name (``directory.lookup``) brings its physicians first.
"""

from __future__ import annotations

import re
from functools import cache

from nicknames import NickNamer

from directory.text import normalize_term
from directory.understanding.identifiers import read_identifiers
from directory.understanding.typos import english_counts

# Names: all words of the name present beats a fuzzy near-miss.
NAME_ALL_WORDS = 20.0
NAME_FUZZY = 6.0
# The start of a name ("John" for Johnson, typed from a half-read fax): with the near
# spellings, after the whole name.
NAME_PREFIX = 6.0
# A word nothing else explained, if it is in the name ("valenzuela dermatology"): it ranks
# that physician first among those who fit, as strongly as a typed name.
NAME_HINT = NAME_ALL_WORDS
# A long unplaced word one or two letters from a name ("bilgrammi oncology" for Dr.
# Bilgrami): after the exact name, as a typed name's near spellings rank.
NAME_HINT_FUZZY = NAME_FUZZY
MIN_FUZZY_HINT_LETTERS = 6  # shorter words have too many look-alike surnames
# ... nor an everyday English word this common, which is itself: "lifting weights" had put
# three physicians named Wright first for a chiropractor (typed exactly, a name still counts).
EVERYDAY_WORD = 1_000
# A nickname typed for the first name ("bill ingram" for William Ingram): as a near spelling.
NAME_NICKNAME = NAME_FUZZY
MAX_FULL_FORMS = 12  # "al" stands for a dozen names; enough for any the front desk means
# Every word of a practice or hospital name ("Johnson Pediatrics", "Hartford Hospital"):
# the practice's physicians first, above a concept's best fit (10) but below a typed name.
PRACTICE_NAME = 4.0
# A dropped "&" or "and" ("Heart & Vascular") leaves a gap; names in a list stay apart.
PRACTICE_SLOP = 2
# An NPI is one physician; a phone is everyone at that location (the NPI first if both).
NPI_MATCH = 2.0
PHONE_MATCH = 1.0
# A generational suffix is not required either: NPPES keeps it apart from the name, and a
# chart writes "Robert Smith Jr." of a record that has none.
SUFFIX = r"jr|sr|ii|iii|iv"
NAME_NOISE = re.compile(rf"\b(dr|doctor|md|do|m d|d o|np|pa|phd|dpm|dc|pt|dpt|{SUFFIX})\b")
TYPED_SUFFIX = re.compile(rf"\b({SUFFIX})\b")
# A stray word shorter than this is shorthand ("r/o", "s/p", "hx") or an initial, never a
# name by itself; a two-letter surname counts when typed as one ("Ng", "Le", "Wu").
MIN_HINT_LETTERS = 3
# "O'Neill", "O’Neill" and "ONeill" are one name: the apostrophe goes, as the index's
# person_name analyzer drops it too (indexer/mapping.py), rather than splitting "o neill".
APOSTROPHES = re.compile(r"['’`]")


def name_words(text: str) -> str:
    """ "Dr. Soucier, MD" → "soucier": titles and credentials are not part of a name."""
    return " ".join(NAME_NOISE.sub(" ", normalize_term(APOSTROPHES.sub("", text))).split())


def hint_words(text: str) -> str:
    """The words of an unplaced hint that may be a name: "r o" → "", "Ng pt" → "ng"."""
    kept = [w for w in text.split() if len(w) >= MIN_HINT_LETTERS or _typed_as_name(w)]
    return name_words(" ".join(kept))


def _typed_as_name(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1].islower()


MAX_JOINED_WORDS = 4  # "lakshmi narayanan" for Lakshminarayanan; longer texts are not names


def exact_name_clause(text: str) -> dict:
    """Every word of the name, spelled as typed."""
    query = {"query": name_words(text), "operator": "and", "boost": NAME_ALL_WORDS}
    return {"match": {"full_name": query}}


def name_clauses(text: str) -> list[dict]:
    """The whole name; after it, its near spellings, a nickname's start ("ray hill" for
    Raymond Hill) and two words typed apart that the name writes as one ("lakshmi narayanan"
    for Lakshminarayanan, "de la cruz" for Delacruz)."""
    words = name_words(text)
    if not words:
        return []
    clauses = [
        exact_name_clause(words),
        {
            "match": {
                "full_name": {
                    "query": words,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": NAME_FUZZY,
                }
            }
        },
    ]
    start = prefix_clause(words)
    if start is not None:
        clauses.append(start)
    suffix = TYPED_SUFFIX.search(normalize_term(text))
    if suffix:  # "Adams Jr": the Jr. first among the Adamses, none left out
        query = {"query": f"{words} {suffix[1]}", "operator": "and", "boost": NAME_ALL_WORDS}
        clauses.append({"match": {"full_name": query}})
    split = words.split()
    nickname = nickname_clause(split)
    if nickname is not None:
        clauses.append(nickname)
    if 1 < len(split) <= MAX_JOINED_WORDS:
        for at in range(len(split) - 1):
            joined = " ".join([*split[:at], split[at] + split[at + 1], *split[at + 2 :]])
            query = {"query": joined, "operator": "and", "boost": NAME_FUZZY}
            clauses.append({"match": {"full_name": query}})
    return clauses


_DIMINUTIVE = re.compile(r"(?:ie|ey|y|i)$")


def _full_forms(nickname: str) -> list[str]:
    """The names ``nickname`` is short for, and those its other spellings are: the list has
    "katie" for Kathryn and Katy, and only "katy" for Katherine and Kathleen; "cathie"
    for nobody, "cathy" for Catherine."""
    namer = _nicknamer()
    near = sorted(namer.canonicals_of(nickname))
    stem = _DIMINUTIVE.sub("", nickname)
    if stem == nickname or len(stem) < 2:  # "bill", "liz": no other spelling to look up
        return near[:MAX_FULL_FORMS]
    spellings = {stem + ending for ending in ("y", "ie", "ey", "i")} - {nickname}
    further = {far for name in spellings for far in namer.canonicals_of(name)}
    return [*near, *sorted(further - {*near, nickname})][:MAX_FULL_FORMS]


@cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def nickname_clause(words: list[str]) -> dict | None:
    """ "kathy davila" for Kathleen Davila, "liz woodard" for Elizabeth Woodard: the full
    names a first word is short for (the ``nicknames`` package's hand-curated list), with
    the rest of the name."""
    if len(words) < 2:
        return None
    full = _full_forms(words[0])
    if not full:
        return None
    first = {"match": {"full_name": {"query": " ".join(full), "operator": "or"}}}
    rest = {"match": {"full_name": {"query": " ".join(words[1:]), "operator": "and"}}}
    return {"bool": {"must": [first, rest], "boost": NAME_NICKNAME}}


def prefix_clause(text: str) -> dict | None:
    """Names starting with each typed word: only for text nothing else explained."""
    words = name_words(text)
    if len(words.replace(" ", "")) < MIN_HINT_LETTERS:
        return None
    query = {"query": words, "operator": "and", "boost": NAME_PREFIX}
    return {"match": {"full_name.autocomplete": query}}


def hint_clause(hint: str) -> dict | None:
    """Any one of the hint's words in the name: a surname beside a small town nothing read;
    a long word also one or two letters off, ranked after the exact name."""
    words = hint_words(hint)
    if not words:
        return None
    exact = {"match": {"full_name": {"query": words, "operator": "or", "boost": NAME_HINT}}}
    counts = english_counts()
    long_words = " ".join(
        w
        for w in words.split()
        if len(w) >= MIN_FUZZY_HINT_LETTERS and counts.get(w, 0) < EVERYDAY_WORD
    )
    if not long_words:
        return exact
    near = {"query": long_words, "operator": "or", "fuzziness": "AUTO", "prefix_length": 1}
    fuzzy = {"match": {"full_name": near | {"boost": NAME_HINT_FUZZY}}}
    return {"bool": {"should": [exact, fuzzy]}}


def practice_clause(text: str) -> dict | None:
    """The words of the text, in order, within one of a physician's practice or hospital
    names: "Houston Allergy" is not Kane Allergy beside Houston Methodist Hospital. A
    practice is often typed before its town ("Riley Internal Medicine Berlin"): the words
    but the last count too."""
    words = name_words(text).split()
    if not words:
        return None
    phrases = [words] + ([words[:-1]] if len(words) >= 3 else [])
    clauses = [
        {"match_phrase": {"practice_names": {"query": " ".join(phrase), "slop": PRACTICE_SLOP}}}
        for phrase in phrases
    ]
    if len(clauses) == 1:
        clauses[0]["match_phrase"]["practice_names"]["boost"] = PRACTICE_NAME
        return clauses[0]
    return {"dis_max": {"queries": clauses, "boost": PRACTICE_NAME}}


def identifier_clauses(text: str) -> list[dict] | None:
    """The lookup a typed NPI or phone number asks for: None when the text has none, []
    when it has only a mistyped NPI (nothing can match it)."""
    found = read_identifiers(text)
    if not found:
        return None
    npis = sorted({i.npi for i in found if i.npi})
    phones = sorted({i.phone for i in found if i.phone})
    clauses = []
    if npis:
        clauses.append(_constant("npi", npis, NPI_MATCH))
    if phones:
        clauses.append(_constant("phones", phones, PHONE_MATCH))
    return clauses


def _constant(field: str, values: list[str], boost: float) -> dict:
    return {"constant_score": {"filter": {"terms": {field: values}}, "boost": boost}}
