"""A patient grown out of children's care: the children's specialist named is who they had,
the adults' counterpart who they need (understanding/grown_up.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.understanding.hospitals import Hospitals

PEDIATRICIAN, PEDIATRIC_PULMONOLOGIST = "208000000X", "2080P0214X"
PULMONOLOGIST, FAMILY, INTERNIST = "207RP1001X", "207Q00000X", "207R00000X"


@pytest.mark.parametrize(
    ("text", "wanted", "had"),
    [
        # had listed ten pediatricians
        (
            "my son has autism and just turned 18, his pediatrician says he needs an adult "
            "doctor now",
            {FAMILY, INTERNIST},
            PEDIATRICIAN,
        ),
        # had listed ten pediatricians for "the kids pulmonologist"
        (
            "my cf son is 19 and cant see the kids pulmonologist anymore",
            {PULMONOLOGIST},
            PEDIATRIC_PULMONOLOGIST,
        ),
        ("daughter aged out of her pediatrician, needs a new doctor", {FAMILY}, PEDIATRICIAN),
        ("too old for the pediatric pulmonologist now", {PULMONOLOGIST}, PEDIATRIC_PULMONOLOGIST),
    ],
)
def test_a_grown_patient_needs_the_adults_counterpart(text, wanted, had):
    reading = interpret(text)
    assert wanted <= set(reading.specialty_codes)
    assert had not in reading.specialty_codes
    assert reading.an_adult


def test_where_they_were_is_no_hospital_asked_for():
    """'aged out of the childrens hospital' had filtered to two children's hospitals."""
    hospitals = Hospitals.of(["Texas Children's Hospital", "Children's Hospital Los Angeles"])
    left = "my son with sickle cell aged out of the childrens hospital"
    assert "hospital" not in interpret(left, hospitals=hospitals).filters
    asked = "texas childrens hospital pediatric cardiologist"
    assert "hospital" in interpret(asked, hospitals=hospitals).filters


@pytest.mark.parametrize(
    "text",
    [
        "my sons asthma inhaler ran out and his pediatrician retired",
        "pediatric cardiologist for my 5 year old",
        "kids pulmonologist for my 8 year old",
    ],
)
def test_a_child_still_in_childrens_care_keeps_it(text):
    reading = interpret(text)
    assert not reading.an_adult
    assert {PEDIATRICIAN, PEDIATRIC_PULMONOLOGIST, "2080P0202X"} & set(reading.specialty_codes)
