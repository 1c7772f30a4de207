"""Property-based tests: whatever anyone types, queries stay safe and forms never crash.

The query builders are pure, so hypothesis throws arbitrary text and parameters at
them and every result is checked the same way: JSON-serialisable, no ``query_string``
or other query-language entry points, no wildcard field lists, and user text only as
the value of a ``match``/``multi_match``/``term``/``terms`` query. The search form gets
arbitrary query strings and must answer valid/invalid, never raise.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from conftest import make_app
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from app.openapi import SEARCH_PARAMETERS
from app.search import params as p
from app.search import query as q
from app.search import suggestion_queries as counts
from app.search.filters import FILTERS, YES
from app.search.form import SearchForm
from directory.geography import Place
from indexer.mapping import PHYSICIAN_PROPERTIES, VOCABULARY_PROPERTIES

FORBIDDEN_QUERIES = {
    "query_string",
    "simple_query_string",
    "script",
    "script_score",
    "wildcard",
    "regexp",
    "prefix",
    "fuzzy",
    "more_like_this",
    "percolate",
}


def _field_names() -> set[str]:
    names = set()
    for properties in (PHYSICIAN_PROPERTIES, VOCABULARY_PROPERTIES):
        for name, spec in properties.items():
            names.add(name)
            names.update(f"{name}.{sub}" for sub in spec.get("fields", {}))
    return names


FIELDS = _field_names()
# Every key a builder may write, besides field names: the query DSL words we use.
DSL_KEYS = {
    "query", "bool", "should", "must", "filter", "minimum_should_match", "constant_score",
    "boost", "_name", "term", "terms", "match", "multi_match", "type", "fields", "slop",
    "operator", "fuzziness", "prefix_length", "match_all", "size", "from_", "_source",
    "track_total_hits", "sort", "aggs", "post_filter", "geo_distance", "distance",
    "lat", "lon", "function_score", "functions", "gauss", "origin", "offset", "scale",
    "decay", "multi_value_mode", "boost_mode", "_geo_distance", "order", "unit", "mode",
    "distance_type", "ignore_unmapped", "values", "field", "value", "weight", "score_mode",
    "dis_max", "queries", "unmapped_type", "ranges", "to", "match_phrase", "match_none",
}  # fmt: skip
AGG_NAMES = {f"facet_{f.name}" for f in FILTERS} | {"within"}
KNOWN_KEYS = DSL_KEYS | FIELDS | AGG_NAMES
CONSTANT_STRINGS = {
    "and", "or", "AUTO", "phrase", "cross_fields", "best_fields", "asc", "desc", "mi",
    "min", "arc", "multiply", "_score", "sum", "half_float",
}  # fmt: skip
DISTANCE = re.compile(r"^\d+(\.\d+)?mi$")
QUERY_NAME = re.compile(r"^(exact|phrase|words|fuzzy|code:[A-Z0-9]+)$")


def _user_value_slot(path: tuple) -> bool:
    """Where user text may appear: the value a match/term query compares with."""
    if len(path) >= 2 and path[-2:] == ("multi_match", "query"):
        return True
    if len(path) >= 3 and path[-3] in ("match", "match_phrase") and path[-1] == "query":
        return True
    if len(path) >= 2 and path[-2] == "term":
        return True
    if len(path) >= 3 and path[-3] == "term" and path[-1] == "value":
        return True
    return len(path) >= 3 and path[-3] == "terms" and isinstance(path[-1], int)


def _is_field(text: str) -> bool:
    return text.split("^", 1)[0] in FIELDS and "*" not in text


def _is_source_path(text: str) -> bool:
    """A mapped field, or a path inside one ("freshness.accepting_new_patients")."""
    return text.split(".", 1)[0] in FIELDS and "*" not in text


def assert_safe_query(search: dict) -> None:
    """The properties every builder output must have, whatever went in."""
    json.dumps(search, allow_nan=False)  # serialisable, no NaN/Infinity
    if "script_fields" in search:
        # The one script: constant source; input only ever reaches its params, as data.
        script = search["script_fields"]["claimed"]["script"]
        assert search["script_fields"] == {"claimed": {"script": script}}
        assert script["source"] == q.CLAIMED_SCRIPT
        assert script["params"]["fields"] == list(q.CLAIMED_FIELDS)
        assert set(script["params"]) == {"wanted", "fields"}
        assert all(isinstance(wanted, str) for wanted in script["params"]["wanted"])
        search = {key: value for key, value in search.items() if key != "script_fields"}

    def walk(node, path: tuple) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                assert key not in FORBIDDEN_QUERIES, f"{key} at {path}"
                assert key in KNOWN_KEYS, f"unexpected key {key!r} at {path}"
                if key == "fields":
                    assert all(_is_field(f) for f in value), f"wildcard or unknown field {value}"
                if key == "_source":
                    assert all(map(_is_source_path, value)), f"wildcard or unknown field {value}"
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))
        elif isinstance(node, str):
            if _user_value_slot(path):
                return
            assert (
                node in CONSTANT_STRINGS
                or _is_field(node)
                or (path[-2:-1] == ("_source",) and _is_source_path(node))
                or DISTANCE.match(node)
                or (path[-1] == "_name" and QUERY_NAME.match(node))
            ), f"text {node!r} outside a match/term value at {path}"
        elif isinstance(node, float):
            assert math.isfinite(node)

    walk(search, ())


# What people (and attackers) type: any Unicode, and query-language syntax on purpose.
SYNTAX = st.sampled_from(
    [
        "*:*", "OR", "AND NOT", "name:*", "*", "?", "~2", "^10", '"', "\\", "(", ")", "{", "}",
        '{"script": {"source": "1"}}', '{"query_string": {"query": "*"}}', "_all", "<script>",
        "M54.16", "m961", "Dr. Soucier, MD", "back pain", "' OR 1=1 --", "\x00", "\u202e",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=300),
    SYNTAX,
    st.lists(st.one_of(SYNTAX, st.text(max_size=12)), max_size=6).map(" ".join),
)
VALUES = st.lists(TEXT, max_size=4).map(tuple)
PLACES = st.none() | st.builds(
    Place,
    label=st.text(max_size=30),
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    kind=st.sampled_from(["zip", "city", "latlon", "address"]),
)
PARAMS = st.builds(
    p.SearchParams,
    q=TEXT,
    condition=st.none() | TEXT,
    procedure=st.none() | TEXT,
    place=PLACES,
    radius_miles=st.integers(p.RADIUS_MIN, p.RADIUS_MAX),
    sort=st.sampled_from(list(p.SORTS)),
    filters=st.fixed_dictionaries(
        {f.name: st.sampled_from([(), ("true",)]) if f.kind == YES else VALUES for f in FILTERS}
    ),
    page=st.integers(1, p.MAX_RESULT_WINDOW),
    per_page=st.integers(1, p.PER_PAGE_MAX),
)
TERMS = st.lists(
    st.builds(
        p.ResolvedTerm,
        kind=st.sampled_from(["condition", "procedure", "specialty"]),
        id=TEXT,
        name=TEXT,
        how=st.sampled_from(["exact", "code", "fuzzy", "words", "explicit"]),
    ),
    max_size=4,
).map(tuple)
RESOLUTIONS = st.builds(p.Resolution, text=TEXT, terms=TERMS)


@given(TEXT)
def test_resolution_query_is_safe_for_any_text(text):
    assert_safe_query(q.resolution_query(text))
    assert_safe_query(q.did_you_mean_query(text))


@given(TEXT)
def test_autocomplete_queries_are_safe_for_any_text(text):
    assert_safe_query(q.suggest_search(text))
    assert_safe_query(q.physician_name_suggest_search(text))


@settings(max_examples=300)
@given(PARAMS, RESOLUTIONS)
def test_physician_search_is_safe_for_any_parameters(params, resolution):
    search = q.physician_search(params, resolution)
    assert_safe_query(search)
    window = q.diversity_window(params, resolution)
    if window:  # the first results of a concept search come from one window spread across
        # specialties, and as far past it as the page reaches
        reach = max(window, params.offset + params.per_page)
        assert (search["from_"], search["size"]) == (0, reach) and params.offset < window
    else:
        assert search["size"] == params.per_page and search["from_"] == params.offset
    assert_safe_query(counts.count_search(params, resolution))
    if params.place:
        assert_safe_query(counts.reach_search(params, resolution))


def test_the_checker_catches_what_it_is_for():
    """The property would be worthless if the checker waved these through."""
    unsafe = [
        {"query": {"query_string": {"query": "*:*"}}},
        {"query": {"multi_match": {"query": "x", "fields": ["*"]}}},
        {"query": {"match": {"user typed this": {"query": "x"}}}},
        {"query": {"bool": {"must": [{"match_all": {}}]}}, "sort": ["user typed this"]},
        {"query": {"match_all": {}}, "size": float("nan")},
    ]
    for search in unsafe:
        with pytest.raises((AssertionError, ValueError)):
            assert_safe_query(search)


FORM_KEYS = st.sampled_from(
    [param["name"] for param in SEARCH_PARAMETERS] + ["view", "csrf_token"]
) | st.text(max_size=10)
FORM_VALUES = st.one_of(
    TEXT,
    st.integers().map(str),
    st.sampled_from(["", " ", "-1", "0", "1e9", "10000", "NaN", "inf", "06106", "Hartford, CT"]),
    st.sampled_from(["41.76,-72.68", "91,0", "0,181", "nan,nan", "distance", "female", "true"]),
)
QUERY_STRINGS = st.lists(st.tuples(FORM_KEYS, FORM_VALUES), max_size=12)


@pytest.fixture(scope="module")
def form_app():
    return make_app("unused-property-alias")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=QUERY_STRINGS)
def test_search_form_answers_valid_or_invalid_for_any_query_string(form_app, pairs):
    with form_app.test_request_context("/search"):
        form = SearchForm(MultiDict(pairs))
        valid = form.validate()
        assert valid in (True, False)
        if valid:
            params = form.to_params()
            assert p.RADIUS_MIN <= params.radius_miles <= p.RADIUS_MAX
            assert params.page * params.per_page <= p.MAX_RESULT_WINDOW
            assert_safe_query(q.physician_search(params, p.Resolution(params.q)))
        else:
            # Every refusal names the parameter and says why, in words.
            errors = form.error_map()
            assert errors and all(isinstance(m, str) and m for ms in errors.values() for m in ms)
            json.dumps(errors)
