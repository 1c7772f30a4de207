"""The offers a search can make, one builder each; ``app.search.suggestions`` picks them.

Each builder returns :class:`Offer` objects: a suggestion plus the size-0 search that counts
it (``app.search.suggestion_queries``). Text variants ("knee surgeon" without "pediatric")
are read again in memory by the same parser and adapter the search uses, so a count is the
total the link will show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.search.filters import Filters, selected_filters
from app.search.params import RADIUS_MAX, Resolution, SearchParams
from app.search.results import Facet, Suggestion
from app.search.suggestion_queries import POLICY, count_search, reach_search
from app.search.understanding import apply, explicit_terms
from directory.geography import Place, big_city_a_slip_from, resolve_place, suggest_places
from directory.text import normalize_term
from directory.understanding import (
    Hospitals,
    Interpretation,
    Lexicon,
    Part,
    Word,
    closest_concepts,
    interpret,
    people_called,
)
from directory.understanding.describe import mid_sentence
from directory.understanding.model import PATIENT_WORDS
from directory.understanding.titles import surnames_read_as_names
from directory.vocabulary import PEDIATRICS, default_vocabulary

MAX_CONCEPTS = 3  # closest concepts offered for words that were not understood
# A vocabulary entry this close (0-100, suggest.closest_concepts) is surely what was meant:
# "arthralgias" is the rheumatologist's (84.6), "brain fog" is not deep brain stimulation (71).
SURE_CONCEPT = 80.0
MAX_PLACES = 6  # places offered for an ambiguous name
# Parts that say where or which (kept when "every physician near ..." drops the topic).
_WHERE_KINDS = ("location", "filter")


@dataclass(frozen=True)
class Situation:
    """One search as asked, as run, and what it found."""

    asked: SearchParams  # as the form or the API gave it, before the box was read
    params: SearchParams  # as searched: the typed place and filters applied
    resolution: Resolution
    interpretation: Interpretation | None
    facets: dict[str, Facet]
    total: int
    lexicon: Lexicon
    stale_policy: str = POLICY  # the service's: counts hide stale profiles when it does
    hospitals: Hospitals | None = None  # the directory's, as the search was read with them


@dataclass(frozen=True)
class Offer:
    """A suggestion before its count: ``search`` counts it (None: the count is known)."""

    suggestion: Suggestion
    search: dict | None = None
    keep_empty: bool = False  # place choices show even with no physicians (they say so)
    # The widen-the-radius search (read by reach_suggestion): how many the page found.
    reach: int | None = None


_LONE_PUNCTUATION = "()[]{},;:"  # left alone by a removed part, dropped with it


def _read(situation: Situation, text: str) -> Interpretation:
    """Another text, read as the search was: same lexicon, same hospitals."""
    return interpret(text, lexicon=situation.lexicon, hospitals=situation.hospitals)


def text_without(text: str, *spans: tuple[int, int]) -> str:
    """The text with some spans taken out, spaces tidied: "knee surgeon hartford" - place.
    A bracket or comma left alone is dropped too: a part's span ends at its last word, so
    "ENT doctor (ENT)" without its part would leave ")"."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(text[at:start])
        at = max(at, end)
    kept.append(text[at:])
    return " ".join(w for w in " ".join(kept).split() if w.strip(_LONE_PUNCTUATION))


def text_without_parts(reading: Interpretation, *parts: Part) -> str:
    """The reading's text without some parts. Words that said two things ("doctora": a woman
    and a doctor) are said again as the part that stays: "busco doctora" without the woman
    is "busco primary care doctor", not "busco"."""
    spans = sorted({p.span for p in parts})
    kept = {p.span: p.label.lower() for p in reading.parts if p.span in spans and p not in parts}
    text, shift = reading.text, 0
    for span in spans:  # left to right, each edit moving the spans after it
        start, end = span[0] + shift, span[1] + shift
        words = kept.get(span, "")
        text = f"{text[:start]}{words}{text[end:]}"
        shift += len(words) - (end - start)
    return text_without(text)


