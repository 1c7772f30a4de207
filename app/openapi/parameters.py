"""Query parameters of the API: the search's (fixed ones plus one per registered filter)
and the single required text of the lookup operations."""

from __future__ import annotations

from app.search import params as p
from app.search.filters import FILTERS, Filters


def query_parameter(name: str, schema: dict, description: str) -> dict:
    """An optional query parameter; arrays repeat the name (``?language=a&language=b``)."""
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
        *_what_and_where(),
        *(query_parameter(f.name, f.openapi_schema(), f.description) for f in filters),
        *_paging(),
    ]


def _what_and_where() -> list[dict]:
    """The text, the place and its radius, the order, and the concepts chosen by id."""
    return [
        query_parameter(
            "q",
            {"type": "string", "maxLength": p.MAX_TEXT},
            "Condition, symptom, procedure, ICD-10-CM code, specialty or name.",
        ),
        query_parameter("location", _SHORT_TEXT, "ZIP code, 'City, ST' or 'lat,lon'."),
        query_parameter(
            "radius",
            {
                "type": "integer",
                "minimum": p.RADIUS_MIN,
                "maximum": p.RADIUS_MAX,
                "default": p.RADIUS_DEFAULT,
            },
            "Miles from the location.",
        ),
        query_parameter(
            "sort",
            {"type": "string", "enum": list(p.SORTS), "default": "relevance"},
            "distance needs a location.",
        ),
        query_parameter("condition", _SHORT_TEXT, "Condition id from /conditions."),
        query_parameter("procedure", _SHORT_TEXT, "Procedure id from /conditions."),
    ]


def _paging() -> list[dict]:
    return [
        query_parameter(
            "page",
            {"type": "integer", "minimum": 1, "maximum": p.MAX_RESULT_WINDOW, "default": 1},
            f"page × per_page may not exceed {p.MAX_RESULT_WINDOW:,}.",
        ),
        query_parameter(
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


def required_text(max_length: int) -> list[dict]:
    """The one required ``q`` of the lookups (conditions, suggest, places)."""
    schema = {"type": "string", "minLength": 1, "maxLength": max_length}
    return [{"name": "q", "in": "query", "required": True, "schema": schema}]
