"""A word that names a lesion by where it is ("ulcer", "stone") keeps that place."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    "text",
    [
        "venous stasis ulcer",
        "venous ulcers",
        "stasis ulcer",
        "wound care for venous stasis ulcer hartford",
    ],
)
def test_an_ulcer_of_the_legs_veins_is_a_venous_ulcer(text):
    """The vascular surgeon's before the podiatrist's: not a diabetic foot's wound."""
    understood = interpret(text)
    assert "venous-leg-ulcers" in understood.concept_ids
    assert set(understood.concept_ids) <= {"venous-leg-ulcers", "chronic-wounds"}  # "wound care"
    assert not understood.unplaced


@pytest.mark.parametrize(
    "text",
    [
        "arterial ulcer",
        "foot ulcer",
        "skin ulcer",
        "hand ulcer",
    ],
)
def test_an_ulcer_of_the_skin_or_legs_is_a_chronic_wound(text):
    understood = interpret(text)
    assert set(understood.concept_ids) == {"chronic-wounds"}
    assert not understood.unplaced


@pytest.mark.parametrize("text", ["decubitus ulcer", "bed sore", "pressure injury on her heel"])
def test_a_sore_from_lying_or_sitting_is_a_pressure_ulcer(text):
    """The wound clinics' and geriatricians', not the diabetic foot's podiatrists first."""
    understood = interpret(text)
    assert set(understood.concept_ids) == {"pressure-ulcers"}
    assert not understood.unplaced


@pytest.mark.parametrize(
    ("text", "body_part"),
    [("eye ulcer", "eye"), ("corneal ulcer", "eye")],  # a mouth ulcer: a mouth sore
)
def test_an_ulcer_of_another_body_system_is_not_a_stomach_ulcer(text, body_part):
    understood = interpret(text)
    assert "peptic-ulcer" not in understood.concept_ids
    assert [p.kind for p in understood.parts] == ["body_part"]
    assert understood.parts[0].text == text


@pytest.mark.parametrize(
    "text", ["ulcer", "stomach ulcer", "duodenal ulcer", "ulcer in my stomach", "bleeding ulcer"]
)
def test_an_ulcer_of_the_gut_stays_a_stomach_ulcer(text):
    assert interpret(text).concept_ids == ("peptic-ulcer",)


@pytest.mark.parametrize(
    ("text", "concept"),
    [("bile duct stones", "gallstones"), ("kidney stones", "kidney-stones")],
)
def test_a_stone_is_the_stone_of_its_organ(text, concept):
    assert interpret(text).concept_ids == (concept,)


@pytest.mark.parametrize(
    ("text", "concept"),
    [("knee arthritis", "knee-osteoarthritis"), ("foot neuropathy", "peripheral-neuropathy")],
)
def test_a_condition_beside_a_body_part_still_absorbs_it(text, concept):
    assert interpret(text).concept_ids == (concept,)
