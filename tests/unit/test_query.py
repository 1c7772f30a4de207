"""The pure query builders, compared as whole dicts: any change to a query shows up here."""

from __future__ import annotations

import json

from app.search.params import Resolution, ResolvedTerm, SearchParams
from app.search.physician_names import name_clauses
from app.search.query import (
    CLAIMED_SCRIPT,
    name_words,
    physician_export_search,
    physician_search,
    resolution_query,
)
from directory.geography import Place

HARTFORD = Place("Hartford, CT 06106", 41.75, -72.69, "zip")
# What a results page shows: no insurance, source or structured name.
SOURCE = [
    "npi",
    "full_name",
    "credentials",
    "gender",
    "specialties",
    "languages",
    "accepting_new_patients",
    "telehealth",
    "locations",
    "hospital_affiliations",
    "last_verified",
    "verified_on",
    "freshness.accepting_new_patients",
    "scheduling",
]
EXPORT_SOURCE = [
    *SOURCE,
    "conditions_claimed",
    "procedures_claimed",
    "insurance",
    "source",
]
FACET_FIELDS = {
    "specialty": "specialty_codes",
    "clinician_type": "clinician_type",
    "gender": "gender",
    "language": "languages",
    "insurance": "insurance",
    "hospital": "hospital_affiliations",
    "accepting_new_patients": "accepting_new_patients",
    "telehealth": "telehealth",
}


def facet(field: str, filters: list | None) -> dict:
    return {
        "filter": {"bool": {"filter": filters}} if filters else {"match_all": {}},
        "aggs": {"values": {"terms": {"field": field, "size": 25}}},
    }


def test_code_text_resolves_by_exact_key_code_prefixes_and_words():
    assert resolution_query("M54.16") == {
        "query": {
            "bool": {
                "should": [
                    {
                        "constant_score": {
                            "filter": {"term": {"match_keys": "m54 16"}},
                            "boost": 100,
                            "_name": "exact",
                        }
                    },
                    {
                        "constant_score": {
                            "filter": {"term": {"icd10_compact": "M5416"}},
                            "boost": 90,
                            "_name": "code:M5416",
                        }
                    },
                    {
                        "constant_score": {
                            "filter": {"term": {"icd10_compact": "M541"}},
                            "boost": 89,
                            "_name": "code:M541",
                        }
                    },
                    {
                        "constant_score": {
                            "filter": {"term": {"icd10_compact": "M54"}},
                            "boost": 88,
                            "_name": "code:M54",
                        }
                    },
                    {
                        "multi_match": {
                            "query": "M54.16",
                            "type": "phrase",
                            "fields": ["name.plain", "synonyms.plain"],
                            "slop": 1,
                            "boost": 20,
                            "_name": "phrase",
                        }
                    },
                    {
                        "multi_match": {
                            "query": "M54.16",
                            "type": "cross_fields",
                            "operator": "and",
                            "fields": ["name", "synonyms"],
                            "boost": 10,
                            "_name": "words",
                        }
                    },
                    {
                        "multi_match": {
                            "query": "M54.16",
                            "type": "best_fields",
                            "operator": "and",
                            "fields": ["name.plain", "synonyms.plain"],
                            "fuzziness": "AUTO",
                            "prefix_length": 1,
                            "boost": 4,
                            "_name": "fuzzy",
                        }
                    },
                ],
                "minimum_should_match": 1,
            }
        },
        "size": 10,
        "_source": ["id", "kind", "name", "specialty_codes"],
    }


def test_plain_words_get_no_code_clauses():
    should = resolution_query("slipped disc")["query"]["bool"]["should"]
    assert [c.get("constant_score", {}).get("_name") for c in should][:2] == ["exact", None]


def test_empty_search_browses_everyone_active_by_name():
    assert physician_search(SearchParams(), Resolution("")) == {
        "query": {"bool": {"must": [{"match_all": {}}], "filter": [{"term": {"active": True}}]}},
        "aggs": {f"facet_{name}": facet(field, None) for name, field in FACET_FIELDS.items()},
        "sort": [{"sort_name": "asc"}, {"npi": "asc"}],
        "from_": 0,
        "size": 20,
        "track_total_hits": True,
        "_source": SOURCE,
    }