def text_with(text: str, span: tuple[int, int], words: str) -> str:
    """The text with one span said in other words: "therapist near 06106" -> "Physical
    therapist near 06106"."""
    start, end = span
    return " ".join(f"{text[:start]}{words}{text[end:]}".split())


# --- Reading a text variant the way the search would ------------------------------------


def _variant(
    situation: Situation, text: str, unread_name: bool = False
) -> tuple[SearchParams, Resolution] | None:
    """The search for another text with the same form fields, or None when the parser
    would not understand it (the service would then ask the vocabulary index).
    ``unread_name``: the words left unread are a name, searched as one."""
    asked = replace(situation.asked, q=text, page=1)
    if not text.strip():
        return asked, Resolution(text, explicit_terms(asked, default_vocabulary()))
    reading = _read(situation, text)
    understood = apply(asked, reading, default_vocabulary())
    complete = reading.understood and not reading.unplaced
    named = unread_name and understood.name_hint
    if not (understood.terms or understood.name_text or complete or named):
        return None
    params = understood.params
    terms = explicit_terms(params, default_vocabulary()) + understood.terms
    resolution = Resolution(
        text, terms, name_text=understood.name_text, name_hint=understood.name_hint
    )
    return params, resolution


def _text_offer(situation, filters, text, kind, message, label="") -> Offer | None:
    variant = _variant(situation, text, unread_name=kind == "name_and_place")
    if variant is None:
        return None
    suggestion = Suggestion(kind, message, {"q": text or None}, None, label)
    return Offer(suggestion, count_search(*variant, filters, situation.stale_policy))


def _text_offers(situation, filters, kind, variants) -> list[Offer]:
    """One offer per (text, message, label) the parser understands, in order."""
    found = (_text_offer(situation, filters, text, kind, *rest) for text, *rest in variants)
    return [offer for offer in found if offer is not None]


# --- The offers ---------------------------------------------------------------------------


def _typed_place(situation: Situation) -> Part | None:
    reading = situation.interpretation
    return reading.location if reading is not None else None


def place_choices(situation: Situation, filters: Filters) -> list[Offer]:
    """ "Springfield" names several places: offer each, typed in the box or the field."""
    typed = _typed_place(situation)
    keep_empty, limit = True, MAX_PLACES
    if typed is not None and typed.ambiguous and situation.asked.place is None:
        text = text_without(situation.asked.q, typed.span)
        changes = {"q": text or None}
        choices = _with_the_city_meant(typed.candidates, situation)
    elif situation.asked.place_choices:
        changes, choices = {}, situation.asked.place_choices
    elif _namesakes_worth_trying(typed, situation):
        text = text_without(situation.asked.q, typed.span)
        changes = {"q": text or None}
        choices = _with_the_city_meant(typed.candidates or (typed.place,), situation)
        keep_empty, limit = False, len(choices)  # only the namesakes that have someone
    else:
        return []
    offers = []
    for place in choices[:limit]:
        params = replace(situation.params, place=place, page=1)
        message = f"Search near {place.label}"
        suggestion = Suggestion(
            "choose_place", message, changes | {"location": place.label}, None,
            place.label,
        )  # fmt: skip
        offers.append(
            Offer(
                suggestion,
                count_search(params, situation.resolution, filters, situation.stale_policy),
                keep_empty,
            )
        )
    return offers


RESPELLED = "place_respelled"


