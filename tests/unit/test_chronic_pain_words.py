"""Chronic pain beyond the back, in patients' and coordinators' words: blind probe 101
found these unread or read as another need."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PHYSICAL_THERAPIST = "225100000X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("chemo neuropathy hands and feet tingling burning", "peripheral-neuropathy"),
        ("cluster headaches are destroying my life", "cluster-headache"),
        ("spinal cord stim trial, united healthcare", "spinal-cord-stimulation"),
        ("want to get off oxycodone slowly been on it 6 years", "pain-medication-management"),
        ("chronic pain med management, on buprenorphine patch", "pain-medication-management"),
        ("superior hypogastric plexus block consult", "sympathetic-nerve-block"),
        ("still in pain 8 months after hernia surgery", "chronic-postsurgical-pain"),
        ("pain since my gallbladder surgery", "chronic-postsurgical-pain"),
        ("nerve pain after mastectomy", "chronic-postsurgical-pain"),
        ("looking for someone who does hernia mesh removal", "hernia-repair"),
    ],
)
def test_a_pain_patients_words_read_as_the_need(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("chemo neuropathy in my feet", "chemotherapy"),
        ("chronic pain med management, on buprenorphine patch", "opioid-use-disorder"),
        ("ER keeps sending me home with flomax and norco", "pain-medication-management"),
    ],
)
def test_a_medicine_named_in_passing_or_for_pain_is_not_another_need(text, not_read):
    assert not_read not in interpret(text).concept_ids


def test_the_operation_pain_came_after_is_still_asked_for():
    ids = interpret("still in pain 8 months after hernia surgery").concept_ids
    assert "hernia-repair" in ids


@pytest.mark.parametrize("text", ["hernia surgery pain", "pain before surgery"])
def test_pain_not_said_after_an_operation_stays_pain(text):
    assert "chronic-postsurgical-pain" not in interpret(text).concept_ids


@pytest.mark.parametrize(
    "text",
    [
        "Chronic pain pt on 120 MME, needs pain med management",
        "trigger point injections for fibro pt, bcbs",
    ],
)
def test_pt_said_of_the_patient_is_no_physical_therapist(text):
    assert PHYSICAL_THERAPIST not in interpret(text).specialty_codes


@pytest.mark.parametrize("text", ["PT for knee pain", "knee pain pt"])
def test_pt_asked_for_keeps_the_therapist(text):
    assert PHYSICAL_THERAPIST in interpret(text).specialty_codes


@pytest.mark.parametrize(
    ("text", "sexes"),
    [
        ("female fibro doctor please, male doctors keep brushing me off", ("female",)),
        ("tired of male doctors, want a female gyn", ("female",)),
        ("male or female pediatrician", ("male", "female")),
    ],
)
def test_the_sex_of_doctors_who_failed_is_not_asked_for(text, sexes):
    assert interpret(text).filters.get("gender") == sexes


def test_a_comma_after_the_doctor_word_ends_it_before_a_town():
    understood = interpret("pain management dr, stamford area")
    assert not [p for p in understood.parts if p.kind == "name"]
