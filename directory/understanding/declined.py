"""Care the words decline besides surgery (``declined_care`` in data/lexicon.json): "no more
injections please", "want therapy, not meds". Who gives that care ranks after the others
who treat the need, and the declined care is no procedure asked for. A wish, not a history:
"not on meds", "not taking meds", "no meds yet" and a referral's "no injections" (none
tried) decline nothing.
Surgery declined is ``specialist.declines_surgery``: its surgeons keep a place of their own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Interpretation, Part
from directory.understanding.ruled_out import set_aside
from directory.understanding.tokens import Token

_WISHED_AWAY = (
    r"(?:without|avoid|avoiding|rather than|instead of|other than|besides|tired of|sick of|no more|"
    r"not(?! on\b| taking\b| currently\b| yet\b)|dont want|don t want|do not want|dont wanna|"
    r"not interested in|rather not|"
    r"prefer not|sin|no quiero|ya no)"
)
# What a declined word may have been read as: "injections" beside the spine is a context of
# its own, "not a chiropractor" a specialty typed.
_CARE = ("procedure", "context", "specialty")
_BETWEEN = (
    r"(?:\s+(?:to|take|taking|be|being|on|any|more|another|the|a|an|get|getting|have|having|do|"
    r"looking|look|for|see|seeing|want|go|going|doing|ready|yet|"
    # a list of what is declined: "dont want surgery or shots", "no pt, no injections"
    r"or|nor|and|no|surgery|surgeries|surgeon|meds|pt|pills)){0,4}"
)


def declined_providers(read: Interpretation, lexicon: Lexicon) -> tuple[str, ...]:
    """NUCC codes of who gives the care the words decline: "no more injections please" the
    pain doctors who inject, "want therapy, not meds" the psychiatrists who prescribe."""
    said = normalize_term(read.text)
    return tuple(
        code
        for care in lexicon.data.declined_care.values()
        if _wished_away(care.words).search(said)
        for code in care.codes
    )


def wished_away(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the care declined): "sciatica, no more injections please" asks for
    no epidural; "injections" had been read as one asked for."""
    words = tuple(w for care in lexicon.data.declined_care.values() for w in care.words)
    if not words or not any(c.kind in _CARE for c in chosen):
        return chosen, []
    declined = words_matched(tokens, _wished_away(words))
    out = [c for c in chosen if c.kind in _CARE and declined & set(range(c.start, c.end))]
    out += [c for c in chosen if c.kind == "specialty" and c not in out and _not_this(tokens, c)]
    return set_aside(chosen, out)


# A specialist typed right after a refusal: "psychologist not psychiatrist", "arthritis in my
# hands, not an orthopedic surgeon", "someone other than a chiropracter", "not GI again".
_REFUSED = re.compile(
    r"(?:^|\s)(?:not|no|non|other than|besides|instead of|rather than|dont want|don t want|"
    r"do not want|not looking for|no more)(?:\s+(?:a|an|the|another|any|to|see|seeing|more))*$"
)


def _not_this(tokens: list[Token], candidate: Candidate) -> bool:
    before = " ".join(t.norm for t in tokens[max(0, candidate.start - 6) : candidate.start])
    return bool(_REFUSED.search(before))


def words_matched(tokens: list[Token], pattern: re.Pattern[str]) -> set[int]:
    """The indexes of the tokens whose words ``pattern``'s first group covers, matched on the
    tokens' words joined by spaces: what a wish declines ("no more injections")."""
    starts, at = [], 0
    for token in tokens:
        starts.append(at)
        at += len(token.norm) + 1
    said = " ".join(token.norm for token in tokens)
    found: set[int] = set()
    for match in pattern.finditer(said):
        found |= {i for i, s in enumerate(starts) if match.start(1) <= s < match.end(1)}
    return found


@lru_cache(maxsize=8)
def _wished_away(words: tuple[str, ...]) -> re.Pattern[str]:
    said = "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))
    return re.compile(
        rf"\b{_WISHED_AWAY}{_BETWEEN}\s+({said})\b"
        r"(?!\s+(?:yet|currently|so far|history|hx|at this time|right now|tried))"
    )


_OTHER_SEX = {"male": ("female", "Female"), "female": ("male", "Male")}


def the_other_sex(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """ "i dont want a male doctor for my pap smear", "no male doctors please": the sex
    refused is not the one asked for, the other is (it had filtered to men)."""
    found = []
    for part in parts:
        other = _OTHER_SEX.get(part.ids[0]) if part.filter == "gender" and part.ids else None
        before = normalize_term(text[: part.span[0]])
        if other and _REFUSED.search(" " + " ".join(before.split()[-6:])):
            part = replace(part, ids=(other[0],), label=other[1])
        found.append(part)
    return tuple(found)
