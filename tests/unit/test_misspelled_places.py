"""A misspelled city is read as the one it clearly means, in the location box and in the
words ("Chicgo", "urologist houstin tx"); when two names are as close and neither clearly
bigger, nothing is guessed (directory/geography/reading.py, understanding/places.py)."""

from __future__ import annotations

import pytest

from app.search.suggestions import _reads_as_town
from directory.geography import big_city_a_slip_from, meant_place
from directory.understanding import interpret, lexicon_for
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Chicgo", "Chicago, IL"),  # not Chico, CA: one slip from both, 14x the ZIPs
        ("Houstin", "Houston, TX"),
        ("Worchester, MA", "Worcester, MA"),  # not Dorchester, MA
        ("Providance, RI", "Providence, RI"),
        ("Cincinatti", "Cincinnati, OH"),  # two slips in a long name
        ("Chciago", "Chicago, IL"),  # two letters swapped
        ("dalas tx", "Dallas, TX"),
        ("Beverly Hils", "Beverly Hills, CA"),  # of the towns of the name, the biggest
        # spelled as they sound: two and three slips, in the location box
        ("Hueston, TX", "Houston, TX"),
        ("Alferetta GA", "Alpharetta, GA"),
        ("Sinsinati", "Cincinnati, OH"),  # not Sinsinawa, WI, two slips away
        ("Hartfrdd, CT", "Hartford, CT"),
    ],
)
def test_a_slip_of_a_city_is_the_city_clearly_meant(typed, meant):
    place = meant_place(typed)
    assert place is not None and place.label == meant


@pytest.mark.parametrize(
    "typed",
    [
        "Columbis",  # Columbus or Columbia: neither clearly bigger
        "Pittsburg",  # a town of its own (KS, CA), not a slip of Pittsburgh
        "Paris, France",  # no state of ours after the comma
        "Bostn, XX",
        "Mary",  # too short to guess from
        "Hartfxxd, CT",  # two slips in a short name, sounding otherwise: offered, not searched
        "Koreatown LA",  # a neighbourhood, not Gretna, LA (one sound, far in letters)
    ],
)
def test_no_guess_when_the_place_is_not_clear(typed):
    assert meant_place(typed) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("urologist in chicgo", "Chicago, IL"),
        ("urologist houstin tx", "Houston, TX"),
        ("knee doctor near worchester ma", "Worcester, MA"),
        ("cardiologist near san antonoi", "San Antonio, TX"),
        ("cardiologist chicgo", "Chicago, IL"),  # a big city typed last, after the ask
        # the slip after a word many towns begin with: "new britian" had been "britian"
        ("ortho in new britian", "New Britain, CT"),
        ("ortho new britian ct", "New Britain, CT"),
    ],
)
def test_a_misspelled_city_where_the_words_say_a_place_is(text, place):
    reading = interpret(text)
    assert reading.location is not None and reading.location.place.label == place
    assert not reading.unplaced


@pytest.mark.parametrize(
    "text",
    [
        "back pain in agony",  # an English word after a cue is no town
        "knee pain near Hartford, CT",  # "near hartford" is no slip of New Hartford
        "chicgo cardiologist",  # no cue, no state, not typed last: not said to be a place
        "dr chicgo",  # a name
        "new onset seizures",  # a word many towns begin with, then an everyday word
    ],
)
def test_words_not_said_to_be_a_place_stay_words(text):
    reading = interpret(text)
    place = reading.location.place.label if reading.location and reading.location.place else None
    assert place in (None, "Hartford, CT")


def test_a_surname_one_slip_from_a_town_is_no_town_typed_last():
    """'Dr. Soucier', found nowhere, had been searched again near Saucier, MS."""
    lexicon = lexicon_for(default_vocabulary())
    assert not _reads_as_town("doctor near soucier", "soucier", lexicon)
    assert _reads_as_town("doctor near providence", "providence", lexicon)


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("huston", "Houston, TX"),  # Huston, ID: one ZIP
        ("pittsburg", "Pittsburgh, PA"),  # every Pittsburg a hamlet
        ("phenix", "Phoenix, AZ"),
        ("ashville", None),  # Nashville, TN or Asheville, NC: a town in its own right
        ("hartford", None),  # a city, no slip
        ("ruston", None),  # Ruston, LA is a town, though one slip from Houston
    ],
)
def test_a_hamlets_name_may_be_a_slip_of_a_big_city(name, city):
    meant = big_city_a_slip_from(name, 20)
    assert (meant.label if meant else None) == city


def test_a_word_one_slip_from_a_top_results_surname_is_that_name_not_from_a_first_name():
    """'huston' found the Houstons: their name, not Huston, ID. 'annualphysical dr akron'
    is still Akron, OH, though a top result's first name is Aaron."""
    from app.search.suggestions import _in_a_name

    assert _in_a_name("huston", {"mary", "houston"})
    assert not _in_a_name("akron", {"aaron", "smith"})
