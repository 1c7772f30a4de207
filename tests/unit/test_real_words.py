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