def test_condition_near_a_zip_with_facets_and_paging():
    params = SearchParams(
        q="sciatica",
        place=HARTFORD,
        radius_miles=10,
        filters={"language": ("Spanish",), "accepting_new_patients": ("true",)},
        per_page=10,
        page=2,
    )
    resolution = Resolution(
        "sciatica", (ResolvedTerm("condition", "sciatica", "Sciatica", "exact"),), name_text=""
    )
    spanish = {"terms": {"languages": ["Spanish"]}}
    accepting = {"term": {"accepting_new_patients": True}}
    point = {"lat": 41.75, "lon": -72.69}

    def fit(codes, boost):
        return [
            {"constant_score": {"filter": {"terms": {"primary_specialty": codes}}, "boost": boost}},
            {
                "constant_score": {
                    "filter": {"terms": {"specialty_codes": codes}},
                    "boost": round(boost * 0.85, 2),
                }
            },
        ]

    expected_aggs = {
        f"facet_{name}": facet(field, [spanish, accepting]) for name, field in FACET_FIELDS.items()
    }
    expected_aggs["facet_language"] = facet("languages", [accepting])
    expected_aggs["facet_accepting_new_patients"] = facet("accepting_new_patients", [spanish])
    # The condition map ranks sciatica's specialties: PM&R, interventional pain (and the
    # pain medicine code it also means, of its own board), spine surgery, neurosurgery,
    # physical therapy, chiropractic, family medicine. Each place down scores less;
    # therapists and chiropractors (not MD/DO) 40% less again, family medicine (a
    # generalist after specialists) 30% less; a claim adds 1; no name clauses: "sciatica"
    # is a condition, not a surname.
    tiers = [
        *fit(["208100000X"], 10.0),
        *fit(["208VP0014X"], 8.5),
        *fit(["208VP0000X"], 7.2),
        *fit(["207XS0117X"], 6.1),
        *fit(["207T00000X"], 5.2),
        *fit(["225100000X"], 2.64),
        *fit(["111N00000X"], 2.22),
        *fit(["207Q00000X"], 2.17),
    ]
    assert physician_search(params, resolution) == {
        "query": {
            "function_score": {
                "query": {
                    "bool": {
                        # One understood condition: its fit alone (no wrapper, no name).
                        "must": [
                            {
                                "bool": {
                                    "should": [
                                        {"dis_max": {"queries": tiers}},
                                        {
                                            "constant_score": {
                                                "filter": {
                                                    "terms": {"conditions_claimed": ["sciatica"]}
                                                },
                                                "boost": 1.0,
                                            }
                                        },
                                    ],
                                    "minimum_should_match": 1,
                                }
                            }
                        ],
                        "filter": [
                            {"term": {"active": True}},
                            {"geo_distance": {"distance": "10mi", "location_points": point}},
                        ],
                    }
                },
                "functions": [
                    {
                        "gauss": {
                            "location_points": {
                                "origin": point,
                                "offset": "2mi",
                                "scale": "5mi",
                                "decay": 0.5,
                            },
                            "multi_value_mode": "min",
                        },
                        "weight": 0.3,
                    },
                    {"weight": 0.7},
                ],
                "score_mode": "sum",
                "boost_mode": "multiply",
            }
        },
        "aggs": expected_aggs,
        "sort": [
            "_score",
            {
                "_geo_distance": {
                    "location_points": point,
                    "order": "asc",
                    "unit": "mi",
                    "mode": "min",
                    "distance_type": "arc",
                    "ignore_unmapped": True,
                }
            },
            {"profile_completeness": {"order": "desc", "unmapped_type": "half_float"}},
            {"npi": "asc"},
        ],
        # The first 40 come from one window the service spreads across specialties, whatever
        # the page size (10 here): the order seen does not change with it.
        "from_": 0,
        "size": 40,
        "track_total_hits": True,
        "_source": SOURCE,
        # Which searched concepts each physician claims, not their whole claimed lists.
        "script_fields": {
            "claimed": {
                "script": {
                    "source": CLAIMED_SCRIPT,
                    "params": {
                        "wanted": ["sciatica"],
                        "fields": ["conditions_claimed", "procedures_claimed"],
                    },
                }
            }
        },
        "post_filter": {"bool": {"filter": [spanish, accepting]}},
    }


