"""A validated physician profile → the document we index (pure).

This is where a physician's specialties turn into the conditions and procedures
they are *likely* to treat, through the condition map, kept apart from what the
physician *claims* so search can rank claims higher and say which is which.
"""

from __future__ import annotations

import hashlib
import json

from indexer.vocabulary import Vocabulary

# A specialty listed first for a condition is the best fit; past the second, a weak hint.
_DERIVED_FIELDS = ("conditions_derived_first", "conditions_derived_second", "conditions_derived_other")


def full_name(name: dict) -> str:
    parts = (name.get("first"), name.get("middle"), name.get("last"), name.get("suffix"))
    return " ".join(p for p in parts if p)


def _derived(vocabulary: Vocabulary, specialty_codes: list[str]) -> dict[str, int]:
    """Concept id → best (lowest) rank of any of the physician's specialties for it."""
    best: dict[str, int] = {}
    for code in specialty_codes:
        for concept, rank in vocabulary.concepts_for_specialty(code):
            if rank < best.get(concept.id, 99):
                best[concept.id] = rank
    return best


def _linked(vocabulary: Vocabulary, kind: str, claimed: list[str], derived: dict[str, int]) -> list:
    """Stored list of {id, name, claimed, rank} for the profile page and explanations."""
    linked = []
    for concept_id in dict.fromkeys(claimed):
        concept = vocabulary.concepts.get(concept_id)
        if concept and concept.kind == kind:
            linked.append({"id": concept_id, "name": concept.name, "claimed": True, "rank": 0})
    claimed_set = set(claimed)
    for concept_id, rank in sorted(derived.items(), key=lambda item: (item[1], item[0])):
        concept = vocabulary.concepts[concept_id]
        if concept.kind == kind and concept_id not in claimed_set:
            linked.append({"id": concept_id, "name": concept.name, "claimed": False, "rank": rank})
    return linked


def build_document(profile: dict, vocabulary: Vocabulary) -> dict:
    """The Elasticsearch document (``_id`` = NPI) for one validated profile."""
    codes = [s["code"] for s in profile["specialties"]]
    specialties = [
        {"code": s["code"], "name": vocabulary.specialty_name(s["code"]), "primary": bool(s["primary"])}
        for s in profile["specialties"]
    ]
    derived = _derived(vocabulary, codes)
    conditions = _linked(vocabulary, "condition", profile.get("conditions") or [], derived)
    procedures = _linked(vocabulary, "procedure", profile.get("procedures") or [], derived)
    locations = profile["locations"]
    doc = {
        "npi": profile["npi"],
        "full_name": full_name(profile["name"]),
        "last_name": profile["name"].get("last", ""),
        "sort_name": f"{profile['name'].get('last', '')} {profile['name'].get('first', '')}".strip(),
        "name": profile["name"],
        "credentials": profile.get("credentials") or [],
        "gender": profile.get("gender"),
        "specialties": specialties,
        "specialty_codes": codes,
        "primary_specialty": next(s["code"] for s in specialties if s["primary"]),
        "specialty_names": [s["name"] for s in specialties]
        + [vocabulary.specialties[c].name for c in codes if c in vocabulary.specialties],
        "conditions": conditions,
        "procedures": procedures,
        "conditions_claimed": [c["id"] for c in conditions if c["claimed"]],
        "procedures_claimed": [p["id"] for p in procedures if p["claimed"]],
        "procedures_derived": [p["id"] for p in procedures if not p["claimed"]],
        "condition_names": [c["name"] for c in conditions],
        "procedure_names": [p["name"] for p in procedures],
        "icd10_codes": sorted({code for c in conditions for code in vocabulary.concepts[c["id"]].icd10}),
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
    }
    for field in _DERIVED_FIELDS:
        doc[field] = []
    for c in conditions:
        if not c["claimed"]:
            doc[_DERIVED_FIELDS[min(c["rank"], 2)]].append(c["id"])
    doc["fingerprint"] = fingerprint(doc)
    return doc


def fingerprint(doc: dict) -> str:
    """A content hash, so an upsert of an unchanged profile is a no-op."""
    payload = json.dumps({k: v for k, v in doc.items() if k != "fingerprint"}, sort_keys=True)
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()
