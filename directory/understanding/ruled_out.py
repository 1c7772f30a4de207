"""A body part someone says was checked and is fine: "panic attacks, heart racing, but the
ER said my heart is fine" asks for help with panic, not for a cardiologist.

The readings of that body part's system (the heart racing as an arrhythmia, the heart as
heart problems) step aside when another need is still read; alone ("is my heart fine") they
stay, since then they are all the search says.
"""

from __future__ import annotations

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.tokens import Token

_FINE = frozenset({"fine", "ok", "okay", "normal", "healthy"})
# Words between the part and "fine": "my heart checked out fine", "my heart is totally fine".
_BETWEEN = frozenset(
    {"is", "was", "are", "were", "checked", "out", "came", "back", "looks", "looked",
     "totally", "perfectly", "completely", "all", "seems", "s"}
)  # fmt: skip
_REACH = 4
_NEEDS = ("condition", "body_part", "symptom", "procedure", "specialty")


def ruled_out(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, what was ruled out): a reading that names the part said to be
    fine ("heart racing"), or one of its system that names no other part ("palpitations");
    "back pain but my knees are fine" keeps the back."""
    parts = [_part(token, lexicon) for token in tokens]
    fine: set[str] = set()
    for i, part in enumerate(parts):
        if part is None:
            continue
        for after in tokens[i + 1 : i + 1 + _REACH]:
            if after.norm in _FINE:
                fine.add(part.id)
                break
            if after.norm not in _BETWEEN:
                break
    if not fine:
        return chosen, []
    systems = {lexicon.body_parts[p].body_system for p in fine}

    def is_out(candidate: Candidate) -> bool:
        named = {p.id for p in parts[candidate.start : candidate.end] if p is not None}
        system = _system(candidate, lexicon)
        if named & fine and (candidate.kind == "body_part" or system in systems):
            return True
        return not named and system in systems

    out = [c for c in chosen if is_out(c)]
    kept = [c for c in chosen if not is_out(c)]
    if not out or not any(c.kind in _NEEDS for c in kept):
        return chosen, []
    return kept, out


def _part(token: Token, lexicon: Lexicon):
    entry = lexicon.phrases.get(token.norm)
    return lexicon.body_parts.get(entry.ref) if entry and entry.kind == "body_part" else None


def _system(candidate: Candidate, lexicon: Lexicon) -> str | None:
    if candidate.kind in ("condition", "procedure") and candidate.ids:
        concept = lexicon.vocabulary.concepts.get(candidate.ids[0])
        return concept.body_system if concept else None
    return None