def place_respelled(situation: Situation, filters: Filters) -> list[Offer]:
    """The location box's misspelled place was read as the city it clearly means ("Chicgo":
    Chicago, IL): say so, and offer the other places spelled like it that have physicians."""
    typed, searched = situation.asked.place_typed, situation.asked.place
    if not typed or searched is None:
        return []
    message = f"Searching near {searched.label}: we found no place called “{typed}”"
    said = Suggestion(RESPELLED, message, {"location": searched.label}, None, searched.label)
    offers = [Offer(said, keep_empty=True)]
    # Other spellings; the towns sharing the name read are offered as for the name typed
    # right ("Springfeld": which Springfield, place_choices).
    shared = {searched.label, *(p.label for p in situation.asked.place_choices)}
    labels = [label for label in dict.fromkeys(suggest_places(typed)) if label not in shared]
    for label in labels[:MAX_PLACES]:
        place = resolve_place(label)
        params = replace(situation.params, place=place, page=1)
        suggestion = Suggestion(RESPELLED, f"Search near {label}", {"location": label}, None, label)
        search = count_search(params, situation.resolution, filters, situation.stale_policy)
        offers.append(Offer(suggestion, search))  # only where someone is
    return offers


def _namesakes_worth_trying(typed: Part | None, situation: Situation) -> bool:
    """A town typed bare and read as the biggest of its name, where nobody fits the search
    ("neuro brookfield": Brookfield, WI): its namesakes are counted too, and the only one
    with physicians is shown instead (suggestions.stand_in), as for an ambiguous name. So
    is a hamlet whose name is a slip of a big city's ("cardioligist in huston")."""
    return (
        typed is not None
        and typed.place is not None
        and (len(typed.candidates) > 1 or _city_meant(typed.place, situation) is not None)
        and situation.total == 0
        and situation.asked.place is None
    )


def _with_the_city_meant(towns: tuple[Place, ...], situation: Situation) -> tuple[Place, ...]:
    """The towns of a name, and the big city it is a slip of, when only hamlets have it:
    "pittsburg" (NH, KY, IL, ...) offers Pittsburgh, PA too."""
    meant = _city_meant(towns[0], situation) if towns else None
    return towns if meant is None or meant in towns else (meant, *towns)


def _city_meant(town: Place, situation: Situation) -> Place | None:
    name = town.label.split(",")[0]
    return big_city_a_slip_from(name, situation.lexicon.data.bare_city_min_zips)


def drop_filters(situation: Situation, filters: Filters) -> list[Offer]:
    """Each chosen filter, dropped: counted already by the facets (no extra search)."""
    offers = []
    for declared, _ in selected_filters(filters, situation.params.filters):
        facet = situation.facets.get(declared.name)
        count = facet.total_without_filter if facet else 0
        changes = {declared.name: None}
        typed = _typed_filter_parts(situation, declared.name)
        if typed:  # typed in the box ("spanish speaking"): take the words out too
            changes["q"] = text_without_parts(situation.interpretation, *typed) or None
        message = f"Remove the {declared.noun} filter"
        offers.append(Offer(Suggestion("drop_filter", message, changes, count, declared.label)))
    return offers


def _typed_filter_parts(situation: Situation, name: str) -> list[Part]:
    reading = situation.interpretation
    if reading is None:
        return []
    return [p for p in reading.of_kind("filter") if p.filter == name]


def reach(situation: Situation, filters: Filters) -> Offer:
    """The radius that reaches a match, or (a page of a few) more of them."""
    changes: dict = {}
    typed = _typed_place(situation)
    if typed is not None and situation.asked.place is None and situation.params.place:
        # The place was typed in the box: it moves to the field, where a radius applies.
        changes["q"] = text_without(situation.asked.q, typed.span) or None
        changes["location"] = situation.params.place.label
    suggestion = Suggestion("widen_radius", "", changes)
    return Offer(
        suggestion,
        reach_search(situation.params, situation.resolution, filters, situation.stale_policy),
        reach=situation.total,
    )


