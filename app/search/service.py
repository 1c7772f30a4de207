"""The one service seam: the only code that calls ``es.search``.

``SearchService`` binds a client and an alias once (in ``create_app``), turns
validated parameters into queries (``app.search.query``), runs them, and turns
hits into typed results (``app.search.results``). Transport failures become ``SearchUnavailable``
so the app can answer a friendly 503/504 instead of a stack trace.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import TypeVar

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from app.errors import SearchUnavailable
from app.search import query as q
from app.search import ranking
from app.search.curation import CuratedTerms
from app.search.explain import hit_from_source, profile_from_source
from app.search.filters import FILTERS, Filters, selected_filters
from app.search.params import RADIUS_MAX, Resolution, ResolvedTerm, SearchParams
from app.search.results import (
    Completion,
    ConceptDetails,
    ConditionMatch,
    Facet,
    FacetValue,
    PhysicianHit,
    PhysicianProfile,
    SearchPage,
    Suggestion,
    TreatingSpecialty,
)
from app.search.understanding import apply
from directory.accuracy import freshness
from directory.geography import miles_between
from directory.indices import vocabulary_alias
from directory.understanding import Lexicon, interpret, lexicon_for
from directory.vocabulary import default_vocabulary

T = TypeVar("T")
FUZZY_KEEP_RATIO = 0.6  # keep fuzzy candidates scoring at least 60% of the best one
MAX_RESOLVED = 4
# "Search within N miles" offers the first of these that reaches the nearest match.
WIDEN_RADIUS_STEPS = (5, 10, 25, 50, 75, 100, 150, 200, 250)


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


class SearchService:
    """Physician search over one alias (and its vocabulary), with one client bound once.

    Built in ``create_app``; views reach it with ``app.extensions.search_service()``.
    """

    def __init__(
        self,
        es: Elasticsearch,
        alias: str,
        filters: Filters = FILTERS,
        curation: CuratedTerms | None = None,
        stale_policy: str = freshness.DEFAULT_POLICY,
    ):
        self.curation = curation
        self.stale_policy = freshness.policy(stale_policy)  # what search does with stale profiles
        self.es = es
        self.alias = alias
        self.vocabulary_alias = vocabulary_alias(alias)
        self.filters = filters

    # --- Resolution: what the text means ---------------------------------------------------

    def resolve(self, text: str) -> Resolution:
        """What the text means: exact names, synonyms and codes win; fuzzy only if nothing exact."""
        return self._resolve(text)[0]

    def _resolve(self, text: str) -> tuple[Resolution, int]:
        if not text.strip():
            return Resolution(text=text), 0
        response = _call(self.es.search, index=self.vocabulary_alias, **q.resolution_query(text))
        hits = response["hits"]["hits"]
        exact = [h for h in hits if _how(h) in ("exact", "code")]
        if exact:
            # A more specific code scores higher than its category: keep the best code only.
            best = max(h["_score"] for h in exact)
            chosen = [h for h in exact if _how(h) == "exact" or h["_score"] == best]
        else:
            top = hits[0]["_score"] if hits else 0
            chosen = [h for h in hits if h["_score"] >= top * FUZZY_KEEP_RATIO]
        terms = tuple(_term(h) for h in chosen[:MAX_RESOLVED])
        return Resolution(text=text, terms=terms), response["took"]

    # --- Physician search --------------------------------------------------------------------

    def understand(self, params: SearchParams) -> tuple[SearchParams, Resolution, int, object]:
        """Read the box in memory; ask the vocabulary index only when nothing was understood.

        The index still answers for text the parser cannot place (curated terms go live
        there first), so a curator's mapping works without a restart.
        """
        interpretation = None
        if params.q.strip():
            interpretation = interpret(params.q, lexicon=self._lexicon())
        understood = apply(params, interpretation, default_vocabulary()) if interpretation else None
        read = interpretation
        complete = bool(read and read.understood and not read.unplaced)
        if understood and (understood.terms or understood.name_text or complete):
            params = understood.params
            terms = _explicit_terms(params) + understood.terms
            resolution = Resolution(
                params.q, terms, name_text=understood.name_text, name_hint=understood.name_hint
            )
            return params, resolution, 0, interpretation
        if understood:
            params = understood.params  # a place or filter typed beside unplaced words
        resolution, took = self._resolve(params.q)
        resolution = Resolution(resolution.text, _explicit_terms(params) + resolution.terms)
        return params, resolution, took, interpretation

    def _lexicon(self) -> Lexicon:
        vocabulary = default_vocabulary()
        if self.curation is None:
            return lexicon_for(vocabulary)
        return lexicon_for(vocabulary, self.curation.terms, version=self.curation.version())

    def search_physicians(self, params: SearchParams) -> SearchPage:
        params, resolution, resolve_took, interpretation = self.understand(params)
        search = q.physician_search(params, resolution, self.filters, self.stale_policy)
        response = _call(self.es.search, index=self.alias, **search)
        total = response["hits"]["total"]["value"]
        hits = response["hits"]["hits"]
        if q.diversity_window(params, resolution):
            hits = ranking.diversify(hits, _sort_score, _primary_specialty)
            hits = hits[params.offset : params.offset + params.per_page]
        results = tuple(_hit(h["_source"], params, resolution) for h in hits)
        facets = facets_from(response.get("aggregations", {}), params, self.filters)
        suggestions: tuple[Suggestion, ...] = ()
        if total == 0:
            suggestions = self._suggestions(params, resolution, facets)
            if not resolution.understood and params.q:
                resolution = Resolution(resolution.text, (), self._did_you_mean(params.q))
        return SearchPage(
            total=total,
            page=params.page,
            per_page=params.per_page,
            results=results,
            facets=facets,
            resolution=resolution,
            suggestions=suggestions,
            took_ms=resolve_took + response["took"],
            interpretation=interpretation,
            effective=params,
        )

    def _suggestions(self, params, resolution, facets) -> tuple[Suggestion, ...]:
        suggestions = []
        for declared, _ in selected_filters(self.filters, params.filters):
            count = facets[declared.name].total_without_filter if declared.name in facets else 0
            if count:
                message = f"Remove the {declared.noun} filter"
                suggestions.append(Suggestion("drop_filter", message, {declared.name: None}, count))
        if params.place:
            nearest = self._nearest_match_miles(params, resolution)
            if nearest is not None:
                suggestions.append(_location_suggestion(nearest))
        return tuple(suggestions)

    def _nearest_match_miles(self, params: SearchParams, resolution: Resolution) -> float | None:
        search = q.nearest_match_search(params, resolution, self.filters, self.stale_policy)
        hits = _call(self.es.search, index=self.alias, **search)["hits"]["hits"]
        if not hits:
            return None
        origin = (params.place.lat, params.place.lon)
        return min(
            miles_between(origin, (loc["lat"], loc["lon"]))
            for loc in hits[0]["_source"]["locations"]
        )

    def _did_you_mean(self, text: str) -> tuple[str, ...]:
        search = q.did_you_mean_query(text)
        response = _call(self.es.search, index=self.vocabulary_alias, **search)
        return tuple(dict.fromkeys(h["_source"]["name"] for h in response["hits"]["hits"]))

    # --- One physician, autocomplete, conditions, readiness ----------------------------------

    def get_physician(self, npi: str) -> PhysicianProfile | None:
        """The full profile for one NPI, or None."""
        try:
            doc = _call(self.es.get, index=self.alias, id=npi)
        except es_errors.NotFoundError:
            return None
        return profile_from_source(doc["_source"])

    def suggest(self, text: str, size: int = 8) -> tuple[Completion, ...]:
        """Autocomplete: conditions, procedures and specialties first, then physician names."""
        if not text.strip():
            return ()
        search = q.suggest_search(text, size)
        terms = _call(self.es.search, index=self.vocabulary_alias, **search)
        search = q.physician_name_suggest_search(text, 4, self.stale_policy)
        people = _call(self.es.search, index=self.alias, **search)
        found = [
            Completion(h["_source"]["kind"], h["_source"]["id"], h["_source"]["name"])
            for h in terms["hits"]["hits"]
        ]
        found += [
            Completion("physician", h["_source"]["npi"], h["_source"]["full_name"])
            for h in people["hits"]["hits"]
        ]
        return tuple(found[:size])

    def find_conditions(self, text: str) -> tuple[ConditionMatch, ...]:
        """What the text resolves to, with codes and the specialties that treat each concept."""
        return tuple(
            ConditionMatch(t.kind, t.id, t.name, t.how, _concept_details(t.id))
            for t in self.resolve(text).terms
        )

    def cluster_ready(self) -> bool:
        """The cluster answers and the alias exists (2 s budget: it guards the home page)."""
        return bool(_call(self.es.indices.exists_alias, name=self.alias, request_timeout=2))

    # --- Exports: the whole result list, a batch at a time -----------------------------------

    def export_physicians(
        self, params: SearchParams, limit: int, batch: int = 500
    ) -> tuple[int, Iterator[PhysicianHit]]:
        """(total, up to ``limit`` hits in result order), ``batch`` per search (search_after).

        The first batch is fetched before returning, so an outage is still a proper 503;
        later batches are fetched as the caller streams, so memory stays at one batch.
        """
        resolution, _ = self._resolve(params.q)
        resolution = Resolution(resolution.text, _explicit_terms(params) + resolution.terms)
        size = min(batch, limit)

        def search(count: int, after: list | None = None) -> dict:
            body = q.physician_export_search(
                params, resolution, count, after, self.filters, self.stale_policy
            )
            return _call(self.es.search, index=self.alias, **body)

        first = search(size)

        def hits() -> Iterator[PhysicianHit]:
            response, sent = first, 0
            while True:
                found = response["hits"]["hits"][: limit - sent]
                for raw in found:
                    yield _hit(raw["_source"], params, resolution)
                sent += len(found)
                if sent >= limit or len(found) < size:
                    return
                response = search(min(size, limit - sent), found[-1]["sort"])

        return first["hits"]["total"]["value"], hits()


def facets_from(aggregations: dict, params: SearchParams, filters: Filters) -> dict[str, Facet]:
    """Each filter's facet from ``query.facet_aggregations``: values, counts, which are chosen."""
    facets = {}
    for declared in filters:
        agg = aggregations.get(f"facet_{declared.name}")
        if agg is None:
            continue
        chosen = set(params.filters.get(declared.name, ()))
        values = []
        for bucket in agg["values"]["buckets"]:
            value = str(bucket.get("key_as_string", bucket["key"]))
            label = declared.value_label(value)
            values.append(FacetValue(value, label, bucket["doc_count"], value in chosen))
        facets[declared.name] = Facet(declared.name, tuple(values), agg["doc_count"])
    return facets


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


