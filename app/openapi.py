"""The OpenAPI 3 document for ``/api/v1``, kept beside the code it describes.

schemathesis drives the API from this document in the test suite, so a drift
between the two fails a test.
"""

from __future__ import annotations

from app.search import params as p
from app.search.filters import FILTERS, Filters
from app.search.suggestions import SUGGESTION_KINDS
from directory.understanding.model import MATCHES, PART_KINDS

_PROBLEM = {"$ref": "#/components/responses/Problem"}
_RETRY_LATER = {"$ref": "#/components/responses/RetryLater"}
_ERRORS = {"400": _PROBLEM, "429": _RETRY_LATER, "503": _RETRY_LATER, "504": _PROBLEM}


def _query(name: str, schema: dict, description: str) -> dict:
    param = {
        "name": name,
        "in": "query",
        "required": False,
        "schema": schema,
        "description": description,
    }
    if schema.get("type") == "array":
        param.update(style="form", explode=True)
    return param


_SHORT_TEXT = {"type": "string", "maxLength": p.MAX_SHORT_TEXT}


def search_parameters(filters: Filters = FILTERS) -> list[dict]:
    """The query parameters of ``/api/v1/physicians``: the fixed ones and one per filter."""
    return [
        _query(
            "q",
            {"type": "string", "maxLength": p.MAX_TEXT},
            "Condition, symptom, procedure, ICD-10-CM code, specialty or name.",
        ),
        _query("location", _SHORT_TEXT, "ZIP code, 'City, ST' or 'lat,lon'."),
        _query(
            "radius",
            {
                "type": "integer",
                "minimum": p.RADIUS_MIN,
                "maximum": p.RADIUS_MAX,
                "default": p.RADIUS_DEFAULT,
            },
            "Miles from the location.",
        ),
        _query(
            "sort",
            {"type": "string", "enum": list(p.SORTS), "default": "relevance"},
            "distance needs a location.",
        ),
        _query("condition", _SHORT_TEXT, "Condition id from /conditions."),
        _query("procedure", _SHORT_TEXT, "Procedure id from /conditions."),
        *(_query(f.name, f.openapi_schema(), f.description) for f in filters),
        _query(
            "page",
            {"type": "integer", "minimum": 1, "maximum": p.MAX_RESULT_WINDOW, "default": 1},
            f"page × per_page may not exceed {p.MAX_RESULT_WINDOW:,}.",
        ),
        _query(
            "per_page",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": p.PER_PAGE_MAX,
                "default": p.PER_PAGE_DEFAULT,
            },
            "Results per page.",
        ),
    ]


SEARCH_PARAMETERS = search_parameters()

