"""A child said by school or by what the child is doing is the patient.

"my daughter cant sit still in class teacher says adhd" listed adult psychiatrists: a son or
daughter is not always a child, but one in class or with a teacher is. "toddler pulling at
ear crying at night" dropped the toddler, as if "toddler pulling" were a word we did not
know ("baby boomer")."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PEDIATRICS = "208000000X"


def for_a_child(text: str) -> bool:
    understood = interpret(text)
    return any(p.kind == "specialty" and PEDIATRICS in p.codes for p in understood.parts)


@pytest.mark.parametrize(
    "text",
    [
        "my son keeps getting in trouble at school for adhd",
        "my daughter has headaches in class",
        "his teacher says my son might have adhd",
        "my daughter in kindergarten wets the bed",
        "toddler pulling at his ear",
        "baby crying and pulling at ears",
    ],
)
def test_the_child_is_the_patient(text):
    assert for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    "text",
    ["my son is a teacher and has adhd", "my son 25 has asthma", "baby boomer back pain"],
)
def test_a_grown_son_or_an_unknown_compound_is_no_child(text):
    assert not for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        ("infant reflux gi specialist", "207RG0100X"),
        ("toddler eczema dermatologist", "207N00000X"),
        ("kid with asthma lung doctor", "207RP1001X"),
    ],
)
def test_a_child_named_apart_from_an_adults_specialty_typed_is_the_patient(text, typed):
    """'infant reflux gi specialist' listed adult gastroenterologists with the infant
    dropped: the specialty typed stays asked, and the child is the patient (those who see
    children first)."""
    understood = interpret(text)
    assert for_a_child(text), [(p.kind, p.label) for p in understood.parts]
    assert any(typed in p.codes for p in understood.parts if p.kind == "specialty")
    assert understood.patient_age is not None and understood.patient_age < 18


@pytest.mark.parametrize(
    "text",
    [
        "my son failed the eye test at school",
        "daughter got flagged for scoliosis at school screening",
        "my daughter has headaches in class",
    ],
)
def test_a_son_at_school_is_who_the_care_is_for_not_the_pediatrician_asked(text):
    """'my son failed the eye test at school' had searched pediatricians for the failed
    screening: the word 'son' was read as a pediatrician asked for, where 'my kid' is the
    patient (Part.is_the_patient); the eye doctors who see children lead."""
    understood = interpret(text)
    pediatrician = [p for p in understood.parts if p.kind == "specialty" and PEDIATRICS in p.codes]
    assert pediatrician and all(p.is_the_patient for p in pediatrician)


@pytest.mark.parametrize(
    "text",
    [
        "my son fainted at basketball practice",
        "my daughter gets short of breath running in gym class",
        "my sons asthma inhaler ran out and his pediatrician retired",
        "my daughter in middle school has stomach aches every morning",
    ],
)
def test_a_son_at_practice_or_with_a_pediatrician_is_a_child(text):
    """'my son fainted at basketball practice' listed adult cardiologists and 'his
    pediatrician retired' adult pulmonologists: what children do, and their own
    pediatrician, say the son is a child."""
    assert for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    "text",
    [
        "my son plays on a mens basketball team and hurt his knee",
        "my son is 30 and has asthma",
        "my daughter and her husband both have the flu",
        "my son got blown up by an ied and now has memory problems",
    ],
)
def test_a_grown_sons_team_is_no_child(text):
    assert not for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    "text",
    ["my son has asthma", "my daughter has migraines", "my son has adhd need meds managed"],
)
def test_a_parents_son_or_daughter_is_a_child(text):
    """Of 92 blind probe queries with 'my son' or 'my daughter' and no age or sign of a
    grown one, the judges wanted children's care for 69: 'my son has asthma who should he
    see in houston' had listed adult pulmonologists."""
    assert for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    "text",
    [
        "my son needs a vasectomy",
        "my daughter had a miscarriage",
        "my daughter needs a mammogram",
        "my son has prostate problems",
        "my daughter had a baby and is so depressed she wont get out of bed",
        "my daughter is breastfeeding and has mastitis",
    ],
)
def test_a_need_of_grown_life_says_the_son_or_daughter_is_grown(text):
    """An 8-year-old's pediatrician had been read beside a vasectomy."""
    assert not for_a_child(text), [(p.kind, p.label) for p in interpret(text).parts]
