"""Visits booked for a purpose rather than a disease, and the words of older patients'
families, teens and bellies that blind probes 97-100 found unread or misread."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

FAMILY, INTERNIST, PEDIATRICIAN = "207Q00000X", "207R00000X", "208000000X"
GERIATRICIAN, PHARMACIST, GI = "207RG0300X", "183500000X", "207RG0100X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("tdap booster", "vaccinations"),
        ("hep b vaccine series for nursing school", "vaccinations"),
        ("shingles shot shingrix", "vaccinations"),
        ("flu vax", "vaccinations"),
        ("fmla paperwork for my back surgery", "medical-forms"),
        ("handicap parking placard form", "medical-forms"),
        ("jury duty medical excuse letter", "medical-forms"),
        ("dot physical", "occupational-physical"),
        ("cdl medical card renewal", "occupational-physical"),
        ("pilot medical exam faa class 2", "occupational-physical"),
        ("pre employment physical and drug screen", "occupational-physical"),
        ("civil surgeon i693 spanish speaking", "immigration-medical-exam"),
        ("green card medical exam for my family", "immigration-medical-exam"),
        ("tb test for new job", "tb-screening"),
        ("quantiferon positive latent TB", "tuberculosis"),
        ("bowel incontinence elderly mother", "fecal-incontinence"),
        ("mom is 88 and cant hold her bowels", "fecal-incontinence"),
        ("cognitive eval referral 82F MoCA 19", "dementia"),
        ("walker wheelchair evaluation for elderly father", "mobility-aids"),
        ("too many pills, can someone review her medications", "medication-review"),
        ("mom shouldnt be driving anymore who can test her", "driving-evaluation"),
        ("caregiver burnout, husband has parkinsons", "caregiver-stress"),
        ("incidental 2.1cm pancreatic cyst on CT", "pancreatic-cyst"),
        ("overactive bladder botox", "overactive-bladder"),
        ("stomach looks pregnant by night", "irritable-bowel-syndrome"),
        ("first time herpes outbreak freaking out", "sexually-transmitted-infections"),
        ("knee bump below kneecap, osgood schlatter?? 13", "osgood-schlatter"),
        ("breast implant removal explant surgeon", "breast-implant-problems"),
    ],
)
def test_a_visit_or_a_familys_words_read_as_the_need(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("civil surgeon i693", "stroke"),  # not the ICD-10 code I69.3
        ("bowel incontinence", "urinary-incontinence"),
        ("stomach looks pregnant by night", "pregnancy-care"),
        ("breast implant removal", "birth-control"),
        ("tb test for school", "tuberculosis"),
    ],
)
def test_the_words_no_longer_read_as_a_neighbouring_need(text, not_read):
    assert not_read not in interpret(text).concept_ids


def test_a_vaccine_with_no_child_named_is_no_pediatricians_search():
    assert PEDIATRICIAN not in interpret("need tdap and a flu shot").specialty_codes


def test_a_pharmacist_typed_is_the_pharmacist():
    assert interpret("pharmacist to review my grandpas medicines").specialty_codes == (PHARMACIST,)


@pytest.mark.parametrize("text", ["poop doctor", "refer for EUS"])
def test_a_belly_doctors_slang_and_procedure_are_the_gastroenterologist(text):
    assert GI in interpret(text).specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "one of my balls hurts and feels kinda swollen, 17",
        "lump on my balls",
    ],
)
def test_balls_are_the_testicles(text):
    """A testicle's lump is the scrotal mass (the urologist's), its pain the testicles'."""
    reading = interpret(text)
    labels = [p.label for p in reading.parts if p.kind == "body_part"]
    assert (labels and labels[0].startswith("Testicles")) or reading.concept_ids == (
        "scrotal-mass",
    )


def test_the_balls_of_the_feet_stay_feet():
    labels = [p.label for p in interpret("pain in the balls of my feet").parts]
    assert not any("Testicles" in label for label in labels)


@pytest.mark.parametrize(
    ("text", "wanted", "left"),
    [
        ("turning 18 and my pediatrician says i need an adult doctor now", FAMILY, PEDIATRICIAN),
        ("transition of care pediatric to adult PCP, 21yo with asthma", INTERNIST, PEDIATRICIAN),
        (
            "type 1 diabetic aging out of pediatric endo, need adult endocrinologist",
            "207RE0101X",
            "2080P0205X",
        ),
        ("leaving my gp, need a dermatologist", "207N00000X", FAMILY),
    ],
)
def test_care_being_left_is_not_the_care_asked_for(text, wanted, left):
    codes = interpret(text).specialty_codes
    assert wanted in codes and left not in codes


def test_aging_out_of_is_not_healthy_aging():
    ids = interpret("aging out of pediatric endo, need adult endocrinologist").concept_ids
    assert "frailty" not in ids
    assert "frailty" in interpret("aging parents memory loss").concept_ids
