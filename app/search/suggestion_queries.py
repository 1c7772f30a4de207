"""Pure builders for counting ways forward: one ``msearch`` body per candidate suggestion.

A results page that offers "Search within 50 miles (12)" or "Springfield, MA (47)" must
say how many physicians each offer finds. Each candidate becomes one size-0 search (the
same query and filters the link would run), and all of them go to Elasticsearch in one
``msearch`` (``app.search.service``), so ten offers cost one round trip, not ten.
"""

from __future__ import annotations

from app.search import query as q
from app.search.filters import FILTERS, Filters
from app.search.params import Resolution, SearchParams
from directory.accuracy import freshness

POLICY = freshness.DEFAULT_POLICY

# Radii the "search within N miles" offer rounds up to (the first that reaches a match).
WIDEN_RADIUS_STEPS = (5, 10, 25, 50, 75, 100, 150, 200, 250)


def _filters(params: SearchParams, filters: Filters, located: bool, policy: str) -> list[dict]:
    # Who the search may show (active; fresh only when stale profiles are hidden), as the
    # results query has it, so an offer's count is what its link finds.
    clauses = [*q.public_filter(policy), *q.facet_filters(params, filters).values()]
    return clauses + (q.geo_filter(params) if located else [])


def count_search(
    params: SearchParams, resolution: Resolution, filters: Filters = FILTERS, policy: str = POLICY
) -> dict:
    """How many physicians this search finds: the results query with every filter, no hits."""
    query = {
        "bool": {
            "must": [q.text_query(params, resolution)],
            "filter": _filters(params, filters, True, policy),
        }
    }
    return {"query": query, "size": 0, "track_total_hits": True}


def reach_search(
    params: SearchParams, resolution: Resolution, filters: Filters = FILTERS, policy: str = POLICY
) -> dict:
    """The same search at any distance: the nearest match (its sort value is the distance in
    miles) and how many match within each wider radius (a geo_distance range aggregation:
    a physician counts in a ring when any of their locations is inside it, as in the filter).
    """
    origin = {"lat": params.origin.lat, "lon": params.origin.lon}
    steps = [step for step in WIDEN_RADIUS_STEPS if step > params.radius_miles]
    query = {
        "bool": {
            "must": [q.text_query(params, resolution)],
            "filter": _filters(params, filters, False, policy),
        }
    }
    return {
        "query": query,
        "size": 1,
        "track_total_hits": True,
        "_source": ["npi"],
        "sort": [
            {
                "_geo_distance": {
                    "location_points": origin,
                    "order": "asc",
                    "unit": "mi",
                    "mode": "min",
                    "distance_type": "arc",
                }
            }
        ],
        "aggs": {
            "within": {
                "geo_distance": {
                    "field": "location_points",
                    "origin": origin,
                    "unit": "mi",
                    "distance_type": "arc",
                    "ranges": [{"to": step} for step in steps],
                }
            }
        },
    }


def msearch_body(searches: list[dict]) -> list[dict]:
    """The ``msearch`` body: an empty header (the alias is the request's index) per search."""
    body: list[dict] = []
    for search in searches:
        body += [{}, search]
    return body
