"""A way forward from every search: what to offer next, each offer with its count.

After a search the service asks :func:`plan` what to offer, counts every offer in one
``msearch`` (``app.search.suggestion_queries``) and keeps what :func:`finish` returns:

* **nothing found**: drop a filter, widen the radius to reach the nearest match (or search
  without the place when it is farther than any radius), a broader specialty ("pediatric
  cardiologist": pediatricians, cardiologists), search without one understood part
  ("lumbar", "spanish speaking"), the closest vocabulary concepts to the words that were not
  understood, and every physician near the place;
* **an ambiguous place** ("Springfield"): each place of that name, with its count, the ones
  with physicians first;
* **a condition or specialty with no location**: ask for one (the page offers "Use my
  location"), instead of a nation-wide list;
* **a short word with two common readings** ("endo", "therapist"): the reading not taken;
  a title and a city that is also a surname after a term ("endo dr houston"): the place.

Pure: the text variants are re-read in memory with the same parser the search uses.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import OSA

from app.search import offers as build
from app.search.filters import Filters
from app.search.offers import Offer, Situation, asks_for_care, text_with, text_without
from app.search.params import RADIUS_MAX, Resolution, SearchParams, next_radius
from app.search.results import SearchPage, Suggestion
from app.search.two_places import place_in_the_text
from directory import geography
from directory.text import normalize_term
from directory.understanding import Interpretation, Lexicon, interpret
from directory.understanding.census_names import is_first_name
from directory.understanding.describe import mid_sentence, people_called
from directory.understanding.model import Word

__all__ = [
    "Offer",
    "Situation",
    "did_you_mean",
    "finish",
    "broadened",
    "widened",
    "reached_further",
    "typed_specialist_unfound",
    "a_little_further",
    "broader_instead",
    "shown_instead",
    "stand_in",
    "stand_in_text",
    "town_typed_last",
    "read_as_town",
    "name_typed_with_more",
    "named_without",
    "name_fallback",
    "plan",
    "text_without",
]

SUGGESTION_KINDS = {
    "choose_place": "The place name is shared by several places: search near this one.",
    "add_location": "A condition or specialty with no place: ask for a `location` (changes "
    "is empty; count is the nation-wide total).",
    "drop_filter": "Search without one filter (chosen, or typed in the text).",
    "widen_radius": "Search within a wider radius: the first that reaches a match.",
    "remove_location": "The nearest match is beyond any radius: search without a place.",
    "drop_part": "Search without one understood part of the text.",
    "broader_specialty": "A broader specialty, when nobody practises the one asked for "
    '("pediatric cardiologist": pediatricians, cardiologists).',
    "closest_concept": "The vocabulary entry closest to words that were not understood.",
    "drop_text": "Every physician near the place, with the same filters.",
    "other_reading": 'The text read the other way a short word is used ("endo": '
    "endometriosis rather than endocrinologist), or a title and a city that is also a surname "
    'read as the place ("endo dr houston": near Houston, TX rather than Dr. Houston).',
    "name_fallback": "Nobody matched the name and the rest together: the results leave the "
    "name out (it only orders them); changes search for the name alone.",
    "name_and_place": "Nobody has every word after a title as a name: the last words read as "
    'the place ("dr dandrea farmington": Dr. Dandrea near Farmington).',
    "reread": "The results are what was most likely meant, said in the message (label: the "
    "place): nobody has every word after a title as a name, so the name near the place its "
    "last words name; or of the places a name is shared by, only one has physicians for the "
    "search; or words typed last that nothing else reads name a town, searched near "
    '("pap smear providence": near Providence, RI). changes are empty.',
    "place_respelled": "The location box held a misspelled place, read as the city it clearly "
    'means ("Chicgo": Chicago, IL). The first says so (label: the place searched; changes '
    "put its name in the box; no count); any others are places spelled like what was "
    "typed, with their counts.",
    "place_in_text": "The location box names one place and the text another the search does "
    'not take in ("sciatica near boston" with Houston, TX in the box): the box\'s place is '
    "searched, as what the form chose always is, and the message says so; label is the "
    "place the text names, changes search near it instead, count is how many that finds.",
    "broadened": "Nobody practises the specialty asked for within reach, so the results are "
    "the first broader specialty that someone does (label), or, for a specialty typed beside "
    "a condition, the others who treat it (label: the specialty asked for); changes are "
    "empty. A `widen_radius` or `remove_location` beside it reaches the specialty asked for.",
    "widened": "Nobody practises the specialty asked for within the radius asked, and a few "
    "do a little further (the nearest within 1.5 times it): the results reach that far "
    "(label: the radius searched), the specialty asked for first, and the broader "
    "specialties near are offered beside; changes are empty.",
}
# On a page broadened to another specialty, the offers that still reach the one asked for.
_REACH_ASKED = ("widen_radius", "remove_location")
MAX_OFFERS = 8  # a short list people read, not a menu


def plan(situation: Situation, filters: Filters) -> list[Offer]:
    """Every offer worth counting for this search, best first."""
    said = build.place_respelled(situation, filters)  # "Chicgo" in the box: Chicago, IL
    said += place_in_the_text(situation, filters)  # "near boston" typed, Houston in the box
    found = build.place_choices(situation, filters)
    asks_place = bool(found)
    found += build.other_readings(situation, filters)
    if situation.total == 0:
        found += build.drop_filters(situation, filters)
        if situation.params.origin is not None:  # a wider radius; a state has none
            found.append(build.reach(situation, filters))
        found += build.broader(situation, filters)  # before dropping the specialty altogether
        found += build.broader_for_need(situation, filters)
        found += build.name_then_place(situation, filters)
        found += build.drop_parts(situation, filters)
        found += build.closest(situation, filters)
        found += build.every_physician(situation, filters)
    elif not asks_place and build.needs_location(situation):
        found.append(build.add_location(situation))
    elif _a_few_near(situation):  # "gastro doc akron ohio": one, three more a little further
        found.append(build.reach(situation, filters))
        # "hand surgeon hartford": one, and the orthopedic surgeons around, one click away
        found += build.broader(situation, filters)
    return said + found


FEW_NEAR = 5  # fewer found near the place than this: how many more a wider radius reaches


def _a_few_near(situation: Situation) -> bool:
    located = situation.params.origin is not None and situation.params.radius_miles < RADIUS_MAX
    return located and situation.total < FEW_NEAR and bool(situation.resolution.terms)


def finish(offers: list[Offer], responses: list[dict]) -> tuple[Suggestion, ...]:
    """The offers with their counts (``responses``: one per offer with a search, in order)."""
    answers = iter(responses)
    found: list[Suggestion] = []
    places: list[Suggestion] = []
    for offer in offers:
        suggestion = offer.suggestion
        if offer.search is not None:
            response = next(answers, {})
            if "error" in response or "hits" not in response:
                continue  # a failed count is an offer we cannot vouch for
            if offer.reach is not None:
                suggestion = build.reach_suggestion(suggestion, response, offer.reach)
            else:
                suggestion = replace(suggestion, count=response["hits"]["total"]["value"])
        if suggestion is None or (not suggestion.count and not offer.keep_empty):
            continue
        (places if suggestion.kind == "choose_place" else found).append(suggestion)
    # Places with physicians first; among equals, the bigger place (the parser's order).
    places.sort(key=lambda s: -(s.count or 0))
    return tuple(_unique(places + found))[:MAX_OFFERS]


def did_you_mean(suggestions: tuple[Suggestion, ...]) -> tuple[str, ...]:
    """The closest concepts that find someone, as "Did you mean" names."""
    return tuple(s.label for s in suggestions if s.kind == "closest_concept")


def _unique(suggestions: list[Suggestion]) -> list[Suggestion]:
    seen, kept = set(), []
    for suggestion in suggestions:
        if suggestion.kind == build.RESPELLED and suggestion.count is None:
            kept.append(suggestion)  # what was searched, said: no link that another repeats
            continue
        key = tuple(sorted((k, str(v)) for k, v in suggestion.changes.items()))
        if key not in seen:
            seen.add(key)
            kept.append(suggestion)
    return kept


def name_fallback(resolution: Resolution, interpretation) -> tuple[Suggestion, ...]:
    """Say that nobody matched a name and a concept together, and offer the name alone (or,
    showing the name alone, the rest without it)."""
    if interpretation is None or not (resolution.concepts_rank_only or resolution.names_rank_only):
        return ()
    name = resolution.name_text
    said = interpretation.describe()
    if resolution.concepts_rank_only:
        message = f"No one matches “{said}”, so these are the physicians named {name}"
        names = [p.span for p in interpretation.of_kind("name")]
        rest = text_without(interpretation.text, *names, *(w.span for w in interpretation.unplaced))
        label = f"“{rest}”" if rest else said
        return (Suggestion("name_fallback", message, {"q": rest, "page": None}, None, label),)
    message = f"No one matches “{said}”, so these results leave out the name {name}"
    if len(name.split()) > 1:
        message += ", those with one of its words first"
    return (Suggestion("name_fallback", message, {"q": f"dr {name}", "page": None}, None, name),)


def others_who_treat(
    reading: Interpretation | None, results: tuple, params: SearchParams
) -> tuple[Suggestion, ...]:
    """Say that nobody of the specialty typed beside a need was found, when page 1 shows only
    the others who treat it ("HIV care infectious disease" near Atlanta: family doctors),
    rather than let the heading's specialty stand over them. The typed specialty ranks first
    (ranking.SPECIALTY_BESIDE_CONCEPT), so none on page 1 means none at all, unless a filter
    the words prefer put others first."""
    if reading is None or not results or params.offset:
        return ()
    typed = [p for p in reading.of_kind("specialty") if not p.is_the_patient and p.codes]
    needs = [p.label for p in reading.concepts]
    if len(typed) != 1 or not needs:
        return ()
    # A filter the words only prefer ranks its matches first ("hem onc that sees sickle cell
    # patients new patient": those accepting), so the typed specialty may be further down.
    if any(p.preferred for p in reading.parts):
        return ()
    codes = set(typed[0].codes)
    if any(s.code in codes for hit in results for s in hit.specialties):
        return ()
    place = params.place
    where = f" {place.where}" if place is not None else ""
    said = " and ".join(dict.fromkeys(mid_sentence(n) for n in needs))
    found = f"No {people_called(typed[0].label)} found{where}"
    message = f"{found}, so these are others who treat {said}"
    return (Suggestion("broadened", message, {}, None, typed[0].label),)


def stand_in(page: SearchPage, lexicon: Lexicon | None = None) -> Suggestion | None:
    """What to show instead: for nothing found, a name read apart from its town ("dr
    dandrea farmington"), else the first broader specialty offered that finds someone
    (siblings that treat the same conditions come before a generalist parent); for a
    place name several places share, the only one with physicians for this search
    ("neurologist evanston": Evanston, IL, not WY or IN), or the one with the most."""
    places = [s for s in page.suggestions if s.kind == "choose_place"]
    found = sorted((s for s in places if s.count), key=lambda s: -s.count)
    # Offered with nobody found near the name's biggest place, only namesakes that have
    # someone are offered ("neuro brookfield"): one of them is the stand-in.
    if len(found) == 1 and (len(places) > 1 or not page.total):
        return found[0]
    # Several have someone ("chiropractor brookline": MA 192, NH 45): the one with the most,
    # the others offered beside it, rather than physicians of every state. Even counts say
    # nothing about which was meant: asked.
    unplaced = page.effective is None or page.effective.place is None
    if len(found) > 1 and found[0].count > found[1].count and (unplaced or not page.total):
        return found[0]
    if page.total:
        return None
    for kind in ("name_and_place", "broader_specialty"):
        found = next((s for s in page.suggestions if s.kind == kind and s.count), None)
        if found is not None:
            return _just_beyond(page) if kind == "broader_specialty" else found
    contact = _a_contact_beside_a_need(page)
    if contact is not None:  # "From Sunrise Family Med ph (713)555-0142 ... Cardiology"
        found = (s for s in page.suggestions if s.kind == "drop_part" and s.count)
        dropped = next((s for s in found if s.label == contact.label), None)
        if dropped is not None:
            return dropped
    if _filters_beside_unread(page):
        return next((s for s in page.suggestions if s.kind == "drop_text" and s.count), None)
    meant = _surely_meant(page, lexicon)
    if (
        meant is None
        and page.interpretation is not None
        and lexicon is not None
        and asks_for_care(page.interpretation, lexicon)
    ):
        return next((s for s in page.suggestions if s.kind == "drop_text" and s.count), None)
    return meant


def _just_beyond(page: SearchPage) -> Suggestion:
    """Before a broader specialty, the specialty asked for a little further away: "copd
    getting worse need a lung dr" near Akron had shown internists, with pulmonologists
    26 miles away. The wider radius is offered here; the service shows it only when the
    nearest found there is ``a_little_further`` (``broader_instead`` otherwise)."""
    asked = page.effective.radius_miles if page.effective else 0
    wider = next(
        (
            s
            for s in page.suggestions
            if s.kind == "widen_radius" and s.count and set(s.changes) == {"radius"}
        ),
        None,
    )
    if wider is None or wider.changes["radius"] > next_radius(asked):  # nobody at the next step
        return broader_instead(page)
    return wider


def broader_instead(page: SearchPage) -> Suggestion:
    """The first broader specialty offered that finds someone."""
    return next(s for s in page.suggestions if s.kind == "broader_specialty" and s.count)


JUST_BEYOND = 1.5  # times the radius asked: further, a broader specialty near is shown


def a_little_further(shown: SearchPage, asked_miles: int, codes: frozenset[str]) -> bool:
    """A few of ``codes`` on ``shown``, the nearest within ``JUST_BEYOND`` times the radius
    asked (37.5 miles for 25): close enough to be what was asked for."""
    miles = [
        hit.distance_miles
        for hit in shown.results
        if hit.distance_miles is not None and codes & {s.code for s in hit.specialties}
    ]
    return len(miles) >= A_FEW and min(miles) <= JUST_BEYOND * asked_miles


A_FEW = 3  # one geriatric psychiatrist 34 miles out is no list; psychiatrists near are


# The nearest vocabulary entry is shown for words nothing read only when it is surely
# meant (offers.SURE_CONCEPT) and clearly closer than the next.
SURE_MARGIN = 5.0


def _surely_meant(page: SearchPage, lexicon: Lexicon | None) -> Suggestion | None:
    """Nobody found for words nothing read ("help losing weight", "asymptomatic
    microhematuria"): the vocabulary entry they are surely a wording of, when one is."""
    reading = page.interpretation
    if reading is None or not reading.unplaced or lexicon is None:
        return None
    if any(p.kind not in ("location", "filter") for p in reading.parts):
        return None  # a need or a name was read: its own offers say what to do
    near = build.nearest_concepts(reading, reading.text, lexicon)  # the offers' own answer
    if not near or near[0].score < build.SURE_CONCEPT:
        return None
    if len(near) > 1 and near[0].score - near[1].score < SURE_MARGIN:
        return None
    offered = (s for s in page.suggestions if s.kind == "closest_concept" and s.count)
    return next((s for s in offered if s.label == near[0].label), None)


_NEEDS = ("condition", "procedure", "specialty", "body_part", "symptom")


def _a_contact_beside_a_need(page: SearchPage):
    """A phone, fax or NPI nobody in the directory has, typed beside what the patient needs:
    a referral's sender ("FAX From Sunrise Family Med ph (713)555-0142 ... Referral:
    Cardiology, chest pain"), not the physician looked for. The part, or None."""
    reading = page.interpretation
    if reading is None:
        return None
    contact = next((p for p in reading.parts if p.kind in ("phone", "npi")), None)
    if contact is None or not any(p.kind in _NEEDS for p in reading.parts):
        return None
    return contact


def _filters_beside_unread(page: SearchPage) -> bool:
    """A language, gender or insurance read among words the parser could not ("bac si noi
    tieng viet o houston"): those words are searched as a name, and nobody has it; what was
    read still says who is wanted."""
    reading = page.interpretation
    if reading is None or not reading.unplaced or not reading.of_kind("filter"):
        return False
    return not reading.of_kind("name")


MAX_TOWN_WORDS = 3  # "north kingstown", "west palm beach"
_NAME_CHECKED = 3  # the top results a typed surname would have put first


def town_typed_last(page: SearchPage, lexicon: Lexicon) -> tuple[str, str] | None:
    """(text, words) when the last words typed are unread and name a town, with no place
    asked for: "need a pap smear providence", "knee hurts going up stairs katy", "destefano
    shelton". The parser keeps a small town, or one that is also a word or a first name,
    out of the place on its own; typed last with no other place it is still most likely
    where. Not when a top result carries those words in its name ("family doctor warren":
    Dr. Warren Nguyen): those words stay the name, the words before them may be the town."""
    reading, asked = page.interpretation, page.effective
    if reading is None or asked is None or asked.place is not None or asked.place_choices:
        return None
    if reading.location is not None:
        return None
    names = {w for hit in page.results[:_NAME_CHECKED] for w in normalize_term(hit.name).split()}
    trailing = _trailing_unplaced(reading)
    # the last words first; then the first ones, or words set off by commas ("torrance
    # neurologist alzheimers", "spine appt for sciatica, torrance, pt just moved from az")
    runs = [trailing[-size:] for size in range(min(len(trailing), MAX_TOWN_WORDS), 0, -1)]
    # ... unless a practice was found by name ("Houston Allergy & Asthma")
    hits = page.results[:_NAME_CHECKED]
    if not any(m.kind == "practice" for hit in hits for m in hit.matched):
        runs += _unplaced_apart(reading)
    tried: set[tuple[int, int]] = set()  # a whole text unread opens and ends it alike
    for words in runs:
        span = (words[0].span[0], words[-1].span[1])
        typed = reading.text[span[0] : span[1]]
        if span in tried or _in_a_name(typed, names):
            continue
        tried.add(span)
        text = text_with(reading.text, span, f"near {typed}")
        if _reads_as_town(text, typed, lexicon):
            return text, typed
    return _title_then_town(reading, names, lexicon)


def _unplaced_apart(reading) -> list[list]:
    """Runs of unread words (up to MAX_TOWN_WORDS) that open the text or stand between
    commas, longest first."""
    text = reading.text
    words = sorted(reading.unplaced, key=lambda w: w.span)
    runs: list[list] = []
    for i, first in enumerate(words):
        before = text[: first.span[0]].rstrip()
        if before and not before.endswith(","):
            continue
        run = [first]
        for word in words[i + 1 : i + MAX_TOWN_WORDS]:
            if text[run[-1].span[1] : word.span[0]].strip():
                break
            run.append(word)
        for size in range(len(run), 0, -1):
            after = text[run[size - 1].span[1] :].lstrip()
            if not before or not after or after.startswith(","):
                runs.append(run[:size])
    return runs


def _in_a_name(typed: str, names: set[str]) -> bool:
    """A word typed is in a top result's name, or one slip from a surname there: "huston"
    found the Houstons, so it is their name, not Huston, ID ("akron" is no slip of Dr.
    Aaron Smith's first name)."""
    words = normalize_term(typed).split()
    slipped = [word for word in words if len(word) >= MIN_SLIPPED]
    surnames = [name for name in names if not is_first_name(name)]
    return bool(set(words) & names) or any(
        OSA.distance(w, n) == 1 for w in slipped for n in surnames
    )


MIN_SLIPPED = 5  # a shorter word one slip from a name is as likely another word


def _title_then_town(reading, names: set[str], lexicon: Lexicon) -> tuple[str, str] | None:
    """ "need a new dr atlanta": a title before a town, read as a name nobody has, is a
    doctor near the town ("dr houston" stays Dr. Houston when a top result is named so)."""
    titles = lexicon.word_set("name_titles")
    for part in reading.of_kind("name"):
        title, *words = reading.text[part.span[0] : part.span[1]].split()
        typed = " ".join(words)
        if title.lower().rstrip(".") not in titles or not 0 < len(words) <= MAX_TOWN_WORDS:
            continue
        if _in_a_name(typed, names):
            continue
        text = text_with(reading.text, part.span, f"doctor near {typed}")
        if _reads_as_town(text, typed, lexicon):
            return text, typed
    return None


MAX_LEFT_OUT = 2  # "rush", "rush university": a hospital or practice after the name
MAX_NAMED = 5  # as many physicians as a name typed in full plausibly means


def name_typed_with_more(page: SearchPage) -> list[tuple[str, str]]:
    """(text, words left out) for a name typed with words no one's name has, when nothing
    else was read and nobody matched: "clayton mcdonald rush" (his hospital), the front
    desk's way of telling two Dr. McDonalds apart. The name is the words before them."""
    reading = page.interpretation
    if page.total or reading is None:
        return []
    names = reading.of_kind("name")
    others = [p for p in reading.parts if p.kind not in ("location", "filter", "name")]
    if others or (names and reading.unplaced) or len(names) > 1:
        return []
    if names:  # read as one name, in capitals: "Wendy Graham Tufts" (her hospital)
        words = _words_of(names[0])
    else:
        words = sorted(reading.unplaced, key=lambda w: w.span)
    if len(words) < 3:
        return []
    cuts = []
    for size in range(1, MAX_LEFT_OUT + 1):
        kept, left = words[:-size], words[-size:]
        if len(kept) < 2:
            break
        text = text_without(reading.text, *(w.span for w in left))
        cuts.append((text, " ".join(w.text for w in left)))
    return cuts


def _words_of(part) -> list[Word]:
    start = part.span[0]
    found = re.finditer(r"\S+", part.text)
    return [Word(m.group(), (start + m.start(), start + m.end())) for m in found]


def named_without(name: str, left_out: str, shown: SearchPage) -> tuple[Suggestion, ...]:
    """Say which words the page left out, first."""
    message = f"No one matched every word, so these are physicians named “{name}”"
    message += f", leaving out “{left_out}”"
    return (Suggestion("reread", message, {}, shown.total, left_out), *shown.suggestions)


def _reads_as_town(text: str, typed: str, lexicon: Lexicon) -> bool:
    """A town by its name; a name one slip from a town's ("dr soucier": Saucier, MS) is
    more likely the surname typed, unless the town is a big city ("lowerback pain dr
    clevland", "knee pain dr chicgo"): nobody has that name, the city is meant."""
    location = interpret(text, lexicon=lexicon).location
    if location is None or location.near_me:  # "moved here": no town named Here
        return False
    if location.match == "fuzzy" and not _a_big_city(location.place, lexicon):
        return False
    return normalize_term(location.text).endswith(normalize_term(typed))


def _a_big_city(place: geography.Place | None, lexicon: Lexicon) -> bool:
    if place is None:
        return False
    name = place.label.split(",")[0].lower()
    zips = next((n for p, n in geography.city_places(name) if p.label == place.label), 0)
    return zips >= lexicon.data.bare_city_min_zips


def _trailing_unplaced(reading) -> list:
    """The unread words that end the text, with nothing read between them. Filters and
    filler typed after them leave them last ("cardiology marietta accepting new patients")."""
    end = len(reading.text.rstrip(" .,;!?"))
    after = [*(p.span for p in reading.of_kind("filter")), *(w.span for w in reading.filler)]
    for span in sorted(after, reverse=True):
        if span[1] != end:
            break
        end = len(reading.text[: span[0]].rstrip(" ,"))
    run: list = []
    for word in sorted(reading.unplaced, key=lambda w: w.span, reverse=True):
        if word.span[1] != end:
            break
        run.insert(0, word)
        end = len(reading.text[: word.span[0]].rstrip(" ,"))
    return run


def named_in_a_namesake(page: SearchPage, asked: SearchParams):
    """(the name typed, the places sharing the town's name) when a word beside the search
    may be a physician's name and the town typed is one of several ("mchugh podiatrist
    watertown": the biggest Watertown is in MA, Dr McHugh's in CT); else None."""
    reading, hint = page.interpretation, page.resolution.name_hint
    typed = reading.location if reading is not None else None
    if not hint or typed is None or len(typed.candidates) < 2 or asked.place is not None:
        return None
    return hint, typed.candidates[: build.MAX_PLACES]


def where_named(page: SearchPage, name: str, shown: SearchPage) -> tuple[Suggestion, ...]:
    """The suggestions of the page near the only namesake where ``name`` practises."""
    where = shown.effective.place.label
    others = (s for s in page.suggestions if s.kind == "choose_place" and s.label != where)
    wanted = set(normalize_term(name).split())
    first = shown.results[0].name.split() if shown.results else []
    spelled = [w for w in first if normalize_term(w) in wanted]
    message = f"Showing {where}, where a physician named {' '.join(spelled) or name} practises"
    return (Suggestion("reread", message, {}, shown.total, where), *others)


def read_as_town(asked: SearchPage, typed: str, shown: SearchPage) -> tuple[Suggestion, ...]:
    """The suggestions of a page searched near the town typed last: say so first (a page
    that already says which of several towns it shows says it for both)."""
    if shown.suggestions and shown.suggestions[0].kind == "reread":
        return shown.suggestions
    where = shown.effective.place.label if shown.effective and shown.effective.place else typed
    message = f"Showing physicians near {where}, reading “{typed}” as the town"
    return (Suggestion("reread", message, {}, shown.total, where), *shown.suggestions)


def stand_in_text(instead: Suggestion, typed: str) -> str:
    """The words searched for ``instead`` of the ``typed`` text."""
    if instead.kind != "choose_place":
        return instead.changes["q"]
    words = instead.changes.get("q", typed) or ""
    return f"{words} near {instead.label}".strip()


def shown_instead(
    asked: SearchPage, instead: Suggestion, shown: SearchPage
) -> tuple[Suggestion, ...]:
    """The suggestions of a page that shows ``instead`` of what was asked: say so first."""
    if instead.kind == "broader_specialty":
        return broadened(asked, instead, shown.suggestions)
    if instead.kind == "widen_radius":
        return widened(asked, instead, shown.suggestions)
    if instead.kind == "choose_place":
        name = instead.label.split(",")[0]
        others = tuple(
            s for s in asked.suggestions if s.kind == "choose_place" and s is not instead
        )
        which = "the" if any(s.count for s in others) else "the only"
        most = " the most" if which == "the" else ""
        message = f"Showing {instead.label}, {which} {name} with{most} physicians for this search"
        empty = [s.label for s in others if not s.count and s.label.split(",")[0] != name]
        typed = asked.interpretation.location if asked.interpretation else None
        if typed is not None and typed.label.split(",")[0] != name:  # "huston": Houston, TX
            empty = [typed.label]
        if empty:  # "LA": Louisiana, or the city it is a nickname of
            nowhere = " or ".join(empty)
            message = f"Showing {instead.label}: {nowhere} has no physicians for this search"
        notice = Suggestion("reread", message, {}, shown.total, instead.label)
        return (notice, *others, *(s for s in shown.suggestions if s.kind != "choose_place"))
    said = shown.interpretation.describe() if shown.interpretation else instead.label
    if instead.kind == "drop_part":  # a referral's sender: their number is nobody's here
        message = (
            f"No physician in the directory has the {mid_sentence(instead.label)}, "
            f"so these are {mid_sentence(_within(said, shown))}"
        )
        notice = Suggestion("reread", message, {}, shown.total, instead.label)
        return (notice, *shown.suggestions)
    if instead.kind in ("drop_text", "closest_concept"):
        unread = " ".join(w.text for w in asked.interpretation.unplaced)
        message = f"Nothing matched “{unread}”, so these are {mid_sentence(_within(said, shown))}"
        if instead.kind == "closest_concept":
            message += ", the closest match"
        notice = Suggestion("reread", message, {}, shown.total, instead.label)
        return (notice, *shown.suggestions)
    typed = " ".join(asked.interpretation.names) if asked.interpretation else ""
    message = f"No one is named {typed}, so these are {mid_sentence(said)}"
    notice = Suggestion("reread", message, {}, shown.total, instead.label)
    return (notice, *shown.suggestions)


def _within(said: str, page: SearchPage) -> str:
    """``said`` with the page's radius and place, when it does not name a place already."""
    where = page.effective.place if page.effective else None
    if where is None or f" {where.preposition} " in said:
        return said
    if where.whole_state:
        return f"{said} in {where.label}"
    return f"{said} within {page.effective.radius_miles} miles of {where.label}"


def typed_specialist_unfound(page: SearchPage) -> Suggestion | None:
    """The notice that page 1 shows none of the specialists typed beside a need
    (``others_who_treat``: a "broadened" notice without a count)."""
    return next((s for s in page.suggestions if s.kind == "broadened" and s.count is None), None)


def reached_further(
    asked: SearchPage, unfound: Suggestion, shown: SearchPage
) -> tuple[Suggestion, ...]:
    """Say the page reaches further to list the specialists typed beside a need first."""
    who = people_called(unfound.label)
    said = _within(who, asked)
    radius = shown.effective.radius_miles if shown.effective else None
    message = f"No {said}, so the search reaches {radius} miles: {who} first"
    notice = Suggestion("widened", message, {}, shown.total, f"{radius} miles")
    return (notice, *(s for s in shown.suggestions if s.kind != "widen_radius"))


def widened(
    asked: SearchPage, wider: Suggestion, shown: tuple[Suggestion, ...]
) -> tuple[Suggestion, ...]:
    """Say the page reaches further than asked, and keep the broader specialties near."""
    said = asked.interpretation.describe() if asked.interpretation else asked.resolution.text
    said = mid_sentence(said)
    message = f"No {_within(said, asked)}, so these are {said} within {wider.label}"
    notice = Suggestion("widened", message, {}, wider.count, wider.label)
    broader = tuple(s for s in asked.suggestions if s.kind == "broader_specialty")
    return (notice, *broader, *(s for s in shown if s.kind != "broader_specialty"))


def broadened(
    asked: SearchPage, broader: Suggestion, shown: tuple[Suggestion, ...]
) -> tuple[Suggestion, ...]:
    """Say what the page shows instead, keep the ways to reach the specialty asked for."""
    said = asked.interpretation.describe() if asked.interpretation else asked.resolution.text
    said = _within(mid_sentence(said), asked)  # "hepatologists within 25 miles of ..."
    message = f"No {said}, so these are {people_called(broader.label)}, a broader specialty"
    notice = Suggestion("broadened", message, {}, broader.count, broader.label)
    reach = tuple(s for s in asked.suggestions if s.kind in _REACH_ASKED)
    # The other broader specialties stay on offer: for "pediatric cardiologist" the page
    # shows pediatricians, and cardiologists are one click away.
    others = tuple(
        s for s in asked.suggestions if s.kind == "broader_specialty" and s is not broader
    )
    return (notice, *reach, *others, *(s for s in shown if s.kind not in _REACH_ASKED))
