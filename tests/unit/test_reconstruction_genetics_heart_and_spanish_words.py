"""Words from blind probes 380-387 (Spanish, plastic and reconstructive surgery, genetics,
fertility, heart procedures, adult ENT, children's specialists): each read as the need a
referral nurse would send on, and the condition map's first specialist for it."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

PLASTIC_SURGEON, UROLOGIST, ELECTROPHYSIOLOGIST = "208200000X", "208800000X", "207RC0001X"
ENT, MFM, HAND_SURGEON = "207Y00000X", "207VM0101X", "207XS0106X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("doctor to rebuild breast after cancer", "breast-reconstruction"),
        ("Z90.12 acquired absence of left breast, delayed reconstruction", "breast-reconstruction"),
        ("breast reduction back pain huge breasts", "breast-reduction"),
        ("my implants from reconstruction feel hard and painful", "breast-implant-problems"),
        ("burn scars tight cant move my arm", "scar-contracture"),
        ("skin cancer removed from my nose now there is a hole", "mohs-reconstruction"),
        ("digital nerve repair", "hand-nerve-injury"),
        ("loose skin after gastric bypass", "body-contouring-after-weight-loss"),
        ("genetic counseling", "genetic-counseling"),
        ("NIPT abnormal result, prenatal genetic counseling", "prenatal-genetic-screening"),
        ("my husband and i are both jewish ashkenazi, tay sachs testing", "carrier-screening"),
        ("sudden cardiac death in the family", "inherited-heart-disease"),
        ("BRCA1 positive, referral for risk-reducing bilateral salpingo-oophorectomy",
         "risk-reducing-salpingo-oophorectomy"),
        ("RPL workup antiphospholipid syndrome", "recurrent-pregnancy-loss"),
        ("Z30.2 encounter for sterilization", "birth-control"),
        ("microsurgical varicocelectomy", "varicocele"),
        ("who does the watchman procedure", "left-atrial-appendage-closure"),
        ("tachy-brady syndrome", "sick-sinus-syndrome"),
        ("sore throat for over a month", "chronic-sore-throat"),
        ("my husband coughs every time he drinks water", "dysphagia"),
        ("my son snores really loud and stops breathing, tonsils?", "pediatric-sleep-apnea"),
        ("me duelen los pies por la diabetes", "diabetic-foot-care"),
    ],
)  # fmt: skip
def test_a_need_in_its_own_words_reads_as_that_need(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("genetic counseling", "psychotherapy"),  # another need's counseling
        ("Z30.09 contraceptive counseling", "psychotherapy"),
        ("freeze my eggs before chemo", "chemotherapy"),
        ("cant smell anything since covid", "covid-19"),
        ("sinus pressure headache behind my eyes", "migraine"),
    ],
)
def test_a_word_beside_the_need_does_not_take_it_over(text, not_meant):
    assert not_meant not in interpret(text).concept_ids


def test_kids_wanted_are_no_child_patient():
    """'low testosterone and want to have kids' listed pediatricians."""
    reading = interpret("low testosterone and want to have kids")
    assert "208000000X" not in reading.specialty_codes
    assert "male-infertility" in reading.concept_ids


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("hart doctor", "specialty", "207RC0000X"),  # the cardiologist
        ("busco terapeuta en español", "specialty", None),
        ("doctora para mujeres", "specialty", "207V00000X"),
    ],
)
def test_a_specialist_said_in_everyday_or_spanish_words(text, kind, code):
    parts = [p for p in interpret(text).parts if p.kind == kind]
    assert parts
    assert code is None or code in parts[0].codes


@pytest.mark.parametrize("text", ["dr hart", "dr brady", "dr low cardiology", "kathy foley"])
def test_a_name_stays_a_name(text):
    assert [p.kind for p in interpret(text).parts if p.kind != "specialty"] in ([], ["name"])
    assert not interpret(text).concept_ids


@pytest.mark.parametrize(
    ("concept", "first"),
    [
        ("breast-reconstruction", PLASTIC_SURGEON),
        ("breast-reduction", PLASTIC_SURGEON),
        ("scar-contracture", PLASTIC_SURGEON),
        ("hand-nerve-injury", HAND_SURGEON),
        ("left-atrial-appendage-closure", ELECTROPHYSIOLOGIST),
        ("sick-sinus-syndrome", ELECTROPHYSIOLOGIST),
        ("chronic-sore-throat", ENT),
        ("prenatal-genetic-screening", MFM),
    ],
)
def test_the_map_sends_each_need_to_its_specialist_first(concept, first):
    assert default_vocabulary().concepts[concept].specialties[0].code == first


def test_a_vasectomy_beside_a_sterilization_code_is_the_urologists():
    """Birth control lists the urologist last, so beside a vasectomy he is the one who
    both treat, not the family doctor."""
    codes = [s.code for s in default_vocabulary().concepts["birth-control"].specialties]
    assert codes[-1] == UROLOGIST


@pytest.mark.parametrize(
    "text",
    [
        "tapeworm doctor",
        "pinworms kids treatment houston",
        "my son has little white worms in his poop",
    ],
)
def test_worms_are_the_guts_parasites(text):
    """'tapeworm doctor' had reread as emergency medicine, the nearest vocabulary word."""
    assert "intestinal-parasites" in interpret(text).concept_ids
