"""From a stored physician document to typed results, with *why this physician*.

Explanations are computed from the document and the resolution, not from
Elasticsearch's scoring internals: they must read well to a patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from app.search.params import Resolution, ResolvedTerm
from app.search.physician_names import name_words
from app.search.results import (
    Accuracy,
    Freshness,
    LinkedConcept,
    Location,
    Match,
    PhysicianHit,
    PhysicianProfile,
    SpecialtyLabel,
)
from directory.condition_map import implied_concepts, linked_concepts
from directory.geography import miles_between
from directory.text import normalize_term
from directory.understanding.identifiers import read_identifiers
from directory.vocabulary import default_vocabulary


def _location(raw: dict, origin: tuple[float, float] | None) -> Location:
    lat, lon = raw["lat"], raw["lon"]
    get = raw.get
    return Location(
        name=get("name") or "",
        address_line1=get("address_line1") or "",
        address_line2=get("address_line2") or "",
        city=get("city") or "",
        state=get("state") or "",
        zip=get("zip") or "",
        phone=get("phone") or "",
        fax=get("fax") or "",
        lat=lat,
        lon=lon,
        distance_miles=None if origin is None else round(miles_between(origin, (lat, lon)), 1),
    )


def _accuracy(source: dict) -> Accuracy:
    """Freshness and scheduling notes; a document indexed before they existed has none."""
    freshness = {
        group: Freshness(entry.get("last_verified") or "", entry.get("source") or "")
        for group, entry in (source.get("freshness") or {}).items()
    }
    return Accuracy(source.get("verified_on") or "", freshness, source.get("scheduling") or {})


def _specialties(source: dict) -> tuple[SpecialtyLabel, ...]:
    labels = [
        SpecialtyLabel(s["code"], s["name"], bool(s["primary"])) for s in source["specialties"]
    ]
    return tuple(sorted(labels, key=lambda s: not s.primary))


@lru_cache(maxsize=4096)
def _implied_ids(vocabulary, codes: tuple[str, ...]) -> frozenset[str]:
    """Concept ids a specialty combination implies; a page repeats a few combinations."""
    return frozenset(concept_id for _, concept_id, _ in implied_concepts(vocabulary, codes))


@dataclass(frozen=True)
class Sought:
    """What one search looks for in every hit, worked out once per page, not once per hit."""

    concepts: tuple[ResolvedTerm, ...]  # the conditions and procedures searched, one per id
    specialty_codes: frozenset[str]
    name_words: frozenset[str]  # a name's words ("soucier"), empty when no name was asked
    # The words typed, for a practice or hospital name ("hartford hospital"), and the NPIs
    # and phones typed (directory.understanding.identifiers).
    practice_words: frozenset[str] = frozenset()
    npis: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()
    hospitals: frozenset[str] = frozenset()  # the hospital filter: typed or chosen

    @classmethod
    def of(cls, resolution: Resolution, name_words: str, typed: str = "", hospitals=()) -> Sought:
        wanted = {t.id: t for t in resolution.terms if t.kind in ("condition", "procedure")}
        codes = frozenset(resolution.specialty_codes())
        numbers = read_identifiers(typed)
        # A practice name counts where the search matched one: beside a name or a word
        # nothing else explained, or in text the parser could not read.
        named = resolution.name_text is None or resolution.name_text or resolution.name_hint
        practice = frozenset(_practice_words(typed)) if named and not numbers else frozenset()
        npis = frozenset(i.npi for i in numbers if i.npi)
        phones = frozenset(i.phone for i in numbers if i.phone)
        words = frozenset(name_words.split())
        return cls(
            tuple(wanted.values()), codes, words, practice, npis, phones, frozenset(hospitals)
        )


def _practice_words(text: str) -> list[str]:
    """ "Schwartz Heart & Vascular" -> schwartz, heart, vascular ("and", "&" left out)."""
    return [w for w in normalize_term(text).split() if w not in ("and", "the", "of")]


def _lookups(source: dict, sought: Sought) -> list[Match]:
    """An NPI, phone or practice the front desk typed, when this physician has it."""
    found = []
    if source["npi"] in sought.npis:
        found.append(Match("npi", source["npi"], f"NPI {source['npi']}", "profile"))
    locations = source.get("locations") or []
    for phone in sorted(
        {loc.get(k) for loc in locations for k in ("phone", "fax")} & sought.phones
    ):
        found.append(Match("phone", phone, phone, "profile"))
    hospitals = list(source.get("hospital_affiliations") or [])
    if len(sought.practice_words) >= 2:
        names = [loc.get("name") or "" for loc in locations]
        for name in dict.fromkeys(names + hospitals):
            if sought.practice_words <= set(_practice_words(name)):
                found.append(Match("practice", name, name, "profile"))
                return found
    # "cardiologist at hartford hospital": the hospital the search was narrowed to
    for name in hospitals:
        if name in sought.hospitals:
            found.append(Match("practice", name, name, "profile"))
            break
    return found


def matches(
    source: dict, sought: Sought, claimed: frozenset[str] | None = None
) -> tuple[Match, ...]:
    """Why this physician. ``claimed``: the searched concepts the physician claims, when
    Elasticsearch picked them (query.claimed_concepts_field); else the source's lists."""
    found: list[Match] = []
    if sought.concepts:
        if claimed is None:
            claimed = frozenset(
                (*source.get("conditions_claimed", ()), *source.get("procedures_claimed", ()))
            )
        codes = tuple(s["code"] for s in source["specialties"])
        implied = _implied_ids(default_vocabulary(), codes)
        for term in sought.concepts:
            if term.id in claimed:
                found.append(Match(term.kind, term.id, term.name, "profile"))
            elif term.id in implied:
                found.append(Match(term.kind, term.id, term.name, "specialty"))
    if sought.specialty_codes:
        for specialty in source["specialties"]:
            if specialty["code"] in sought.specialty_codes:
                found.append(Match("specialty", specialty["code"], specialty["name"], "profile"))
    if sought.name_words and sought.name_words <= set(name_words(source["full_name"]).split()):
        found.append(Match("name", source["npi"], source["full_name"], "profile"))
    found += _lookups(source, sought)
    # Claims first: they are the stronger reason.
    return tuple(sorted(found, key=lambda m: m.via != "profile"))


