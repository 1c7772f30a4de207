"""Findings on a scan or a lab, rehabilitation and limb loss, care wanted this week and
mental health told in lay words: blind probes 404-411 found these unread or misread."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def read(text: str) -> set[str]:
    """The concepts the text is read as, a specialty named by a need's included."""
    parts = interpret(text).parts
    return {i for p in parts for i in p.ids} | {i for p in parts if p.treats for i in p.treats.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # findings
        ("the ct said my spleen is enlarged", "splenomegaly"),
        ("hepatomegaly on ultrasound", "hepatomegaly"),
        ("chiari 1 malformation", "chiari-malformation"),
        ("bosniak 3 cyst on my kidney", "kidney-cyst"),
        ("enlarged lymph nodes in my chest on CT", "mediastinal-lymphadenopathy"),
        ("spot on my chest x-ray", "lung-nodule"),
        # rehabilitation and limb loss
        ("my dad needs a prosthetic leg after his amputation", "limb-loss-and-prosthetics"),
        ("below knee amputee, socket rubbing", "limb-loss-and-prosthetics"),
        ("trouble swallowing since the stroke", "oropharyngeal-dysphagia"),
        ("spasticity after a brain injury", "spasticity"),
        ("deconditioning after a long hospital stay", "deconditioning"),
        ("rehab after hip replacement", "joint-replacement-aftercare"),
        # care this week
        ("impetigo on my toddlers face", "impetigo"),
        ("poison oak rash on both arms", "poison-ivy"),
        ("small burn from the stove", "minor-burns"),
        ("my new nose piercing is infected", "infected-piercing"),
        ("dog bite cleaning", "animal-bite"),
        # the mind
        ("i pull out my eyebrows and cant stop", "body-focused-repetitive-behaviors"),
        (
            "obsessed with a flaw in my nose nobody else sees, body dysmorphia",
            "body-dysmorphic-disorder",
        ),
        ("borderline personality", "borderline-personality-disorder"),
    ],
)
def test_the_need_is_read(text, concept):
    assert concept in read(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("burn on my arm from cooking oil blistering bad", "burn-injuries"),
        ("physical therapy after knee replacement", "physical-therapy"),
        ("my blood pressure was high at the pharmacy", "hypertension"),
    ],
)
def test_a_nearby_need_keeps_its_reading(text, kept):
    assert kept in read(text)


def test_where_a_reading_was_taken_is_not_the_need():
    """'blood pressure was high at the dentist' listed dentists."""
    parts = interpret("blood pressure was high at the dentist").parts
    assert not [p for p in parts if p.kind == "specialty"]
