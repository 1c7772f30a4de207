"""Reading Elasticsearch's answers into typed results: facets from aggregations, resolved
terms from vocabulary hits, ``PhysicianHit``s from physician hits, concept details.

Pure functions over response dicts (no client): ``SearchService`` calls them on what
``es.search`` returned.
"""

from __future__ import annotations

from collections.abc import Callable

from app.search import query as q
from app.search.explain import Sought, hit_from_source
from app.search.filters import YES, YES_VALUE, Filters
from app.search.params import Resolution, ResolvedTerm, SearchParams
from app.search.results import (
    ConceptDetails,
    Facet,
    FacetValue,
    PhysicianHit,
    TreatingSpecialty,
)
from app.search.understanding import explicit_terms
from directory.vocabulary import default_vocabulary


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
            if declared.kind == YES and value != YES_VALUE:
                continue  # a yes filter filters on yes only: "false" is no value to offer
            label = declared.value_label(value)
            values.append(FacetValue(value, label, bucket["doc_count"], value in chosen))
        facets[declared.name] = Facet(declared.name, tuple(values), agg["doc_count"])
    return facets


def resolved_term(hit: dict) -> ResolvedTerm:
    """A vocabulary hit as a term the search understood."""
    source = hit["_source"]
    codes = tuple(source.get("specialty_codes", ())) if source["kind"] == "specialty" else ()
    return ResolvedTerm(source["kind"], source["id"], source["name"], how_matched(hit), codes)


def how_matched(hit: dict) -> str:
    """How a vocabulary hit matched, from its named queries (see query.resolution_query)."""
    names = {name.split(":")[0] for name in hit.get("matched_queries", [])}
    for how in ("exact", "code"):
        if how in names:
            return how
    return "fuzzy" if names == {"fuzzy"} else "words"


def chosen_terms(params: SearchParams) -> tuple[ResolvedTerm, ...]:
    """The concepts chosen by id (``condition=``, ``procedure=``) rather than typed."""
    return explicit_terms(params, default_vocabulary())


def sort_score(hit: dict) -> float:
    return hit["sort"][0]  # relevance sorts by _score first (query.sort_clause)


def primary_specialty(hit: dict) -> str:
    return next((s["code"] for s in hit["_source"]["specialties"] if s["primary"]), "")


def hit_reader(
    params: SearchParams, resolution: Resolution
) -> Callable[[dict, frozenset[str] | None], PhysicianHit]:
    """Physician documents as result cards (distance from the searched place, why each
    matched); what the search sought is worked out once, not once per hit."""
    origin = params.origin.point if params.origin else None
    names = resolution.name_text
    if names is None:  # nothing parsed but a place or filters: the words left are the name
        names = resolution.name_hint or params.q
    sought = Sought.of(
        resolution, q.name_words(names), params.q, params.filters.get("hospital", ())
    )

    def read(source: dict, claimed: frozenset[str] | None = None) -> PhysicianHit:
        return hit_from_source(source, origin, sought, claimed)

    return read


def claimed_concepts(hit: dict) -> frozenset[str]:
    """The searched concepts this physician claims (query.claimed_concepts_field)."""
    return frozenset(hit.get("fields", {}).get("claimed", ()))


def concept_details(concept_id: str) -> ConceptDetails | None:
    """ICD-10-CM codes, a summary and the treating specialties of one concept."""
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
