"""The health library: a page per condition and procedure, and a page per specialty.

Read straight from the curated vocabulary (no Elasticsearch): the text is ours, written
for patients, and each page links into a search for physicians who treat it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import groupby

from flask import Blueprint, abort, redirect, render_template, url_for

from directory.vocabulary import Concept, Specialty, default_vocabulary

bp = Blueprint("library", __name__)

KIND_PATHS = {"condition": "library.condition", "procedure": "library.procedure"}
SECTION_TITLES = {
    "overview": "Overview",
    "causes": "Causes",
    "symptoms": "Symptoms",
    "diagnosis": "Diagnosis",
    "treatment": "Treatment options",
    "who_it_helps": "Who it helps",
    "what_to_expect": "What to expect",
    "recovery": "Recovery",
}


@dataclass(frozen=True)
class SpecialtyRole:
    code: str
    name: str
    reason: str


@dataclass(frozen=True)
class Treats:
    concept: Concept
    reason: str
    first_choice: bool


def _by_name(concepts) -> list[Concept]:
    return sorted(concepts, key=lambda c: c.name.lower())


def _concept(concept_id: str, kind: str) -> Concept:
    concept = default_vocabulary().concepts.get(concept_id)
    if concept is None:
        abort(404, description=f"We don't have a library page called '{concept_id}'.")
    if concept.kind != kind:
        abort(redirect(url_for(KIND_PATHS[concept.kind], concept_id=concept.id), 301))
    return concept


def _concept_page(concept: Concept):
    vocabulary = default_vocabulary()
    roles = [
        SpecialtyRole(s.code, vocabulary.specialty_name(s.code), s.reason)
        for s in concept.specialties
    ]
    related = _by_name(vocabulary.concepts[r] for r in concept.related if r in vocabulary.concepts)
    return render_template(
        "pages/concept.html",
        concept=concept,
        sections=[(SECTION_TITLES[key], text) for key, text in concept.sections.items()],
        specialties=roles,
        related_conditions=[c for c in related if c.kind == "condition"],
        related_procedures=[c for c in related if c.kind == "procedure"],
    )


def _index_page(kind: str, concepts: list[Concept]):
    ordered = sorted(concepts, key=lambda c: (c.body_system, c.name.lower()))
    groups = [
        (system, _by_name(items)) for system, items in groupby(ordered, lambda c: c.body_system)
    ]
    return render_template(
        "pages/concepts.html", kind=kind, groups=groups, alphabetical=_by_name(concepts)
    )


@bp.get("/conditions")
def conditions():
    return _index_page("condition", default_vocabulary().conditions())


@bp.get("/conditions/<concept_id>")
def condition(concept_id: str):
    return _concept_page(_concept(concept_id, "condition"))


@bp.get("/procedures")
def procedures():
    return _index_page("procedure", default_vocabulary().procedures())


@bp.get("/procedures/<concept_id>")
def procedure(concept_id: str):
    return _concept_page(_concept(concept_id, "procedure"))


def library_specialties() -> list[Specialty]:
    """Specialties the library links to: any that a condition or procedure names."""
    vocabulary = default_vocabulary()
    codes = {s.code for c in vocabulary.concepts.values() for s in c.specialties}
    found = [vocabulary.specialties[code] for code in codes if code in vocabulary.specialties]
    return sorted(found, key=lambda s: vocabulary.specialty_name(s.code).lower())


def specialty_treats(code: str) -> list[Treats]:
    return [
        Treats(concept, concept.specialties[rank].reason, rank == 0)
        for concept, rank in default_vocabulary().concepts_for_specialty(code)
    ]


# Generalists treat everything; grouping them by their most common condition would file
# family medicine under "Spine and back".
PRIMARY_CARE = frozenset(
    {"207Q00000X", "208D00000X", "207R00000X", "208000000X", "207RG0300X", "208M00000X"}
)


def specialty_body_system(code: str) -> str:
    """Where a patient would look for this specialty: primary care, or the body system of
    the conditions and procedures it treats (first-choice ones count double)."""
    if code in PRIMARY_CARE:
        return "primary-care"
    weights: Counter[str] = Counter()
    for concept, rank in default_vocabulary().concepts_for_specialty(code):
        weights[concept.body_system] += 2 if rank == 0 else 1
    return min(weights, key=lambda system: (-weights[system], system)) if weights else "other"


def official_name(specialty: Specialty) -> str:
    """The NUCC display name, minus a slip in the NUCC data ("... Physician Physician")."""
    return specialty.name.replace("Physician Physician", "Physician")


def friendly_name(specialty: Specialty) -> str:
    """The patient-friendly name, else the official one."""
    return specialty.lay_name or official_name(specialty)


def specialty_groups() -> list[tuple[str, list[Specialty]]]:
    """Library specialties by body system, primary care first, then A to Z."""
    groups: dict[str, list[Specialty]] = defaultdict(list)
    for specialty in library_specialties():
        groups[specialty_body_system(specialty.code)].append(specialty)
    order = sorted(groups, key=lambda system: (system != "primary-care", system))
    return [
        (system, sorted(groups[system], key=lambda s: friendly_name(s).lower())) for system in order
    ]


@bp.get("/specialties")
def specialties():
    return render_template(
        "pages/specialties.html",
        groups=specialty_groups(),
        friendly_name=friendly_name,
        official_name=official_name,
    )


@bp.get("/specialties/<code>")
def specialty(code: str):
    found = default_vocabulary().specialties.get(code.upper())
    if found is None:
        abort(404, description=f"'{code}' is not a specialty code we know.")
    treats = specialty_treats(found.code)
    return render_template(
        "pages/specialty.html",
        specialty=found,
        conditions=[t for t in treats if t.concept.kind == "condition"],
        procedures=[t for t in treats if t.concept.kind == "procedure"],
    )
