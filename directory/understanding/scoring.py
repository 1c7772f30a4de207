"""The scores that choose between readings of the same words.

The parser keeps the reading of the whole text with the highest total score (see
``parse.best_cover``). Every candidate reading of a span of words scores

    weight * words + COHESION * (words - 1) + GLUE * glue_words - penalties

so a longer vocabulary term beats its pieces, and the weights below decide which kind of
reading wins when two cover the same words. Each constant says *why* it sits where it does
relative to the others; tests in tests/unit/test_understanding.py pin the outcomes a user
would notice (a condition beats a surname, "in Mobile" is a place but "mobile" is not).
"""

from __future__ import annotations

# A word explained by a vocabulary term: the unit every other score is measured against.
CONTENT = 1.0
# Per extra word inside one term: "low back pain" (one term) beats "low" + "back pain".
COHESION = 0.5
# "in my" inside "pain in my lower back": worth more than filler, so the phrase absorbs it.
GLUE = 0.2
# A recognised filler word ("who treats", "best"): better than unplaced, far below content.
FILLER = 0.1
# A word nothing explains: any honest reading, even a corrected typo, is preferred.
UNPLACED = -0.5

# "back" as a body part loses to a term that names a condition on the same words ("bad back").
BODY_PART = 0.9
# A name never outranks a concept reading of the same words ("pain" is not Dr. Paine).
NAME = 0.8
# A big city typed without "in"/"near" or a state: below concepts, above names.
BARE_CITY = 0.85
# A place, filter or code: as strong as a vocabulary term, since the words say it outright.
PLACE = 1.0

# Per corrected typo: a one-typo term (0.6) still beats an unplaced word (-0.5) but loses to a
# surname the index knows (0.8), so "Paine" typed on purpose stays a name.
EDIT = 0.4
# "knees" -> "knee": nearly free, but a vocabulary term spelled as typed wins a tie.
PLURAL = 0.05
# "backpain" -> "back pain": a spacing slip is not a spelling mistake.
SPACING = 0.05
# "sciatica doctor", "skin cancer doctor": a doctor word after a condition or procedure is a
# word of that reading (so "skin" + "cancer doctor" loses), but a hair below the body-part
# rule for the same words ("back pain doctor" is a back doctor, whose specialties are curated).
DOCTOR_WORD = 0.15
# "pain in my knee" read through the body-part rules: a literal vocabulary term for the same
# words ("heart doctor") is preferred, because a curator wrote it.
COMPOSED = 0.1

# Typos tolerated per word, by length: short words only tolerate swapped letters, because
# one substituted letter turns "anne" into "acne" and "bath" into "back".
SWAP_ONLY_BELOW = 5
MAX_EDITS = ((5, 1), (9, 2))  # (minimum length, edits allowed), longest last


def edits_allowed(length: int) -> int:
    """How many edits a word of ``length`` letters may be away from a vocabulary word."""
    if length < 4:
        return 0
    allowed = 1  # 4-letter words: a transposition only (checked by the caller)
    for minimum, edits in MAX_EDITS:
        if length >= minimum:
            allowed = edits
    return allowed


def span_score(weight: float, words: int, glue: int = 0, penalty: float = 0.0) -> float:
    """Score of one reading covering ``words`` content words and ``glue`` connecting words."""
    return weight * words + COHESION * max(words - 1, 0) + GLUE * glue - penalty
