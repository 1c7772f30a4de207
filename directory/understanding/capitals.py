"""Clinical abbreviations that count only in capitals: "hx of MI", "ALL", but "mi rodilla".

Some short abbreviations are everyday words in lower case: "mi" is Spanish for "my" (and
miles), "all" and "as" are English. Typed in capitals, as referrals and clinicians write
them, they are the abbreviation ("MI" a heart attack, "ALL" acute lymphoblastic leukemia).
``capital_abbreviations`` in data/lexicon.json maps each, as written, to the term it stands
for; a token typed all in capitals reads as that term too, unless the words read it as a
place ("Detroit, MI") or a name, or the whole text is in capitals. Lower case keeps its
everyday reading.

Capitals also stress a word: "back pain ALL day", "AS soon AS possible". So letters that
are one of English's commonest words ("ALL", "AS") are the abbreviation only where no
lower-case word follows them ("oncologist for ALL", "hx AS, CAD"), and "ALL relapse" is
left to its words, unless a grade comes first ("severe AS on echo"). "HA" (headache, but
also hyaluronic acid: "HA injection knee") and "HAS" ("pt HAS knee pain") are not in the
table: their capitals don't say which.

A test's letters followed by its value are the test however they are typed: "psa 9.2" is
the prostate's blood test, not psoriatic arthritis, and "alt 120 ast 90" the liver's. Only
the tests listed in lexicon.json ``lab_tests`` count; "fm 1960" is a Houston road.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from directory.text import normalize_term
from directory.understanding.typos import commonest_words

if TYPE_CHECKING:  # tokens imports this module
    from directory.understanding.tokens import Token

# A grade before the capitals makes them the diagnosis: "severe AS on echo".
_GRADES = frozenset({"severe", "moderate", "mild", "critical", "symptomatic", "known", "hx"})
SHOUTED_WORDS = 3  # "ALL CAPS FOR BACK PAIN" is shouting; "HX MI" is a referral's shorthand
MAX_LETTERS = 5  # "STEMI" is the longest worth the rule; longer words are not abbreviations


def read_capitals(raw: Any, path: Path) -> dict[str, str]:
    """The ``capital_abbreviations`` table: "MI" -> "heart attack" (the term normalised)."""
    where = f"{path}: capital_abbreviations"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must map an abbreviation in capitals to a term")
    capitals = {}
    for short, term in raw.items():
        fits = isinstance(short, str) and short.isupper() and short.isalnum()
        if not fits or len(short) > MAX_LETTERS or not isinstance(term, str):
            raise ValueError(f"{where}: {short!r} must be up to {MAX_LETTERS} capitals")
        capitals[short] = normalize_term(term)
    return capitals


def capital_readings(
    tokens: Sequence[Token], capitals: Mapping[str, str], lab_tests: frozenset[str] = frozenset()
) -> dict[int, str]:
    """Token index -> the term each abbreviation typed in capitals stands for, or a test's
    letters in any case before its value ("psa 9.2")."""
    found = {}
    for i, token in enumerate(tokens):
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if token.norm in lab_tests and after[:1].isdigit():
            found[i] = capitals[token.norm.upper()]
    if shouted(tokens):  # "BACK PAIN ALL DAY": a text all in capitals says nothing by them
        return found
    for i, token in enumerate(tokens):
        term = capitals.get(token.text)
        if term is None or i in found:
            continue
        after = tokens[i + 1].text if i + 1 < len(tokens) else ""
        graded = i > 0 and tokens[i - 1].norm in _GRADES  # "severe AS on echo"
        if token.norm in commonest_words() and after.isalpha() and after.islower() and not graded:
            continue  # "ALL day", "AS soon": a common word stressed, not the diagnosis
        found[i] = term
    return found


def shouted(tokens: Sequence[Token]) -> bool:
    """Every word typed in capitals, and more than a referral's few: capitals mean nothing."""
    words = [t for t in tokens if t.text.isalpha()]
    return len(words) >= SHOUTED_WORDS and all(t.text.isupper() for t in words)
