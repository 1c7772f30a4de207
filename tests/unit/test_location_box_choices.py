"""A state's code that is also a city's nickname ("LA") is the state, with the city offered
beside it: the search then shows whichever has physicians (app/search/form.py)."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from app import create_app
from app.search.form import SearchForm


@pytest.fixture
def request_context():
    with create_app({"PHYSICIAN_INDEX_ALIAS": "unused-location-box"}).test_request_context():
        yield


def _form(location: str) -> SearchForm:
    form = SearchForm(MultiDict([("q", "cardiologist"), ("location", location)]))
    assert form.validate(), form.errors
    return form


def test_la_in_the_box_is_louisiana_first_with_los_angeles_beside_it(request_context):
    form = _form("LA")
    assert form.place.label == "Louisiana"
    assert [p.label for p in form.place_choices] == ["Louisiana", "Los Angeles, CA"]


def test_a_state_code_that_is_no_nickname_has_no_choices(request_context):
    form = _form("CT")
    assert form.place.label == "Connecticut" and form.place_choices == ()
