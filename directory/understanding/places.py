"""Places typed into the search box: ZIPs, "City, ST", "in <city>", states and radii.

A place is only read where the words say it is one. A ZIP or a city followed by its state
("hartford ct", "Hartford, CT", "cleveland ohio") always is; a city name alone needs a cue
before it ("in Mobile", "near Bath") unless it is a big city whose name is not an everyday
word (``bare_city_min_zips`` and ``not_places`` in data/lexicon.json), so "back pain
mobile" keeps "mobile" as an unplaced word; a setting or a season is no place even after a
cue (``settings``: "on oxygen at home", "cough in winter"). A city that is also a common surname
(``surname_places``: Houston, Jackson; the state of Washington) stands bare only after
other words and never right after "Dr.": "dermatologist houston" is the city, "houston"
alone or "Dr. Houston" a person. A name several cities share gives candidates, biggest
first, and is only settled when one city clearly dominates (``DOMINANT``). A misspelled
city ("in chicgo", "houstin tx") is the one it clearly means (``geography.meant_city``),
where the words say a place is; its reading is a fuzzy match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from directory import geography
from directory.geography import Place
from directory.geography.states import AP_STYLE
from directory.text import compact_icd10
from directory.understanding.candidates import Candidate
from directory.understanding.census_names import is_common_name, is_first_name, is_surname
from directory.understanding.lexicon import Lexicon
from directory.understanding.nicknames import nickname_places
from directory.understanding.scoring import BARE_CITY, PLACE, span_score
from directory.understanding.tokens import Token
from directory.understanding.typos import commonest_words, english_counts

MAX_CITY_WORDS = 4  # "salt lake city", "winston salem" ...; no US city name is longer
MAX_CANDIDATES = 8  # places offered for an ambiguous name
# A bare name means its biggest city only when that city has 3x the ZIPs of the next one:
# Hartford, CT (36) over Hartford, VT (1) yes; Springfield, IL (35) over MA (19) no.
DOMINANT = 3.0
# A state name that is also a city means the city when the city is this big ("New York").
BIG_CITY_ZIPS = 50
# Two-letter state codes that are everyday words: read as a state only when written in
# capitals, after a comma, at the very end, or after a place cue ("in portland or").
WORDLIKE_STATES = frozenset(
    {"in", "me", "or", "ok", "hi", "oh", "id", "md", "ms", "de", "la", "co", "al"}
)
MILE_WORDS = frozenset({"mile", "miles", "mi", "mls"})
MAX_RADIUS = 500
_ZIP = re.compile(r"^\d{5}$")
# First words of every state code and name: a cheap test before asking geography.
_STATE_WORDS = frozenset(
    word
    for code, name in geography.STATE_NAMES.items()
    for word in (code.lower(), *name.lower().split()[:1])
)
_NUMBER = re.compile(r"\d{1,3}(?:yo|yr|yrs|mo|mos)?")  # an age or a measure: "4yo", "42"
_MILES = re.compile(r"^(\d{1,3})(?:mi|miles?)$")


def located_tokens(places: Sequence[Candidate]) -> set[int]:
    """The token indexes some location reading covers ("Los Angeles, CA": all three)."""
    return {i for c in places if c.kind == "location" for i in range(c.start, c.end)}


def place_candidates(text: str, tokens: list[Token], lexicon: Lexicon) -> list[Candidate]:
    """Location and radius candidates, each also led by its cue when it has one ("near 06106")."""
    norms = [t.norm for t in tokens]
    found: list[Candidate] = []
    nicknames = nickname_places(tokens, lexicon.data.nicknames)  # "LA", "NYC", "philly"
    for start in range(len(tokens)):
        cue = _cue_length(norms, start, lexicon)
        readings = list(_places_at(text, tokens, norms, start, lexicon))
        if start in nicknames:  # "in LA" is Los Angeles, not Louisiana
            end, place = nicknames[start]
            readings = [r for r in readings if r[0] > end]
            readings.append((end, place, (), False, PLACE))
        for end, place, places, strong, bare, *respelled in readings:
            words = end - start
            if not strong and _everyday_words_owned(norms, start, end):
                continue  # "in my new city": the asker's new city, not New City, NY
            match = "fuzzy" if respelled else "exact"  # "chicgo": the city clearly meant
            if strong or bare is not None:
                score = span_score(PLACE if strong else bare, words)
                found.append(_location(start, end, score, place, places, strong, match))
            # "oxygen at home", "cough in winter": after a cue, a setting or a season, not
            # Home, PA or Winter, WI (``settings``); "Home, PA" typed with its state still is.
            setting = not strong and " ".join(norms[start:end]) in lexicon.word_set("settings")
            if cue and not setting:
                score = span_score(PLACE, words, glue=cue)
                found.append(_location(start - cue, end, score, place, places, strong, match))
    return _codes_not_zips(found, norms, lexicon) + _radius_candidates(norms)


POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})


def _everyday_words_owned(norms: list[str], start: int, end: int) -> bool:
    """A place name of everyday words only, after a possessive ("my", "our"): what someone
    has ("my new city", "our new town"), not a town of that name."""
    if not start or norms[start - 1] not in POSSESSIVES:
        return False
    common = commonest_words()
    return all(w in common or english_counts().get(w, 0) >= EVERYDAY for w in norms[start:end])


# Words before a number that make it a billing code, not a ZIP: "cpt 45378".
CODE_WORDS = frozenset({"cpt", "hcpcs", "code", "codes"})
FAR_MILES = 100.0  # a ZIP this far from every town of a name typed beside it is no ZIP
TOWN_ZIPS = 3  # a town of this many ZIPs, typed beside a number, says where
EVERYDAY = 5_000  # an English word this common is a word first ("mobile", "orange")


def _codes_not_zips(found: list[Candidate], norms: list[str], lexicon: Lexicon) -> list[Candidate]:
    """A five-digit number is a procedure code, not a ZIP, after "cpt" or "code", or beside
    a place or town it is far from: "GI cpt 45378 humana houston", "sports medicine 99204
    new pt eval UHC katy" (99204 is also Spokane's ZIP). A ZIP led by "near" or "in" stays."""
    zips = [c for c in found if c.strong and c.place and c.place.kind == "zip"]
    if not zips:
        return found
    others = [c for c in found if c.place is None or c.place.kind != "zip"]
    dropped = set()
    for c in zips:
        number = next((i for i in range(c.start, c.end) if _ZIP.match(norms[i])), None)
        if number is None:
            continue  # a ZIP said digit by digit is no billing code
        if _cue_length(norms, number, lexicon):
            continue  # "near 45378": a ZIP, said so (and its reading without the cue)
        if number and norms[number - 1] in CODE_WORDS:
            dropped.add(id(c))
        elif _far_from_every(c.place, others, norms, number, lexicon):
            dropped.add(id(c))
    return [c for c in found if id(c) not in dropped]


