"""Hospitals typed in the box: "cardiologist at hartford hospital", "neurologist at cedars".

A hospital's own directory is searched by its name, and a referral names the hospital a
physician must practise at. The names come from the directory itself (the physicians'
hospital affiliations, read by the search service), so this module only knows what it is
given. A hospital is read as the ``hospital`` filter, the same one the results page offers.

People type part of a name ("saint francis" for "Saint Francis Hospital and Medical
Center", "cedars sinai", "st lukes", "childrens hospital"), so any run of two or more of
a name's words is a term for it, when one of them says which hospital ("medical center"
says none) and the run is not a place's name ("los angeles"). One distinctive word is
read only after "at" or "near" ("cardiologist at emory", "at the brigham"): alone, "rush" or
"fairview" are words and towns first, unless typed in capitals ("UCLA cardiology"). A
name's initials are its short name ("MGH", "bwh", "CHOA" with the "of"), after "at" or
when they are no word the parser or everyday English knows ("mom" stays a word).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from directory import geography
from directory.text import normalize_term
from directory.understanding.candidates import Candidate
from directory.understanding.census_names import is_first_name
from directory.understanding.scoring import GLUE, span_score
from directory.understanding.tokens import Token

# Words that are part of many hospitals' names and say which hospital none of them is.
GENERIC = frozenset(
    "hospital hospitals medical center centre centers health healthcare clinic clinics "
    "university memorial general regional community the of and at for in saint mount "
    "cancer institute system campus care md".split()
)
# How the same word is written short: "St. Luke's", "Mt Sinai", "Mass General".
SHORT_FORMS = {"st": "saint", "mt": "mount", "mass": "massachusetts", "univ": "university"}
# "doctors at emory", "a surgeon from cedars", "urologist near memorial hermann": near a
# hospital is among the doctors who practise there
CUES = frozenset({"at", "from", "near"})
_NO_END = frozenset({"of", "and", "the", "at", "for"})  # "hospital of": a name goes on
# Left out of a name's initials; "of" both left out and kept ("CHA" and "CHOA").
SMALL_WORDS = frozenset({"of", "and", "the", "at", "for", "s"})
MIN_INITIALS = 3  # "MGH"; two letters ("UH") are too many other things
# Known to the directory, so a hospital's words say more than a bare place or a surname:
# "hartford hospital" is the hospital, not Hartford with "hospital" left over.
HOSPITAL = 1.1
MAX_WORDS = 8
TOWN_ZIPS = 3  # a place with this many ZIPs is a town people mean by its name


def _word(norm: str) -> str:
    """One word as compared: short forms spelled out, a possessive or plural s dropped
    ("children's", "childrens" and "children" are one word)."""
    word = SHORT_FORMS.get(norm, norm)
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _spelled(name: str) -> tuple[str, ...]:
    # "Children's" is tokenised as "children" "s": the lone s is the possessive.
    return tuple(SHORT_FORMS.get(w, w) for w in normalize_term(name).split() if w != "s")


@dataclass(frozen=True)
class Hospitals:
    """The directory's hospitals, by the runs of words that name them."""

    runs: Mapping[tuple[str, ...], tuple[str, ...]]  # words -> hospital names
    single: Mapping[str, tuple[str, ...]]  # one distinctive word, read after "at"
    initials: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # "mgh" -> names
    # Every word that says which hospital, a town's name too ("anderson" of MD Anderson):
    # for ranking by a word left unread (named_by), never for the filter.
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def says_which(self, norm: str) -> bool:
        """``norm`` (one folded word) is a word of a hospital's name that says which one."""
        return _word(norm) in self.words

    @classmethod
    def of(cls, names: Iterable[str]) -> Hospitals:
        runs: dict[tuple[str, ...], list[str]] = defaultdict(list)
        single: dict[str, list[str]] = defaultdict(list)
        initials: dict[str, list[str]] = defaultdict(list)
        by_word: dict[str, list[str]] = defaultdict(list)
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            for short in _initials(name):
                initials[short].append(name)
            spelled = _spelled(name)[:MAX_WORDS]
            words = tuple(_word(w) for w in spelled)
            runs[words].append(name)  # the whole name, always
            for start, first in enumerate(spelled):
                for end in range(start + 2, len(words) + 1):
                    if words[start:end] != words and _says_which(spelled[start:end], start == 0):
                        runs[words[start:end]].append(name)
                if first not in GENERIC and not _a_place(first):
                    single[words[start]].append(name)
                if first not in GENERIC and not _a_place(first, CITY_ZIPS):
                    by_word[words[start]].append(name)
        return cls(
            {run: tuple(dict.fromkeys(n)) for run, n in runs.items()},
            {word: tuple(dict.fromkeys(n)) for word, n in single.items()},
            {short: tuple(dict.fromkeys(n)) for short, n in initials.items()},
            {word: tuple(dict.fromkeys(n)) for word, n in by_word.items()},
        )


def named_by(hospitals: Hospitals | None, words: Iterable[str]) -> tuple[str, ...]:
    """The hospitals one distinctive word of whose name is among ``words`` ("emory":
    Emory University Hospital), for words the parser left unread."""
    if not hospitals:
        return ()
    found = (
        hospitals.words.get(_word(w), ()) for text in words for w in normalize_term(text).split()
    )
    return tuple(dict.fromkeys(name for names in found for name in names))


