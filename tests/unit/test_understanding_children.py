"""A child's specialist: a child word next to a specialty reads as its children's counterpart
(directory/understanding/children.py, ``children`` in data/specialties.json)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret, lexicon_for
from directory.vocabulary import default_vocabulary

PEDIATRIC_ALLERGY, PEDIATRICS = "2080P0201X", "208000000X"


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_for(default_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "kids allergist",
        "children's allergist",
        "pediatric allergist",
        "peds allergy doctor",
        "allergist for kids",
        "allergist for my kids",
        "my kid's allergist",
        "allergist for our baby",
    ],
)
def test_a_child_word_next_to_a_specialty_asks_for_its_childrens_counterpart(text, lexicon):
    (part,) = interpret(text, lexicon=lexicon).parts
    assert (part.kind, part.ids, part.text) == ("specialty", (PEDIATRIC_ALLERGY,), text)
    assert part.label == "Pediatric allergist"


def test_every_counterpart_reads_back_in_both_word_orders(lexicon):
    specialties = lexicon.vocabulary.specialties
    mapped = [s for s in specialties.values() if s.children]
    assert len(mapped) >= 20
    for specialty in mapped:
        for text in (f"kids {specialty.lay_name}", f"{specialty.lay_name} for my child"):
            parts = interpret(text, lexicon=lexicon).parts
            assert [p.ids for p in parts] == [specialty.children], (text, parts)
            assert all(specialties[code].is_physician == specialty.is_physician
                       for code in specialty.children)  # fmt: skip


def test_a_specialty_without_a_childrens_counterpart_keeps_its_reading(lexicon):
    parts = interpret("pediatric neurosurgeon", lexicon=lexicon).parts
    assert [p.ids for p in parts] == [(PEDIATRICS,), ("207T00000X",)]


def test_a_condition_doctor_for_a_child_is_the_childrens_specialist(lexicon):
    parts = interpret("asthma doctor for my kid", lexicon=lexicon).parts
    assert [(p.kind, p.ids[:1]) for p in parts] == [
        ("condition", ("asthma",)),
        ("specialty", ("2080P0214X",)),  # pediatric pulmonology, before pediatric allergy
    ]


def test_a_child_word_elsewhere_in_the_text_does_not_change_the_specialty(lexicon):
    parts = interpret("allergist near kids hospital", lexicon=lexicon).parts
    assert parts[0].ids == ("207K00000X",)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("my daughter has a heart murmur", "2080P0202X"),  # pediatric cardiology
        ("my son keeps getting ear infections", PEDIATRICS),  # primary care's counterpart
        ("toddler with eczema", "207NP0225X"),  # pediatric dermatology
        ("my 6 year old has asthma", "2080P0214X"),
        ("seizures in my baby", "2084N0402X"),  # child neurology
        ("14 yo with migraines", "2084N0402X"),
        ("3yo with type 1 diabetes", "2080P0205X"),
        ("my 8 month old has reflux", "2080P0206X"),
        ("teenager with acne", "207NP0225X"),
        ("teen with scoliosis", PEDIATRICS),  # no counterpart of a spine surgeon: pediatrics
        ("my son's knee hurts", "207XP3100X"),  # a body part's specialists, for a child
    ],
)
def test_a_child_beside_a_condition_reads_as_the_childrens_specialist(text, first, lexicon):
    reading = interpret(text, lexicon=lexicon)
    children = reading.of_kind("specialty")
    assert len(children) == 1 and children[0].ids[0] == first
    assert PEDIATRICS in children[0].codes  # the pediatrician behind the subspecialist
    assert reading.of_kind("condition", "body_part", "symptom")  # the condition still searched
    assert not reading.unplaced


@pytest.mark.parametrize(
    "text", ["my mom has a heart murmur", "adult with asthma", "my 45 year old son has asthma"]
)
def test_an_adult_beside_a_condition_keeps_the_adult_reading(text, lexicon):
    assert not interpret(text, lexicon=lexicon).of_kind("specialty")


def test_a_specialty_typed_beside_a_child_and_a_condition_is_kept(lexicon):
    parts = interpret("dermatologist for my daughter with acne", lexicon=lexicon).parts
    assert [p.ids[0] for p in parts if p.kind == "specialty"] == ["207NP0225X"]