def codes_beside_a_procedure(
    places: list[Candidate], terms: list[Candidate], tokens: Sequence[Token]
) -> list[Candidate]:
    """``places`` without a five-digit number typed right beside a procedure in a text that
    carries a diagnosis code: the procedure's billing code, not a ZIP ("M54.16 lumbar
    radiculopathy, refer for ESI 64483", "96132 neuropsych testing R41.3"). Without a
    diagnosis code ("PT eval s/p ACL recon 77030") or after "near"/"in" the ZIP stays."""
    coded = any(t.kind == "condition" and t.match == "code" for t in terms)
    if not (coded or any("." in t.text and compact_icd10(t.text) for t in tokens)):
        return places
    beside = {i for t in terms if t.kind == "procedure" for i in (t.start - 1, t.end)}
    return [c for c in places if _bare_zip(c, tokens) not in beside]


def _bare_zip(candidate: Candidate, tokens: Sequence[Token]) -> int | None:
    """The index of the five digits a ZIP reading is, typed alone (no "near" before)."""
    place, (start, end) = candidate.place, (candidate.start, candidate.end)
    if candidate.strong and place and place.kind == "zip" and end - start == 1:
        return start if _ZIP.match(tokens[start].text) else None
    return None


def _far_from_every(
    zip_place: Place, others: list[Candidate], norms: list[str], number: int, lexicon: Lexicon
) -> bool:
    """Some other place read in the text, or a town's name typed after the number (and no
    surname: "dr jackson 06106" keeps its ZIP), and every place of that name far from it;
    a name typed right before the ZIP is no other place."""
    named: list[tuple[Place, ...]] = []
    for c in others:
        # a name right before the ZIP is its neighbourhood ("clear lake 77058"), not a rival
        if c.kind == "location" and not (c.start <= number <= c.end):
            named.append(tuple(p for p in (c.place, *c.places) if p is not None))
    for norm in norms[number + 1 :]:
        if norm in lexicon.phrases or _ZIP.match(norm) or is_surname(norm):
            continue
        if english_counts().get(norm, 0) >= EVERYDAY:  # "06106 mobile": a phone, not Mobile, AL
            continue
        towns = _cities(norm)
        if towns and towns[0][1] >= TOWN_ZIPS:
            named.append(tuple(place for place, _ in towns))
    named = [places for places in named if places]
    return bool(named) and all(
        geography.miles_between(zip_place.point, p.point) > FAR_MILES
        for places in named
        for p in places
    )


