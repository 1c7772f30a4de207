"""A specialty typed beside a need that nobody of that specialty answers: the page says so."""

from __future__ import annotations

from types import SimpleNamespace

from app.search.params import SearchParams
from app.search.results import SpecialtyLabel
from app.search.suggestions import others_who_treat
from directory.geography import city_place
from directory.understanding import interpret

ATLANTA = city_place("Atlanta", "GA")


def hits(*codes: str) -> tuple:
    return tuple(SimpleNamespace(specialties=(SpecialtyLabel(c, c, True),)) for c in codes)


def test_family_doctors_under_an_infectious_disease_heading_are_said_to_be_others():
    """'HIV care infectious disease' near Atlanta listed family doctors under the heading
    'Infectious disease specialists for HIV and AIDS', with no word that none were found."""
    reading = interpret("HIV care infectious disease")
    found = others_who_treat(reading, hits("207Q00000X", "207R00000X"), SearchParams(place=ATLANTA))
    assert [(s.kind, s.message) for s in found] == [
        (
            "broadened",
            "No infectious disease specialists found near Atlanta, GA, "
            "so these are others who treat HIV and AIDS",
        )
    ]


def test_nothing_is_said_when_the_specialty_typed_is_on_the_page():
    reading = interpret("HIV care infectious disease")
    assert others_who_treat(reading, hits("207Q00000X", "207RI0200X"), SearchParams()) == ()


def test_nothing_is_said_on_later_pages_or_without_a_need():
    reading = interpret("HIV care infectious disease")
    assert others_who_treat(reading, hits("207Q00000X"), SearchParams(page=2)) == ()
    assert (
        others_who_treat(interpret("infectious disease"), hits("207Q00000X"), SearchParams()) == ()
    )


def test_nothing_is_said_when_a_preferred_filter_may_have_put_others_first():
    """'hem onc that sees sickle cell patients new patient' said no hematologist-oncologists
    were found: there are, but those accepting new patients rank first, and none of them
    was a hematologist-oncologist."""
    reading = interpret("hem onc that sees sickle cell patients new patient")
    assert any(p.preferred for p in reading.parts)
    assert others_who_treat(reading, hits("207RX0202X"), SearchParams()) == ()
