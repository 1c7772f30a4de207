"""What the vocabulary is: concepts (conditions and procedures), specialties, and lookups.

Built by :mod:`directory.vocabulary.files` from ``data/``; immutable once built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from directory.text import normalize_term

PHYSICIAN_GROUPING = "Allopathic & Osteopathic Physicians"
WOMENS_CLASSIFICATIONS = ("Obstetrics & Gynecology", "Midwife", "Advanced Practice Midwife")
# Physicians trained for adults (NUCC names): internists and their subspecialists, adult
# neurologists; each has a children's counterpart, and the pediatrician. Not psychiatrists:
# where no child psychiatrist practises, one who sees children is a child's best chance
# for medication ("his pediatrician wont prescribe anymore").
ADULTS_CLASSIFICATIONS = ("Internal Medicine",)
ADULTS_SPECIALIZATIONS = (
    "Neurology", "Geriatric Medicine", "Geriatric Psychiatry", "Vascular Neurology",
)  # fmt: skip
# ... except internal medicine's fields that see children too.
SEES_CHILDREN_TOO = (
    "Adolescent Medicine", "Allergy & Immunology", "Clinical & Laboratory Immunology",
    "Sports Medicine",
)  # fmt: skip
# Trained for adults, seeing teenagers too ("Psychiatry", whose children's counterpart is
# the child and adolescent psychiatrist): a teenager's need may lead with them, a child
# under 13's goes first to those who see children, with them after, never left out
# ("F84.0 autism screen failed MCHAT 2yo" had listed ten; Specialty.sees_no_young_children).
TEENS_AND_ADULTS_SPECIALIZATIONS = ("Psychiatry",)


@dataclass(frozen=True)
class SpecialtyRank:
    """One NUCC taxonomy code recommended for a concept, with the reason shown to patients."""

    code: str
    reason: str


@dataclass(frozen=True)
class Concept:
    """A curated condition or procedure."""

    id: str
    kind: str
    name: str
    body_system: str
    synonyms: tuple[str, ...]
    icd10: tuple[str, ...]
    specialties: tuple[SpecialtyRank, ...]
    related: tuple[str, ...]
    summary: str
    sections: Mapping[str, str] = field(compare=False)

    @property
    def terms(self) -> tuple[str, ...]:
        """The id, name and synonyms, each normalised, without duplicates."""
        seen = dict.fromkeys(
            normalize_term(t) for t in (self.id, self.name, *self.synonyms) if normalize_term(t)
        )
        return tuple(seen)


# How the index names a physician (MD or DO) among clinicians (Specialty.clinician_type).
PHYSICIAN = "Physician"
PEDIATRICS = "208000000X"  # NUCC: the pediatrician, broader than every child's physician
# Primary care: too broad to be the only place a search for a subspecialty widens to.
GENERALISTS = frozenset({"207Q00000X", "207R00000X", "208D00000X"})  # family, internal, general
PRIMARY_CARE = GENERALISTS | {PEDIATRICS}  # whose boards hold every subspecialty
BOARD_REACH = 5  # concepts of one body system a board treats to stand in for its subspecialists
# treating_alike: each condition listing both adds 1 / (1 + place of the other) / (1 + place
# of the code), so what the code is first for counts most. Alike means a tenth of the most
# the code's conditions could add: hematologist-oncologist -> medical oncologist (0.20),
# sleep medicine -> pulmonologist (0.20); not endocrinologist -> rheumatologist (0.04).
ALIKE_SHARE = 0.1


@dataclass(frozen=True)
class Specialty:
    """A NUCC taxonomy code, with the patient-friendly name from specialties.json if any."""

    code: str
    name: str  # NUCC Display Name
    grouping: str
    classification: str
    specialization: str
    definition: str
    lay_name: str | None = None
    synonyms: tuple[str, ...] = ()
    # Codes a search for this specialty also means ("pain doctor" → every pain medicine code).
    also: tuple[str, ...] = ()
    # Where to look when nobody practises it (specialties.json ``broader``; else its NUCC
    # classification): "pediatric cardiologist" -> pediatricians, cardiologists.
    broader: tuple[str, ...] = ()
    # The same care for children ("kids allergist" -> pediatric allergy/immunology).
    children: tuple[str, ...] = ()

    @property
    def is_physician(self) -> bool:
        return self.grouping == PHYSICIAN_GROUPING

    @property
    def sees_only_women(self) -> bool:
        """OB/GYN and its subspecialties, midwives, women's health nurse practitioners, by
        NUCC name; not fertility specialists, who see couples."""
        if self.specialization == "Reproductive Endocrinology":
            return False
        return self.classification in WOMENS_CLASSIFICATIONS or self.specialization in (
            "Women's Health",
            "Obstetrics & Gynecology",
        )

    @property
    def sees_only_adults(self) -> bool:
        """An internist, a gastroenterologist, an adult neurologist: trained for adults, by
        NUCC name; a young child goes to the children's counterpart or the
        pediatrician. Not dermatologists, ENTs or allergists, who see children too."""
        if not self.is_physician or self.specialization in SEES_CHILDREN_TOO:
            return False
        return (
            self.classification in ADULTS_CLASSIFICATIONS
            or self.specialization in ADULTS_SPECIALIZATIONS
        )

    @property
    def sees_no_young_children(self) -> bool:
        """Trained for adults, or for adults and teenagers (a general psychiatrist): a child
        under 13 goes to the children's counterpart or the pediatrician first."""
        return self.sees_only_adults or (
            self.is_physician and self.specialization in TEENS_AND_ADULTS_SPECIALIZATIONS
        )

    @property
    def is_surgical(self) -> bool:
        """A surgeon's specialty by its NUCC name: Orthopaedic Surgery, Hand Surgery,
        Surgical Oncology. Boards that operate among other care (ENT, eye, urology, OB/GYN)
        are not: asked who operates on a migraine, the eye doctor the map lists is no one."""
        return "Surg" in f"{self.classification} {self.specialization}"

    @property
    def clinician_type(self) -> str:
        """ "Physician" (MD/DO), else the NUCC classification: "Physical Therapist", ..."""
        return PHYSICIAN if self.is_physician else self.classification


