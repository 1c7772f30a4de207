"""A validated physician profile → the document we index (pure).

This is where a physician's specialties turn into the conditions and procedures
they are *likely* to treat, through the condition map, kept apart from what the
physician *claims* so search can rank claims higher and say which is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from directory.accuracy.overlay import accuracy_fields, overlay
from directory.condition_map import claimed_concepts, implied_concepts
from directory.vocabulary import Vocabulary

# A specialty listed first for a condition is the best fit; past the second, a weak hint.
_DERIVED_FIELDS = (
    "conditions_derived_first",
    "conditions_derived_second",
    "conditions_derived_other",
)


def full_name(name: dict) -> str:
    parts = (name.get("first"), name.get("middle"), name.get("last"), name.get("suffix"))
    return " ".join(filter(None, parts))


# Optional facts a patient or front desk uses; completeness orders physicians of equal fit.
_OPTIONAL_FACTS = (
    "languages",
    "insurance",
    "hospital_affiliations",
    "board_certifications",
    "education",
    "bio",
)
_OPTIONAL_FLAGS = ("accepting_new_patients", "telehealth")


def completeness(profile: dict) -> float:
    """Share of optional facts present (0-1): phone, fax, lists, bio, yes/no answers."""
    first = profile["locations"][0] if profile["locations"] else {}
    get = profile.get
    # Counted with map and sum: the loader asks this of every profile.
    present = bool(first.get("phone")) + bool(first.get("fax"))
    present += sum(map(bool, map(get, _OPTIONAL_FACTS)))
    present += (get(_OPTIONAL_FLAGS[0]) is not None) + (get(_OPTIONAL_FLAGS[1]) is not None)
    return round(present / (2 + len(_OPTIONAL_FACTS) + len(_OPTIONAL_FLAGS)), 2)


@dataclass(frozen=True)
class _SpecialtyFields:
    """What a document says about one combination of specialties (shared, read-only)."""

    specialties: list[dict]
    codes: list[str]
    primary: str
    clinician_type: str
    names: list[str]
    implied: dict[str, list[str]]


@lru_cache(maxsize=4096)  # a national file has only a few thousand combinations
def _specialty_fields(vocabulary: Vocabulary, flagged: tuple[tuple[str, bool], ...]):
    codes = tuple(code for code, _ in flagged)
    primary = next(code for code, is_primary in flagged if is_primary)
    specialty = vocabulary.specialties.get(primary)
    return _SpecialtyFields(
        specialties=[
            {"code": code, "name": vocabulary.specialty_name(code), "primary": is_primary}
            for code, is_primary in flagged
        ],
        codes=list(codes),
        primary=primary,
        clinician_type=specialty.clinician_type if specialty else "Other",
        names=list(_specialty_names(vocabulary, codes)),
        implied=_implied_fields(vocabulary, codes),
    )


def build_document(profile: dict, vocabulary: Vocabulary) -> dict:
    """The Elasticsearch document (``_id`` = NPI) for one validated profile.

    A profile the loader has not overlaid with staff corrections (``indexer.overrides``)
    gets the overlay with none, so freshness and scheduling notes are always there.
    What depends only on the specialties is worked out once per combination and shared
    by the documents that have it: they are serialised, never changed.
    """
    if "accuracy" not in profile:
        profile = overlay(profile).profile
    get = profile.get
    fit = _specialty_fields(vocabulary, tuple(map(_CODE_AND_PRIMARY, profile["specialties"])))
    conditions = claimed_concepts(vocabulary, "condition", get("conditions") or [])
    procedures = claimed_concepts(vocabulary, "procedure", get("procedures") or [])
    name = profile["name"]
    doc = {
        "npi": profile["npi"],
        "full_name": full_name(name),
        "last_name": name.get("last", ""),
        "sort_name": " ".join(filter(None, (name.get("last"), name.get("first")))),
        "name": name,
        "credentials": get("credentials") or [],
        "gender": get("gender"),
        "specialties": fit.specialties,
        "specialty_codes": fit.codes,
        "primary_specialty": fit.primary,
        "clinician_type": fit.clinician_type,
        "profile_completeness": completeness(profile),
        "specialty_names": fit.names,
        "conditions_claimed": [c.id for c in conditions],
        "procedures_claimed": [p.id for p in procedures],
        "condition_names": [c.name for c in conditions],
        "procedure_names": [p.name for p in procedures],
        "icd10_codes": sorted(set().union(*[c.icd10 for c in conditions])),
        "languages": get("languages") or [],
        "telehealth": get("telehealth"),
        "hospital_affiliations": get("hospital_affiliations") or [],
        "education": get("education") or [],
        "board_certifications": get("board_certifications") or [],
        "bio": get("bio") or "",
        "source": profile["source"],
        "last_verified": profile["last_verified"],
        "active": get("active", True),
        # Locations, insurance, accepting, scheduling notes, freshness, phones and practice
        # names: the fields a live correction rewrites, built by the same function.
        **accuracy_fields(profile),
    }
    # Everything the specialties imply, claimed or not: a claim adds to the specialty's rank.
    doc.update(fit.implied)
    return doc


_CODE_AND_PRIMARY = itemgetter("code", "primary")


@lru_cache(maxsize=4096)
def _implied_fields(vocabulary: Vocabulary, codes: tuple[str, ...]) -> dict[str, list[str]]:
    """The derived id fields for a specialty combination (shared, read-only, lists)."""
    fields: dict[str, list[str]] = {name: [] for name in (*_DERIVED_FIELDS, "procedures_derived")}
    for kind, concept_id, rank in implied_concepts(vocabulary, codes):
        field = _DERIVED_FIELDS[min(rank, 2)] if kind == "condition" else "procedures_derived"
        fields[field].append(concept_id)
    return fields


@lru_cache(maxsize=4096)
def _specialty_names(vocabulary: Vocabulary, codes: tuple[str, ...]) -> tuple[str, ...]:
    """Patient-friendly and official names, so "spine surgeon" and the NUCC name both match."""
    names = [vocabulary.specialty_name(code) for code in codes]
    names += [vocabulary.specialties[c].name for c in codes if c in vocabulary.specialties]
    return tuple(dict.fromkeys(names))
