"""Infections, lingering illness, the heart and the veins in patients' and coordinators'
words: blind probes 104 and 105 found these unread or read as another need."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PHYSICAL_THERAPIST = "225100000X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("mono", "mononucleosis"),
        ("mono with swollen spleen doctor", "mononucleosis"),
        ("c diff came back third time, asking about fecal transplant", "c-diff-infection"),
        ("OPAT referral IV antibiotics outpatient", "outpatient-iv-antibiotics"),
        ("smell and taste never came back after covid", "loss-of-smell-and-taste"),
        ("abscess on my butt need it drained asap", "skin-abscess"),  # not the anus's
        ("PPM interrogation, dual chamber medtronic", "pacemaker-implantation"),
        ("legs swollen and short of breath laying down", "heart-failure"),
        ("symptomatic varicosities GSV reflux on duplex", "varicose-veins"),
    ],
)
def test_an_infection_or_a_hearts_words_read_as_the_need(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("c diff, asking about fecal transplant", "organ-transplant"),
        ("symptomatic varicosities GSV reflux on duplex", "gerd"),
    ],
)
def test_the_words_no_longer_read_as_a_neighbouring_need(text, not_read):
    assert not_read not in interpret(text).concept_ids


def test_pt_beside_a_device_check_is_the_patient():
    understood = interpret("PPM interrogation, pt new to area, dual chamber medtronic")
    assert PHYSICAL_THERAPIST not in understood.specialty_codes


def test_pt_before_new_patient_keeps_the_therapist():
    assert PHYSICAL_THERAPIST in interpret("PT new patient eval").specialty_codes