def _sort_score(hit: dict) -> float:
    return hit["sort"][0]  # relevance sorts by _score first (query.sort_clause)


def _primary_specialty(hit: dict) -> str:
    return next((s["code"] for s in hit["_source"]["specialties"] if s["primary"]), "")


def _hit(source: dict, params: SearchParams, resolution: Resolution) -> PhysicianHit:
    origin = (params.place.lat, params.place.lon) if params.place else None
    names = params.q if resolution.name_text is None else resolution.name_text
    return hit_from_source(source, origin, resolution, q.name_words(names))


def _location_suggestion(miles: float) -> Suggestion:
    radius = _round_up_radius(miles)
    if radius <= RADIUS_MAX:
        return Suggestion("widen_radius", f"Search within {radius} miles", {"radius": radius})
    return Suggestion(
        "remove_location",
        f"The nearest match is {miles:,.0f} miles away: search without a location",
        {"location": None},
    )


def _round_up_radius(miles: float) -> int:
    for step in WIDEN_RADIUS_STEPS:
        if miles <= step:
            return step
    return int(math.ceil(miles / 50) * 50)


def _concept_details(concept_id: str) -> ConceptDetails | None:
    vocabulary = default_vocabulary()
    concept = vocabulary.concepts.get(concept_id)
    if concept is None:
        return None
    return ConceptDetails(
        icd10=tuple(concept.icd10),
        summary=concept.summary,
        specialties=tuple(
            TreatingSpecialty(s.code, vocabulary.specialty_name(s.code), s.reason)
            for s in concept.specialties
        ),
    )
