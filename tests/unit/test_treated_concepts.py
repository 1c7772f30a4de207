"""A "<condition> doctor" is a doctor who treats it (directory/understanding/treats.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def test_the_specialty_and_the_condition_it_names_are_both_read():
    (part,) = interpret("sleep apnea doctor").parts
    assert (part.kind, part.label) == ("specialty", "Sleep medicine doctor")
    assert (part.treats.kind, part.treats.label) == ("condition", "Sleep Apnea")
    assert part.treats.span == part.span


@pytest.mark.parametrize(
    ("text", "heading", "concepts"),
    [
        ("sleep apnea doctor", "Sleep medicine doctors for sleep apnea", ("sleep-apnea",)),
        ("kidney stone doctor", "Urologists for kidney stones", ("kidney-stones",)),
        (
            "knee replacement surgeon",
            "Joint replacement surgeons for knee replacement",
            ("knee-replacement",),
        ),
    ],
)
def test_the_heading_says_both_and_the_condition_is_searched(text, heading, concepts):
    understood = interpret(text)
    assert understood.describe() == heading
    assert understood.concept_ids == concepts


@pytest.mark.parametrize("text", ["retina specialist", "sleep medicine doctor", "spine surgeon"])
def test_a_specialty_that_names_no_condition_names_none(text):
    (part,) = interpret(text).parts
    assert part.kind == "specialty" and part.treats is None


@pytest.mark.parametrize(
    ("text", "specialist", "heading"),
    [
        ("lupus specialist", "Rheumatologist", "Rheumatologists for lupus"),
        ("acne doctor", "Dermatologist", "Dermatologists for acne"),
        ("gout doctor", "Rheumatologist", "Rheumatologists for gout"),
        # Primary care is listed first for high blood pressure: the specialist is not it.
        ("high blood pressure doctor", "Cardiologist", None),
    ],
)
def test_a_condition_and_a_doctor_word_is_the_conditions_specialist(text, specialist, heading):
    """'lupus specialist' read as lupus alone listed nephrologists and dermatologists level
    with the rheumatologists people mean; now the condition's first specialist (never
    primary care) leads and the condition is still searched, so the others follow."""
    (part,) = interpret(text).parts
    assert (part.kind, part.label) == ("specialty", specialist)
    assert part.treats is not None and part.treats.kind == "condition"
    if heading:
        assert interpret(text).describe() == heading


def test_a_childs_condition_doctor_stays_the_condition_beside_a_pediatrician():
    kinds = [(p.kind, p.label) for p in interpret("asthma doctor for my kid").parts]
    assert kinds == [("condition", "Asthma"), ("specialty", "Pediatrician")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A specialist is asked past the pediatrician the child's need is first listed with.
        ("bedwetting specialist", "Pediatric urologist"),
        ("enuresis specialist near atlanta", "Pediatric urologist"),
        # A doctor for it may be the pediatrician.
        ("bedwetting doctor", "Pediatrician"),
    ],
)
def test_a_childs_need_specialist_is_past_the_pediatrician(text, label):
    """'bedwetting specialist' had listed pediatricians, whom the parent has seen already;
    the map's pediatric urologists now lead and the pediatricians follow."""
    (part,) = interpret(text).of_kind("specialty")
    assert part.label == label and part.treats is not None


@pytest.mark.parametrize(
    ("text", "concept"),
    [("wound clinic fall river ma", "chronic-wounds"), ("tinnitus clinic", "tinnitus")],
)
def test_a_clinic_for_a_need_others_lead_is_the_need_not_its_first_physician(text, concept):
    """ "wound clinic" had read vascular surgeons alone: the first physician of a map that
    lists podiatrists first. A clinic is where everyone who treats the need works."""
    reading = interpret(text)
    assert [p.kind for p in reading.parts if p.kind != "location"] == ["condition"]
    assert reading.concept_ids == (concept,)


@pytest.mark.parametrize(
    ("text", "specialist"),
    [("memory clinic", "Neurologist"), ("std clinic", "Infectious disease specialist")],
)
def test_a_clinic_or_doctor_for_a_need_physicians_lead_is_its_specialist(text, specialist):
    (part,) = interpret(text).parts
    assert (part.kind, part.label) == ("specialty", specialist)