_LOCATION = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "address_line1": {"type": "string"},
        "address_line2": {"type": "string"},
        "city": {"type": "string"},
        "state": {"type": "string"},
        "zip": {"type": "string"},
        "phone": {"type": "string"},
        "fax": {"type": "string"},
        "lat": {"type": "number"},
        "lon": {"type": "number"},
        "distance_miles": {"type": ["number", "null"]},
    },
}
_SPECIALTY = {
    "type": "object",
    "required": ["code", "name", "primary"],
    "properties": {
        "code": {"type": "string"},
        "name": {"type": "string"},
        "primary": {"type": "boolean"},
    },
}
_HIT = {
    "type": "object",
    "required": [
        "npi",
        "name",
        "credentials",
        "specialties",
        "distance_miles",
        "nearest_location",
        "accepting_new_patients",
        "telehealth",
        "languages",
        "matched",
    ],
    "properties": {
        "npi": {"type": "string", "pattern": "^[0-9]{10}$"},
        "name": {"type": "string"},
        "credentials": {"type": "array", "items": {"type": "string"}},
        "specialties": {"type": "array", "items": _SPECIALTY},
        "distance_miles": {"type": ["number", "null"]},
        "nearest_location": _LOCATION,
        "accepting_new_patients": {"type": ["boolean", "null"]},
        "telehealth": {"type": ["boolean", "null"]},
        "languages": {"type": "array", "items": {"type": "string"}},
        "new_patients_as_of": {
            "type": ["string", "null"],
            "format": "date",
            "description": "When 'accepting new patients' was last verified.",
        },
        "verified_on": {
            "type": ["string", "null"],
            "format": "date",
            "description": "The oldest verification date of the profile's facts.",
        },
        "scheduling": {
            "type": "object",
            "description": "Ages seen, conditions not treated, referral or authorisation "
            "required, intake phone and fax, Direct address (blank when not known).",
        },
        "matched": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["kind", "id", "name", "via"],
                "properties": {
                    "kind": {"enum": ["condition", "procedure", "specialty", "name"]},
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "via": {"enum": ["profile", "specialty"]},
                },
            },
        },
    },
}
_SUGGESTIONS = {
    "description": "Ways forward, each a changed search and how many physicians it finds. "
    "Offered when nothing was found, when a place name is ambiguous (choose_place, the "
    "places with physicians first) and when a condition search has no location "
    "(add_location). Apply `changes` to this request's parameters (null removes one).",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["kind", "message", "changes", "count"],
        "properties": {
            "kind": {
                "type": "string",
                "enum": list(SUGGESTION_KINDS),
                "description": "; ".join(f"{k}: {v}" for k, v in SUGGESTION_KINDS.items()),
            },
            "message": {"type": "string", "description": "A sentence to show as the link."},
            "changes": {
                "type": "object",
                "description": "Parameter name → new value; null removes the parameter.",
                "additionalProperties": {"type": ["string", "integer", "null"]},
            },
            "count": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "Physicians the changed search finds.",
            },
            "label": {
                "type": "string",
                "description": "Short text for a chip: a place, a radius, a concept.",
            },
        },
    },
}
_PAGE = {
    "type": "object",
    "required": ["total", "page", "per_page", "results", "facets", "resolved", "suggestions"],
    "properties": {
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": _HIT},
        "facets": {"type": "object"},
        "resolved": {"type": "object"},
        "interpretation": {
            "description": "How the text was read (null without text): each part with its "
            "kind, ids, label, the [start, end) span of the text it came from and how it "
            "matched; words left unplaced; the typed place; typed filter phrases; a sentence.",
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["text", "description", "parts", "unplaced", "filters"],
                    "properties": {
                        "text": {"type": "string"},
                        "description": {"type": "string"},
                        "parts": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["kind", "ids", "label", "span", "text", "match"],
                                "properties": {
                                    "kind": {
                                        "type": "string",
                                        "enum": list(PART_KINDS),
                                    },
                                    "ids": {"type": "array", "items": {"type": "string"}},
                                    "label": {"type": "string"},
                                    "span": {
                                        "type": "array",
                                        "items": {"type": "integer"},
                                        "minItems": 2,
                                        "maxItems": 2,
                                    },
                                    "text": {"type": "string"},
                                    "match": {"type": "string", "enum": list(MATCHES)},
                                },
                            },
                        },
                        "unplaced": {"type": "array", "items": {"type": "object"}},
                        "filler": {"type": "array", "items": {"type": "object"}},
                        "location": {"type": ["object", "null"]},
                        "filters": {"type": "object"},
                    },
                },
            ],
        },
        "suggestions": _SUGGESTIONS,
    },
}


_PROBLEM_CONTENT = {
    "application/problem+json": {
        "schema": {
            "type": "object",
            "required": ["title", "status", "detail"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "errors": {
                    "type": "object",
                    "description": "Parameter name → what is wrong with it (on a 400).",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    }
}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _required_text(max_length: int) -> list[dict]:
    schema = {"type": "string", "minLength": 1, "maxLength": max_length}
    return [{"name": "q", "in": "query", "required": True, "schema": schema}]


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
            "/api/v1/physicians": {
                "get": {
                    "summary": "Search physicians",
                    "operationId": "searchPhysicians",
                    "parameters": search_parameters(filters),
                    "responses": {"200": _json(_PAGE), **_ERRORS},
                }
            },
            "/api/v1/physicians/{npi}": {
                "get": {
                    "summary": "One physician's profile",
                    "operationId": "getPhysician",
                    "parameters": [
                        {
                            "name": "npi",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": _json({"type": "object", "required": ["npi", "name"]}),
                        "404": _PROBLEM,
                        "410": _PROBLEM,
                        **_ERRORS,
                    },
                }
            },
            "/api/v1/conditions": {
                "get": {
                    "summary": "What a text means: conditions, procedures, specialties",
                    "operationId": "findConditions",
                    "parameters": _required_text(p.MAX_TEXT),
                    "responses": {
                        "200": _json({"type": "object", "required": ["q", "results"]}),
                        **_ERRORS,
                    },
                }
            },
            "/api/v1/suggest": {
                "get": {
                    "summary": "Autocomplete",
                    "operationId": "suggest",
                    "parameters": _required_text(p.MAX_SHORT_TEXT),
                    "responses": {
                        "200": _json({"type": "object", "required": ["q", "suggestions"]}),
                        **_ERRORS,
                    },
                }
            },
            "/api/v1/places": {
                "get": {
                    "summary": "Location autocomplete: ZIP codes and 'City, ST' (offline data)",
                    "operationId": "places",
                    "parameters": _required_text(p.MAX_SHORT_TEXT),
                    "responses": {
                        "200": _json(
                            {
                                "type": "object",
                                "required": ["q", "places"],
                                "properties": {
                                    "places": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["value", "label"],
                                        },
                                    }
                                },
                            }
                        ),
                        **_ERRORS,
                    },
                }
            },
        },
        "components": {
            "responses": {
                "Problem": {
                    "description": "RFC 9457 problem details",
                    "content": _PROBLEM_CONTENT,
                },
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
                    "content": _PROBLEM_CONTENT,
                },
            }
        },
    }