class Vocabulary:
    """All concepts and specialties, with lookup indices built once at construction."""

    def __init__(
        self,
        concepts: Mapping[str, Concept],
        specialties: Mapping[str, Specialty],
        ambiguous_synonyms: Mapping[str, str],
    ) -> None:
        self.concepts: dict[str, Concept] = dict(concepts)
        self.specialties: dict[str, Specialty] = dict(specialties)
        self.ambiguous_synonyms: dict[str, str] = dict(ambiguous_synonyms)

        by_specialty: dict[str, list[tuple[Concept, int]]] = {}
        by_term: dict[str, list[Concept]] = {}
        by_icd10: dict[str, list[Concept]] = {}
        for concept in self.concepts.values():
            for rank, spec in enumerate(concept.specialties):
                by_specialty.setdefault(spec.code, []).append((concept, rank))
            for term in concept.terms:
                by_term.setdefault(term, []).append(concept)
            for code in concept.icd10:
                by_icd10.setdefault(code.upper(), []).append(concept)
        for pairs in by_specialty.values():
            pairs.sort(key=lambda pair: (pair[1], pair[0].name))
        self._by_specialty = by_specialty
        self._by_term = by_term
        self._by_icd10 = by_icd10
        self._classifications = {
            (s.grouping, s.classification): s.code
            for s in self.specialties.values()
            if not s.specialization
        }
        narrower: dict[tuple[str, str], list[str]] = defaultdict(list)
        for specialty in self.specialties.values():
            if specialty.specialization and "Pediatric" not in specialty.specialization:
                narrower[(specialty.grouping, specialty.classification)].append(specialty.code)
        self._narrower = {board: tuple(codes) for board, codes in narrower.items()}
        # A classification people have no name for, searched as a named specialty that
        # includes it ("Dentist" is searched as the general dentist, whose ``also`` it is).
        self._named_as = {
            code: s.code for s in self.specialties.values() if s.lay_name for code in s.also
        }
        self._adults: dict[str, list[str]] = {}  # children's counterpart -> the adult ones
        for specialty in self.specialties.values():
            for code in specialty.children:
                self._adults.setdefault(code, []).append(specialty.code)

    def conditions(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == "condition"]

    def procedures(self) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == "procedure"]

    def concepts_for_specialty(self, code: str) -> list[tuple[Concept, int]]:
        """(concept, rank) pairs listing ``code``; rank 0 means it is the first-choice specialty."""
        return list(self._by_specialty.get(code, ()))

    def lookup(self, term: str) -> list[Concept]:
        """Concepts whose id, name or synonym equals ``term`` once both are normalised.

        Uses :func:`directory.text.normalize_term`, the same folding the search index uses, so
        "Post-Laminectomy  Syndrome" finds the concept listing "post laminectomy syndrome".
        """
        return list(self._by_term.get(normalize_term(term), ()))

    def concepts_for_icd10(self, code: str) -> list[Concept]:
        """Concepts listing the ICD-10-CM ``code`` (with its dot, any case)."""
        return list(self._by_icd10.get(code.strip().upper(), ()))

    def broader_specialties(self, code: str) -> tuple[str, ...]:
        """Where to look when nobody practises ``code``: its curated ``broader`` codes, else
        its NUCC classification when people have a name for it, preceded, when that is
        primary care, by the sibling subspecialties that treat what it treats; then the
        adult specialties it is the children's counterpart of, and for a child's physician
        the pediatrician ("hematologist-oncologist" -> medical oncologists, hematologists,
        internists; "pediatric allergist" -> pediatricians, allergists)."""
        specialty = self.specialties.get(code)
        if specialty is None:
            return ()
        if specialty.broader:
            return specialty.broader
        parent = self._classifications.get((specialty.grouping, specialty.classification))
        named = parent if parent is not None and self.specialties[parent].lay_name else None
        if parent is not None and named is None:  # dentists: named by the general dentist
            named = self._named_as.get(parent)
        siblings = self.treating_alike(code) if named in GENERALISTS else ()
        adults = self._adults.get(code, [])
        pediatrician = PEDIATRICS if adults and specialty.is_physician else None
        found = (*siblings, named, *adults, pediatrician)
        return tuple(dict.fromkeys(c for c in found if c is not None and c != code))

    @cached_property
    def childrens_codes(self) -> frozenset[str]:
        """Every children's counterpart a specialty names (pediatric cardiology, ...)."""
        return frozenset(c for s in self.specialties.values() for c in s.children)

    def narrower_specialties(self, code: str) -> tuple[str, ...]:
        """The specializations of a board typed by its own name, as people mean it: a
        "foot doctor" search includes the podiatrists registered as foot and ankle surgeons,
        an "ENT" search otolaryngic allergists. Not the children's ones (a child's search
        finds those, ``children``), nor for primary care or pediatrics, whose boards hold
        every subspecialty (an "internist" is not a cardiologist)."""
        specialty = self.specialties.get(code)
        if specialty is None or specialty.specialization or code in PRIMARY_CARE:
            return ()
        return self._narrower.get((specialty.grouping, specialty.classification), ())

    def boards_beyond(self, concept_id: str) -> tuple[str, ...]:
        """The specialist boards a concept's treating subspecialists belong to, when the board
        itself is not listed (bunions: foot and ankle surgeons -> orthopedic surgeons), for
        when nobody who treats it practises within reach. Only a physician board with a name
        people use, not primary care, that treats at least ``BOARD_REACH`` concepts of the
        same body system: a general surgeon is no answer to a rhinoplasty, nor an internist
        to a pacemaker."""
        concept = self.concepts.get(concept_id)
        if concept is None or concept.kind != "condition":
            return ()  # a procedure is done by those trained for it, not their whole board
        treating = {s.code for s in concept.specialties}
        found = []
        for rank in concept.specialties:
            specialty = self.specialties.get(rank.code)
            if specialty is None or not specialty.specialization:
                continue
            board = self._classifications.get((specialty.grouping, specialty.classification))
            if board is None or board in treating or board in GENERALISTS:
                continue
            named = self.specialties[board]
            systems = [c.body_system for c, _ in self._by_specialty.get(board, ())]
            if (
                named.lay_name
                and named.is_physician
                and (systems.count(concept.body_system) >= BOARD_REACH)
            ):
                found.append(board)
        return tuple(dict.fromkeys(found))

    def treating_alike(self, code: str, limit: int = 2) -> tuple[str, ...]:
        """Subspecialties of the same NUCC classification, with a name people use, that the
        condition map lists beside ``code`` most and nearest the top (sleep medicine ->
        pulmonologists; hematologist-oncologist -> medical oncologists, hematologists)."""
        own = self.specialties[code]
        board = (own.grouping, own.classification)
        score: dict[str, float] = defaultdict(float)
        for concept, place in self._by_specialty.get(code, ()):
            for rank, listed in enumerate(concept.specialties):
                other = self.specialties.get(listed.code)
                if other is None or listed.code == code or listed.code in own.also:
                    continue
                if (other.grouping, other.classification) == board and other.lay_name:
                    score[listed.code] += 1 / (1 + rank) / (1 + place)
        floor = ALIKE_SHARE * len(self._by_specialty.get(code, ()))
        best = sorted((c for c in score if score[c] >= floor), key=lambda c: (-score[c], c))
        return tuple(best[:limit])

    def treating(self, concept_ids: Iterable[str]) -> tuple[str, ...]:
        """The specialty codes that treat these concepts, in the condition map's order,
        once each (unknown ids treat nothing)."""
        concepts = self.concepts
        ranks = (s.code for i in concept_ids if i in concepts for s in concepts[i].specialties)
        return tuple(dict.fromkeys(ranks))

    def led_by_adults_physicians(self, concept_ids: Iterable[str]) -> bool:
        """The condition map's first answer for these concepts is trained for adults only
        (ulcerative colitis: the gastroenterologist): a child's pediatrician stands in."""
        return bool(self.seeing_only_adults(self.treating(concept_ids)[:1]))

    def seeing_only_adults(self, codes: Iterable[str]) -> list[str]:
        """The physicians among ``codes`` trained for adults only (``sees_only_adults``)."""
        specialties = self.specialties
        return [c for c in codes if c in specialties and specialties[c].sees_only_adults]

    def children_of(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The children's counterparts of these specialties (specialties.json ``children``),
        in order, once each: "allergist" -> pediatric allergist."""
        specialties = self.specialties
        found = (c for code in codes if code in specialties for c in specialties[code].children)
        return tuple(dict.fromkeys(found))

    def meant_by(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The codes a search for these specialties means: each with its ``also`` codes,
        once each ("pain doctor" -> every pain medicine code)."""
        specialties = self.specialties
        return tuple(dict.fromkeys(c for code in codes for c in (code, *specialties[code].also)))

    def specialty_name(self, code: str) -> str:
        """Patient-friendly name, else the NUCC display name, else the code itself."""
        specialty = self.specialties.get(code)
        if specialty is None:
            return code
        return specialty.lay_name or specialty.name
