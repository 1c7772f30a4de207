"""A cancer in the family is why someone worries, not the need itself: "blood in my stool,
im 45 and my dad had colon cancer" asks about the bleeding (a gastroenterologist), and
had brought cancer surgeons (understanding/ruled_out.family_history)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    return set(interpret(text).concept_ids)


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("blood in my stool, im 45 and my dad had colon cancer", "colon-cancer"),
        ("my mom had breast cancer and i found a lump in my breast", "breast-cancer"),
        ("fhx colon ca, needs screening colonoscopy", "colon-cancer"),
        ("husband up 4 times a night to pee, his brother had prostate cancer", "prostate-cancer"),
    ],
)
def test_a_cancer_in_the_family_steps_aside_for_the_need(text, history):
    found = concepts(text)
    assert found and history not in found


@pytest.mark.parametrize(
    ("text", "cancer"),
    [
        ("family history of breast cancer, what screening do i need", "breast-cancer"),
        ("my dad was just diagnosed with colon cancer", "colon-cancer"),  # the dad's care
        ("my mom has breast cancer", "breast-cancer"),
    ],
)
def test_alone_or_the_relatives_own_the_cancer_is_the_need(text, cancer):
    assert cancer in concepts(text)