def _location(start, end, score, place, places, strong, match="exact") -> Candidate:
    label = place.label if place else places[0].label.split(",")[0]
    return Candidate(
        start, end, score, "location", (), label, match, place=place, places=places,
        strong=strong,
    )  # fmt: skip


def _places_at(text: str, tokens: list[Token], norms: list[str], start: int, lexicon: Lexicon):
    """(end, place, candidates, strong, weight without a cue or None) per reading at ``start``.

    Strong readings (a ZIP, a city with its state) stand on their own; the others need a
    cue unless the weight says they may stand bare (a state's full name, a big city).
    """
    if area := _area_code_at(norms, start):  # "hemorrhoid surgeon in the 617 area"
        end, place, cued_only = area
        yield end, place, (), not cued_only, None
        return
    if _ZIP.match(norms[start]):
        place = geography.zip_place(norms[start])
        if place:
            yield start + 1, place, (), True, None
        return
    if (spoken := spoken_zip(norms, start)) and (place := geography.zip_place(spoken)):
        yield start + 5, place, (), True, None  # "near seven seven zero zero eight", dictated
        return
    cued = _cue_length(norms, start, lexicon) > 0
    for end in range(start + 1, min(start + MAX_CITY_WORDS, len(tokens)) + 1):
        if end - start > 1 and "," in text[tokens[end - 2].end : tokens[end - 1].start]:
            break  # "accepting new, providence": a city's name has no comma inside
        if end < len(tokens) and tokens[end].text in _CLASSES:
            continue  # "FNA Bethesda IV": a cytology class, not a town; "Stage III"
        name = " ".join(norms[start:end])
        state = _state_after(text, tokens, norms, end, cued=cued) or _its_state(name, norms, end)
        if state is not None and (place := geography.city_place(name, state[1])):
            after = state[0]
            if after < len(tokens) and (zip_place := _zip_at(norms, after)):
                yield after + 1, zip_place, (), True, None
            yield after, place, (), True, None
        city = bool(_cities(name)) and name not in lexicon.phrases
        code = _state_code(name)
        if code and len(name) > 2:  # a state's full name may stand alone: "cardiologist ohio"
            # ... but "dr washington" is a person, as "dr houston" is (surname_places)
            person = name in lexicon.word_set("surname_places")
            bare = None if person and not _after_clinical_word(norms, start, lexicon) else PLACE
            yield end, *_state_reading(code, name if city else None), False, bare
        elif code and (name not in WORDLIKE_STATES or tokens[start].upper):
            yield end, *_state_reading(code, None), False, None  # "in CT", not "CT" alone
        elif city and not _a_word_first(name, tokens[start]):
            bare = BARE_CITY if _bare_city_ok(name, norms, start, lexicon) else None
            yield end, *_city_reading(name), False, bare
        elif (state or cued) and (counties := _bare_county(name, lexicon)):
            # "cardiologist in gwinnett", "gwinnett ga": a county said without its word, not
            # a slip of a far town's name (Winnett, MT)
            if state is not None and (here := geography.county_place(f"{name} county", state[1])):
                yield state[0], here, (), True, None
            yield end, *_ranked_reading(counties), False, None
        elif (state or cued or end == len(tokens)) and (meant := _respelled(name, state, lexicon)):
            # "urologist houstin tx", "in chicgo": a slip of the city clearly meant, where
            # the words say a place is (a state after it, or a cue before it); a big
            # city's typed last after what was asked ("cardiologist chicgo") stands bare
            place, zips = meant
            last = end == len(tokens) and _after_clinical_word(norms, start, lexicon)
            big = last and zips >= lexicon.data.bare_city_min_zips
            if state is not None:
                yield state[0], place, (), True, None, True
            elif cued or big:
                yield end, place, (), False, BARE_CITY if big else None, True
        if end - start == 2 and (state or cued) and not city:
            # "in glen view": a one-word town speech-to-text split in two
            yield from _split_city(norms[start] + norms[start + 1], end, state, lexicon)
        if counties := _counties(name):  # "spine surgeon orange county": its word says so
            county = _county_name(name)
            if state is not None and (here := geography.county_place(county, state[1])):
                yield state[0], here, (), True, None
            yield end, *_ranked_reading(counties), False, PLACE


