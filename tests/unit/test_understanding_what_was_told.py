"""What an emergency room, urgent care or a hospital stay told the patient to do
(directory/understanding/parse.py): the follow-up it sends them to is the care to book,
and the urgent care they went to, beside the specialist they now need, is their story."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import PRIMARY_CARE

PEDIATRICS = "208000000X"
EMERGENCY_MEDICINE = "207P00000X"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("son went to ER for asthma attack they said follow up with pediatrician in 2 days",
         PEDIATRICS),
        ("dog bit my hand, er gave antibiotics and said follow up with primary care in 48 hrs",
         "207Q00000X"),
        ("discharged yesterday after pneumonia, f/u w/ PCP", "207Q00000X"),
        ("urgent care says prob pneumonia and to follow up w my pcp in 3 days but i dont have one",
         "207Q00000X"),
    ],
)  # fmt: skip
def test_the_follow_up_an_emergency_visit_asks_for_is_the_care_to_book(text, code):
    """The pediatrician the ER said to see within two days was set aside as the primary
    care a patient returns to, and the list showed pulmonologists."""
    assert code in interpret(text).specialty_codes, text


@pytest.mark.parametrize(
    "text",
    [
        "ortho referral knee OA, f/u w/ PCP after",
        "cardiology referral from Hartford Hospital, f/u w/ PCP after",  # a hospital's name
        "my pcp just keeps raising my levothyroxine",
    ],
)
def test_primary_care_the_patient_returns_to_or_has_is_still_no_ask(text):
    assert not set(interpret(text).specialty_codes) & PRIMARY_CARE, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("urgent care ultrasound showed swollen kidney from a stone, see urology", "208800000X"),
        ("cut my hand on glass, ER stitched it but i cant bend my finger, need hand surgeon",
         "207XS0106X"),
        ("follow up with hand surgery in 1 week, flexor tendon laceration repaired in ED",
         "207XS0106X"),
    ],
)  # fmt: skip
def test_urgent_care_beside_the_specialist_asked_for_is_the_story(text, code):
    """'cut my hand ... need hand surgeon' was headed 'Urgent care doctors and hand
    surgeons' and listed family doctors first."""
    codes = interpret(text).specialty_codes
    assert code in codes and EMERGENCY_MEDICINE not in codes, text


@pytest.mark.parametrize(
    "text",
    [
        "bells palsy diagnosed at urgent care half my face droopy need follow up",
        "kidney stone, sent home from the ER, who do i see now",
        "went to urgent care for my ankle, still swollen after a week",
        # what was done there ("had some drained at urgent care", probe 159)
        "painful lumps in my armpits that drain, had some drained at urgent care, hidradenitis",
        "wrist splinted at urgent care, still hurts after 2 weeks",
    ],
)
def test_a_visit_to_urgent_care_told_beside_a_need_is_the_story(text):
    """'bells palsy diagnosed at urgent care ... need follow up' listed urgent care's family
    doctors first, for a palsy a neurologist follows."""
    read = interpret(text)
    needs = [p for p in read.parts if p.kind in ("condition", "body_part")]
    assert needs and EMERGENCY_MEDICINE not in read.specialty_codes, text


@pytest.mark.parametrize(
    "text",
    [
        "deep cut on my finger need stitches",
        "urgent care near me",
        "go to urgent care for a sprained ankle",
    ],
)
def test_urgent_care_asked_for_alone_is_still_asked(text):
    assert EMERGENCY_MEDICINE in interpret(text).specialty_codes


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("glaucoma check up for my mom", "glaucoma"),
        ("check up for my thyroid", None),
        ("6 week postpartum checkup", "postpartum-care"),
    ],
)
def test_a_check_up_of_one_need_is_that_needs_care(text, concept):
    """'glaucoma check up for my mom' listed ten family doctors and internists."""
    reading = interpret(text)
    assert not set(reading.specialty_codes) & PRIMARY_CARE, text
    assert reading.parts and (concept is None or concept in reading.concept_ids), text


@pytest.mark.parametrize("text", ["annual checkup", "checkup and my knee hurts"])
def test_a_check_up_on_its_own_is_primary_care(text):
    assert set(interpret(text).specialty_codes) & PRIMARY_CARE


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("3 months postpartum and I cant stop crying, having scary thoughts", "depression"),
        ("pelvic floor therapy after baby, leaking when i sneeze", "urinary-incontinence"),
    ],
)
def test_the_weeks_after_a_birth_say_when_a_need_began(text, concept):
    reading = interpret(text)
    assert concept in reading.concept_ids and "postpartum-care" not in reading.concept_ids
    assert reading.patient_age is None and "child" not in reading.describe()  # the mother's


@pytest.mark.parametrize(
    "text",
    [
        "blood in my urine, culture negative twice, want a specialist not urgent care again",
        "bloating and diarrhea after bread and milk, maybe celiac? no more urgent care visits",
    ],
)
def test_urgent_care_declined_is_not_asked_for(text):
    """'... want a specialist not urgent care again' was headed 'Urgent care doctors' and
    listed ten family doctors."""
    assert EMERGENCY_MEDICINE not in interpret(text).specialty_codes, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("i think my son has autism, pediatrician keeps saying wait, i dont want to wait", None),
        ("high potassium and creatinine on my bloodwork, pcp says see nephrology", "207RN0300X"),
        ("shingles rash near the eye, pcp booked solid, need eye dr asap", "207W00000X"),
    ],
)
def test_primary_care_that_told_or_cannot_see_the_patient_is_no_ask(text, code):
    """'... pediatrician keeps saying wait' listed ten pediatricians; 'pcp booked solid,
    need eye dr' listed nine family doctors."""
    parts = interpret(text).parts
    codes = {c for p in parts if p.kind == "specialty" and not p.is_the_patient for c in p.codes}
    assert not codes & PRIMARY_CARE, text  # a son's pediatrician says who he is, no more
    assert code is None or code in codes, text


@pytest.mark.parametrize(
    "text", ["blood work", "annual physical and blood work", "need bloodwork for my diabetes"]
)
def test_bloodwork_alone_is_still_primary_care(text):
    assert set(interpret(text).specialty_codes) & PRIMARY_CARE
