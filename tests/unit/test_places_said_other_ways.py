"""Places as people type them besides "City, ST": an area code ("in the 617 area"), a
letterhead's short forms ("Long Bch", "Spfld MA", "N Hollywood", "Cuyahoga Cty") and an
airport, a base or a region by its everyday name ("near logan airport", "inland empire")
(understanding/places.py, geography/gazetteer.py, place_nicknames in data/lexicon.json)."""

from __future__ import annotations

import pytest

from app.events.documents import coarse_location
from directory.geography import area_code_place, city_place, miles_between
from directory.understanding import interpret


def _place(text: str):
    reading = interpret(text)
    assert reading.location is not None, reading.parts
    assert not reading.unplaced, reading.unplaced
    return reading.location.place


@pytest.mark.parametrize(
    ("text", "code", "city"),
    [
        ("hemorrhoid surgeon in the 617 area", "617", "Boston, MA"),
        ("bad acne dermatologist in the 818", "818", "Glendale, CA"),
        ("cardiologist area code 404", "404", "Atlanta, GA"),
        ("pcp 216 area code", "216", "Cleveland, OH"),
    ],
)
def test_an_area_code_said_as_a_place_is_the_place_it_serves(text, code, city):
    """ "617" had been left unread and the search had run nationwide."""
    place = _place(text)
    assert place.label == f"area code {code} ({city})"
    assert place.kind == "area code"
    town = city_place(*city.split(", "))
    assert miles_between(place.point, town.point) < 25


@pytest.mark.parametrize(
    "text", ["the 617", "back pain in the 500 block", "ldl 130", "call 617 555 0100"]
)
def test_a_number_not_said_as_an_area_is_no_place(text):
    assert interpret(text).location is None


def test_an_area_code_is_recorded_only_as_coarsely_as_it_is():
    assert coarse_location(area_code_place("617")) == (
        "area code 617 (Boston, MA)",
        "area code",
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("ENT Long Bch accepting new", "Long Beach, CA"),
        ("audiology referral hearing loss, Spfld MA", "Springfield, MA"),
        ("sleep apnea doctor chgo", "Chicago, IL"),
        ("dermatologist n hollywood", "North Hollywood, CA"),
        ("cardiologist w hartford", "West Hartford, CT"),
        ("ophtho referral Orange Cty CA", "Orange County, CA"),
        ("nephrology, pt lives Cuyahoga Cty", "Cuyahoga County, OH"),
        ("ob in gwinnett co ga", "Gwinnett County, GA"),
    ],
)
def test_a_letterheads_short_forms_are_the_place(text, label):
    assert _place(text).label == label


@pytest.mark.parametrize(
    "text", ["e coli infection", "vitamin d deficiency", "s/p knee replacement", "w/u anemia"]
)
def test_a_compass_letter_alone_is_no_place(text):
    assert interpret(text).location is None


def test_a_towns_name_is_spelled_out_where_some_zips_cut_it():
    assert city_place("east los angeles", "CA").label == "East Los Angeles, CA"


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("kidney dr near logan airport", "Boston, MA"),  # had been Logan, UT: nobody
        ("pcp tricare near dobbins afb", "Marietta, GA"),  # had been Dobbins, CA
        ("pulm referral COPD near Hartsfield airport", "Atlanta, GA"),
        ("female obgyn near ohare, BCBS", "Chicago, IL"),  # had been "near here"
        ("skin rash doctor near LAX", "Los Angeles, CA"),
        ("pregnant and need a doctor in the inland empire", "Riverside, CA"),
        ("hepatology referral cirrhosis chicagoland", "Chicago, IL"),
        ("vascular surgery PAD referral, greater Providence", "Providence, RI"),
        ("metro boston dermatologist", "Boston, MA"),
    ],
)
def test_an_airport_a_base_or_a_region_is_searched_where_it_is(text, near):
    place = _place(text)
    assert miles_between(place.point, city_place(*near.split(", ")).point) < 20


def test_a_nickname_does_not_take_its_words_elsewhere():
    assert interpret("lax ligaments in my ankle").location is None
    assert interpret("greater trochanteric pain syndrome").location is None
    assert interpret("obgyn near here").location.near_me


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("cardiologist in gwinnett", "Gwinnett County, GA"),  # not Winnett, MT
        ("pediatrician near cuyahoga", "Cuyahoga County, OH"),
        ("gwinnett ga foot doctor", "Gwinnett County, GA"),
    ],
)
def test_a_county_said_without_its_word_is_the_county(text, label):
    place = _place(text)
    assert (place.label, place.kind) == (label, "county")


@pytest.mark.parametrize("text", ["dermatologist in lake", "in orange pediatrician"])
def test_an_everyday_word_a_county_is_named_stays_no_county(text):
    reading = interpret(text)
    assert reading.location is None or reading.location.place.kind != "county"
