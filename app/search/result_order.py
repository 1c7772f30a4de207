"""The order of results: relevance with distance and completeness as tie-breakers, and the
window page 1 is spread from (``ranking.diversify``).

Pure builders split from ``app.search.query``: never alphabetical for a search, because
among equal fits the nearer and the more complete profile serve a patient better.
"""

from __future__ import annotations

from app.search import ranking
from app.search.matching import told_as_one_problem
from app.search.params import Resolution, SearchParams


def _distance_sort(params: SearchParams) -> dict:
    return {
        "_geo_distance": {
            "location_points": {"lat": params.origin.lat, "lon": params.origin.lon},
            "order": "asc",
            "unit": "mi",
            "mode": "min",
            "distance_type": "arc",
            "ignore_unmapped": True,
        }
    }


# unmapped_type: an index loaded before the field existed still sorts (all equal there).
COMPLETENESS_SORT = {"profile_completeness": {"order": "desc", "unmapped_type": "half_float"}}


def sort_clause(params: SearchParams) -> list:
    by_name = [{"sort_name": "asc"}, {"npi": "asc"}]
    browsing = not (params.q or params.condition or params.procedure)
    if params.sort == "name" or (browsing and not params.origin):
        return by_name
    if params.sort == "distance" and params.origin:
        return [_distance_sort(params), COMPLETENESS_SORT, {"npi": "asc"}]
    # Never alphabetical: among equal fits, the nearer and the more complete profile first.
    tail = [_distance_sort(params)] if params.origin else []
    return ["_score", *tail, COMPLETENESS_SORT, {"npi": "asc"}]


def with_distance(query: dict, params: SearchParams) -> dict:
    if not params.origin or params.sort != "relevance":
        return query
    return ranking.distance_weighted(query, params.origin.point, params.radius_miles)


# The first results of a relevance search are cut from one window of this many that the
# service spreads across specialties (ranking.diversify): a permutation, so deeper pages
# stay consistent. One size for every page size (two default pages): the order people see
# does not change with how many a page shows, as it did when the window was two pages.
DIVERSITY_WINDOW = 40


def diversity_window(params: SearchParams, resolution: Resolution) -> int | None:
    """Size of the window to spread from the top, or None to page plainly."""
    window = DIVERSITY_WINDOW
    concept_search = bool(resolution.ids("condition") or resolution.ids("procedure"))
    concept_search = concept_search or bool(params.condition or params.procedure)
    # A specialty typed beside the condition ("physical therapist for back pain") is what
    # the page should show: spreading page 1 across other specialties would bury it.
    typed_specialty = bool(resolution.specialty_codes())
    # One problem told by its signs: who treats them all leads (ranking.for_every_need),
    # not one specialist per sign.
    one_problem = told_as_one_problem(resolution)
    if params.sort != "relevance" or not concept_search or typed_specialty or one_problem:
        return None
    return window if params.offset < window else None
