"""Pure query builders: validated parameters in, ``es.search`` keyword arguments out.

No Flask and no client here, so every query is unit-tested as a whole dict.
User text only ever reaches ``match``/``term`` queries: never ``query_string``,
never a wildcard field list.
"""

from __future__ import annotations

import re

from app.search import ranking
from app.search.filters import FILTERS, Filters, selected_filters
from app.search.params import Resolution, SearchParams
from directory.accuracy import freshness
from directory.condition_map import specialty_ranks
from directory.text import compact_icd10, icd10_prefixes, normalize_term
from directory.vocabulary import default_vocabulary

# --- How the text is resolved against the vocabulary index -------------------------------
# An exact name/synonym/id or an ICD-10 code is what the user meant; fuzzy matches only
# count when nothing exact does (the service drops them when an exact hit exists).
EXACT_BOOST = 100
CODE_BOOST = 90  # a code is exact too, but a more specific code (M54.16) beats its category
PHRASE_BOOST = 20
WORDS_BOOST = 10
FUZZY_BOOST = 4
VOCABULARY_TEXT_FIELDS = ("name", "synonyms")
VOCABULARY_PLAIN_FIELDS = ("name.plain", "synonyms.plain")

# --- How physicians rank for what was understood: see app/search/ranking.py -------------
# Names: all words of the name present beats a fuzzy near-miss.
NAME_ALL_WORDS = 20.0
NAME_FUZZY = 6.0
# Free text over condition/specialty names and bios, only when nothing was resolved.
TEXT_FALLBACK = 1.0
TEXT_FIELDS = ("condition_names^2", "procedure_names^2", "specialty_names^2", "bio")


NAME_NOISE = re.compile(r"\b(dr|doctor|md|do|m d|d o|np|pa|phd|dpm|dc|pt|dpt)\b")

FACET_SIZE = 25

# What a results page and the API show of each hit (app.search.explain.hit_from_source):
# every byte more is serialised by Elasticsearch and decoded here, 40 hits per page.
RESULT_SOURCE = [
    "npi",
    "full_name",
    "credentials",
    "gender",
    "specialties",
    "languages",
    "accepting_new_patients",
    "telehealth",
    "locations",
    "last_verified",
    "verified_on",
    "freshness",
    "scheduling",
]
# An export's rows come from the source alone: claims, insurance, hospitals, the source.
PHYSICIAN_SOURCE = [
    *RESULT_SOURCE,
    "conditions_claimed",
    "procedures_claimed",
    "insurance",
    "hospital_affiliations",
    "source",
]


# "Why this physician" needs to know which of the searched concepts a physician claims,
# not the whole claimed lists (~1 KB a hit): Elasticsearch picks them from doc values.
CLAIMED_FIELDS = ("conditions_claimed", "procedures_claimed")
CLAIMED_SCRIPT = """
List found = new ArrayList();
for (String field : params.fields) {
  if (doc.containsKey(field)) {
    for (def id : doc[field]) { if (params.wanted.contains(id)) { found.add(id); } }
  }
}
return found;
""".strip()


def claimed_concepts_field(resolution: Resolution) -> dict:
    """``script_fields`` returning, per hit, the searched concepts the physician claims."""
    wanted = sorted({t.id for t in resolution.terms if t.kind in ("condition", "procedure")})
    if not wanted:
        return {}
    script = {
        "source": CLAIMED_SCRIPT,
        "params": {"wanted": wanted, "fields": list(CLAIMED_FIELDS)},
    }
    return {"script_fields": {"claimed": {"script": script}}}


def name_words(text: str) -> str:
    """ "Dr. Soucier, MD" → "soucier": titles and credentials are not part of a name."""
    return " ".join(NAME_NOISE.sub(" ", normalize_term(text)).split())


def resolution_query(text: str, size: int = 10) -> dict:
    """Find vocabulary entries (conditions, procedures, specialties) the text may mean."""
    key = normalize_term(text)
    should: list[dict] = [
        {
            "constant_score": {
                "filter": {"term": {"match_keys": key}},
                "boost": EXACT_BOOST,
                "_name": "exact",
            }
        },
    ]
    code = compact_icd10(text)
    if code:
        for position, prefix in enumerate(icd10_prefixes(code)):
            should.append(
                {
                    "constant_score": {
                        "filter": {"term": {"icd10_compact": prefix}},
                        "boost": CODE_BOOST - position,
                        # Names must be unique: ES drops matched_queries on duplicates.
                        "_name": f"code:{prefix}",
                    }
                }
            )
    should += [
        {
            "multi_match": {
                "query": text,
                "type": "phrase",
                "fields": list(VOCABULARY_PLAIN_FIELDS),
                "slop": 1,
                "boost": PHRASE_BOOST,
                "_name": "phrase",
            }
        },
        {
            "multi_match": {
                "query": text,
                "type": "cross_fields",
                "operator": "and",
                "fields": list(VOCABULARY_TEXT_FIELDS),
                "boost": WORDS_BOOST,
                "_name": "words",
            }
        },
        {
            "multi_match": {
                "query": text,
                "type": "best_fields",
                "operator": "and",
                "fields": list(VOCABULARY_PLAIN_FIELDS),
                "fuzziness": "AUTO",
                "prefix_length": 1,
                "boost": FUZZY_BOOST,
                "_name": "fuzzy",
            }
        },
    ]
    return {
        "query": {"bool": {"should": should, "minimum_should_match": 1}},
        "size": size,
        "_source": ["id", "kind", "name", "specialty_codes"],
    }


