"""The versioned JSON API (``/api/v1``). Field names here are a public contract."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request

from app.errors import BadSearchRequest, problem
from app.extensions import elasticsearch, limiter, physician_alias
from app.openapi import openapi_document
from app.search import service
from app.search.form import SearchForm, clean_text
from directory.npi import is_valid_npi

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _api_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


def _suggest_limit() -> str:
    return current_app.config["SUGGEST_RATE_LIMIT"]


KNOWN_PARAMETERS = {
    "q",
    "location",
    "radius",
    "sort",
    "condition",
    "procedure",
    "specialty",
    "language",
    "gender",
    "insurance",
    "hospital",
    "accepting_new_patients",
    "telehealth",
    "page",
    "per_page",
}


@bp.get("/physicians")
@limiter.limit(_api_limit)
def physicians():
    unknown = sorted(set(request.args) - KNOWN_PARAMETERS)
    if unknown:
        raise BadSearchRequest({name: ["Unknown parameter."] for name in unknown})
    form = SearchForm(request.args)
    if not form.validate():
        raise BadSearchRequest(form.error_map())
    page = service.search_physicians(elasticsearch(), physician_alias(), form.to_params())
    return jsonify(_page_json(page, form))


def _page_json(page, form) -> dict:
    return {
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "results": [hit.as_api() for hit in page.results],
        "facets": {
            name: {
                "values": [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in facet.values
                ]
            }
            for name, facet in page.facets.items()
        },
        "resolved": {
            "text": page.resolution.text,
            "terms": [
                {"kind": t.kind, "id": t.id, "name": t.name, "match": t.how}
                for t in page.resolution.terms
            ],
            "did_you_mean": list(page.resolution.did_you_mean),
            "location": None
            if form.place is None
            else {
                "label": form.place.label,
                "lat": form.place.lat,
                "lon": form.place.lon,
                "radius_miles": form.radius.data or 25,
            },
        },
        "suggestions": [
            {"kind": s.kind, "message": s.message, "changes": s.changes, "count": s.count}
            for s in page.suggestions
        ],
        "took_ms": page.took_ms,
    }


@bp.get("/physicians/<npi>")
@limiter.limit(_api_limit)
def physician(npi: str):
    if not is_valid_npi(npi):
        message = "An NPI is 10 digits ending in a check digit."
        return problem(400, message, errors={"npi": [message]})
    profile = service.get_physician(elasticsearch(), physician_alias(), npi)
    if profile is None:
        abort(404, description=f"No physician with NPI {npi} is listed.")
    return jsonify(profile.as_api())


def _required_text(name: str = "q", max_length: int = 200) -> str:
    text = clean_text(request.args.get(name, ""))
    if not text:
        raise BadSearchRequest({name: ["Type at least one character."]})
    if len(text) > max_length:
        raise BadSearchRequest({name: [f"Please keep it under {max_length} characters."]})
    return text


@bp.get("/conditions")
@limiter.limit(_api_limit)
def conditions():
    text = _required_text()
    return jsonify(
        {"q": text, "results": service.find_conditions(elasticsearch(), physician_alias(), text)}
    )


@bp.get("/suggest")
@limiter.limit(_suggest_limit)
def suggest():
    text = _required_text(max_length=100)
    return jsonify(
        {"q": text, "suggestions": service.suggest(elasticsearch(), physician_alias(), text)}
    )


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
