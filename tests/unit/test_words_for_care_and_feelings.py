"""Blind probes 114 to 121 (children, mental health, skin, older adults): the clinicians
people ask for by what they do, and needs told in the words of a feeling or a milestone."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

THERAPISTS = {"103T00000X", "103TC0700X", "1041C0700X", "101YM0800X", "106H00000X", "101Y00000X"}


@pytest.mark.parametrize(
    "text",
    [
        "counselor lowell ma for depression",
        "grief counselor",
        "ptsd from a car accident need someone to talk to",
        "lost my job feel hopeless and just want to talk to someone",
    ],
)
def test_a_counselor_or_someone_to_talk_to_is_a_therapist(text):
    """'counselor for depression' read the talk-therapy procedure, and psychiatrists and
    family doctors who also treat depression came before the counselors asked for."""
    assert set(interpret(text).specialty_codes) == THERAPISTS


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("LCSW for CBT boston", "1041C0700X"),
        ("social worker", "1041C0700X"),
        ("LMFT", "106H00000X"),
    ],
)
def test_a_licence_or_a_profession_named_is_that_clinician(text, code):
    assert interpret(text).specialty_codes == (code,)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("refer for spravato eval, TRD", "depression"),
        ("i drink every night to fall asleep and want to cut back", "alcohol-use-disorder"),
        ("obsessive thoughts that wont go away", "ocd"),
        ("baby not rolling over at 6 months should we see someone", "developmental-delay"),
        ("peds PT referral toe walking 4yo", "developmental-delay"),
        ("my son got ringworm from wrestling practice katy", "fungal-skin-infection"),
        ("molluscum bumps on my daughter who removes them", "molluscum-contagiosum"),
        ("who prescribes accutane", "acne"),
        ("receding hairline 28 male want to stop it", "hair-loss"),
        ("chemical peel and microneedling", "laser-skin-treatments"),
        ("bone density low what kind of doctor", "osteoporosis"),
    ],
)
def test_the_need_behind_a_feeling_a_milestone_or_a_medicine_is_read(text, concept):
    assert concept in interpret(text).concept_ids


def test_cutting_back_is_no_back_problem():
    read = interpret("i drink every night to fall asleep and want to cut back")
    assert read.concept_ids == ("alcohol-use-disorder",) and not read.of_kind("body_part")


def test_an_age_said_before_the_patients_sex_is_no_filter_on_the_physicians():
    """'receding hairline 28 male' had listed only men."""
    assert "gender" not in interpret("receding hairline 28 male want to stop it").filters
    assert interpret("within 25 female ob").filters.get("gender") == ("female",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sports physical therapist for a runner atlanta", "2251S0007X"),
        ("neuro PT for balance after stroke", "2251N0400X"),
    ],
)
def test_a_kind_of_physical_therapist_is_that_therapist(text, code):
    """'sports physical therapist' read a sports physical (a child's check-up) and a talk
    therapist; 'neuro PT' read neurologists."""
    codes = interpret(text).specialty_codes
    assert code in codes and "225100000X" in codes and "103T00000X" not in codes


def test_advanced_heart_failure_shorthand_is_heart_failure():
    assert "heart-failure" in interpret("EF 20% advanced HF eval ?LVAD/transplant").concept_ids