def hit_from_source(
    source: dict,
    origin: tuple[float, float] | None,
    sought: Sought,
    claimed: frozenset[str] | None = None,
) -> PhysicianHit:
    locations = tuple(_location(raw, origin) for raw in source["locations"])
    nearest = min(locations, key=_distance) if origin else locations[0]
    get = source.get
    return PhysicianHit(
        npi=source["npi"],
        name=source["full_name"],
        credentials=tuple(get("credentials") or ()),
        specialties=_specialties(source),
        distance_miles=nearest.distance_miles,
        nearest_location=nearest,
        locations=locations,
        accepting_new_patients=get("accepting_new_patients"),
        telehealth=get("telehealth"),
        languages=tuple(get("languages") or ()),
        matched=matches(source, sought, claimed),
        gender=get("gender"),
        insurance=tuple(get("insurance") or ()),
        hospital_affiliations=tuple(get("hospital_affiliations") or ()),
        source=get("source") or "",
        last_verified=get("last_verified") or "",
        accuracy=_accuracy(source),
    )


def _distance(location: Location) -> float:
    return location.distance_miles


def profile_from_source(source: dict) -> PhysicianProfile:
    codes = [s["code"] for s in source["specialties"]]

    def linked(kind: str, key: str) -> tuple[LinkedConcept, ...]:
        concepts = linked_concepts(default_vocabulary(), kind, source.get(key, []), codes)
        return tuple(LinkedConcept(c["id"], c["name"], c["claimed"]) for c in concepts)

    return PhysicianProfile(
        npi=source["npi"],
        name=source["full_name"],
        credentials=tuple(source.get("credentials") or ()),
        gender=source.get("gender"),
        specialties=_specialties(source),
        conditions=linked("condition", "conditions_claimed"),
        procedures=linked("procedure", "procedures_claimed"),
        languages=tuple(source.get("languages") or ()),
        insurance=tuple(source.get("insurance") or ()),
        accepting_new_patients=source.get("accepting_new_patients"),
        telehealth=source.get("telehealth"),
        locations=tuple(_location(raw, None) for raw in source["locations"]),
        hospital_affiliations=tuple(source.get("hospital_affiliations") or ()),
        education=tuple(source.get("education") or ()),
        board_certifications=tuple(source.get("board_certifications") or ()),
        bio=source.get("bio") or "",
        source=source["source"],
        last_verified=source["last_verified"],
        active=source.get("active") is not False,
        accuracy=_accuracy(source),
    )
