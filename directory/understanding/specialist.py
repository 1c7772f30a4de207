"""Words that say primary care has already tried: "blood pressure wont come down even on 3
meds", "migraines every week nothing helps", "second opinion".

Primary care is the first answer the condition map gives for high blood pressure or
heartburn, and for someone who says it has not worked, the wrong one. The phrases are
``hard_to_treat`` in data/lexicon.json; a search that says one ranks primary care below the
specialists, as a referral's diagnosis code does (``app.search.ranking.specialty_fit``).

Care named after ``tried_words`` ("failed 6 wks PT", "already did PT", "since chemo"),
joined to such care ("failed PT + ESI x3"), or before ``tried_after`` ("physical therapy
didn't help"), is what was tried, not what is asked for (``already_tried``). A surgery
word no term read ("who does the surgery") asks for the condition's surgeons
(``asks_who_operates``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from directory.crisis import notices_for
from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.declined import words_matched
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import Interpretation
from directory.understanding.tokens import Token, is_a_count, tokenize

# Care a referral says was given ("failed 6 wks PT", "tried physical therapy"): read back
# over a count, a duration and qualifiers, this many words at most.
_TRIED_REACH = 4
_CARE = ("procedure", "specialty")
_NEEDS = ("condition", "body_part", "symptom")
_WHEN = frozenset(
    {"since", "after", "s p", "status post"}
)  # history only beside a condition or a body part


def wants_a_specialist(text: str, lexicon: Lexicon) -> bool:
    """Whether ``text`` says the usual care has not worked, or that someone is hurting
    themselves or thinking of suicide ("my 15 year old ... has been cutting herself"):
    the mental health specialists first, not the family doctor or the pediatrician."""
    if any(n.kind == "suicide_crisis" for n in notices_for(text)):
        return True
    return bool(saying_it(tokenize(text), lexicon)) or sees_primary_care(text, lexicon)


def sees_primary_care(text: str, lexicon: Lexicon) -> bool:
    """The patient has primary care already ("what doctor for hashimotos when my pcp just
    keeps raising my levothyroxine", "his pediatrician wont prescribe anymore", "PCP
    referral for ..."): what the words ask about besides is past it (``own_primary_care``
    in data/lexicon.json)."""
    return bool(_own(lexicon.word_set("own_primary_care")).search(normalize_term(text)))


@lru_cache(maxsize=4)
def _own(doctors: frozenset[str]) -> re.Pattern[str]:
    said = "|".join(map(re.escape, sorted(doctors, key=len, reverse=True)))
    return re.compile(
        rf"\b(?:my|his|her|our|their|your|mi|su|\w+ s)\s+(?:{said})\b"
        rf"|\b(?:{said})\s+(?:referral|referred|ref|refd)\b"  # "PCP referral for ..."
    )


def saying_it(tokens: list[Token], lexicon: Lexicon) -> set[int]:
    """The tokens of those phrases ("even on 3 meds", a count stepped over): read (as
    filler), not left for a name search."""
    phrases = lexicon.word_set("not_working")  # "physical therapy didn't help" says it too
    longest = max((len(p.split()) for p in phrases), default=0)
    words = [w for w in _words(tokens) if not is_a_count(w[1])]
    found: set[int] = set()
    for start in range(len(words)):
        for size in range(1, longest + 1):
            run = words[start : start + size]
            if len(run) == size and " ".join(norm for _, norm, _ in run) in phrases:
                found.update(range(run[0][0], run[-1][2] + 1))
    return found


def _words(tokens: list[Token], start: int = 0) -> list[tuple[int, str, int]]:
    """(first token, word, last token) from ``start``, a contraction made one word again:
    "didn't" is tokenised "didn" "t" and read as "didnt"."""
    words: list[tuple[int, str, int]] = []
    for i in range(start, len(tokens)):
        norm = tokens[i].norm
        if norm == "t" and words and words[-1][1].endswith("n") and words[-1][2] == i - 1:
            first, word, _ = words.pop()
            words.append((first, word + "t", i))
        else:
            words.append((i, norm, i))
    return words


def already_tried(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon, text: str = ""
) -> tuple[list[Candidate], list[Candidate]]:
    """(the needs, the care already tried): "M54.16 lumbar radic failed 6 wks PT" asks for
    whoever comes after physical therapy, not for a physical therapist; "tried physical
    therapy for my knee" the same. Only beside a need that is still read (a condition, a
    body part or a symptom), so "failed back surgery" alone stays what it says."""
    tried_words = lexicon.word_set("tried_words")
    skippable = lexicon.word_set("skippable")
    failed = lexicon.word_set("tried_after")
    kept, tried, when = [], [], False
    # "neurosurgeon for failed back syndrome": a need's own words are not its care failing
    needs = {i for c in chosen if c.kind not in _CARE for i in range(c.start, c.end)}
    for candidate in chosen:
        care = candidate.kind in _CARE
        word = _tried_word_before(candidate.start, tokens, tried_words, skippable)
        if care and word is None and _failed_after(candidate.end, tokens, failed, skippable, needs):
            word = "failed"  # "physical therapy didn't help", "PT for 6 weeks, no relief"
        if care and word is None and tried and _joined(tried[-1], candidate, tokens, text):
            word = "failed"  # "failed PT + ESI x3": the injections were tried too
        if care and word is not None:
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


def _failed_after(
    end: int,
    tokens: list[Token],
    phrases: frozenset[str],
    skippable: frozenset[str],
    needs: Collection[int] = (),
) -> bool:
    """Words right after the care say it did not work, a duration stepped over ("PT x 6
    weeks didn't help") as the words before it are; the words of a need read after it
    (``needs``: "failed back syndrome") end the reach."""
    read = [(first, norm) for first, norm, _ in _words(tokens, end)][: _TRIED_REACH + 3]
    cut = next((at for at, (first, _) in enumerate(read) if first in needs), len(read))
    words = [norm for _, norm in read[:cut]]
    longest = max((len(p.split()) for p in phrases), default=0)
    for start in range(min(len(words), _TRIED_REACH)):
        if any(" ".join(words[start : start + n]) in phrases for n in range(1, longest + 1)):
            return True
        word = words[start]
        if not (is_a_count(word) or word in skippable or word in _DURATION or word in _THEN):
            return False
    return False


# A duration beside the care that ``skippable`` (determiners, qualifiers) does not hold,
# and the words of a visit ("went to the chiropractor", "ya fui al quiropráctico").
# "did 6 weeks of PT", "had months of physical therapy": a span of time steps over too
_DURATION = frozenset(
    {"for", "x", "few", "several", "mo", "mos", "to", "al", "of", "day", "days", "week",
     "weeks", "wk", "wks", "month", "months", "year", "years"}
)  # fmt: skip
# After the care, what joins it to its failing: "saw a chiro and it didn't help".
_THEN = frozenset({"and", "but", "it", "y", "pero"})
# Care tried together: "failed PT + ESI x3", "tried PT and injections"; after a comma
# ("failed 6wk PT, ESI") the care is what the referral asks for.
_JOINED = re.compile(r"\s*(?:\+|&|and|plus)\s*", re.IGNORECASE)


def _joined(before: Candidate, candidate: Candidate, tokens: list[Token], text: str) -> bool:
    if not 0 < before.end <= candidate.start < len(tokens):
        return False
    between = text[tokens[before.end - 1].end : tokens[candidate.start].start]
    return bool(_JOINED.fullmatch(between))


def _tried_word_before(
    start: int, tokens: list[Token], tried_words: frozenset[str], skippable: frozenset[str]
) -> str | None:
    for i in range(start - 1, max(start - 1 - _TRIED_REACH, -1), -1):
        word = tokens[i].norm
        if word in tried_words:
            return word
        if not (is_a_count(word) or word in skippable or word in _DURATION or word in _TRIED_TOO):
            return None
    return None


# Other care tried, named between the word and the care: "failed NSAIDs and PT".
_TRIED_TOO = frozenset(
    {"nsaids", "nsaid", "meds", "medication", "medications", "medicine", "ibuprofen",
     "naproxen", "tylenol", "gabapentin", "steroids", "prednisone", "relaxers", "muscle",
     "and", "or"}
)  # fmt: skip


# "NOT looking for a surgeon", "dont want surgery", "no quiero cirujano", "non-surgical",
# "someone who isnt going to just operate": surgery declined, a few words at most between
# the no and the surgery word. "no relief after surgery" is surgery done ("after" is no
# word that may stand between).
_DECLINING = (
    r"(?:no|not|without|avoid|avoiding|dont|don t|do not|doesnt|doesn t|does not|wont|won t|"
    r"isnt|isn t|is not|never|rather than|instead of|other than|sin|declines|declined|"
    r"refuses|refused)"
)
_BETWEEN = (
    r"(?:\s+(?:looking|look|for|a|an|any|more|another|to|have|having|get|getting|go|want|"
    r"wanting|wants|need|needs|needing|interested|in|the|see|seeing|quiero|una|un|ser|"
    r"ready|keen|on|major|big|back|spine|spinal|knee|hip|neck|shoulder|going|gonna|just|"
    r"jump|rush|straight|into|do|doing|push|pushing|pushes|consider|considering|recommend|"
    r"recommending)){0,4}"
)
# "want to try everything before surgery", "other options before surgery": surgery put off
# (not "cardiac clearance before surgery", which is for it).
_PUT_OFF = (
    r"(?:try|trying|options|everything|anything|alternatives?)(?:\s+\w+){0,3}?\s+"
    r"(?:before|prior to)(?:\s+(?:a|an|any|the|my|having|getting))?"
)
# Surgery's words besides the lexicon's: Spanish ones, and "operative" ("non-operative
# spine referral": the operation declined by its clinical word)
_SURGERY_WORDS_TOO = ("cirujano", "cirujanos", "cirugia", "operacion", "operar", "operative")
_SURGEONS = frozenset({"surgeon", "surgeons", "cirujano", "cirujanos"})  # who, not what


def declines_surgery(read: Interpretation, lexicon: Lexicon) -> str:
    """What the words decline: "surgeon" ("spinal stenosis, NOT looking for a surgeon", "no
    quiero cirujano": not to see one), "surgery" ("knee pain, want to avoid surgery", "non
    surgical options": the operation, which an orthopedic surgeon may also spare), or "".
    The condition's surgeons rank after the others, last for a surgeon declined
    (``ranking.surgeons_behind``)."""
    said = normalize_term(read.text)
    found = [m.group(1) for m in _declining(lexicon.word_set("surgeon_words")).finditer(said)]
    if not found:
        return ""
    return "surgeon" if _SURGEONS & set(found) else "surgery"


@lru_cache(maxsize=4)
def _declining(surgeon_words: frozenset[str]) -> re.Pattern[str]:
    words = sorted({*surgeon_words, *_SURGERY_WORDS_TOO}, key=len, reverse=True)
    surgery = "|".join(map(re.escape, words))
    # "no surgical hx" is a referral's history, not a wish
    return re.compile(
        rf"\b(?:non ?|{_DECLINING}{_BETWEEN}\s+|{_PUT_OFF}\s+)({surgery})\b(?! (?:history|hx))"
    )


def surgery_wished_away(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, a surgeon read from the words that decline surgery): "i dont want back
    surgery ... sciatica" asks for no spine surgeon; the need's surgeons rank after the
    others (``declines_surgery``). A specialist who does not operate, named with the words
    ("non surgical spine doctor"), stays asked."""
    if not any(c.kind == "specialty" for c in chosen):
        return chosen, []
    declined = words_matched(tokens, _declining(lexicon.word_set("surgeon_words")))
    specialties = lexicon.vocabulary.specialties
    out = [
        c
        for c in chosen
        if c.kind == "specialty"
        and declined & set(range(c.start, c.end))
        # "non surgical spine doctor" is the physiatrist asked, no surgeon declined
        and all(code in specialties and specialties[code].is_surgical for code in c.ids)
    ]
    return [c for c in chosen if c not in out], out


def asks_who_operates(read: Interpretation, lexicon: Lexicon) -> bool:
    """A surgery word read as no part of a term ("who does the surgery", "surgeon for carpal
    tunnel"); "carpal tunnel surgery" is a procedure and "pain after surgery" a condition.
    Surgery declined ("sciatica relief without surgery") asks for no surgeon."""
    surgery = lexicon.word_set("surgeon_words")
    said = read.text.casefold()
    asked = any(
        word.text.casefold() in surgery and not _OCCASION.search(said[: word.span[0]])
        for word in read.filler
    )
    return asked and not declines_surgery(read, lexicon)


# A surgery said as when the visit is, not whom to see: "pre-anesthesia evaluation OSA
# prior to elective surgery" had listed ENT surgeons for the sleep apnea.
_OCCASION = re.compile(
    r"\b(?:before|prior to|ahead of|upcoming|scheduled|clearance for|cleared for|"
    r"clearance before)(?:\s+\w+){0,3}\s*$"
)
