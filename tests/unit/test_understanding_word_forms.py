"""Verbs and participles read as the injury their noun form names ("tore my acl" is an ACL
tear): ``word_forms`` in data/lexicon.json."""

from __future__ import annotations

import pytest

from directory.understanding import interpret, lexicon_for
from directory.vocabulary import default_vocabulary


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_for(default_vocabulary())


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tore my acl", "acl-tear"),
        ("I tore my rotator cuff", "rotator-cuff-tear"),
        ("ripped my meniscus", "meniscus-tear"),
        ("rolled my ankle", "ankle-sprain"),
        ("strained my back", "low-back-strain"),
        ("cracked a rib", "rib-fracture"),
        ("dislocated my shoulder", "shoulder-dislocation"),
        ("fractured my wrist", "bone-fracture"),
        ("ruptured achilles", "achilles-tendon-injury"),
    ],
)
def test_an_injury_verb_reads_as_the_injury(text, concept, lexicon):
    reading = interpret(text, lexicon=lexicon)
    assert concept in reading.concept_ids
    assert not reading.unplaced


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("twisted my knee", "Knee injury"),
        ("pulled a hamstring", "Hamstring injury"),
        ("jammed my finger", "Finger injury"),
        ("my ankle swells", "Ankle swelling"),
    ],
)
def test_an_injury_verb_beside_a_body_part_is_that_parts_injury(text, label, lexicon):
    reading = interpret(text, lexicon=lexicon)
    assert [(p.kind, p.label) for p in reading.parts] == [("body_part", label)]
    assert not reading.unplaced


def test_the_vocabulary_own_participle_still_wins(lexicon):
    assert interpret("twisted ankle", lexicon=lexicon).concept_ids == ("ankle-sprain",)
    assert interpret("fractured hip", lexicon=lexicon).concept_ids == ("hip-fracture",)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("hoarse for over a month", "voice-disorders"),
        ("deaf in one ear", "hearing-loss"),
        ("nearsighted", "refractive-errors"),
        ("sleepless most nights", "insomnia"),
    ],
)
def test_an_adjective_reads_as_the_quality_its_noun_names(text, concept, lexicon):
    """'hoarse for over a month, im a smoker' found nobody: the vocabulary says
    "hoarseness", people say they are hoarse."""
    assert concept in interpret(text, lexicon=lexicon).concept_ids


def test_a_word_that_is_a_term_keeps_its_own_meaning(lexicon):
    # "dizzy" is a symptom of its own, not read through "dizziness"
    assert [p.label for p in interpret("dizzy", lexicon=lexicon).parts] == ["Dizziness"]
    assert interpret("nervous stomach", lexicon=lexicon).concept_ids == (
        "irritable-bowel-syndrome",
    )


@pytest.mark.parametrize(
    "text",
    ["someone to help me eat right", "MNT referral", "medical nutrition therapy", "diet help"],
)
def test_nutrition_words_ask_for_a_dietitian(text, lexicon):
    """'someone to help me eat right, doc says im prediabetic' listed family doctors."""
    codes = [c for p in interpret(text, lexicon=lexicon).of_kind("specialty") for c in p.codes]
    assert codes[:1] == ["133V00000X"], text


def test_a_comma_parts_a_condition_from_the_body_part_after_it(lexicon):
    """'tired all the time, thyroid?' read the thyroid into the tiredness and lost it."""
    reading = interpret("tired all the time, thyroid?", lexicon=lexicon)
    assert "Thyroid problems" in [p.label for p in reading.parts]
    # without a break, a condition still absorbs the part it is in
    knee = interpret("arthritis in my knee", lexicon=lexicon)
    assert knee.concept_ids == ("knee-osteoarthritis",)
