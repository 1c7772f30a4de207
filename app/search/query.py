"""Pure query builders: validated parameters in, ``es.search`` keyword arguments out.

No Flask and no client here, so every query is unit-tested as a whole dict.
User text only ever reaches ``match``/``term`` queries: never ``query_string``,
never a wildcard field list.
"""

from __future__ import annotations

import re

from app.search.filters import FILTERS, Filters, selected_filters
from app.search.params import Resolution, SearchParams
from directory.text import compact_icd10, icd10_prefixes, normalize_term

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

# --- How physicians rank for what was understood -----------------------------------------
# What a physician says they treat beats what their specialty implies.
CLAIMED_CONDITION = 10.0
CLAIMED_PROCEDURE = 8.0
# Derived from specialty, by the specialty's place in the condition map's ranked list.
DERIVED_FIRST = 6.0
DERIVED_SECOND = 4.0
DERIVED_OTHER = 2.0
DERIVED_PROCEDURE = 3.0
# The user typed a specialty ("spine surgeon"): primary specialty is the stronger signal.
SPECIALTY_PRIMARY = 8.0
SPECIALTY_ANY = 5.0
# Names: all words of the name present beats a fuzzy near-miss.
NAME_ALL_WORDS = 20.0
NAME_FUZZY = 6.0
# Free text over condition/specialty names and bios, only when nothing was resolved.
TEXT_FALLBACK = 1.0
TEXT_FIELDS = ("condition_names^2", "procedure_names^2", "specialty_names^2", "bio")

# Distance decay (relevance sort only): a match at half the radius scores half as much.
DECAY_OFFSET_MILES = 2
DECAY_MIN_SCALE_MILES = 5

NAME_NOISE = re.compile(r"\b(dr|doctor|md|do|m d|d o|np|pa|phd|dpm|dc|pt|dpt)\b")

FACET_SIZE = 25

PHYSICIAN_SOURCE = [
    "npi",
    "full_name",
    "name",
    "credentials",
    "gender",
    "specialties",
    "conditions_claimed",
    "procedures_claimed",
    "languages",
    "insurance",
    "accepting_new_patients",
    "telehealth",
    "locations",
    "hospital_affiliations",
    "source",
    "last_verified",
]


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


def _terms(field: str, values: list[str], boost: float) -> dict:
    return {"constant_score": {"filter": {"terms": {field: values}}, "boost": boost}}


def _concept_clauses(resolution: Resolution, params: SearchParams) -> list[dict]:
    conditions = resolution.ids("condition") + ([params.condition] if params.condition else [])
    procedures = resolution.ids("procedure") + ([params.procedure] if params.procedure else [])
    specialties = resolution.specialty_codes()
    clauses: list[dict] = []
    if conditions:
        clauses += [
            _terms("conditions_claimed", conditions, CLAIMED_CONDITION),
            _terms("conditions_derived_first", conditions, DERIVED_FIRST),
            _terms("conditions_derived_second", conditions, DERIVED_SECOND),
            _terms("conditions_derived_other", conditions, DERIVED_OTHER),
        ]
    if procedures:
        clauses += [
            _terms("procedures_claimed", procedures, CLAIMED_PROCEDURE),
            _terms("procedures_derived", procedures, DERIVED_PROCEDURE),
        ]
    if specialties:
        clauses += [
            _terms("primary_specialty", specialties, SPECIALTY_PRIMARY),
            _terms("specialty_codes", specialties, SPECIALTY_ANY),
        ]
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
    if params.q:
        should += _name_clauses(params.q)
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


def sort_clause(params: SearchParams) -> list:
    by_name = [{"sort_name": "asc"}, {"npi": "asc"}]
    if params.sort == "name":
        return by_name
    if params.sort == "distance" and params.place:
        return [_distance_sort(params)] + by_name
    tail = [_distance_sort(params)] if params.place else []
    return ["_score"] + tail + by_name


def _with_distance_decay(query: dict, params: SearchParams) -> dict:
    if not params.place or params.sort != "relevance":
        return query
    scale = max(params.radius_miles / 2, DECAY_MIN_SCALE_MILES)
    return {
        "function_score": {
            "query": query,
            "functions": [
                {
                    "gauss": {
                        "location_points": {
                            "origin": {"lat": params.place.lat, "lon": params.place.lon},
                            "offset": f"{DECAY_OFFSET_MILES}mi",
                            "scale": f"{scale:g}mi",
                            "decay": 0.5,
                        },
                        "multi_value_mode": "min",
                    }
                }
            ],
            "boost_mode": "multiply",
        }
    }


def physician_search(
    params: SearchParams, resolution: Resolution, filters: Filters = FILTERS
) -> dict:
    """Keyword arguments for ``es.search`` on the physician alias."""
    chosen = facet_filters(params, filters)
    query = {
        "bool": {
            "must": [text_query(params, resolution)],
            "filter": [{"term": {"active": True}}] + geo_filter(params),
        }
    }
    search = {
        "query": _with_distance_decay(query, params),
        "aggs": facet_aggregations(chosen, filters),
        "sort": sort_clause(params),
        "from_": params.offset,
        "size": params.per_page,
        "track_total_hits": True,
        "_source": PHYSICIAN_SOURCE,
    }
    if chosen:
        search["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    return search


def nearest_match_search(
    params: SearchParams, resolution: Resolution, filters: Filters = FILTERS
) -> dict:
    """The nearest physician matching the text and filters, at any distance."""
    clauses = [{"term": {"active": True}}] + list(facet_filters(params, filters).values())
    return {
        "query": {"bool": {"must": [text_query(params, resolution)], "filter": clauses}},
        "sort": [_distance_sort(params)],
        "size": 1,
        "_source": ["npi", "locations"],
    }


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


def physician_name_suggest_search(text: str, size: int = 5) -> dict:
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
                "filter": [{"term": {"active": True}}],
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
) -> dict:
    """The results list for an export: same query, filters and order, no facets, a batch of
    ``size`` hits after the sort values ``after`` (search_after; the sort ends in the NPI)."""
    search = physician_search(params, resolution, filters)
    del search["aggs"], search["from_"]
    search["size"] = size
    if after is not None:
        search["search_after"] = list(after)
    return search
