"""Who the need is for and what the words ask of the physician: blind probes 107 (second
opinions on surgery) and 110 (women's health) found a mother's children read as the
patient, a patient read as a physical therapist, and a cancer's surgery read as a
surgical oncologist for an organ."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.understanding.lexicon import lexicon_for
from directory.understanding.specialist import asks_who_operates
from directory.vocabulary import default_vocabulary

PEDIATRICIAN = "208000000X"


@pytest.mark.parametrize(
    "text",
    [
        "want to get my tubes tied after 3 kids houston",
        "diastasis recti repair tummy tuck after kids",
        "coming off birth control to try for a baby, want a preconception checkup",
        "my wife had our baby 2 weeks ago and she cries all day, i'm worried",
    ],
)
def test_the_children_a_mother_has_had_or_wants_are_not_the_patient(text):
    """'tubes tied after 3 kids' had searched pediatricians for a child's birth control."""
    read = interpret(text)
    assert read.patient_age is None and PEDIATRICIAN not in read.specialty_codes


@pytest.mark.parametrize(
    "text", ["my 3 kids need a pediatrician", "after school my kid gets headaches"]
)
def test_a_child_who_is_the_patient_still_is(text):
    assert interpret(text).patient_age is not None


@pytest.mark.parametrize(
    ("text", "concepts"),
    [
        ("peeing when i sneeze ever since i had my baby", ("urinary-incontinence",)),
        ("since the baby was born my back hurts", ("chronic-low-back-pain",)),
        ("feeling really down since i had the baby", ("depression",)),
        ("post partum", ("postpartum-care",)),
    ],
)
def test_a_birth_beside_a_need_says_when_it_began(text, concepts):
    """'since i had my baby' had read depression beside a leaking bladder."""
    assert interpret(text).concept_ids == concepts


@pytest.mark.parametrize(
    "text",
    [
        "pt asking for a dr for shoulder that clicks and pops, has aetna",
        "pt asking about her knee",
        "pt calling about back pain",
        "pt wanting a second opinion on her hip",
        "pt looking for help with knee pain",
    ],
)
def test_a_patient_asking_is_the_patient_not_a_physical_therapist(text):
    assert "225100000X" not in interpret(text).specialty_codes


def test_a_physical_therapy_order_is_still_one():
    assert "225100000X" in interpret("PT eval and treat knee").specialty_codes


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("colon cancer surgery second opinion atlanta ga", "colon-cancer"),
        ("breast cancer surgeon", "breast-cancer"),
        ("prostate cancer surgery vs radiation second opinion cleveland", "prostate-cancer"),
    ],
)
def test_a_cancers_surgery_is_that_cancer_and_who_operates_on_it(text, concept):
    """'colon cancer surgery' had read a surgical oncologist for colon problems, and found
    gastroenterologists near Atlanta (there are few surgical oncologists)."""
    read = interpret(text)
    assert concept in read.concept_ids and "2086X0206X" not in read.specialty_codes
    assert asks_who_operates(read, lexicon_for(default_vocabulary()))


def test_a_cancer_surgeon_alone_is_still_the_surgical_oncologist():
    assert interpret("cancer surgeon").specialty_codes == ("2086X0206X",)


@pytest.mark.parametrize(
    "text",
    [
        "lady calling asking who gives allergy shots near her",
        "woman on the phone has a rash on her arm",
        "man with chest pain wants a cardiologist",
    ],
)
def test_the_callers_or_patients_sex_is_no_filter_on_the_physicians(text):
    """'lady calling asking who gives allergy shots' listed only women allergists."""
    assert "gender" not in interpret(text).filters


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("looking for a female who does botox", "female"),
        ("female with experience in lupus", "female"),
        ("lady on the phone has a lump on her wrist, wants a woman doctor", "female"),
        ("male urologist", "male"),
    ],
)
def test_the_physicians_sex_asked_for_is_still_a_filter(text, gender):
    assert interpret(text).filters.get("gender") == (gender,)


@pytest.mark.parametrize(
    "text",
    [
        "refer pt for remicade infusions UC, marietta ga area",
        "scheduling pt for ESI, cigna",
        # after a referral, or after "new" and the need: the patient
        "podiatry referral pt in salem ma",
        "scheduling new fibromyalgia pt, need physician accepting medicaid in chicago",
        "neurocognitive eval referral, pt mandarin speaking, los angeles",
        # the patient's town after what was asked
        "surgeon for sleeve, pt in norwood",
        "stricture after sleeve needs scope, pt in houston",
        # sending or referring "a pt", "the pt": the patient ("send a pt for botox for
        # chronic migraine" had listed ten physical therapists)
        "where do we send a pt for botox for chronic migraine",
        "referring the pt for lumbar fusion eval",
    ],
)
def test_the_patient_referred_or_booked_is_not_a_physical_therapist(text):
    assert "225100000X" not in interpret(text).specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "book PT eval for knee",
        "refer to pt for knee",
        "PT referral for knee",
        "need a pt in boston",
        "book a pt for my knee",  # booking "a pt" may ask for the therapist
        "send a PT referral for knee",
    ],
)
def test_a_physical_therapy_visit_booked_is_still_one(text):
    assert "225100000X" in interpret(text).specialty_codes
