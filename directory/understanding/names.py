"""Physician names, read only where the text looks like a name.

Three signs make a name: a title ("Dr. Soucier", "dr smith", "Doctor Patel"); a word the
directory knows as a physician's name (``known_names``, supplied by the search service) that
no vocabulary term explains; or two capitalised words that are neither lexicon words nor a
place ("John Smith"). Names are exact: there is no fuzzy name reading, so "acne" can never
become "Anne", and a name scores below any concept reading of the same words
(``scoring.NAME``), so "pain doctor" stays a specialty even if a Dr. Pain exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace

from directory import geography
from directory.understanding.candidates import Candidate
from directory.understanding.census_names import is_common_name, is_surname
from directory.understanding.lexicon import Lexicon
from directory.understanding.scoring import COHESION, GLUE, NAME, span_score
from directory.understanding.titles import place_starts, titles_a_name
from directory.understanding.tokens import Token
from directory.understanding.typos import MEANT_AS_TYPED, commonest_words, english_counts

NameCheck = Callable[[str], bool]
MAX_NAME_WORDS = 3  # "Dr. Mary Ann Lee"
_ARTICLES = frozenset({"a", "an", "the", "any", "some"})
# Written after a name by staff copying from a chart: "whitehead md", "lopez dpm".
# A generational suffix binds the same way ("Charles Adams Jr MD" is one name), and never
# starts one.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
NUMERALS = frozenset({"ii", "iii"})  # ... after a first name and a surname ("John Smith III")
CREDENTIALS = frozenset({"md", "mds", "dpm", "dds", "dmd", "facs"}) | SUFFIXES


def name_check(known_names: NameCheck | Collection[str] | None) -> NameCheck:
    """A callable answering "is this folded lower-case word a physician's name?".

    A collection is folded once and remembered, so a service passing the same set of its
    index's names on every request pays for the folding once.
    """
    global _last_names
    if known_names is None:
        return _no_names
    if callable(known_names):
        return known_names
    last = _last_names
    if last is not None and last[0] is known_names:
        return last[1]
    check = frozenset(name.casefold() for name in known_names).__contains__
    _last_names = (known_names, check)
    return check


def _no_names(word: str) -> bool:
    return False


_last_names: tuple[Collection[str], NameCheck] | None = None


def name_candidates(
    text: str, tokens: list[Token], lexicon: Lexicon, known: NameCheck
) -> list[Candidate]:
    """Name readings: after a title, of known names, and of capitalised runs."""
    generic = lexicon.word_set("generic")
    titles = lexicon.word_set("name_titles")
    namelike = [_namelike(text, tokens, i, lexicon, generic) for i in range(len(tokens))]
    found: list[Candidate] = []
    for start, token in enumerate(tokens):
        # "spine dr houston": a lower-case "dr" after a term, before a big place, is that
        # term's doctor word; "neurosurgeon dr green" is still Dr. Green.
        after_term = start and lexicon.is_content_word(tokens[start - 1].norm)
        doctor_word = after_term and not token.capitalised
        if token.norm in titles and not (doctor_word and not titles_a_name(tokens, start, lexicon)):
            found += _titled(text, tokens, namelike, start, known, lexicon)
        if not namelike[start] or token.norm in SUFFIXES:
            continue
        found += _credentialed(text, tokens, namelike, start, lexicon)
        if known(token.norm):  # a city of the same name competes in the cover (BARE_CITY)
            found.append(_name(text, tokens, start, start + 1, glue=0))
        for end in range(start + 2, min(start + MAX_NAME_WORDS, len(tokens)) + 1):
            if not (namelike[end - 1] and _run(tokens[start:end], known)):
                break
            if _ends_a_term(tokens, start, end, lexicon):
                break  # "Riley Internal Medicine Berlin": a practice's specialty, not a name
            found.append(_name(text, tokens, start, end, glue=0))
    return found


TERM_WORDS = 4  # the longest vocabulary term looked for after a name


def _starts_a_term(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """The words from ``at`` on begin a vocabulary term of several words."""
    last = min(at + TERM_WORDS, len(tokens))
    runs = (" ".join(t.norm for t in tokens[at:end]) for end in range(at + 2, last + 1))
    return any(run in lexicon.phrases for run in runs)


def _ends_a_term(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> bool:
    """Some words of the run, up to its last, are a vocabulary term of several words."""
    return any(
        " ".join(t.norm for t in tokens[k:end]) in lexicon.phrases for k in range(start, end - 1)
    )


def _credentialed(
    text: str, tokens: list[Token], namelike: list[bool], start: int, lexicon: Lexicon
) -> list[Candidate]:
    """ "whitehead md", "Ana Lopez MD": one or two name words before a credential; not two
    lowercase words that are a vocabulary term ("weight loss md medicaid")."""
    found = []
    for end in (start + 1, start + 2):
        if end >= len(tokens) or not all(namelike[start:end]):
            break
        if end == start + 1 and tokens[end].norm in NUMERALS:
            continue  # "grade III", "Hurley II": a stage or a grade after one word
        plain = not any(t.capitalised for t in tokens[start:end])
        if plain and start and tokens[start - 1].norm in _ARTICLES:
            break  # "an actual md", "a real md": what kind of doctor, not Dr. Actual
        if end == start + 2 and plain and _ends_a_term(tokens, start, end, lexicon):
            break
        if tokens[end].norm in CREDENTIALS:
            # A suffix is part of the name ("Adams Jr"); a credential only marks it.
            name = _name(text, tokens, start, end, glue=0)
            if tokens[end].norm in SUFFIXES:
                full = _name(text, tokens, start, end + 1, glue=0)
                name = replace(name, ids=full.ids, label=full.label)
            # The credential binds the words like a term's own word ("whitehead md" is
            # Dr. Whitehead, not whiteheads).
            score = name.score + GLUE + COHESION
            found.append(replace(name, end=end + 1, score=score))
    return found


def _titled(
    text: str,
    tokens: list[Token],
    namelike: list[bool],
    title: int,
    known: NameCheck,
    lexicon: Lexicon,
) -> list[Candidate]:
    """ "Dr. Soucier", "dr smith", "Doctor Ana Lopez": the title and up to 3 name words."""
    end = title + 1
    if end < len(tokens) and "," in text[tokens[title].end : tokens[end].start]:
        return []  # "pain management dr, stamford area": the doctor word, then the place
    if end < len(tokens) and _surname_said_plainly(tokens[end]):
        namelike = [*namelike[:end], True, *namelike[end + 1 :]]  # "dr young", "dr little"
    while end < len(tokens) and end - title <= MAX_NAME_WORDS and namelike[end]:
        if end > title + 1 and place_starts(tokens, end, lexicon):
            break  # "dr lee hartford" is Dr. Lee in Hartford; "Dr. Maria Lopez" stays whole
        if end > title + 1 and _starts_a_term(tokens, end, lexicon):
            break  # "dr hernandez sports medicine" is Dr. Hernandez, in sports medicine
        if end > title + 1 and tokens[end].norm in _WHEN_SAID:
            break  # "saw a doctor smith last year"
        end += 1
    first = tokens[title + 1] if end > title + 1 else None
    # "doctor" is also a plain word ("doctor for sciatica"): it titles capitalised or known
    # names, and a common surname that is no everyday word ("doctor jones in houston", as
    # dictation types it), while "doctor young" or "doctor best" stay words.
    if first is None or (
        tokens[title].norm == "doctor"
        and not (first.capitalised or known(first.norm) or _plainly_a_surname(first, lexicon))
    ):
        return []
    if _everyday_not_a_name(first, known):  # "shes a lady dr forgot her first name"
        return []
    return [_name(text, tokens, title + 1, stop, glue=1) for stop in range(title + 2, end + 1)]


_WHEN_SAID = frozenset({"last", "next", "yesterday", "today", "tomorrow"})
# Common surnames the parser otherwise skips as plain words ("young", "little", "long"):
# right after a title they are the name. Units of time and distance are never.
_UNITS = frozenset({"miles", "weeks", "days", "months", "years"})


def _surname_said_plainly(word: Token) -> bool:
    return word.norm.isalpha() and is_surname(word.norm) and word.norm not in _UNITS


def _plainly_a_surname(word: Token, lexicon: Lexicon) -> bool:
    norm = word.norm
    everyday = norm in commonest_words() or lexicon.is_content_word(norm)
    return _surname_said_plainly(word) and not everyday


def _everyday_not_a_name(word: Token, known: NameCheck) -> bool:
    """An everyday English word typed in lower case that no one is named ("forgot", "said",
    "wants"): after "dr" it is what the doctor did. "dr young", "dr brown" stay names."""
    norm = word.norm
    if word.capitalised or known(norm) or is_common_name(norm):
        return False
    return english_counts().get(norm, 0) >= MEANT_AS_TYPED


def _name(text: str, tokens: list[Token], start: int, end: int, *, glue: int) -> Candidate:
    label = _name_case(text[tokens[start].start : tokens[end - 1].end])
    return Candidate(
        start - glue, end, span_score(NAME, end - start, glue), "name", (label,), label,
        "exact", words=end - start,
    )  # fmt: skip


def _name_case(typed: str) -> str:
    """ "o'brien" -> "O'Brien", "mary-anne smith" -> "Mary-Anne Smith"; "McDonald" stays."""
    return re.sub(r"[^\W\d_]+", lambda m: m[0][:1].upper() + m[0][1:], typed)


def _namelike(
    text: str, tokens: list[Token], index: int, lexicon: Lexicon, generic: frozenset[str]
) -> bool:
    """Could be a name: letters only, not a filler word and not a one-word vocabulary term.
    A single letter counts when an apostrophe joins it to the next word ("O'Brien")."""
    token = tokens[index]
    norm = token.norm
    if len(norm) == 1:
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return bool(following) and text[token.end : following.start] in ("'", "’")
    return (
        norm.isalpha()
        and norm not in generic
        and norm not in lexicon.phrases
        and norm not in lexicon.word_set("name_titles")
    )


def _run(words: list[Token], known: NameCheck) -> bool:
    """Words read as "First Last": all known names, or all capitalised and not a place."""
    if all(known(w.norm) for w in words):
        return True
    if not all(w.capitalised or len(w.norm) == 1 for w in words):
        return False
    return not (_is_place(" ".join(w.norm for w in words)) or _is_place(words[0].norm))


def _is_place(name: str) -> bool:
    return geography.is_city_name(name) or geography.state_code(name) is not None
