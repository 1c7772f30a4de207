"""Words about the patient's past, not the care asked for now.

"adult adhd, diagnosed as a kid" and "asthma as a child, now it's back" are an adult's
needs: a child word after "as a" or "was a" tells when, not who the patient is, so no
pediatrician is asked for. And "back" after a verb of coming or going ("get back on my
meds", "go back to my old doctor", "it's coming back") means again, not the back.
"""

from __future__ import annotations

import re

from directory.understanding.candidates import Candidate
from directory.understanding.ruled_out import set_aside
from directory.understanding.tokens import Token

_AGAIN = frozenset(
    {"came", "come", "comes", "coming", "get", "getting", "got", "go", "going", "goes",
     "went", "gone", "bring", "brought", "call", "called", "calling", "its", "it s",
     "fall", "falling", "fell", "cut", "cutting"}
)  # fmt: skip


def in_the_past(
    chosen: list[Candidate], tokens: list[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, what tells of the past): "back" after "get", "go", "coming"
    ("get back on my meds"), while another need is still read."""
    return set_aside(chosen, [c for c in chosen if _again(c, tokens)])


_CHILDHOOD = re.compile(r"\b(?:as|was|were)(?:\s+an?)?\s+$")  # "as a kid", "as kid"


def a_childhood(text: str, start: int) -> bool:
    """The child word at ``start`` tells when: "diagnosed as a kid", "when i was a baby"."""
    return bool(_CHILDHOOD.search(text[:start].lower()))


def _again(candidate: Candidate, tokens: list[Token]) -> bool:
    at = candidate.start
    return (
        candidate.kind == "body_part"
        and candidate.end - at == 1
        and tokens[at].norm == "back"
        and at >= 1
        and tokens[at - 1].norm in _AGAIN
    )