_AREA_CODE = re.compile(r"^[2-9]\d\d$")


def _area_code_at(norms: list[str], start: int) -> tuple[int, Place, bool] | None:
    """(end, the place, whether it needs a cue before it) of a telephone area code said as
    a place: "617 area", "the 617 area code", "area code 404", and "in the 818" at the
    end, after a cue (``geography.area_code_place``)."""
    words = norms[start : start + 4]
    cued_only = False
    if words[:2] == ["area", "code"] and len(words) > 2:
        code, end = words[2], start + 3
    elif words[0] == "the" and len(words) == 2:  # "in the 818", typed last
        code, end, cued_only = words[1], start + 2, True
    elif words[1:2] == ["area"]:
        code, end = words[0], start + 2 + (words[2:3] == ["code"])
    else:
        return None
    place = geography.area_code_place(code) if _AREA_CODE.match(code) else None
    return (end, place, cued_only) if place else None


SPLIT_TOWN_ZIPS = 2  # a town, not a hamlet of one ZIP, two words typed apart may name


def _split_city(joined: str, end: int, state: tuple[int, str] | None, lexicon: Lexicon):
    """A one-word town typed as two words after a cue or before its state ("in glen view":
    Glenview). Spelled exactly: a slip of two words joined reads towns into everyday pairs
    ("near me", "it all")."""
    if not joined.isalpha() or joined in lexicon.phrases:
        return
    cities = _cities(joined)
    if not cities or " " in cities[0][0].label.split(",")[0] or cities[0][1] < SPLIT_TOWN_ZIPS:
        return
    if state is not None and (place := geography.city_place(joined, state[1])):
        yield state[0], place, (), True, None
    yield end, *_city_reading(joined), False, None


_CLASSES = frozenset({"II", "III", "IV", "V", "VI"})  # a grade or class in capitals


# Digits as dictation writes them: "seven seven zero zero eight", "zero six one oh six".
_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip


def spoken_zip(norms: list[str], start: int) -> str | None:
    """The ZIP five digits said one by one spell, as speech-to-text writes them ("seven seven
    zero zero eight", or "7 7 0 0 8"), when no sixth digit follows: a phone number or a
    longer code read aloud is no ZIP."""
    said = norms[start : start + 6]
    digits = [_DIGIT_WORDS.get(w, w if len(w) == 1 and w.isdigit() else None) for w in said]
    if len(digits) < 5 or None in digits[:5] or (len(digits) == 6 and digits[5] is not None):
        return None
    if start and (norms[start - 1] in _DIGIT_WORDS or norms[start - 1].isdigit()):
        return None  # the tail of a longer number said aloud
    return "".join(digits[:5])


def _a_word_first(name: str, token: Token) -> bool:
    """An everyday word typed in lowercase that only a hamlet is named ("mass on my kidney
    found by accident", "pain comes in waves"): the word, even after a cue. A town's own
    name with its state ("accident md") is still read above."""
    if token.text[:1].isupper() or " " in name or english_counts().get(name, 0) < EVERYDAY:
        return False
    return _cities(name)[0][1] < TOWN_ZIPS


def _respelled(
    name: str, state: tuple[int, str] | None, lexicon: Lexicon
) -> tuple[Place, int] | None:
    """The city a misspelled name clearly means (``geography.meant_place``), when none of
    its words (two at most) is a word we know: "chicgo", "san antonoi", not "agony",
    "fever" or "near hartford" (New Hartford, CT)."""
    words = name.split()
    if len(words) > 2 or name in lexicon.phrases or is_common_name(words[-1]):
        return None
    if len(words) == 2 and words[0] in _NAME_FIRST_WORDS:  # "new britian": the slip is last
        words = words[1:]
    if not _words_unknown(words, lexicon):
        return None
    return _meant(name, state[1] if state else None)


