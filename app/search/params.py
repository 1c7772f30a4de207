"""What a search asks for (validated) and what the text was understood as."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from directory.geography import Place

# Sort orders and how the results page names them.
SORTS = {"relevance": "Best match", "distance": "Distance", "name": "Name (A to Z)"}
RADIUS_MIN, RADIUS_MAX, RADIUS_DEFAULT = 1, 250, 25
RADIUS_CHOICES = (5, 10, 25, 50, 100, 250)  # the distances the search form offers


def next_radius(miles: int) -> int:
    """The next distance the form offers past ``miles``: where "a little further" looks."""
    return next((r for r in RADIUS_CHOICES if r > miles), RADIUS_MAX)


PER_PAGE_DEFAULT, PER_PAGE_MAX = 20, 50
# Elasticsearch's default (indexer/mapping.py sets it too); deeper paging is refused, not slow.
MAX_RESULT_WINDOW = 10_000
# The search text, and the text /api/v1/conditions explains: room for a patient's polite
# paragraph ("Good afternoon. I am 74 years old and have had arthritus in both of my knees
# ...", 300 characters and more), which 200 had refused or the box had cut short.
MAX_TEXT = 500
MAX_SHORT_TEXT = 100  # a location, a concept id, a filter value, autocomplete text
MAX_FILTER_VALUES = 50  # a facet lists 25 values; Elasticsearch refuses 65,536+ terms


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    condition: str | None = None  # vocabulary id chosen explicitly (e.g. from a condition page)
    procedure: str | None = None
    place: Place | None = None
    radius_miles: int = RADIUS_DEFAULT
    sort: str = "relevance"
    # Filter name (app.search.filters) → chosen values; a yes filter holds ("true",).
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT
    # A bare city name several places share ("Springfield"): every one, biggest first.
    place_choices: tuple[Place, ...] = ()
    # A misspelled place in the location box read as the city it clearly means ("Chicgo":
    # ``place`` is Chicago, IL): what was typed, for the page to say so.
    place_typed: str | None = None

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def origin(self) -> Place | None:
        """Where distances are measured from: the place, unless it is a whole state
        ("psychiatrist Illinois" is searched in the state, nearest to nowhere)."""
        return self.place if self.place is not None and not self.place.whole_state else None


@dataclass(frozen=True)
class ResolvedTerm:
    """Something the text was understood as: a condition, procedure or specialty."""

    kind: str  # "condition" | "procedure" | "specialty"
    id: str  # vocabulary id, or NUCC code for a specialty
    name: str
    how: str  # "exact" | "code" | "fuzzy" | "explicit"
    codes: tuple[str, ...] = ()  # for a specialty: its code and the codes it also means
    # For a specialty: the codes the words name ("geriatrician": internal medicine's); the
    # rest of ``codes`` are related (family medicine's geriatrics). Empty: all are named.
    named: tuple[str, ...] = ()
    # For a specialty: the specialists of a body part or symptom typed beside a specialty
    # ("rheum consult joint pain"): they follow the specialty typed, never tie with it.
    context: bool = False
    # For a specialty: read from a body part or symptom ("diarrhea"), not typed as one.
    by_body: bool = False
    # For a specialty: named by the need it treats ("insomnia doctor").
    by_need: bool = False


@dataclass(frozen=True)
class Resolution:
    text: str
    terms: tuple[ResolvedTerm, ...] = ()
    did_you_mean: tuple[str, ...] = field(default=())
    # What to match against physician names: None = the whole text (nothing was parsed),
    # "" = no name was typed (a concept search never ranks look-alike surnames).
    name_text: str | None = None
    # Words the parser could not place: if they are all in a physician's name, that counts
    # ("valenzuela dermatology"); never fuzzy, so a stray word never finds a look-alike.
    name_hint: str = ""
    # Nobody matched a name and a concept together ("dr farmington sports medicine"): the
    # fallback search takes the concept, and the name only orders (the page says so).
    names_rank_only: bool = False
    # ... unless someone has exactly that name ("Carlos Rodriguez Galindo oncology", a
    # pediatric hematologist-oncologist): the front desk asked for them, so the name is
    # required and the concept only orders.
    concepts_rank_only: bool = False
    # The words say the usual care has not worked ("even on 3 meds", "nothing helps"):
    # primary care ranks after the specialists (directory/understanding/specialist.py).
    specialists_first: bool = False
    # The words ask who operates ("carpal tunnel, who does the surgery"): the condition's
    # surgeons rank before those who treat it otherwise (ranking.surgeons_first).
    surgeons_first: bool = False
    # What the words decline: "surgeon" ("NOT looking for a surgeon"): the condition's
    # surgeons rank last, a body part's after its other specialists; "surgery" ("want to
    # avoid surgery"): the condition's surgeons right after the first specialist who does
    # not operate (ranking.surgeons_behind).
    surgery_declined: str = ""
    # Who gives care the words decline besides surgery ("no more injections please": the
    # pain doctors who inject), NUCC codes ranked after the others (ranking.providers_last).
    declined_providers: tuple[str, ...] = ()
    # The child the search is for, in years ("my 4yo"): who sees only older patients ranks
    # after who sees the child (Interpretation.patient_age, query._for_the_childs_age).
    patient_age: int | None = None
    # What a practice's name may be: the text without the filler it starts and ends with
    # ("fax number for Mantua Spine Center"; Interpretation.core_text). None: the text.
    practice_text: str | None = None
    # Hospitals one distinctive word of whose name was left unread ("oncology Northwestern",
    # "hepatology emory"): their physicians rank first, none is hidden: the word may be a
    # surname or a town (query._at_the_hospital_named).
    hospitals_named: tuple[str, ...] = ()
    # The condition ids of each condition the words say ("diabetic": type 1 or type 2, one
    # need): three or more together are read as one problem (ranking.for_every_need).
    needs_said: tuple[tuple[str, ...], ...] = ()
    # The words name the patient a man ("my son ... his acne"): the condition map's
    # specialties that see only women are left out (Interpretation.a_man).
    a_man: bool = False
    # The words say the patient is grown ("adult autism evaluation"): the condition map's
    # children's specialists are left out (Interpretation.an_adult).
    an_adult: bool = False
    # Filters the words only prefer ("russian speaking preferred"), as selections: who
    # matches ranks first, no one is hidden (query._preferred_first).
    preferred: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The language the text is written in ("dolor de espalda": Spanish) when none was
    # asked: its speakers rank a little higher, less than a preference said in words
    # (Interpretation.speakers_first, query._preferred_first).
    speakers_first: str | None = None

    def ids(self, kind: str) -> list[str]:
        return [t.id for t in self.terms if t.kind == kind]

    def specialty_codes(self) -> list[str]:
        codes = (code for t in self.terms if t.kind == "specialty" for code in t.codes or (t.id,))
        return list(dict.fromkeys(codes))

    def named_specialty_codes(self) -> list[str]:
        """The specialty codes the text names outright (see ResolvedTerm.named)."""
        terms = (t for t in self.terms if t.kind == "specialty")
        codes = (code for t in terms for code in (t.named or t.codes or (t.id,)))
        return list(dict.fromkeys(codes))

    @property
    def understood(self) -> bool:
        return bool(self.terms)
