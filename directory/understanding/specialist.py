"""Words that say primary care has already tried: "blood pressure wont come down even on 3
meds", "migraines every week nothing helps", "second opinion".

Primary care is the first answer the condition map gives for high blood pressure or
heartburn, and for someone who says it has not worked, the wrong one. The phrases are
``hard_to_treat`` in data/lexicon.json; a search that says one ranks primary care below the
specialists, as a referral's diagnosis code does (``app.search.ranking.specialty_fit``).
"""

from __future__ import annotations

from directory.understanding.lexicon import Lexicon
from directory.understanding.tokens import Token, is_a_count, tokenize


def wants_a_specialist(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` says the usual care has not worked."""
    return bool(saying_it(tokenize(text), lexicon))


def saying_it(tokens: list[Token], lexicon: Lexicon) -> set[int]:
    """The tokens of those phrases ("even on 3 meds", a count stepped over): read (as
    filler), not left for a name search."""
    phrases = lexicon.word_set("hard_to_treat")
    longest = max((len(p.split()) for p in phrases), default=0)
    words = [(i, t.norm) for i, t in enumerate(tokens) if not is_a_count(t.norm)]
    found: set[int] = set()
    for start in range(len(words)):
        for size in range(1, longest + 1):
            run = words[start : start + size]
            if len(run) == size and " ".join(norm for _, norm in run) in phrases:
                found.update(range(run[0][0], run[-1][0] + 1))
    return found