def _words_unknown(words: list[str], lexicon: Lexicon) -> bool:
    """None of ``words`` is a word we read or an English word: a name only a place bears."""
    return all(w.isalpha() and w not in lexicon.words and w not in english_counts() for w in words)


# Everyday words that begin many towns' names: "New Britain", "East Orange", "Fort Worth".
_NAME_FIRST_WORDS = frozenset(
    "new east west north south fort port mount saint lake san santa los las el la".split()
)


@lru_cache(maxsize=4_096)
def _meant(name: str, state: str | None) -> tuple[Place, int] | None:
    city = geography.meant_city(name, state)
    return (city.place(), city.zip_count) if city is not None else None


@lru_cache(maxsize=65_536)  # words repeat across queries; each answer is a few microseconds
def _cities(name: str) -> tuple[tuple[Place, int], ...]:
    return geography.city_places(name)


@lru_cache(maxsize=4_096)
def _state_code(words: str) -> str | None:
    return geography.state_code(words) if words.split()[0] in _STATE_WORDS else None


def _zip_at(norms: list[str], at: int) -> Place | None:
    return geography.zip_place(norms[at]) if _ZIP.match(norms[at]) else None


def _state_after(text, tokens, norms, at: int, *, cued: bool) -> tuple[int, str] | None:
    """(end, state code) of a state written right after a city ending at ``at``."""
    for size in (1, 2, 3):
        end = at + size
        if end > len(tokens):
            break
        words = " ".join(norms[at:end])
        # "worcester mass", "springfield ill": a letterhead abbreviation, after a city only
        code = _state_code(words) or (AP_STYLE.get(words) if size == 1 else None)
        wordlike = size == 1 and len(words) == 2 and not _state_code_ok(text, tokens, at)
        # after a cue too, "in" before a word is the word: "moving to atlanta in june"
        if code is None or (wordlike and (not cued or _a_word_at(norms, end))):
            continue
        return end, code
    return None


# Word-like state codes that are rarely anything else right after a town of that state.
_TOWN_STATE_CODES = WORDLIKE_STATES - {"in", "me", "or", "hi", "ok"}


def _its_state(name: str, norms: list[str], at: int) -> tuple[int, str] | None:
    """ "strongsville oh pt": a word-like state code in lowercase, uncued, after a town of
    that state whose name is no everyday word or common name (not "moving to atlanta in
    june", where "in" is a word)."""
    if at >= len(norms) or norms[at] not in _TOWN_STATE_CODES:
        return None
    if " " not in name and (name in english_counts() or is_common_name(name)):
        return None
    code = norms[at].upper()
    return (at + 1, code) if geography.city_place(name, code) else None


def _a_word_at(norms: list[str], at: int) -> bool:
    return at < len(norms) and norms[at].isalpha()


def _state_code_ok(text: str, tokens: list[Token], at: int) -> bool:
    token = tokens[at]
    if token.norm not in WORDLIKE_STATES or token.upper or at == len(tokens) - 1:
        return True
    return "," in text[tokens[at - 1].end : token.start]


def _state_reading(code: str, city_name: str | None):
    state = geography.state_place(code)
    big = _cities(city_name) if city_name else ()
    if big and big[0][1] >= BIG_CITY_ZIPS:
        return big[0][0], (big[0][0], *(p for p in (state,) if p))
    return state, tuple(p for p in (state, *(p for p, _ in big[:1])) if p)


@lru_cache(maxsize=65_536)
def _counties(name: str) -> tuple[tuple[Place, int], ...]:
    name = _county_name(name)
    return geography.county_places(name) if name.endswith((" county", " parish")) else ()


def _bare_county(name: str, lexicon: Lexicon) -> tuple[tuple[Place, int], ...]:
    """The counties a name no town bears is the name of, said without "county": "in
    gwinnett", "in cuyahoga". Not a word we read or an everyday English word ("in lake")."""
    words = name.split()
    if len(words) > 2 or name in lexicon.phrases or _cities(name):
        return ()
    if not _words_unknown(words, lexicon):
        return ()
    return _counties(f"{name} county") or _counties(f"{name} parish")