def reach_suggestion(offer: Suggestion, response: dict, found: int = 0) -> Suggestion | None:
    """Search within the first radius that reaches a match, or anywhere when none does;
    with ``found`` already on the page, the first radius that reaches more of them."""
    hits = response["hits"]["hits"]
    if not hits:
        return None
    miles = float(hits[0]["sort"][0])
    rings = response.get("aggregations", {}).get("within", {}).get("buckets", [])
    for ring in sorted(rings, key=lambda ring: ring["to"]):
        step = int(ring["to"])
        if ring["doc_count"] > found and step <= RADIUS_MAX:
            message = f"Search within {step} miles: the nearest match is {_miles(miles)} away"
            if found:
                more = ring["doc_count"] - found
                message = f"Search within {step} miles: {more} more {_people(more)}"
            changes = offer.changes | {"radius": step}
            return Suggestion("widen_radius", message, changes, ring["doc_count"], f"{step} miles")
    if found:
        return None  # nobody more within reach: the page has them all
    message = f"The nearest match is {_miles(miles)} away: search without a location"
    changes = offer.changes | {"location": None}
    return Suggestion(
        "remove_location", message, changes, response["hits"]["total"]["value"], "Anywhere"
    )


def _people(count: int) -> str:
    return "physician" if count == 1 else "physicians"


def _miles(miles: float) -> str:
    rounded = max(1, round(miles))
    return f"{rounded:,} mile{'s' if rounded != 1 else ''}"


def drop_parts(situation: Situation, filters: Filters) -> list[Offer]:
    """Search without one understood part: "lumbar", "pediatric", "dr smith"."""
    reading = situation.interpretation
    if reading is None or len(reading.parts) < 2:
        return []
    variants = [
        (text_without(reading.text, part.span), f"Search without “{part.text}”", part.label)
        for part in reading.parts
        if part.kind not in _WHERE_KINDS  # places, radii and filters have their own offers
    ]
    return _text_offers(situation, filters, "drop_part", variants)


def broader(situation: Situation, filters: Filters) -> list[Offer]:
    """Nobody here practises the specialty asked for: the broader ones people can see
    instead ("pediatric cardiologist": pediatricians, cardiologists). The words that say
    the patient is a child ("3yo") asked for no specialty: nothing broader replaces them."""
    reading = situation.interpretation
    if reading is None:
        return []
    vocabulary = default_vocabulary()
    variants = [
        (text_with(reading.text, part.span, label), f"Search for {people_called(label)}", label)
        for part in reading.of_kind("specialty")
        if not part.is_the_patient
        for code in dict.fromkeys(c for i in part.ids for c in vocabulary.broader_specialties(i))
        for label in [vocabulary.specialty_name(code)]
    ]
    return _text_offers(situation, filters, "broader_specialty", variants)


def broader_for_need(situation: Situation, filters: Filters) -> list[Offer]:
    """A condition that nobody who treats it practises nearby: the board of those who do,
    for the same need ("bunion surgery" in a city with orthopedic surgeons but no foot and
    ankle surgeon or podiatrist; Vocabulary.boards_beyond). For a child, the pediatrician,
    who sees every child's need first ("autism 3yo" where no children's specialist practises).
    A procedure has none: it is done by those trained for it. A body part's specialists
    ("blood": the hematologists) are broadened as a typed specialty is ("the sugar in
    blood very high houston" had found nobody: no hematologist practises near Houston)."""
    reading = situation.interpretation
    if reading is None:
        return []
    vocabulary = default_vocabulary()
    child = reading.patient_age is not None
    variants = []
    for part in (*reading.of_kind("condition"), *reading.of_kind("body_part")):
        typed = reading.text[part.span[0] : part.span[1]]
        if part.kind == "body_part":
            boards = [c for code in part.codes for c in vocabulary.broader_specialties(code)]
        else:
            boards = [c for i in part.ids for c in vocabulary.boards_beyond(i)]
        if child and PEDIATRICS not in vocabulary.treating(part.ids):
            boards.append(PEDIATRICS)
        for code in dict.fromkeys(c for c in boards if c not in part.codes):
            label = vocabulary.specialty_name(code)
            text = text_with(reading.text, part.span, f"{label} for {typed}")
            variants.append((text, f"Search for {people_called(label)}", label))
    return _text_offers(situation, filters, "broader_specialty", variants)


