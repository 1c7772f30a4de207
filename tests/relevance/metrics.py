"""Scoring one judged query from API responses, and summing scores up. Pure: no I/O.

* A hit is **relevant** when its NPI is in ``relevant_npis``, or when one of its
  specialties is in ``relevant_specialties`` (``207X*`` is a prefix) *and* it meets the
  filters the text asked for (``requires``) *and*, for a located query, its nearest
  location lies within the judged radius of the judged place.
* **P@10** = relevant hits among the first 10 / min(10, R), where R is how many relevant
  physicians the data holds (counted through the API's structured filters). 1.0 is
  always reachable; returning 2 good hits when 40 exist scores 0.2, not 1.0.
* **nDCG@10** with binary gains; the ideal list puts min(10, R) relevant hits first.
* **Shown precision** (diagnostic, the old set's definition): relevant share of the hits
  shown, so a query that shows 2 right hits scores 1.0. It separates "wrong hits" from
  "too few hits"; it is not the acceptance measure.
* Queries with R = 0 (no answer in the data) have no P@10/nDCG: they are left out of
  the means, and reported as "no answer" queries.
* **Beyond radius**: hits whose nearest location is farther than the judged radius from
  the place the *API* says it searched (``interpretation.location`` when present, else
  ``resolved.location``). A typed place the API does not report is counted as *ignored*.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

K = 10
POOL = 50  # per_page the evaluator asks for
TOLERANCE_MILES = 0.1  # rounding of coordinates in documents and responses
EARTH_RADIUS_MILES = 3958.8


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float


@dataclass(frozen=True)
class QueryScore:
    query: dict
    precision: float | None  # None: no relevant physician in the data
    ndcg: float | None
    total: int  # the API's total
    shown: int  # hits among the first 10
    relevant_count: int  # R
    relevant_top: int  # relevant hits among the first 10
    beyond_radius: int | None  # None: not a located query, or the API reported no place
    place_ignored: bool  # a located query whose place the API did not report
    top: tuple[str, ...]

    @property
    def zero(self) -> bool:
        return self.total == 0 or self.shown == 0

    @property
    def shown_precision(self) -> float:
        """Diagnostic, the old definition: relevant share of the (up to 10) hits shown."""
        return self.relevant_top / self.shown if self.shown else 0.0


def miles(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(h))


def place_from(location: object) -> Place | None:
    """A point from a response's location object: ``{lat, lon}``, or nested as point/center."""
    if not isinstance(location, dict):
        return None
    for candidate in (location, location.get("point"), location.get("center")):
        if isinstance(candidate, dict) and candidate.get("lat") is not None:
            if candidate.get("lon") is not None:
                return Place(float(candidate["lat"]), float(candidate["lon"]))
    return None


def api_place(response: dict) -> Place | None:
    """Where the API says it searched: ``interpretation.location``, else ``resolved.location``."""
    for part in ("interpretation", "resolved"):
        holder = response.get(part)
        place = place_from(holder.get("location")) if isinstance(holder, dict) else None
        if place is not None:
            return place
    return None


def hit_distance(hit: dict, place: Place) -> float | None:
    """Miles from ``place`` to the hit's nearest location (the API's own figure as fallback)."""
    point = place_from(hit.get("nearest_location"))
    if point is not None:
        return miles(point, place)
    return hit.get("distance_miles")


def meets(hit: dict, requires: dict, insurance_of: Callable[[str], Iterable[str]]) -> bool:
    """Does the hit satisfy every filter the text asked for? Unknown (None) never does."""
    for name, wanted in requires.items():
        if name == "gender":
            ok = hit.get("gender") == wanted
        elif name == "language":
            ok = wanted in (hit.get("languages") or ())
        elif name == "insurance":
            ok = wanted in insurance_of(hit["npi"])
        elif name in ("accepting_new_patients", "telehealth"):
            ok = hit.get(name) is True
        else:
            raise ValueError(f"unknown requirement {name!r}")
        if not ok:
            return False
    return True