def _county_name(name: str) -> str:
    """ "gwinnett co", "cuyahoga cty" -> "... county": a county's word as letterheads cut it."""
    for short in (" co", " cty", " cnty"):
        if name.endswith(short) and " " in name:
            return f"{name[: -len(short)]} county"
    return name


def _city_reading(name: str):
    return _ranked_reading(_cities(name))


def _ranked_reading(ranked: tuple[tuple[Place, int], ...]):
    """(the place, every candidate): the biggest when it dominates, else none chosen."""
    cities = ranked[:MAX_CANDIDATES]
    places = tuple(place for place, _ in cities)
    if len(cities) == 1 or cities[0][1] >= DOMINANT * cities[1][1]:
        return places[0], places if len(places) > 1 else ()
    return None, places


def _bare_city_ok(name: str, norms: list[str], start: int, lexicon: Lexicon) -> bool:
    if name in lexicon.word_set("surname_places"):
        return _after_clinical_word(norms, start, lexicon)
    if name in lexicon.word_set("not_places") or _a_word_we_read(name, lexicon):
        return False
    if name in english_counts() and _joined(name):  # "northeast" is a word, not North East
        return False
    words = name.split()
    # "pain management west hartford": a city name of several words, none of them a term
    # ("back bay" is not), is a place however small; one word needs a big city.
    if len(words) > 1 and not any(w in lexicon.phrases for w in words):
        return True
    cities = _cities(name)
    if not cities:
        return False
    if cities[0][1] >= lexicon.data.bare_city_min_zips:
        return True
    return _town_beside_a_need(name, cities, norms, start, lexicon)


def _a_word_we_read(name: str, lexicon: Lexicon) -> bool:
    """A word of the lexicon, unless it is a big city's name that only begins longer terms:
    "boston brace" is a brace where it is typed (the longer term wins the cover), and
    "dermatologist boston" stays the city."""
    if name not in lexicon.words:
        return False
    listed = name in lexicon.phrases or name in lexicon.data.abbreviations
    listed = listed or any(name in words for words in lexicon.data.words.values())
    return listed or not _big_enough(name, lexicon)


def _big_enough(name: str, lexicon: Lexicon) -> bool:
    """A city big enough to be typed without its state (``bare_city_min_zips``)."""
    cities = _cities(name)
    return bool(cities) and cities[0][1] >= lexicon.data.bare_city_min_zips


def _joined(name: str) -> bool:
    """``name`` is a city of several words typed as one ("sugarland" for Sugar Land)."""
    cities = _cities(name)
    return bool(cities) and " " in cities[0][0].label.split(",")[0]


END_TOWN_MIN_ZIPS = 3  # a town, not a hamlet of one ZIP ("Miller, SD")


def _town_beside_a_need(
    name: str, cities: tuple[tuple[Place, int], ...], norms: list[str], start: int, lexicon
) -> bool:
    """A smaller town typed beside what was asked: last, after it ("neurologist for
    headaches evanston", "oncologist for my mom worcester"); first, right before it
    ("pearland knee hurts", "framingham ortho for my moms hip"); or right after it with more
    words to come ("eye doctor evanston saturday hours"). The town, when it is no common
    first name or surname ("cardiologist miller" is Dr. Miller) nor an everyday word ("back
    pain sterling"). Several towns of that name ("decatur": GA, IL, AL) make it a question
    the page answers with the one that has physicians (suggestions.stand_in)."""
    if is_common_name(name) or name in english_counts() or cities[0][1] < END_TOWN_MIN_ZIPS:
        return False
    end = start + len(name.split())
    if end == len(norms):  # typed last: one word, after what was asked
        return " " not in name and _after_clinical_word(norms, start, lexicon)
    if start == 0:  # "worcester knee surgeon"; "worcester family doctor": a term's first word
        return lexicon.is_content_word(norms[end]) or _a_term_begins(norms, end, lexicon)
    return _after_clinical_word(norms, start, lexicon)


def _a_term_begins(norms: list[str], at: int, lexicon: Lexicon) -> bool:
    """A term of several words starts at ``at`` ("family doctor", "grief counselor"), whose
    first word alone reads nothing."""
    return any(" ".join(norms[at:j]) in lexicon.phrases for j in range(at + 2, at + 5))


