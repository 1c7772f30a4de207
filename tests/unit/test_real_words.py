"""A word people spell right is never "corrected" into another concept (understanding/typos)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def labels(text: str) -> list[str]:
    return [part.label for part in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("vasectomy", "Breast Cancer Surgery (Lumpectomy and Mastectomy)"),
        ("mole changed color", "Colon problems"),
    ],
)
def test_an_everyday_word_is_not_read_as_a_look_alike_term(text, not_meant):
    assert not_meant not in labels(text)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("siatica", "Sciatica"),
        ("migrane", "Migraine"),
        ("dermatoligist", "Dermatologist"),
        ("sholder pain", "Shoulder pain"),
        ("hedache", "Headaches"),
    ],
)
def test_misspellings_are_still_corrected(typed, meant):
    assert labels(typed) == [meant]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nefrologist", "207RN0300X"),  # one slip from "neurologist", but said as "neph..."
        ("nefrology", "207RN0300X"),
    ],
)
def test_f_written_for_ph_is_the_word_said(typed, meant):
    assert interpret(typed).specialty_codes == (meant,)


@pytest.mark.parametrize(("typed", "concept"), [("emfysema", "copd")])
def test_f_written_for_ph_in_a_condition_is_the_condition(typed, concept):
    assert concept in interpret(typed).concept_ids


@pytest.mark.parametrize("typed", ["fever", "fibro", "food allergy"])
def test_words_spelled_with_f_keep_their_reading(typed):
    assert interpret(typed).concept_ids
