"""What a told story gives as background: the conditions someone has lived with, said
before what is new.

"my mom has diabetes and high blood pressure, since yesterday she sees flashes like a
curtain over her eye" asks for the eye doctor, and had listed endocrinologists; "i get bad
migraines and have endometriosis on the pill. yesterday my right arm and face went numb"
had listed gynecologists. The turn is a word that says when the new trouble came ("now",
"lately", "yesterday", "this week", "out of nowhere", "new" before the need). A condition
said before it stays asked when one of its first two specialists (primary care aside) is
among the first two of what came after ("asthma for years, now wheezing at night";
"psoriasis for years, now my fingers swell up like sausages": psoriatic arthritis's
rheumatologist treats both), when the words after name it, or when it is a cancer or a
pregnancy, which change whom any new trouble is for. A sign with no place after the turn
("now its swollen") tells how the old need is going, and nothing is set aside.
"""

from __future__ import annotations

from directory.understanding.candidates import Candidate
from directory.understanding.lexicon import Lexicon
from directory.understanding.ruled_out import set_aside
from directory.understanding.tokens import Token
from directory.vocabulary import PRIMARY_CARE

_NOW = frozenset(
    {"now", "lately", "recently", "suddenly", "yesterday", "today", "tonight", "newly",
     "ahora"}
)  # fmt: skip
# "this week", "this morning": the time of the turn
_THIS = frozenset({"week", "morning", "month", "weekend", "afternoon", "evening"})
_PHRASES = (("out", "of", "nowhere"), ("all", "of", "a", "sudden"))
_NEEDS = ("condition", "symptom", "body_part", "procedure")
# "now on buprenorphine", "now taking insulin": a treatment, not a new trouble
_TREATED = frozenset({"on", "taking", "off"})
# Whose new trouble changes who sees it: a cancer's (and a pregnancy's, by its id).
_WHO_THE_PATIENT_IS = frozenset({"oncology"})
_SHARED_REACH = 2  # a need after the turn whose first two specialists include the condition's


def what_is_new(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the conditions said before the turn to what is new)."""
    for turn in range(len(tokens)):
        if not _a_turn(tokens, turn, chosen):
            continue
        later = [c for c in chosen if c.start > turn and c.kind in _NEEDS]
        if _its_course(later):
            return chosen, []
        after = [c for c in later if not _a_pregnancy(c)]
        before = [c for c in chosen if c.kind == "condition" and c.end <= turn]
        if after and before:
            treating = {code for c in after for code in _specialists(c, lexicon)[:_SHARED_REACH]}
            related = {i for c in after for i in c.ids}
            out = [c for c in before if not _stays(c, treating, related, lexicon)]
            return set_aside(chosen, out)
    return chosen, []


def _a_turn(tokens: list[Token], at: int, chosen: list[Candidate]) -> bool:
    norm = tokens[at].norm
    if norm in _NOW:
        return not (at + 1 < len(tokens) and tokens[at + 1].norm in _TREATED)
    if norm == "this":
        return at + 1 < len(tokens) and tokens[at + 1].norm in _THIS
    if norm == "new":  # "new jaw claudication", "new onset afib": not "new patients"
        nxt = at + 2 if at + 1 < len(tokens) and tokens[at + 1].norm == "onset" else at + 1
        return any(c.start == nxt and c.kind in _NEEDS for c in chosen)
    words = [t.norm for t in tokens[at : at + 4]]
    return any(tuple(words[: len(p)]) == p for p in _PHRASES)


def _its_course(later: list[Candidate]) -> bool:
    """A sign said with no place after the turn ("dog bit my hand and now its swollen and
    red", "had shingles, now she cant sleep from the pain") tells how the need said before
    is going; beside a body part ("now my knee swelled up and hurts") it is that part's."""
    bare = any(c.kind == "symptom" and c.words == 1 for c in later)
    return bare and not any(c.kind == "body_part" for c in later)


def _a_pregnancy(candidate: Candidate) -> bool:
    """ "now 12 wks pregnant": who the patient is, not a new trouble."""
    return any("pregnan" in i for i in candidate.ids)


def _specialists(candidate: Candidate, lexicon: Lexicon) -> list[str]:
    """Who treats it, best first, primary care left out: the family doctor treats nearly
    everything, and would keep every condition as the new trouble's."""
    if candidate.kind in ("condition", "procedure"):
        concepts = lexicon.vocabulary.concepts
        concept = next((concepts[i] for i in candidate.ids if i in concepts), None)
        return _treating(concept) if concept else []
    return [code for code in candidate.codes if code not in PRIMARY_CARE]


def _treating(concept) -> list[str]:
    return [s.code for s in concept.specialties if s.code not in PRIMARY_CARE]


def _stays(condition: Candidate, treating: set[str], related: set[str], lexicon: Lexicon) -> bool:
    concepts = lexicon.vocabulary.concepts
    for concept in (concepts[i] for i in condition.ids if i in concepts):
        if concept.body_system in _WHO_THE_PATIENT_IS or "pregnan" in concept.id:
            return True
        if set(concept.related) & related:
            return True
        if set(_treating(concept)[:_SHARED_REACH]) & treating:
            return True
    return False
