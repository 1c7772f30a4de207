"""A front desk's note while the caller waits: "new pt" is a new patient (who needs someone
accepting them), "pt unable to walk" the patient, and a gender right before the specialty
asked for is the physician's."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PHYSICAL_THERAPY = "225100000X"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    "text",
    [
        "new pt cardio kaiser",
        "rheum for lupus, new pt, bcbs chicago",
        "caller needs neuro for migraines, new pt, evanston",
    ],
)
def test_a_new_pt_needs_someone_accepting_new_patients(text):
    """ "new pts" was read so and "new pt" was not, though front desks write both."""
    filters = [p.filter for p in interpret(text).parts if p.kind == "filter"]
    assert "accepting_new_patients" in filters


def test_a_new_pt_for_peds_is_the_pediatrician_not_a_childrens_physical_therapist():
    parts = kinds("new pt peds, baby due next month, want someone accepting, lakewood ca")
    assert ("specialty", "Pediatrician") in parts
    assert not any("physical therapist" in label.lower() for _, label in parts)


@pytest.mark.parametrize(
    "text",
    [
        "pt unable to walk >1 block due to back and leg pain, spinal stenosis? spine referral",
        "referral for pt unable to abduct arm past 90 degrees, shoulder pain x 6 wks, houston",
        "pt still has knee pain after cortisone shot, ortho consult",
        "pt 8yo w/ ODD needs outpatient behavioral tx houston area",  # an age run together
    ],
)
def test_pt_followed_by_what_the_patient_cannot_do_is_the_patient(text):
    """These had listed physical therapists for a spine referral."""
    codes = {c for p in interpret(text).parts for c in p.codes}
    assert PHYSICAL_THERAPY not in codes


def test_pt_for_back_pain_still_asks_for_a_physical_therapist():
    assert ("specialty", "Physical therapist") in kinds("pt for back pain")


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("new pt female internist bcbs evanston", "female"),
        ("pt wants male urologist", "male"),
    ],
)
def test_a_gender_right_before_the_specialist_asked_for_is_the_physicians(text, gender):
    genders = [p.ids for p in interpret(text).parts if p.filter == "gender"]
    assert genders and gender in genders[0]


def test_a_gender_after_the_patients_age_stays_the_patients():
    parts = interpret("67 yo female cardiology referral").parts
    assert not any(p.filter == "gender" for p in parts)
