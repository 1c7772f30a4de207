"""The letters after a physician's name typed as the search ("md", "DO", "M.D."): the
kind of clinician wanted, physicians (MD/DO) (directory/understanding/degrees.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PHYSICIANS = {"clinician_type": ("Physician",)}


@pytest.mark.parametrize(
    "text",
    ["md", "MD", "do", "DO", "M.D.", "D.O.", "mds", "MDs", "DOs", "md/do", "MD or DO", "m.d."],
)
def test_a_degree_alone_asks_for_physicians(text):
    reading = interpret(text)
    assert reading.filters == PHYSICIANS
    assert reading.describe() == "Physicians (MD/DO)"
    assert not reading.unplaced and not reading.filler


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("md near boston", "Physicians (MD/DO) near Boston, MA"),
        ("spanish speaking md", "Spanish-speaking physicians (MD/DO)"),
        ("MD accepting new patients", "Physicians (MD/DO) accepting new patients"),
    ],
)
def test_a_degree_beside_a_place_or_filter_keeps_them(text, said):
    assert interpret(text).describe() == said


@pytest.mark.parametrize(
    "text",
    [
        "cardiologist md",  # every cardiologist is a physician: the degree adds nothing
        "what do i do for back pain",  # "do", an everyday word
        "do you take medicaid",
        "DO YOU TAKE MEDICAID",  # a text all in capitals says nothing by its capitals
        "md smithfield",  # a word nothing read may be a name: searched as one
        "doctor",  # a lone "doctor" is primary care (parse._generic_doctor)
        "Baltimore, MD",  # the state
    ],
)
def test_a_degree_beside_a_need_a_name_or_in_a_sentence_is_no_clinician_type(text):
    assert "clinician_type" not in interpret(text).filters