def name_then_place(situation: Situation, filters: Filters) -> list[Offer]:
    """A title's name that ends in a town ("dr dandrea farmington"), when nobody has the
    whole name: the name near the town, the longest place that reads first ("dr smith west
    hartford": Smith near West Hartford, not Smith West near Hartford)."""
    reading = situation.interpretation
    if reading is None or reading.location is not None or situation.asked.place is not None:
        return []
    titles = situation.lexicon.word_set("name_titles")
    for part in reading.of_kind("name"):
        start, end = part.span
        words = reading.text[start:end].split()
        for cut in range(1, len(words)):
            name, place = words[:cut], words[cut:]
            if all(w.lower().rstrip(".") in titles for w in name):
                continue
            text = text_with(reading.text, part.span, f"{' '.join(name)} near {' '.join(place)}")
            variant = _read(situation, text)
            if variant.location is None:
                continue
            # Without a title the name is the words left unread ("weisbrod cambridge"),
            # which a search matches against names all the same.
            left = [w.text for w in sorted(variant.unplaced, key=lambda w: w.span)]
            if variant.names and not left:
                said = mid_sentence(variant.describe())  # "physicians named Dandrea near ..."
            elif not variant.names and left == name and variant.location.place is not None:
                said = f"physicians named {' '.join(name)} near {variant.location.label}"
            else:
                continue
            variants = [(text, f"Did you mean {said}?", variant.location.label)]
            return _text_offers(situation, filters, "name_and_place", variants)
    return []


def closest(situation: Situation, filters: Filters) -> list[Offer]:
    """The vocabulary entries nearest to the words that were not understood."""
    reading = situation.interpretation
    text = situation.asked.q
    if not text.strip() or situation.resolution.understood:
        return []
    unplaced = reading.unplaced if reading is not None and reading.parts else ()
    rest = text_without(text, *(w.span for w in unplaced)) if unplaced else ""
    near = nearest_concepts(reading, text, situation.lexicon)
    if _only_a_name(reading):  # "Dr. Soucier" is nobody here, not "Dry Socket"; "dr socket" is
        near = tuple(n for n in near if n.score >= SURE_CONCEPT)
    variants = [(f"{n.label} {rest}".strip(), f"Search for {n.label}", n.label) for n in near]
    return _text_offers(situation, filters, "closest_concept", variants)


def _only_a_name(reading: Interpretation | None) -> bool:
    """The whole text was read as a name (with where and which): a title's letters ("dr")
    make any name look like "dry", "drug" or "drop" something, so only a concept the text
    is surely a wording of is offered for it."""
    if reading is None or reading.unplaced or not reading.of_kind("name"):
        return False
    return all(p.kind in ("name", *_WHERE_KINDS) for p in reading.parts)


def nearest_concepts(reading: Interpretation | None, text: str, lexicon: Lexicon):
    """The vocabulary entries nearest to the words not understood: the unread words beside
    what was read, else the whole text (``suggest.closest_concepts``, remembered per
    lexicon, so asking again for the same page costs nothing)."""
    unplaced = reading.unplaced if reading is not None and reading.parts else ()
    source = " ".join(w.text for w in unplaced) if unplaced else text
    return closest_concepts(source, MAX_CONCEPTS, lexicon=lexicon)


