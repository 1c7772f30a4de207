"""What a search asks for (validated) and what the text was understood as."""

from __future__ import annotations

from dataclasses import dataclass, field

from directory.geography import Place

SORTS = ("relevance", "distance", "name")
GENDERS = ("female", "male")
RADIUS_MIN, RADIUS_MAX, RADIUS_DEFAULT = 1, 250, 25
PER_PAGE_DEFAULT, PER_PAGE_MAX = 20, 50
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default; deeper paging is refused, not slow.
MAX_TEXT = 200


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    condition: str | None = None  # vocabulary id chosen explicitly (e.g. from a condition page)
    procedure: str | None = None
    specialties: tuple[str, ...] = ()  # NUCC codes (facet)
    place: Place | None = None
    radius_miles: int = RADIUS_DEFAULT
    sort: str = "relevance"
    genders: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    insurance: tuple[str, ...] = ()
    hospitals: tuple[str, ...] = ()
    accepting_new_patients: bool = False
    telehealth: bool = False
    page: int = 1
    per_page: int = PER_PAGE_DEFAULT

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class ResolvedTerm:
    """Something the text was understood as: a condition, procedure or specialty."""

    kind: str  # "condition" | "procedure" | "specialty"
    id: str  # vocabulary id, or NUCC code for a specialty
    name: str
    how: str  # "exact" | "code" | "fuzzy" | "explicit"
    codes: tuple[str, ...] = ()  # for a specialty: its code and the codes it also means


@dataclass(frozen=True)
class Resolution:
    text: str
    terms: tuple[ResolvedTerm, ...] = ()
    did_you_mean: tuple[str, ...] = field(default=())

    def ids(self, kind: str) -> list[str]:
        return [t.id for t in self.terms if t.kind == kind]

    def specialty_codes(self) -> list[str]:
        codes = (code for t in self.terms if t.kind == "specialty" for code in t.codes or (t.id,))
        return list(dict.fromkeys(codes))

    @property
    def understood(self) -> bool:
        return bool(self.terms)
