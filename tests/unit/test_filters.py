"""The filter registry: one declaration is a working filter everywhere a user meets it.

A test registry adds a filter the app does not have (the worked example in
docs/architecture.md) and checks that the form accepts it, the query filters and counts
by it, the facets and the results page show it, and the OpenAPI document describes it.
"""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from app import create_app
from app.openapi import openapi_document
from app.search.filters import FILTERS, YES, Filter
from app.search.form import SearchForm, search_form_class
from app.search.params import Resolution
from app.search.query import physician_search
from app.search.results import SearchPage
from app.search.service import facets_from
from app.web.facets import active_filters, filter_groups

BOARD = Filter(
    "board_certification",
    "Board certification",
    "board_certifications",
    "Board certifications held (any of).",
)
REGISTRY = (*FILTERS, BOARD)
ABPMR = "American Board of Physical Medicine and Rehabilitation"


@pytest.fixture
def request_context():
    with create_app({"PHYSICIAN_INDEX_ALIAS": "unused-filters"}).test_request_context():
        yield


def bound(form_class, query: list[tuple[str, str]]):
    form = form_class(MultiDict(query))
    assert form.validate(), form.errors
    return form


def test_a_registered_filter_is_chosen_queried_counted_shown_and_documented(request_context):
    form = bound(search_form_class(REGISTRY), [("q", "back pain"), (BOARD.name, ABPMR)])
    params = form.to_params()
    assert params.filters == {BOARD.name: (ABPMR,)}

    search = physician_search(params, Resolution("back pain"), REGISTRY)
    chosen = {"terms": {"board_certifications": [ABPMR]}}
    assert search["post_filter"] == {"bool": {"filter": [chosen]}}
    assert search["aggs"]["facet_board_certification"] == {
        "filter": {"match_all": {}},  # its own selection never narrows its own counts
        "aggs": {"values": {"terms": {"field": "board_certifications", "size": 25}}},
    }
    assert search["aggs"]["facet_language"]["filter"] == {"bool": {"filter": [chosen]}}

    aggregations = {
        "facet_board_certification": {
            "doc_count": 40,
            "values": {"buckets": [{"key": ABPMR, "doc_count": 12}]},
        }
    }
    facets = facets_from(aggregations, params, REGISTRY)
    [value] = facets[BOARD.name].values
    assert (value.label, value.count, value.selected) == (ABPMR, 12, True)

    page = SearchPage(12, 1, 20, (), facets, Resolution("back pain"), (), 1)
    [group] = [g for g in filter_groups(page, form) if g.name == BOARD.name]
    assert (group.legend, [o.label for o in group.options]) == ("Board certification", [ABPMR])
    assert [(f.name, f.label) for f in active_filters(form)] == [(BOARD.name, ABPMR)]

    parameters = openapi_document(REGISTRY)["paths"]["/api/v1/physicians"]["get"]["parameters"]
    [described] = [p for p in parameters if p["name"] == BOARD.name]
    assert described["schema"] == {"type": "array", "items": {"type": "string", "maxLength": 100}}
    assert described["description"] == "Board certifications held (any of)."


def test_the_apps_own_form_and_document_do_not_have_the_example_filter(request_context):
    form = SearchForm(MultiDict([("q", "back pain"), (BOARD.name, ABPMR)]))
    assert form.validate() and form.to_params().filters == {}
    names = [
        p["name"] for p in openapi_document()["paths"]["/api/v1/physicians"]["get"]["parameters"]
    ]
    assert BOARD.name not in names and "telehealth" in names


def test_a_yes_filter_narrows_only_on_yes_and_shows_under_availability(request_context):
    video = Filter("video_visits", "Video visits", "video_visits", "Only video.", kind=YES)
    form_class = search_form_class((*FILTERS, video))
    form = bound(form_class, [("q", "back pain"), ("video_visits", "yes")])
    assert form.to_params().filters == {"video_visits": ("true",)}
    search = physician_search(form.to_params(), Resolution("back pain"), (*FILTERS, video))
    assert search["post_filter"] == {"bool": {"filter": [{"term": {"video_visits": True}}]}}
    assert bound(form_class, [("q", "x"), ("video_visits", "no")]).to_params().filters == {}

    page = SearchPage(0, 1, 20, (), {}, Resolution("back pain"), (), 1)
    [availability] = [g for g in filter_groups(page, form) if g.name == "availability"]
    assert [(o.name, o.label, o.checked) for o in availability.options] == [
        ("video_visits", "Video visits", True)
    ]


def test_a_closed_filter_refuses_values_outside_its_choices(request_context):
    form = SearchForm(MultiDict([("q", "back pain"), ("gender", "other")]))
    assert not form.validate()
    assert form.errors == {"gender": ["Choose female or male."]}
