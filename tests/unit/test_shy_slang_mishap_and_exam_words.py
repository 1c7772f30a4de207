"""Needs said shyly, in slang, after a mishap or for a form, as blind probes 436-441 typed
them: "finishing way too fast in bed" is premature ejaculation (the urologist), "my ticker
skips beats" the heart, a fishhook or a splinter an object stuck in the skin (primary care,
not the hand's orthopedist), a dive physical or a fitness-for-duty evaluation the exam it
names, and "baby doctor" beside a pregnancy the obstetrician."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        # men and women, said shyly
        ("finishing way too fast in bed", "premature-ejaculation", None),
        ("premature ejaculation help", "premature-ejaculation", "erectile-dysfunction"),
        ("my thing bends when its hard", "peyronies-disease", None),
        ("trying for a baby, think my husbands swimmers are the problem", "male-infertility", None),
        ("doctor para problemas de hombre en la cama", "erectile-dysfunction", None),
        ("wife says i smell down there, not circumcised", "balanitis", "vaginitis"),
        ("white stuff and itching, yeast keeps coming back", "vaginitis", None),
        ("it hurts when me and my husband have sex", "pelvic-pain", None),
        ("no sex drive since the baby", "low-libido", "low-testosterone"),
        (
            "female sexual arousal disorder F52.22",
            "female-sexual-arousal-disorder",
            "erectile-dysfunction",
        ),
        ("hole near my tailbone that keeps draining", "pilonidal-cyst", None),
        ("gas all the time so embarassing at work", "excess-gas", None),
        (
            "my mom has accidents, cant make it to the bathroom in time",
            "urinary-incontinence",
            None,
        ),
        ("i sweat so much and smell bad under my arms", "hyperhidrosis", None),
        ("diarrhea every morning scared to leave the house", "irritable-bowel-syndrome", "anxiety"),
        # slang
        ("doctor for my ticker, it skips beats", "heart-arrhythmia", None),
        # mishaps
        ("fishhook removal", "foreign-body-in-skin", None),
        ("fish hook stuck in my thumb", "foreign-body-in-skin", None),
        ("splinter under my fingernail cant get it out", "foreign-body-in-skin", None),
        ("sea urchin spine stuck in foot", "foreign-body-in-skin", None),
        ("fingertip cut off with mandoline slicer", "fingertip-injury", None),
        ("nail bed injury repair", "fingertip-injury", None),
        ("mallet finger referral", "finger-joint-injury", None),
        ("scar from stitches looks bad", "scars-and-keloids", None),
        ("laceration repair", "laceration", None),
        ("grease burn on arm doctor houston", "minor-burns", None),
        # exams and paperwork
        (
            "fitness for duty psychological evaluation law enforcement",
            "psychological-fitness-for-duty",
            "occupational-physical",
        ),
        ("dive fitness evaluation history of spontaneous pneumothorax", "dive-medical-exam", None),
        ("spontaneous pneumothorax", "pneumothorax", None),
        (
            "return to work evaluation s/p lumbar discectomy",
            "return-to-work-after-spine-surgery",
            None,
        ),
        (
            "pre-anesthesia evaluation OSA prior to elective surgery",
            "pre-anesthesia-evaluation",
            None,
        ),
        ("medico para examen de inmigracion", "immigration-medical-exam", None),
        (
            "need to get cleared before my knee replacement surgery",
            "preoperative-clearance",
            "knee-replacement",
        ),
        ("nursing school physical and tb test", "adult-checkup", "well-child-care"),
        ("short term disability paperwork after having my baby", "postpartum-care", None),
        # devices and brands
        (
            "cant tolerate my cpap mask anymore what kind of doctor",
            "cpap-problems",
            "sleep-apnea-surgery",
        ),
        ("Z30.46 nexplanon removal and reinsertion", "birth-control", "subdural-hematoma"),
        ("phonak hearing aids fitting", "hearing-loss", None),
        ("colonic polyps", "colon-polyps", None),
    ],
)
def test_the_need_is_read(text, concept, not_read):
    found = concepts(text)
    assert concept in found
    assert not_read not in found


@pytest.mark.parametrize(
    "text",
    [
        "hard to breathe",  # "hard" alone is no Peyronie's
        "bed sores on my heel",
        "car accident neck pain",
        "needle phobic",
        "spine surgeon",
        "ticker",
    ],
)
def test_everyday_words_of_those_needs_read_nothing_new(text):
    found = concepts(text)
    new = {
        "peyronies-disease", "premature-ejaculation", "urinary-incontinence",
        "foreign-body-in-skin", "laceration", "cpap-problems",
    }  # fmt: skip
    assert not found & new


@pytest.mark.parametrize(
    ("code", "concept"),
    [("K62.5", "colon-polyps"), ("K62.7", "colon-polyps")],
)
def test_a_rectal_code_is_no_polyp(code, concept):
    """K62.1 (a rectal polyp) on colon polyps had made every K62 code read polyps."""
    assert concept not in concepts(code)


def _asked(text: str) -> set[str]:
    return {c for p in interpret(text).of_kind("specialty") for c in p.codes}


def test_a_baby_doctor_beside_a_pregnancy_is_the_obstetricians():
    """ "baby doctor im 8 weeks pregnant" had listed ten pediatricians."""
    assert "207V00000X" in _asked("baby doctor im 8 weeks pregnant")
    assert "208000000X" not in _asked("baby doctor im 8 weeks pregnant")
    assert "208000000X" in _asked("baby doctor for my newborn")
    assert "208000000X" in _asked("baby doctor")


def test_e_coli_is_an_infection_not_a_colonoscopy():
    """ "coli" was one slip from "colo": "e coli infection" had read a colonoscopy."""
    reading = interpret("e coli infection")
    assert reading.concept_ids == ("e-coli-infection",)
    assert "urinary-tract-infection" in interpret("ecoli uti").concept_ids
    # after it, a passing infection is how another need began
    assert "e-coli-infection" not in interpret("kidney problems after e coli").concept_ids
