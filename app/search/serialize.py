"""The JSON API's shapes, in one place: typed results in, plain dicts for ``jsonify`` out.

Field names here are a public contract (``/api/v1``, described in ``app.openapi``):
add fields, never rename or remove them.
"""

from __future__ import annotations

from dataclasses import asdict

from app.search.params import SearchParams
from app.search.results import (
    Completion,
    ConditionMatch,
    Facet,
    PhysicianHit,
    PhysicianProfile,
    SearchPage,
)
from directory.crisis import notices_for


def physician_hit(hit: PhysicianHit) -> dict:
    # By hand, not asdict(): asdict deep-copies every location of every hit.
    return {
        "npi": hit.npi,
        "name": hit.name,
        "credentials": list(hit.credentials),
        "specialties": [vars(s) for s in hit.specialties],
        "distance_miles": hit.distance_miles,
        "nearest_location": vars(hit.nearest_location),
        "location_count": len(hit.locations),
        "accepting_new_patients": hit.accepting_new_patients,
        "telehealth": hit.telehealth,
        "languages": list(hit.languages),
        "matched": [vars(m) for m in hit.matched],
        "gender": hit.gender,
        # Added with directory accuracy (issue 16): when the new-patient answer was last
        # verified, the profile's oldest fact date, and the front desk's scheduling notes.
        "new_patients_as_of": hit.accuracy.as_of("accepting_new_patients", hit.last_verified)
        or None,
        "verified_on": hit.accuracy.verified_on or None,
        "scheduling": dict(hit.accuracy.scheduling),
    }


def _facet(facet: Facet) -> dict:
    return {
        "values": [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
            for v in facet.values
        ]
    }


def _resolved(page: SearchPage, params: SearchParams) -> dict:
    place = params.place
    return {
        "text": page.resolution.text,
        "terms": [
            {"kind": t.kind, "id": t.id, "name": t.name, "match": t.how}
            for t in page.resolution.terms
        ],
        "did_you_mean": list(page.resolution.did_you_mean),
        "location": None
        if place is None
        else {
            "label": place.label,
            "lat": place.lat,
            "lon": place.lon,
            "radius_miles": params.radius_miles,
            # Added: a whole state's postal code, searched as the state (no radius applies).
            "state": place.whole_state,
        },
    }


def search_page(page: SearchPage, params: SearchParams) -> dict:
    """``GET /api/v1/physicians``: one page of results, facets, what the text meant."""
    return {
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "results": [physician_hit(hit) for hit in page.results],
        "facets": {name: _facet(facet) for name, facet in page.facets.items()},
        "resolved": _resolved(page, page.effective or params),
        "interpretation": page.interpretation.as_dict() if page.interpretation else None,
        "suggestions": [
            {
                "kind": s.kind,
                "message": s.message,
                "changes": s.changes,
                "count": s.count,
                "label": s.label,
            }
            for s in page.suggestions
        ],
        "took_ms": page.took_ms,
        "notices": [notice.as_dict() for notice in notices_for(params.q)],
    }


def physician_profile(profile: PhysicianProfile) -> dict:
    """``GET /api/v1/physicians/<npi>``: every field of the profile."""
    return asdict(profile)


def _condition(match: ConditionMatch) -> dict:
    entry = {"kind": match.kind, "id": match.id, "name": match.name, "match": match.how}
    if match.details is not None:
        entry |= {
            "icd10": list(match.details.icd10),
            "summary": match.details.summary,
            "specialties": [vars(s) for s in match.details.specialties],
        }
    return entry


def conditions(text: str, matches: tuple[ConditionMatch, ...]) -> dict:
    """``GET /api/v1/conditions``: what a text means."""
    return {"q": text, "results": [_condition(m) for m in matches]}


def suggestions(text: str, completions: tuple[Completion, ...]) -> dict:
    """``GET /api/v1/suggest``: autocomplete options."""
    return {"q": text, "suggestions": [vars(c) for c in completions]}


def places(text: str, found: tuple[tuple[str, str], ...]) -> dict:
    """``GET /api/v1/places``: ZIPs and "City, ST" for the location box."""
    return {"q": text, "places": [{"value": value, "label": label} for value, label in found]}
