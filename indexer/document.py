"""A validated physician profile → the document we index (pure).

This is where a physician's specialties turn into the conditions and procedures
they are *likely* to treat, through the condition map, kept apart from what the
physician *claims* so search can rank claims higher and say which is which.
"""

from __future__ import annotations

from functools import lru_cache

from directory.accuracy.overlay import overlay
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
    return " ".join(p for p in parts if p)


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
    present = [bool(first.get("phone")), bool(first.get("fax"))]
    present += [bool(profile.get(key)) for key in _OPTIONAL_FACTS]
    present += [profile.get(key) is not None for key in _OPTIONAL_FLAGS]
    return round(sum(present) / len(present), 2)


def _clinician_type(vocabulary: Vocabulary, code: str) -> str:
    specialty = vocabulary.specialties.get(code)
    return specialty.clinician_type if specialty else "Other"


def build_document(profile: dict, vocabulary: Vocabulary) -> dict:
    """The Elasticsearch document (``_id`` = NPI) for one validated profile.

    A profile the loader has not overlaid with staff corrections (``indexer.overrides``)
    gets the overlay with none, so freshness and scheduling notes are always there.
    """
    if "accuracy" not in profile:
        profile = overlay(profile).profile
    codes = tuple(s["code"] for s in profile["specialties"])
    specialties = [
        {"code": s["code"], "name": vocabulary.specialty_name(s["code"]), "primary": s["primary"]}
        for s in profile["specialties"]
    ]
    conditions = claimed_concepts(vocabulary, "condition", profile.get("conditions") or [])
    procedures = claimed_concepts(vocabulary, "procedure", profile.get("procedures") or [])
    locations = profile["locations"]
    name = profile["name"]
    primary = next(s["code"] for s in specialties if s["primary"])
    doc = {
        "npi": profile["npi"],
        "full_name": full_name(name),
        "last_name": name.get("last", ""),
        "sort_name": " ".join(filter(None, (name.get("last"), name.get("first")))),
        "name": name,
        "credentials": profile.get("credentials") or [],
        "gender": profile.get("gender"),
        "specialties": specialties,
        "specialty_codes": list(codes),
        "primary_specialty": primary,
        "clinician_type": _clinician_type(vocabulary, primary),
        "profile_completeness": completeness(profile),
        "specialty_names": list(_specialty_names(vocabulary, codes)),
        "conditions_claimed": [c.id for c in conditions],
        "procedures_claimed": [p.id for p in procedures],
        "condition_names": [c.name for c in conditions],
        "procedure_names": [p.name for p in procedures],
        "icd10_codes": sorted(set().union(*[c.icd10 for c in conditions])),
        "languages": profile.get("languages") or [],
        "insurance": profile.get("insurance") or [],
        "accepting_new_patients": profile.get("accepting_new_patients"),
        "telehealth": profile.get("telehealth"),
        "locations": locations,
        "location_points": [{"lat": loc["lat"], "lon": loc["lon"]} for loc in locations],
        "cities": sorted({f"{loc['city']}, {loc['state']}" for loc in locations}),
        "zips": sorted({loc["zip"] for loc in locations}),
        "hospital_affiliations": profile.get("hospital_affiliations") or [],
        "education": profile.get("education") or [],
        "board_certifications": profile.get("board_certifications") or [],
        "bio": profile.get("bio") or "",
        "source": profile["source"],
        "last_verified": profile["last_verified"],
        "active": profile.get("active", True),
        "scheduling": profile["scheduling"],
        "freshness": profile["freshness"],
        "verified_on": profile["verified_on"],
        "accuracy": profile["accuracy"],
    }
    # Everything the specialties imply, claimed or not: a claim adds to the specialty's rank.
    doc.update(_implied_fields(vocabulary, codes))
    return doc


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