def specialty_fits(hit: dict, wanted: Iterable[str]) -> bool:
    codes = [s["code"] for s in hit.get("specialties") or ()]
    return any(
        code == w or (w.endswith("*") and code.startswith(w[:-1])) for w in wanted for code in codes
    )


def is_relevant(
    hit: dict,
    judged: dict,
    place: Place | None = None,
    insurance_of: Callable[[str], Iterable[str]] = lambda npi: (),
) -> bool:
    if hit["npi"] in judged.get("relevant_npis", ()):
        return True
    if not specialty_fits(hit, judged.get("relevant_specialties", ())):
        return False
    if place is not None:
        distance = hit_distance(hit, place)
        radius = judged.get("radius") or 25
        if distance is None or distance > radius + TOLERANCE_MILES:
            return False
    # Last: checking insurance costs a profile fetch.
    return meets(hit, judged.get("requires") or {}, insurance_of)


def _dcg(gains: list[int]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def _beyond(judged: dict, response: dict, located: bool) -> tuple[int | None, bool]:
    searched = api_place(response)
    if not located:
        return None, False
    if searched is None:
        return None, True
    radius = (judged.get("radius") or 25) + TOLERANCE_MILES
    distances = (hit_distance(hit, searched) for hit in response.get("results") or ())
    return sum(1 for d in distances if d is not None and d > radius), False


def score(
    judged: dict,
    response: dict,
    relevant_count: int,
    place: Place | None = None,
    insurance_of: Callable[[str], Iterable[str]] = lambda npi: (),
) -> QueryScore:
    """Score one query. ``place`` is the judged place (None when the query has none)."""
    hits = response.get("results") or []
    top = hits[:K]
    gains = [int(is_relevant(hit, judged, place, insurance_of)) for hit in top]
    ideal = min(K, relevant_count)
    precision = sum(gains) / ideal if ideal else None
    ndcg = _dcg(gains) / _dcg([1] * ideal) if ideal else None
    located = bool(judged.get("expected_place") or judged.get("location"))
    beyond, ignored = _beyond(judged, response, located)
    names = tuple(
        f"{h.get('name')} ({h['specialties'][0].get('name') if h.get('specialties') else '?'})"
        for h in top[:3]
    )
    return QueryScore(
        judged, precision, ndcg, int(response.get("total") or 0), len(top), relevant_count,
        sum(gains), beyond, ignored, names,
    )  # fmt: skip


@dataclass(frozen=True)
class Summary:
    queries: int
    scored: int  # queries with an answer in the data (R > 0)
    precision: float | None
    ndcg: float | None
    shown_precision: float | None  # diagnostic: over scored queries, relevant share of shown
    answerable: int  # judged answer_exists
    zero: int  # of those, how many returned nothing
    beyond_hits: int
    beyond_queries: int
    located: int
    ignored: int  # located queries whose place the API did not report

    @property
    def zero_rate(self) -> float:
        return self.zero / self.answerable if self.answerable else 0.0


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(scores: list[QueryScore]) -> Summary:
    scored = [s for s in scores if s.precision is not None]
    answerable = [s for s in scores if s.query.get("answer_exists", True)]
    located = [s for s in scores if s.beyond_radius is not None or s.place_ignored]
    return Summary(
        queries=len(scores),
        scored=len(scored),
        precision=_mean([s.precision for s in scored]),
        ndcg=_mean([s.ndcg for s in scored]),
        shown_precision=_mean([s.shown_precision for s in scored]),
        answerable=len(answerable),
        zero=sum(1 for s in answerable if s.zero),
        beyond_hits=sum(s.beyond_radius or 0 for s in scores),
        beyond_queries=sum(1 for s in scores if s.beyond_radius),
        located=len(located),
        ignored=sum(1 for s in located if s.place_ignored),
    )


def disagreements(scores: list[QueryScore]) -> list[QueryScore]:
    """Queries whose judged ``answer_exists`` disagrees with the data (R > 0)."""
    return [s for s in scores if s.query.get("answer_exists", True) != (s.relevant_count > 0)]
