"""The whole OpenAPI document: info, one path per operation, the shared error responses."""

from __future__ import annotations

from app.openapi.parameters import required_text, search_parameters
from app.openapi.schemas import PROBLEM_CONTENT, SEARCH_PAGE
from app.search import params as p
from app.search.filters import FILTERS, Filters

_PROBLEM = {"$ref": "#/components/responses/Problem"}
_RETRY_LATER = {"$ref": "#/components/responses/RetryLater"}
_ERRORS = {"400": _PROBLEM, "429": _RETRY_LATER, "503": _RETRY_LATER, "504": _PROBLEM}


def openapi_document(filters: Filters = FILTERS) -> dict:
    """The whole document; ``filters`` is the registry the search parameters come from."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Find a Physician API",
            "version": "1.0.0",
            "description": "Physicians by condition and location.",
        },
        "paths": {
            "/api/v1/physicians": {"get": _search_physicians(filters)},
            "/api/v1/physicians/{npi}": {"get": _get_physician()},
            "/api/v1/conditions": {"get": _find_conditions()},
            "/api/v1/suggest": {"get": _suggest()},
            "/api/v1/places": {"get": _places()},
        },
        "components": {"responses": _shared_responses()},
    }


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _search_physicians(filters: Filters) -> dict:
    return {
        "summary": "Search physicians",
        "operationId": "searchPhysicians",
        "parameters": search_parameters(filters),
        "responses": {"200": _json(SEARCH_PAGE), **_ERRORS},
    }


def _get_physician() -> dict:
    return {
        "summary": "One physician's profile",
        "operationId": "getPhysician",
        "parameters": [
            {"name": "npi", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": _json({"type": "object", "required": ["npi", "name"]}),
            "404": _PROBLEM,
            "410": _PROBLEM,
            **_ERRORS,
        },
    }


def _find_conditions() -> dict:
    return {
        "summary": "What a text means: conditions, procedures, specialties",
        "operationId": "findConditions",
        "parameters": required_text(p.MAX_TEXT),
        "responses": {"200": _json({"type": "object", "required": ["q", "results"]}), **_ERRORS},
    }


def _suggest() -> dict:
    return {
        "summary": "Autocomplete",
        "operationId": "suggest",
        "parameters": required_text(p.MAX_SHORT_TEXT),
        "responses": {
            "200": _json({"type": "object", "required": ["q", "suggestions"]}),
            **_ERRORS,
        },
    }


def _places() -> dict:
    place = {"type": "object", "required": ["value", "label"]}
    answer = {
        "type": "object",
        "required": ["q", "places"],
        "properties": {"places": {"type": "array", "items": place}},
    }
    return {
        "summary": "Location autocomplete: ZIP codes and 'City, ST' (offline data)",
        "operationId": "places",
        "parameters": required_text(p.MAX_SHORT_TEXT),
        "responses": {"200": _json(answer), **_ERRORS},
    }


def _shared_responses() -> dict:
    """The error answers every operation shares: problem details, and when to retry."""
    return {
        "Problem": {"description": "RFC 9457 problem details", "content": PROBLEM_CONTENT},
        "RetryLater": {
            "description": "Too many requests (429) or search unavailable (503):"
            " problem details, and when to try again",
            "headers": {
                "Retry-After": {
                    "required": True,
                    "description": "Seconds to wait before retrying.",
                    "schema": {"type": "integer", "minimum": 1},
                }
            },
            "content": PROBLEM_CONTENT,
        },
    }
