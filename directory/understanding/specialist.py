"""Words that say primary care has already tried: "blood pressure wont come down even on 3
meds", "migraines every week nothing helps", "second opinion".

Primary care is the first answer the condition map gives for high blood pressure or
heartburn, and for someone who says it has not worked, the wrong one. The phrases are
``hard_to_treat`` in data/lexicon.json; a search that says one ranks primary care below the
specialists, as a referral's diagnosis code does (``app.search.ranking.specialty_fit``).

Care named after ``tried_words`` ("failed 6 wks PT", "tried physical therapy", "since
chemo") is what was tried, not what is asked for (``already_tried``).
"""

from __future__ import annotations

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.tokens import Token, is_a_count, tokenize

# Care a referral says was given ("failed 6 wks PT", "tried physical therapy"): read back
# over a count, a duration and qualifiers, this many words at most.
_TRIED_REACH = 4
_CARE = ("procedure", "specialty")
_NEEDS = ("condition", "body_part", "symptom")
_WHEN = frozenset({"since", "after"})  # history only beside a condition or a body part


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


def already_tried(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(the needs, the care already tried): "M54.16 lumbar radic failed 6 wks PT" asks for
    whoever comes after physical therapy, not for a physical therapist; "tried physical
    therapy for my knee" the same. Only beside a need that is still read (a condition, a
    body part or a symptom), so "failed back surgery" alone stays what it says."""
    tried_words = lexicon.word_set("tried_words")
    skippable = lexicon.word_set("skippable")
    kept, tried, when = [], [], False
    for candidate in chosen:
        word = _tried_word_before(candidate.start, tokens, tried_words, skippable)
        if candidate.kind in _CARE and word is not None:
            tried.append(candidate)
            when = when or word in _WHEN
        else:
            kept.append(candidate)
    # "since chemo" beside numb feet is history; "pain after knee replacement" is about
    # the replacement: after "since" or "after", a bare symptom is not need enough.
    needs = ("condition", "body_part") if when else _NEEDS
    if not tried or not any(c.kind in needs for c in kept):
        return chosen, []
    return kept, tried


def _tried_word_before(
    start: int, tokens: list[Token], tried_words: frozenset[str], skippable: frozenset[str]
) -> str | None:
    for i in range(start - 1, max(start - 1 - _TRIED_REACH, -1), -1):
        word = tokens[i].norm
        if word in tried_words:
            return word
        if not (is_a_count(word) or word in skippable):
            return None
    return None