def did_you_mean_query(text: str, size: int = 3) -> dict:
    """Looser than resolution: any word, two edits. For 'no results' suggestions only."""
    return {
        "query": {
            "multi_match": {
                "query": text,
                "fields": list(VOCABULARY_PLAIN_FIELDS),
                "fuzziness": 2,
                "prefix_length": 0,
                "operator": "or",
            }
        },
        "size": size,
        "_source": ["id", "kind", "name"],
    }


def _concept_clauses(resolution: Resolution, params: SearchParams) -> list[dict]:
    conditions = resolution.ids("condition") + ([params.condition] if params.condition else [])
    procedures = resolution.ids("procedure") + ([params.procedure] if params.procedure else [])
    specialties = resolution.specialty_codes()
    vocabulary = default_vocabulary()
    clauses: list[dict] = []
    if conditions or procedures:
        ranks = specialty_ranks(vocabulary, conditions + procedures)
        providers = ranking.procedure_providers(vocabulary, procedures)
        fit = ranking.specialty_fit(vocabulary, ranks, providers)
        clauses.append(ranking.concept_query(fit, conditions, procedures))
    if specialties:
        clauses.append(ranking.specialty_query(specialties, resolution.named_specialty_codes()))
    return clauses


def _name_clauses(text: str) -> list[dict]:
    words = name_words(text)
    if not words:
        return []
    return [
        {"match": {"full_name": {"query": words, "operator": "and", "boost": NAME_ALL_WORDS}}},
        {
            "match": {
                "full_name": {
                    "query": words,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": NAME_FUZZY,
                }
            }
        },
    ]


def text_query(params: SearchParams, resolution: Resolution) -> dict:
    """What the physician must match: resolved concepts, names, or (failing both) free text."""
    should = _concept_clauses(resolution, params)
    names = params.q if resolution.name_text is None else resolution.name_text
    if names:
        should += _name_clauses(names)
    hint = name_words(resolution.name_hint)
    if hint and should:
        # Any one unplaced word may be the name: "evangelista internal medicine trumbull"
        # leaves a surname and a small town unplaced, and only the surname is in a name.
        should.append(
            {"match": {"full_name": {"query": hint, "operator": "or", "boost": NAME_ALL_WORDS}}}
        )
    if params.q and resolution.name_text is None:
        if not resolution.understood:
            should.append(
                {
                    "multi_match": {
                        "query": params.q,
                        "fields": list(TEXT_FIELDS),
                        "operator": "and",
                        "boost": TEXT_FALLBACK,
                    }
                }
            )
    if not should:
        return {"match_all": {}}
    return {"bool": {"should": should, "minimum_should_match": 1}}


def geo_filter(params: SearchParams) -> list[dict]:
    if not params.place:
        return []
    return [
        {
            "geo_distance": {
                "distance": f"{params.radius_miles}mi",
                "location_points": {"lat": params.place.lat, "lon": params.place.lon},
            }
        }
    ]


def facet_filters(params: SearchParams, filters: Filters = FILTERS) -> dict[str, dict]:
    """The user's filter selections, one clause per filter (values OR'ed within a filter)."""
    return {f.name: f.clause(values) for f, values in selected_filters(filters, params.filters)}


def facet_aggregations(selected: dict[str, dict], filters: Filters = FILTERS) -> dict:
    """Each facet counts under every *other* selection, so choosing a value keeps the rest."""
    aggs = {}
    for declared in filters:
        others = [clause for other, clause in selected.items() if other != declared.name]
        aggs[f"facet_{declared.name}"] = {
            "filter": {"bool": {"filter": others}} if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": declared.field, "size": FACET_SIZE}}},
        }
    return aggs


