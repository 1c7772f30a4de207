"""People say what they are allergic to: "allergic to peanuts", "alergico a la penicilina".

The vocabulary names allergies the other way round ("peanut allergy", "penicillin allergy").
"allergic to" and the next word (or two) read as "<word> allergy" when that is a term, and
as an allergist when it is not ("allergic to bee stings"): either way an allergy, where
before the words were left unread and a child's "toddler allergic to peanuts" found nobody.
"""

from __future__ import annotations

from directory.understanding.candidates import Candidate, from_entry
from directory.understanding.lexicon import Lexicon
from directory.understanding.tokens import Alternative, Token

# "allergic to", "allergy to"; Spanish "alergico a", "alergia a"
TO = {"allergic": "to", "allergy": "to", "allergies": "to", "alergico": "a", "alergica": "a"}
TO |= {"alergia": "a", "alergicos": "a", "alergicas": "a"}
SKIPPED = frozenset({"la", "el", "los", "las", "the", "my"})  # "alergica a la penicilina"
MAX_WORDS = 2  # "tree nuts", "bee stings"
ALLERGIST = "allergist"


def allergy_candidates(
    tokens: list[Token], alternatives: list[tuple[Alternative, ...]], lexicon: Lexicon
) -> list[Candidate]:
    """Readings of "allergic to <what>" as that allergy, or an allergist."""
    found: list[Candidate] = []
    for at in range(len(tokens) - 2):
        if TO.get(tokens[at].norm) != tokens[at + 1].norm:
            continue
        start = at + 2
        while start < len(tokens) and tokens[start].norm in SKIPPED:
            start += 1
        for size in range(1, MAX_WORDS + 1):
            end = start + size
            if end > len(tokens):
                break
            found += _read(at, end, alternatives[start:end], lexicon)
    return found


def _read(
    first: int, end: int, words: list[tuple[Alternative, ...]], lexicon: Lexicon
) -> list[Candidate]:
    glue = 1  # "to"
    for said in _phrases(words):
        entry = lexicon.phrases.get(f"{said} allergy")
        if entry is not None:
            return [from_entry(first, end, entry, said, glue=glue, penalty=0.0, match="synonym")]
    if len(words) > 1:
        return []  # one word after "to" reads as the allergist already
    entry = lexicon.phrases.get(ALLERGIST)
    if entry is None:
        return []
    return [from_entry(first, end, entry, ALLERGIST, glue=glue, penalty=0.5, match="synonym")]


def _phrases(words: list[tuple[Alternative, ...]]) -> list[str]:
    """The words as typed, and with each one's other forms ("peanuts" -> "peanut")."""
    phrases = [""]
    for alternatives in words:
        forms = [a.word for a in alternatives if not a.edits]
        phrases = [f"{p} {f}".strip() for p in phrases for f in forms]
    return phrases
