"""The one service seam: the only code that calls ``es.search``.

Turns validated parameters into queries (``app.search.query``), runs them, and
turns hits into typed results. Transport failures become ``SearchUnavailable``
so the app can answer a friendly 503/504 instead of a stack trace.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from app.errors import SearchUnavailable
from app.search import query as q
from app.search.explain import hit_from_source, profile_from_source
from app.search.params import RADIUS_MAX, Resolution, ResolvedTerm, SearchParams
from app.search.results import Facet, FacetValue, PhysicianHit, SearchPage, Suggestion
from directory.geography import miles_between
from directory.indices import vocabulary_alias
from directory.vocabulary import default_vocabulary

T = TypeVar("T")
FUZZY_KEEP_RATIO = 0.6  # keep fuzzy candidates scoring at least 60% of the best one
MAX_RESOLVED = 4


def _call(fn: Callable[..., T], **kwargs) -> T:
    try:
        return fn(**kwargs)
    except es_errors.ConnectionTimeout as error:
        raise SearchUnavailable("The search service took too long to answer.", 504) from error
    except es_errors.ConnectionError as error:
        raise SearchUnavailable("The search service is not reachable right now.") from error
    except es_errors.NotFoundError as error:
        if error.error == "index_not_found_exception":  # before the first load, or mid-restore
            raise SearchUnavailable("The physician directory is not loaded right now.") from error
        raise
    except es_errors.TransportError as error:
        if isinstance(error.status_code, int) and error.status_code in (429, 500, 502, 503, 504):
            raise SearchUnavailable("The search service is busy; please retry.") from error
        raise


def resolve(es: Elasticsearch, alias: str, text: str) -> Resolution:
    """What the text means: exact names, synonyms and codes win; fuzzy only if nothing exact."""
    return _resolve(es, alias, text)[0]


def _resolve(es: Elasticsearch, alias: str, text: str) -> tuple[Resolution, int]:
    if not text.strip():
        return Resolution(text=text), 0
    response = _call(es.search, index=vocabulary_alias(alias), **q.resolution_query(text))
    hits = response["hits"]["hits"]
    exact = [h for h in hits if _how(h) in ("exact", "code")]
    if exact:
        # A more specific code scores higher than its category: keep the best code match only.
        best = max(h["_score"] for h in exact)
        chosen = [h for h in exact if _how(h) == "exact" or h["_score"] == best]
    else:
        top = hits[0]["_score"] if hits else 0
        chosen = [h for h in hits if h["_score"] >= top * FUZZY_KEEP_RATIO]
    terms = tuple(_term(h) for h in chosen[:MAX_RESOLVED])
    return Resolution(text=text, terms=terms), response["took"]


def _term(hit: dict) -> ResolvedTerm:
    source = hit["_source"]
    codes = tuple(source.get("specialty_codes", ())) if source["kind"] == "specialty" else ()
    return ResolvedTerm(source["kind"], source["id"], source["name"], _how(hit), codes)


def _how(hit: dict) -> str:
    """How a vocabulary hit matched, from its named queries (see query.resolution_query)."""
    names = {name.split(":")[0] for name in hit.get("matched_queries", [])}
    for how in ("exact", "code"):
        if how in names:
            return how
    return "fuzzy" if names == {"fuzzy"} else "words"


def _explicit_terms(params: SearchParams) -> tuple[ResolvedTerm, ...]:
    vocabulary = default_vocabulary()
    terms = []
    for concept_id in (params.condition, params.procedure):
        concept = vocabulary.concepts.get(concept_id or "")
        if concept:
            terms.append(ResolvedTerm(concept.kind, concept.id, concept.name, "explicit"))
    return tuple(terms)


def search_physicians(es: Elasticsearch, alias: str, params: SearchParams) -> SearchPage:
    resolution, resolve_took = _resolve(es, alias, params.q)
    resolution = Resolution(resolution.text, _explicit_terms(params) + resolution.terms)
    response = _call(es.search, index=alias, **q.physician_search(params, resolution))
    total = response["hits"]["total"]["value"]
    results = tuple(_hit(h["_source"], params, resolution) for h in response["hits"]["hits"])
    facets = _facets(response.get("aggregations", {}), params)
    suggestions: tuple[Suggestion, ...] = ()
    if total == 0:
        suggestions = _suggestions(es, alias, params, resolution, facets)
        if not resolution.understood and params.q:
            resolution = Resolution(resolution.text, (), _did_you_mean(es, alias, params.q))
    return SearchPage(
        total=total,
        page=params.page,
        per_page=params.per_page,
        results=results,
        facets=facets,
        resolution=resolution,
        suggestions=suggestions,
        took_ms=resolve_took + response["took"],
    )


def _hit(source: dict, params: SearchParams, resolution: Resolution) -> PhysicianHit:
    origin = (params.place.lat, params.place.lon) if params.place else None
    return hit_from_source(source, origin, resolution, q.name_words(params.q))


def _facets(aggregations: dict, params: SearchParams) -> dict[str, Facet]:
    vocabulary = default_vocabulary()
    selected = {
        "specialty": set(params.specialties),
        "gender": set(params.genders),
        "language": set(params.languages),
        "insurance": set(params.insurance),
        "hospital": set(params.hospitals),
        "accepting_new_patients": {"true"} if params.accepting_new_patients else set(),
        "telehealth": {"true"} if params.telehealth else set(),
    }
    facets = {}
    for name in q.FACETS:
        agg = aggregations.get(f"facet_{name}")
        if agg is None:
            continue
        values = []
        for bucket in agg["values"]["buckets"]:
            value = str(bucket.get("key_as_string", bucket["key"]))
            label = vocabulary.specialty_name(value) if name == "specialty" else value
            values.append(FacetValue(value, label, bucket["doc_count"], value in selected[name]))
        facets[name] = Facet(name, tuple(values), agg["doc_count"])
    return facets


def _suggestions(es, alias, params, resolution, facets) -> tuple[Suggestion, ...]:
    suggestions = []
    for name in q.facet_filters(params):
        count = facets[name].total_without_filter if name in facets else 0
        if count:
            suggestions.append(
                Suggestion(
                    "drop_filter",
                    f"Remove the {name.replace('_', ' ')} filter",
                    {name: None},
                    count,
                )
            )
    if params.place:
        response = _call(es.search, index=alias, **q.nearest_match_search(params, resolution))
        hits = response["hits"]["hits"]
        if hits:
            miles = min(
                miles_between((params.place.lat, params.place.lon), (loc["lat"], loc["lon"]))
                for loc in hits[0]["_source"]["locations"]
            )
            radius = _round_up_radius(miles)
            if radius <= RADIUS_MAX:
                suggestions.append(
                    Suggestion(
                        "widen_radius", f"Search within {radius} miles", {"radius": radius}, None
                    )
                )
            else:
                suggestions.append(
                    Suggestion(
                        "remove_location",
                        f"The nearest match is {miles:,.0f} miles away: search without a location",
                        {"location": None},
                        None,
                    )
                )
    return tuple(suggestions)


def _round_up_radius(miles: float) -> int:
    for step in (5, 10, 25, 50, 75, 100, 150, 200, 250):
        if miles <= step:
            return step
    return int(math.ceil(miles / 50) * 50)


def _did_you_mean(es, alias, text) -> tuple[str, ...]:
    response = _call(es.search, index=vocabulary_alias(alias), **q.did_you_mean_query(text))
    return tuple(dict.fromkeys(h["_source"]["name"] for h in response["hits"]["hits"]))


def get_physician(es: Elasticsearch, alias: str, npi: str):
    """The full profile for one NPI, or None."""
    try:
        doc = _call(es.get, index=alias, id=npi)
    except es_errors.NotFoundError:
        return None
    return profile_from_source(doc["_source"])


def suggest(es: Elasticsearch, alias: str, text: str, size: int = 8) -> list[dict]:
    """Autocomplete: conditions, procedures and specialties first, then physician names."""
    if not text.strip():
        return []
    terms = _call(es.search, index=vocabulary_alias(alias), **q.suggest_search(text, size))
    people = _call(es.search, index=alias, **q.physician_name_suggest_search(text, 4))
    out = [
        {"kind": h["_source"]["kind"], "id": h["_source"]["id"], "label": h["_source"]["name"]}
        for h in terms["hits"]["hits"]
    ]
    out += [
        {"kind": "physician", "id": h["_source"]["npi"], "label": h["_source"]["full_name"]}
        for h in people["hits"]["hits"]
    ]
    return out[:size]


def find_conditions(es: Elasticsearch, alias: str, text: str) -> list[dict]:
    """Vocabulary entries the text resolves to, with codes and the specialties that treat them."""
    vocabulary = default_vocabulary()
    resolution = resolve(es, alias, text)
    found = []
    for term in resolution.terms:
        concept = vocabulary.concepts.get(term.id)
        entry = {"kind": term.kind, "id": term.id, "name": term.name, "match": term.how}
        if concept:
            entry |= {
                "icd10": list(concept.icd10),
                "summary": concept.summary,
                "specialties": [
                    {"code": s.code, "name": vocabulary.specialty_name(s.code), "reason": s.reason}
                    for s in concept.specialties
                ],
            }
        found.append(entry)
    return found


def cluster_ready(es: Elasticsearch, alias: str) -> bool:
    """The cluster answers and the alias exists (2 s budget: it guards the home page)."""
    return bool(_call(es.indices.exists_alias, name=alias, request_timeout=2))