def _distance_sort(params: SearchParams) -> dict:
    return {
        "_geo_distance": {
            "location_points": {"lat": params.place.lat, "lon": params.place.lon},
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
    if params.sort == "name" or (browsing and not params.place):
        return by_name
    if params.sort == "distance" and params.place:
        return [_distance_sort(params), COMPLETENESS_SORT, {"npi": "asc"}]
    # Never alphabetical: among equal fits, the nearer and the more complete profile first.
    tail = [_distance_sort(params)] if params.place else []
    return ["_score", *tail, COMPLETENESS_SORT, {"npi": "asc"}]


def _with_distance(query: dict, params: SearchParams) -> dict:
    if not params.place or params.sort != "relevance":
        return query
    return ranking.distance_weighted(
        query, (params.place.lat, params.place.lon), params.radius_miles
    )


# Page 1 and 2 of a relevance search are cut from one window that the service spreads
# across specialties (ranking.diversify): a permutation, so deeper pages stay consistent.
DIVERSITY_PAGES = 2


def diversity_window(params: SearchParams, resolution: Resolution) -> int | None:
    """Size of the window to fetch from the top, or None to page plainly."""
    window = params.per_page * DIVERSITY_PAGES
    concept_search = bool(resolution.ids("condition") or resolution.ids("procedure"))
    concept_search = concept_search or bool(params.condition or params.procedure)
    # A specialty typed beside the condition ("physical therapist for back pain") is what
    # the page should show: spreading page 1 across other specialties would bury it.
    typed_specialty = bool(resolution.specialty_codes())
    if params.sort != "relevance" or not concept_search or typed_specialty:
        return None
    return window if params.offset < window else None


def public_filter(stale_policy: str = freshness.DEFAULT_POLICY) -> list[dict]:
    """Who public search may show: active physicians, and only fresh ones when stale are hidden."""
    clauses: list[dict] = [{"term": {"active": True}}]
    if stale_policy == "hide":
        clauses.append(freshness.FRESH_CLAUSE)
    return clauses


def _with_stale_policy(query: dict, stale_policy: str) -> dict:
    """Demote: a profile not verified in 90 days keeps DEMOTE_FACTOR of its score."""
    if stale_policy != "demote":
        return query
    return {
        "function_score": {
            "query": query,
            "functions": [{"filter": freshness.STALE_CLAUSE, "weight": freshness.DEMOTE_FACTOR}],
            "boost_mode": "multiply",
        }
    }


def physician_search(
    params: SearchParams,
    resolution: Resolution,
    filters: Filters = FILTERS,
    stale_policy: str = freshness.DEFAULT_POLICY,
) -> dict:
    """Keyword arguments for ``es.search`` on the physician alias."""
    chosen = facet_filters(params, filters)
    query = {
        "bool": {
            "must": [text_query(params, resolution)],
            "filter": public_filter(stale_policy) + geo_filter(params),
        }
    }
    search = {
        "query": _with_stale_policy(_with_distance(query, params), stale_policy),
        "aggs": facet_aggregations(chosen, filters),
        "sort": sort_clause(params),
        "from_": params.offset,
        "size": params.per_page,
        "track_total_hits": True,
        "_source": RESULT_SOURCE,
        **claimed_concepts_field(resolution),
    }
    window = diversity_window(params, resolution)
    if window:
        search |= {"from_": 0, "size": window}
    if chosen:
        search["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    return search


def suggest_search(text: str, size: int = 8) -> dict:
    """Autocomplete over vocabulary names and synonyms (edge n-grams)."""
    return {
        "query": {
            "multi_match": {
                "query": text,
                "type": "best_fields",
                "fields": ["name.autocomplete^2", "synonyms.autocomplete"],
                "operator": "and",
            }
        },
        "size": size,
        "_source": ["id", "kind", "name"],
    }


def physician_name_suggest_search(
    text: str, size: int = 5, stale_policy: str = freshness.DEFAULT_POLICY
) -> dict:
    words = name_words(text)
    return {
        "query": {
            "bool": {
                "must": [
                    {
                        "match": {
                            "full_name.autocomplete": {"query": words or text, "operator": "and"}
                        }
                    }
                ],
                "filter": public_filter(stale_policy),
            }
        },
        "size": size,
        "_source": ["npi", "full_name", "credentials", "specialties"],
    }


def physician_export_search(
    params: SearchParams,
    resolution: Resolution,
    size: int,
    after: list | None = None,
    filters: Filters = FILTERS,
    stale_policy: str = freshness.DEFAULT_POLICY,
) -> dict:
    """The results list for an export: same query, filters and order, no facets, a batch of
    ``size`` hits after the sort values ``after`` (search_after; the sort ends in the NPI)."""
    search = physician_search(params, resolution, filters, stale_policy)
    del search["aggs"], search["from_"]
    search.pop("script_fields", None)  # an export's rows come with the claimed lists
    search |= {"size": size, "_source": PHYSICIAN_SOURCE}
    if after is not None:
        search["search_after"] = list(after)
    return search