def other_readings(situation: Situation, filters: Filters) -> list[Offer]:
    """A short word read one way that people also use another way ("endo": endocrinologist
    or endometriosis; "therapist"): the reading not taken, with the words that say it; and
    a title before a city that is also a surname ("endo dr houston") read as the place."""
    reading = situation.interpretation
    if reading is None:
        return []
    variants = [
        (text_with(reading.text, o.span, o.label), f"Did you mean {o.label.lower()}?", o.label)
        for o in reading.alternatives
    ]
    for name, city in surnames_read_as_names(reading.parts, situation.lexicon):
        text = text_with(reading.text, name.span, f"near {city}")
        if (place := _read(situation, text)).location is not None:
            said = mid_sentence(place.describe())  # "endocrinologists near Houston, TX"
            variants.append((text, f"Did you mean {said}?", place.location.label))
    return _text_offers(situation, filters, "other_reading", variants)


def every_physician(situation: Situation, filters: Filters) -> list[Offer]:
    """Keep only where and which: every physician near the place, with the filters. Filters
    read among words the parser did not ("korean speaking doctor in koreatown", "doktè ki
    pale kreyòl") keep the word for a doctor too, so the search is the one a lone "doctor"
    with a language is (primary care), with or without a place."""
    reading = situation.interpretation
    place = situation.params.place
    if not situation.asked.q or reading is None:
        return []
    kept: list = list(reading.of_kind(*_WHERE_KINDS))
    care = asks_for_care(reading, situation.lexicon)
    if (reading.of_kind("filter") or care) and reading.unplaced:
        doctors = situation.lexicon.word_set("doctor_words")
        kept += [w for w in reading.filler if normalize_term(w.text) in doctors]
        if care and not any(isinstance(k, Word) for k in kept):
            kept.append(Word("doctor", (len(reading.text), len(reading.text))))
        text = " ".join(k.text for k in sorted(kept, key=lambda k: k.span))
        said = _read(situation, text).describe()
        if place is not None and f" {place.preposition} " not in said:
            said += f" {place.where}"
        label = said
        message = f"All {mid_sentence(said)}"  # "All Korean-speaking physicians"
    elif place is not None:
        text = " ".join(k.text for k in kept)
        label, message = place.label, f"Every physician {place.where}"
    else:
        return []
    offer = _text_offer(situation, filters, text, "drop_text", message, label)
    return [offer] if offer is not None else []


def asks_for_care(reading: Interpretation, lexicon: Lexicon) -> bool:
    """Words that ask for care nothing could read ("dr for my sugar, its been over 300",
    "mi mamá tiene 80 años y se le olvidan las cosas"): words the parser did not place,
    beside words that say someone needs a doctor (a doctor, "my", "I", a mother or a son),
    and no need, name or number read. A primary care doctor sees to almost any need first,
    so the search is for one."""
    if not reading.unplaced or any(p.kind not in _WHERE_KINDS for p in reading.parts):
        return False
    said = {normalize_term(w.text) for w in reading.filler}
    return bool(said & _SOMEONE_NEEDS_CARE or said & _people_words(lexicon))


# Words, besides a doctor's and a family's, that say a person is asking for care.
_SOMEONE_NEEDS_CARE = PATIENT_WORDS | {
    "i",
    "im",
    "me",
    "need",
    "needs",
    "help",
    "tengo",
    "necesito",
}


def _people_words(lexicon: Lexicon) -> frozenset[str]:
    return lexicon.word_set("doctor_words") | lexicon.word_set("men") | lexicon.word_set("women")


def needs_location(situation: Situation) -> bool:
    """A condition, procedure or specialty search with no place: where is the patient? Not
    at a hospital ("cardiologist at mgh", "cedars derm"): the hospital says where."""
    resolution = situation.resolution
    if situation.params.place is not None or not resolution.terms:
        return False
    at_a_hospital = situation.params.filters.get("hospital") or resolution.hospitals_named
    return not resolution.name_text and not at_a_hospital


def add_location(situation: Situation) -> Offer:
    typed = _typed_place(situation)
    near_me = typed is not None and typed.near_me
    message = (
        "Share your location to see who is nearest"
        if near_me
        else "Add your location to see who is nearest"
    )
    return Offer(Suggestion("add_location", message, {}, situation.total, "Your location"))