def _after_clinical_word(norms: list[str], start: int, lexicon: Lexicon) -> bool:
    """A surname-like city reads as the city right after a word the lexicon knows
    ("dermatologist houston", "pain doctor houston"), or after an unknown word that follows
    one, but not alone, after a first name ("linda houston") or after a title ("dr
    houston", "doctor houston")."""
    before = norms[start - 1] if start else ""
    if before not in lexicon.words:
        # "derm consult xyz houston": after a word nothing reads, the city still follows
        # what was asked, unless that word is a first name ("cardiologist linda houston").
        asked = _asked(norms[: start - 1], lexicon)
        worded = before.isalpha() or _NUMBER.fullmatch(before) is not None  # "4yo", "bmi 42"
        return asked and worded and not is_first_name(before)
    titles = lexicon.word_set("name_titles")
    return before not in titles or (start >= 2 and len(before) > 3)


def _asked(norms: list[str], lexicon: Lexicon) -> bool:
    """The words say what was asked: a term of one word or of several ("bác sĩ nói tiếng
    việt ... houston": a doctor who speaks Vietnamese, in Houston)."""
    if any(lexicon.is_content_word(n) for n in norms):
        return True
    spans = ((i, j) for i in range(len(norms)) for j in range(i + 2, min(i + 5, len(norms) + 1)))
    return any(" ".join(norms[i:j]) in lexicon.phrases for i, j in spans)


_MOVED = frozenset({"moved", "moving", "move", "relocated", "relocating", "new", "transferred"})


def _cue_length(norms: list[str], start: int, lexicon: Lexicon) -> int:
    """How many words before ``start`` announce a place: "in", "near", "close to", "miles of"."""
    before = norms[start - 1] if start >= 1 else ""
    two_back = norms[start - 2] if start >= 2 else ""
    if before in ("to", "of") and two_back in ("close", "near", "outside"):
        return 2
    if before == "to" and two_back in _MOVED:  # "just moved to alpharetta", "new to marietta"
        return 2
    if before in ("of", "from") and two_back in MILE_WORDS:
        return 1
    return 1 if before in lexicon.word_set("location_cues") else 0


def _radius_candidates(norms: list[str]) -> list[Candidate]:
    """ "within 10 miles", "10 mi", "25mi" -> the radius filter."""
    found = []
    for start, norm in enumerate(norms):
        joined = _MILES.match(norm)
        if joined:
            miles, end = int(joined[1]), start + 1
        elif norm.isdigit() and start + 1 < len(norms) and norms[start + 1] in MILE_WORDS:
            miles, end = int(norm), start + 2
        else:
            continue
        if not 1 <= miles <= MAX_RADIUS:
            continue
        first = start - 1 if start and norms[start - 1] in ("within", "under", "about") else start
        label = f"Within {miles} miles"
        found.append(
            Candidate(
                first, end, span_score(PLACE, end - first), "filter", (), label, "exact",
                filter="radius_miles", radius=miles,
            )
        )  # fmt: skip
    return found


NEIGHBOURHOOD_MILES = 25.0  # a town this close to the city typed after it is the place meant
NEIGHBOURHOOD_ZIPS = 3  # a far namesake this small can be a neighbourhood's name


def _zips(town: Place) -> int:
    name = town.label.split(",")[0].casefold()
    return next((zips for place, zips in _cities(name) if place == town), 0)


def side_by_side(
    first: Place | None, candidates: tuple[Place, ...], then: Place | None
) -> tuple[Place | None, tuple[Place, ...]] | None:
    """Of two places typed side by side, the first's (place, candidates) when it is meant,
    settled on its town near the second ("newton boston": Newton, MA); None when the second
    is. The first is a neighbourhood of the second that shares a far town's name when no
    town of its name lies near the second: Buckhead, GA is 60 miles from Atlanta, and no
    Hyde Park in the gazetteer is near Chicago."""
    if then is None or then.kind == "state":
        return first, candidates
    towns = (first,) if first is not None else candidates
    if any(_zips(town) > NEIGHBOURHOOD_ZIPS for town in towns):
        return first, candidates  # "hartford boston": a city typed first is meant
    near = [p for p in towns if geography.miles_between(p.point, then.point) <= NEIGHBOURHOOD_MILES]
    return (near[0], ()) if near else None
