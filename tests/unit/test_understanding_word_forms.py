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
        ("cracked a rib", "bone-fracture"),
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
        ("dislocated shoulder", "Shoulder injury"),
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
