"""A phrase typed in the singular where the vocabulary wrote the plural, and a surname that
is one letter from a body part (directory/understanding/term_table.py, parse.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("eating disorder teen daughter", "eating-disorders"),
        ("irregular period", "abnormal-uterine-bleeding"),
        ("gall stone", "gallstones"),
        ("swallowing problem", "dysphagia"),
        ("sexually transmitted infection", "sexually-transmitted-infections"),
    ],
)
def test_a_phrase_in_the_singular_is_the_plurals_concept(text, concept):
    """'eating disorder' read as a generic "problems" and listed every specialty."""
    reading = interpret(text)
    assert concept in reading.concept_ids, (text, reading.parts)
    assert not reading.unplaced


def test_a_body_parts_plural_keeps_its_meaning():
    """Both ankles swollen is edema (a heart's or a vein's); one is the ankle's own."""
    assert interpret("swollen ankles").concept_ids == ("leg-swelling",)
    assert interpret("my ankle swells").of_kind("body_part")


def test_a_common_surname_is_not_read_as_the_body_part_a_letter_away():
    """'jones chiropractic' listed chiropractors "for bones problems"."""
    reading = interpret("jones chiropractic")
    assert not reading.of_kind("body_part") and reading.specialty_codes == ("111N00000X",)
    assert [w.text for w in reading.unplaced] == ["jones"]  # the name searched
    assert interpret("siatica").concept_ids == ("sciatica",)  # a typo is still read


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sleep disorder", "207RS0012X"),
        ("mood disorder", "2084P0800X"),
        ("autoimmune disease", "207RR0500X"),
    ],
)
def test_a_kind_of_disorder_is_its_specialist(text, code):
    assert code in interpret(text).specialty_codes, text