def test_distance_sort_drops_the_decay_and_sorts_by_nearest_location():
    search = physician_search(SearchParams(place=HARTFORD, sort="distance"), Resolution(""))
    assert "function_score" not in search["query"]
    assert list(search["sort"][0]) == ["_geo_distance"]


def test_unresolved_text_falls_back_to_text_fields_but_never_query_string():
    search = physician_search(
        SearchParams(q="tired all the time"), Resolution("tired all the time")
    )
    clauses = search["query"]["bool"]["must"][0]["bool"]["should"]
    assert clauses[-1] == {
        "multi_match": {
            "query": "tired all the time",
            "fields": ["condition_names^2", "procedure_names^2", "specialty_names^2", "bio"],
            "operator": "and",
            "boost": 1.0,
        }
    }
    assert "query_string" not in json.dumps(search)


def test_titles_and_credentials_are_not_part_of_a_name():
    assert name_words("Dr. Soucier, MD") == "soucier"
    assert name_words("richard soucier") == "richard soucier"


def test_a_typed_suffix_orders_the_name_and_leaves_nobody_out():
    """'Dr. Robert Smith Jr.' found nobody when the record has no suffix; 'dr adams jr'
    listed the Jr. 15th among the Adamses."""
    assert name_words("Dr. Robert Smith Jr.") == "robert smith"
    clauses = name_clauses("Adams Jr")
    assert clauses[0]["match"]["full_name"]["query"] == "adams"
    suffixed = [
        c for c in clauses if c.get("match", {}).get("full_name", {}).get("query") == "adams jr"
    ]
    assert (
        suffixed
        and suffixed[0]["match"]["full_name"]["boost"] == clauses[0]["match"]["full_name"]["boost"]
    )


def test_export_search_is_the_results_query_in_batches_after_a_sort_key():
    params = SearchParams(place=HARTFORD, filters={"language": ("Spanish",)}, page=3)
    page_query = physician_search(params, Resolution(""))
    first = physician_export_search(params, Resolution(""), 500)
    after = physician_export_search(params, Resolution(""), 500, after=[1.5, 2.0, "x", "1"])
    expected = {k: v for k, v in page_query.items() if k not in ("aggs", "from_")}
    expected |= {"size": 500, "_source": EXPORT_SOURCE}  # an export's rows list insurance too
    assert first == expected  # same query, filters and order; no facets, no offset
    assert after == expected | {"search_after": [1.5, 2.0, "x", "1"]}
    assert first["sort"][-1] == {"npi": "asc"}  # a unique last key: search_after is exact


def test_a_whole_state_is_searched_by_its_code_with_no_distance():
    """'psychiatrist illinois': a practice anywhere in the state, none outside it; no
    radius round the state's middle, no distance ranking or sort from it."""
    illinois = Place("Illinois", 40.6, -89.0, "state")
    search = physician_search(SearchParams(q="psychiatrist", place=illinois), Resolution(""))
    assert {"term": {"states": "IL"}} in search["query"]["bool"]["filter"]
    assert "geo_distance" not in json.dumps(search) and "_geo_distance" not in json.dumps(search)
    town = Place("Chicago, IL", 41.85, -87.69, "city")
    located = json.dumps(
        physician_search(SearchParams(q="psychiatrist", place=town), Resolution(""))
    )
    assert "geo_distance" in located and '"states"' not in located


def test_a_nickname_searches_the_full_names_it_is_short_for():
    clause = json.dumps(
        physician_search(SearchParams(q="bill ingram"), Resolution("", name_text="bill ingram"))
    )
    assert "william" in clause and "ingram" in clause
    alone = json.dumps(physician_search(SearchParams(q="bill"), Resolution("", name_text="bill")))
    assert "william" not in alone  # one word may be a surname: not read as a nickname


def test_a_nicknames_other_spelling_counts_but_not_a_second_nickname():
    """'katie castree' found nobody: the list has Katie only for Kathryn and Katy, and Katy
    for Katherine. 'bill' still means William, never Wilma through 'will'."""
    katie = json.dumps(
        physician_search(SearchParams(q="katie castree"), Resolution("", name_text="katie castree"))
    )
    assert "katherine" in katie and "kathleen" in katie
    bill = json.dumps(
        physician_search(SearchParams(q="bill ingram"), Resolution("", name_text="bill ingram"))
    )
    assert "william" in bill and "wilma" not in bill and "wilfred" not in bill
