"""Words a phone's speech-to-text splits apart are the term they sound like
(directory/understanding/candidates._heard_apart, typos.heard_as)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PULMONOLOGY, GASTROENTEROLOGY = "207RP1001X", "207RG0100X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("cat aracts surgery doctor in Chicago", "cataract-surgery"),
        ("sleep app nia doctor near me who takes blue cross", "sleep-apnea"),
        ("rotater cuf surgery doctor", "rotator-cuff-repair"),
        ("my son is seven and the teacher thinks he has a d h d", "adhd"),
        ("I've got C O P D I need a lung doctor", "copd"),
        ("torn a c l in Chicago", "acl-tear"),
        ("need someone for her nia repair", "hernia-repair"),
    ],
)
def test_a_term_split_apart_is_read(text, concept):
    """Each had read nothing (or less): a dictated query found primary care doctors."""
    assert concept in interpret(text).concept_ids, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my doctor found a spot on my lung and wants me to see a pull monologist", PULMONOLOGY),
        ("G I referral for crohns flare", GASTROENTEROLOGY),
    ],
)
def test_a_specialist_split_apart_is_read(text, code):
    """'pull monologist' had read 'monologist' as a medical oncologist."""
    assert code in interpret(text).specialty_codes, text


def test_an_insurer_split_apart_is_read():
    filters = interpret("dermatologist for acne, they have try care").filters
    assert filters.get("insurance") == ("Tricare",)


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("dermatologist for skin cancer screening", "foreskin"),  # "for skin"
        ("my mom takes 14 pills can someone review her meds", "hemorrhoids"),  # "her meds"
        ("korean speaking doctor for my appa, he has diabetes", "myopia"),  # "my appa"
        ("fu ke doctor woman, speak putonghua", "pediatrics"),  # pinyin: gynaecology
    ],
)
def test_everyday_words_side_by_side_stay_apart(text, not_read):
    """English words are meant as typed, and short words are no half of a term."""
    read = interpret(text)
    said = " ".join((*read.concept_ids, *(p.label.lower() for p in read.parts)))
    assert not_read not in said, (text, said)
