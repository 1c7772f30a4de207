"""Typed search results: what templates and the JSON API read (never ``_source``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.search.params import MAX_RESULT_WINDOW, Resolution, SearchParams


@dataclass(frozen=True)
class Location:
    name: str
    address_line1: str
    address_line2: str
    city: str
    state: str
    zip: str
    phone: str
    fax: str
    lat: float
    lon: float
    distance_miles: float | None = None

    @property
    def one_line(self) -> str:
        street = ", ".join(p for p in (self.address_line1, self.address_line2) if p)
        return f"{street}, {self.city}, {self.state} {self.zip}"


@dataclass(frozen=True)
class Freshness:
    """When one group of facts (phone, locations, new patients, insurance) was last verified."""

    last_verified: str
    source: str


@dataclass(frozen=True)
class Accuracy:
    """How fresh a physician's facts are, and the front desk's scheduling notes."""

    verified_on: str = ""  # the oldest group's date: the profile is as fresh as its stalest fact
    freshness: dict[str, Freshness] = field(default_factory=dict)
    scheduling: dict = field(default_factory=dict)

    def as_of(self, group: str, fallback: str = "") -> str:
        entry = self.freshness.get(group)
        return entry.last_verified if entry else fallback

    @property
    def has_scheduling_notes(self) -> bool:
        return any(value not in (None, "", []) for value in self.scheduling.values())


@dataclass(frozen=True)
class SpecialtyLabel:
    code: str
    name: str
    primary: bool


@dataclass(frozen=True)
class Match:
    """Why this physician: what matched, and whether from their own profile or specialty."""

    kind: str  # condition | procedure | specialty | name | npi | phone | practice
    id: str
    name: str
    via: str  # "profile" (the physician's own claim) | "specialty" (implied by the condition map)


@dataclass(frozen=True)
class PhysicianHit:
    npi: str
    name: str
    credentials: tuple[str, ...]
    specialties: tuple[SpecialtyLabel, ...]
    distance_miles: float | None
    nearest_location: Location
    locations: tuple[Location, ...]
    accepting_new_patients: bool | None
    telehealth: bool | None
    languages: tuple[str, ...]
    matched: tuple[Match, ...]
    gender: str | None = None
    # For exports and the front-desk view; not in the JSON API (serialize lists its fields).
    insurance: tuple[str, ...] = ()
    hospital_affiliations: tuple[str, ...] = ()
    source: str = ""
    last_verified: str = ""
    accuracy: Accuracy = field(default_factory=lambda: Accuracy())

    @property
    def display_name(self) -> str:
        return f"{self.name}, {', '.join(self.credentials)}" if self.credentials else self.name

    @property
    def primary_specialty(self) -> SpecialtyLabel | None:
        return next((s for s in self.specialties if s.primary), None)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    values: tuple[FacetValue, ...]
    total_without_filter: int  # results if this facet's selection were dropped


@dataclass(frozen=True)
class Suggestion:
    """A way forward from a search: a changed search and how many it finds."""

    kind: str  # see app.search.suggestions: widen_radius | drop_filter | choose_place | ...
    message: str
    changes: dict  # parameter changes that produce results (value None = remove)
    count: int | None = None  # physicians the changed search finds
    label: str = ""  # short, for a chip or a list: "Springfield, MA", "50 miles", "Sciatica"


@dataclass(frozen=True)
class SearchPage:
    total: int
    page: int
    per_page: int
    results: tuple[PhysicianHit, ...]
    facets: dict[str, Facet]
    resolution: Resolution
    suggestions: tuple[Suggestion, ...]
    took_ms: int
    interpretation: object = None  # directory.understanding.Interpretation, when text was typed
    effective: SearchParams | None = None  # the search with the place and filters typed in the box

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, MAX_RESULT_WINDOW) // self.per_page))


@dataclass(frozen=True)
class LinkedConcept:
    id: str
    name: str
    claimed: bool  # True: the physician's own profile says so; False: implied by specialty


@dataclass(frozen=True)
class PhysicianProfile:
    npi: str
    name: str
    credentials: tuple[str, ...]
    gender: str | None
    specialties: tuple[SpecialtyLabel, ...]
    conditions: tuple[LinkedConcept, ...]
    procedures: tuple[LinkedConcept, ...]
    languages: tuple[str, ...]
    insurance: tuple[str, ...]
    accepting_new_patients: bool | None
    telehealth: bool | None
    locations: tuple[Location, ...]
    hospital_affiliations: tuple[str, ...]
    education: tuple[dict, ...]
    board_certifications: tuple[str, ...]
    bio: str
    source: str
    last_verified: str
    active: bool = True  # False: no longer listed; the page and the API answer 410 Gone
    accuracy: Accuracy = field(default_factory=lambda: Accuracy())

    @property
    def display_name(self) -> str:
        return f"{self.name}, {', '.join(self.credentials)}" if self.credentials else self.name


@dataclass(frozen=True)
class Completion:
    """One autocomplete option: a concept or specialty to search for, or a physician."""

    kind: str  # condition | procedure | specialty | physician
    id: str  # vocabulary id, NUCC code or NPI
    label: str


@dataclass(frozen=True)
class TreatingSpecialty:
    code: str
    name: str
    reason: str  # why this specialty treats the condition (condition map)


@dataclass(frozen=True)
class ConceptDetails:
    icd10: tuple[str, ...]
    summary: str
    specialties: tuple[TreatingSpecialty, ...]


@dataclass(frozen=True)
class ConditionMatch:
    """Something a text resolves to, with the vocabulary's details when it is a concept."""

    kind: str  # condition | procedure | specialty
    id: str
    name: str
    how: str  # how it matched: exact | code | words | fuzzy
    details: ConceptDetails | None = None  # None for a specialty: it has no concept page
