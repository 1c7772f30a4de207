"""A man's body (understanding/men.py): a place both sexes have, said of a man."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

UROLOGY, GYNECOLOGY = "208800000X", "207V00000X"


def _codes(text: str) -> set[str]:
    return {c for p in interpret(text).parts if p.kind == "body_part" for c in p.codes}


@pytest.mark.parametrize(
    "text",
    [
        "my husband has a rash down there",
        "he has itching down there",
        "itching down there, im a guy",
        "my son has a rash on his privates",
        "67 M pain down there",
        "mi esposo tiene comezón ahí abajo en sus partes privadas",
    ],
)
def test_down_there_said_of_a_man_is_a_urologists_need(text):
    """'my husband has a rash down there' listed gynecologists."""
    codes = _codes(text)
    assert UROLOGY in codes and GYNECOLOGY not in codes


@pytest.mark.parametrize(
    "text",
    ["itching down there", "my daughter has pain down there", "itchy privates"],
)
def test_down_there_said_of_a_woman_or_nobody_stays_a_gynecologists(text):
    assert GYNECOLOGY in _codes(text)


@pytest.mark.parametrize(
    "text",
    ["male doctor for itching down there", "my husband and daughter, pain down there"],
)
def test_a_male_physician_asked_for_or_both_sexes_say_nothing_of_the_patient(text):
    assert GYNECOLOGY in _codes(text)


@pytest.mark.parametrize("text", ["penis pain", "bump on my penis", "foreskin swollen"])
def test_a_mans_own_parts_are_a_urologists(text):
    """'penis pain' listed pain management doctors: the word was not read."""
    assert UROLOGY in _codes(text)
    assert not interpret(text).unplaced


def test_a_word_for_the_patients_sex_is_said_of_them_not_a_town():
    """'im a guy' had searched Guy, TX."""
    reading = interpret("itching down there, im a guy")
    assert reading.location is None and not reading.unplaced


@pytest.mark.parametrize(
    ("text", "a_man"),
    [
        ("my son is 15 and his acne is really bad", True),
        ("72M with new onset hair loss", True),
        ("my husband's rash", True),
        ("my doctor said he thinks it's endometriosis", False),  # he: the doctor
        ("my son and my daughter both have acne", False),
        ("acne", False),
    ],
)
def test_a_man_is_the_patient_when_a_noun_or_a_referrals_letter_says_so(text, a_man):
    assert interpret(text).a_man is a_man


@pytest.mark.parametrize(
    "text",
    ["man with swollen breasts", "my husbands breasts are getting bigger", "45 M breast swelling"],
)
def test_a_mans_breasts_are_gynecomastias_not_a_gynecologists(text):
    """'man with swollen breasts' listed three OB/GYNs: a man's breast is the
    endocrinologist's and the surgeon's (gynecomastia)."""
    parts = [p for p in interpret(text).parts if p.kind == "body_part"]
    assert parts and all("gynecomastia" in p.ids for p in parts), parts
    assert GYNECOLOGY not in _codes(text) and "207RE0101X" in _codes(text)


@pytest.mark.parametrize("text", ["swollen breasts", "my wife has breast pain"])
def test_a_womans_breasts_stay_a_gynecologists(text):
    assert GYNECOLOGY in _codes(text)


def test_a_boys_breasts_stay_the_childs_need():
    """Breasts developing in a boy of 14 are puberty's, the pediatrician's (the child's
    body part, in_boys), not a grown man's gynecomastia and its surgeons."""
    parts = interpret("my son is 14 and is developing breasts").parts
    assert not any("gynecomastia" in p.ids for p in parts)
    assert any(p.is_the_patient for p in parts)