def _initials(name: str) -> set[str]:
    """ "Massachusetts General Hospital" -> mgh; "Children's Healthcare of Atlanta" -> cha
    and choa (people say the "of" or not); "The Hospital of Central Connecticut" -> hcc,
    hocc; "University of Chicago Medical Center" -> uchicago, as it calls itself. A word
    that is itself initials counts each letter, and without the generic words it ends
    with: "MD Anderson Cancer Center" -> mdacc and mda, as referrals write it."""
    words = [w for w in normalize_term(name).split() if w != "s"]
    without = "".join(w[0] for w in words if w not in SMALL_WORDS)
    within = "".join(w[0] for w in words if w not in SMALL_WORDS - {"of"})
    found = {short for short in (without, within) if len(short) >= MIN_INITIALS}
    if len(words) > 2 and words[:2] == ["university", "of"]:
        found.add("u" + words[2])  # "University of Chicago Medical Center": "uchicago"
    spelled = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in SMALL_WORDS]
    if any(_is_initials(w) for w in spelled):
        letters = [w.lower() if _is_initials(w) else w[0].lower() for w in spelled]
        found.add("".join(letters))
        while spelled and spelled[-1].lower() in GENERIC:
            spelled.pop()
        letters = letters[: len(spelled)]
        if len("".join(letters)) >= MIN_INITIALS:
            found.add("".join(letters))
    return found


def _is_initials(word: str) -> bool:
    """ "MD", "USC", "UCLA": a word of a name written as its own initials."""
    return word.isupper() and 2 <= len(word) <= 4


def _says_which(run: tuple[str, ...], leading: bool) -> bool:
    """Some word of the run names this hospital, and the run is not just a place's name
    ("los angeles", "chicago medical center" say no hospital). The name's first words may
    be a place with a generic word ("mass general", "boston medical"): that is how people
    shorten it."""
    # A name may start with a generic word when the next says which ("memorial hermann",
    # "university of chicago"); inside a name, "medical center" alone says none.
    if (run[0] in GENERIC - {"saint", "mount"} and not leading) or run[-1] in _NO_END:
        return False
    if _a_place(" ".join(run)):
        return False
    if leading:
        return any(w not in GENERIC for w in run)
    return any(w not in GENERIC and not _a_place(w) for w in run)


CITY_ZIPS = 10  # a city people search by ("hartford", "chicago"), not a town ("anderson")


def _a_place(words: str, zips: int = TOWN_ZIPS) -> bool:
    """A state, or a town of ``zips`` ZIPs or more: "Sinai, SD" and "Emory, TX" (one ZIP
    each) do not make "cedars sinai" or "emory" a place; with CITY_ZIPS, "hartford" names
    Hartford before Hartford Hospital, "anderson" (8 ZIPs) is MD Anderson's word."""
    if geography.state_code(words) is not None:
        return True
    towns = geography.city_places(words)
    return bool(towns) and towns[0][1] >= zips


def hospital_candidates(
    tokens: list[Token],
    hospitals: Hospitals | None,
    a_word: Callable[[str], bool] = lambda word: True,
) -> list[Candidate]:
    """A reading for every run of tokens that names hospitals in the directory; ``a_word``
    says which lower-case words are words first (initials typed so are not a hospital)."""
    if not hospitals or not hospitals.runs:
        return []
    found = []
    shouting = all(t.upper for t in tokens if t.norm.isalpha())  # "KNEE PAIN RUSH"
    for start in range(len(tokens)):
        words: list[str] = []
        for end in range(start, min(len(tokens), start + MAX_WORDS + 2)):
            norm = tokens[end].norm
            if norm != "s" or end == start:  # "children's": the s is the word before's
                words.append(_word(norm))
            names = hospitals.runs.get(tuple(words)) if len(words) > 1 else None
            if names:
                found.append(_candidate(start, end + 1, len(words), names))
        token = tokens[start]
        cue = _cue_before(tokens, start)
        # "UCLA cardiology"; not a first name in a referral's capitals ("Pt: DOE, JOHN" is
        # no UConn John Dempsey Hospital)
        capitals = token.upper and not shouting and not is_first_name(token.norm)
        names = hospitals.single.get(_word(token.norm)) if cue or capitals else None
        if names:
            found.append(_candidate(start - cue, start + 1, 1, names, glue=cue))
        names = hospitals.initials.get(token.norm)
        if names and (cue or not a_word(token.norm)):
            found.append(_candidate(start - cue, start + 1, 1, names, glue=cue))
    return found


def not_an_insurers_name(candidates: list[Candidate]) -> list[Candidate]:
    """ "nephrologist kaiser permanente long beach": the words that name an insurer are the
    insurer asked for, not the hospital whose name begins with them ("Kaiser Permanente Los
    Angeles Medical Center"), which had left 2 of the 9 nephrologists who take it. After
    "at" the hospital's reading spans the cue too, so "at kaiser permanente" stays one."""
    insurers = {(c.start, c.end) for c in candidates if c.filter == "insurance"}
    return [c for c in candidates if not (c.filter == "hospital" and (c.start, c.end) in insurers)]


def _cue_before(tokens: list[Token], start: int) -> int:
    """How many words before ``start`` say a hospital follows: "at", "at the"."""
    if start and tokens[start - 1].norm in CUES:
        return 1
    if start > 1 and tokens[start - 1].norm == "the" and tokens[start - 2].norm in CUES:
        return 2
    return 0


def _candidate(start: int, end: int, words: int, names: tuple[str, ...], glue: int = 0):
    score = span_score(HOSPITAL, words) + GLUE * glue
    label = " or ".join(names)
    return Candidate(start, end, score, "filter", names, label, "exact", filter="hospital")
