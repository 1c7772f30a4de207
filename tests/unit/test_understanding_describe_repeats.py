"""The sentence describing a search names each thing once (understanding/describe.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("ob referral new OB", "Obstetricians"),
        ("derm consult for acne, derm", "Dermatologists for acne"),
        ("knee pain ortho knee pain", "Orthopedic surgeons for knee pain"),
        ("sciatica referral, sciatica", "Physicians for sciatica"),
    ],
)
def test_a_specialty_or_condition_typed_twice_is_named_once(text, said):
    assert interpret(text).describe() == said


def test_two_different_specialties_are_both_named():
    assert interpret("ortho and PT").describe() == "Orthopedic surgeons and physical therapists"


def test_a_language_keeps_its_capital_inside_a_sentence():
    from directory.understanding.describe import mid_sentence

    said = "Haitian Creole-speaking physicians"
    assert mid_sentence(said) == said
    assert mid_sentence("Korean-speaking primary care doctors").startswith("Korean")
    assert mid_sentence("Endocrinologists near Houston, TX") == "endocrinologists near Houston, TX"
