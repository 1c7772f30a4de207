"""Needs of the voice and swallowing, after a birth, from overuse, seen in the mirror or
written in a second language, as blind probes 444-451 typed them: "kid cant say r and s
sounds" is a speech sound disorder, "thyroid problems after pregnancy" postpartum
thyroiditis (the endocrinologist, not the obstetrician), "wrist tendonitis from typing"
the orthopedist's, "my fingers are sleeping in the night" carpal tunnel, and "the sugar in
blood very high" diabetes."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        # voice, swallowing, speech, smell
        ("kid cant say r and s sounds", "speech-sound-disorder", None),
        ("adult stuttering help near me", "stuttering", None),
        ("vocal fold polyp referral laryngology", "voice-disorders", None),
        ("videostroboscopy", "voice-disorders", None),
        (
            "my dad keeps choking when he eats since his stroke",
            "oropharyngeal-dysphagia",
            "dysphagia",
        ),
        ("no sense of smell since i hit my head", "loss-of-smell-and-taste", "concussion"),
        ("minears disease", "vertigo", None),
        # the mirror
        ("Horner syndrome ptosis miosis workup", "horner-syndrome", None),
        ("my pupils are two different sizes in the mirror", "anisocoria", None),
        ("superficial thrombophlebitis LLE", "superficial-thrombophlebitis", None),
        ("soft lump on my forehead that moves around", "skin-cyst", None),
        ("lump on my jaw right in front of my ear boston", "salivary-gland-problems", None),
        ("temporal artery biopsy r/o GCA", "temporal-artery-biopsy", None),
        # after a birth
        ("neonatal hyperbilirubinemia outpatient bili check", "newborn-jaundice", None),
        ("red hot lump in breast fever while nursing", "lactation-problems", "breast-lump"),
        ("thyroid problems after pregnancy", "postpartum-thyroiditis", "pregnancy-care"),
        (
            "heart racing losing weight fast 3 months after baby",
            "hyperthyroidism",
            "heart-arrhythmia",
        ),
        ("M62.08 diastasis recti abdominoplasty consult", "diastasis-recti-repair", None),
        # overuse
        (
            "sore forearms from mouse and keyboard repetitive strain",
            "repetitive-strain-injury",
            None,
        ),
        ("doctor for tendonitis in wrist from typing, need a brace", "wrist-tendinitis", None),
        (
            "guitar player hand cramps and fingers wont cooperate",
            "focal-hand-dystonia",
            "muscle-cramps",
        ),
        # telehealth and coordination
        ("virtual TCM visit med reconciliation after discharge", "transitional-care-visit", None),
        ("go over my lab results by phone with a doctor", "lab-results-review", None),
        # a second language's English
        ("i have the sugar in blood very high houston", "type-2-diabetes", None),
        ("i cannot to breath good at night, i am choking in the sleep", "sleep-apnea", None),
        ("my fingers are sleeping in the night and the hand hurt", "carpal-tunnel-syndrome", None),
        ("doctor for the thyroid, my neck is big in front", "thyroid-nodules", None),
        (
            "my hands are hurting in the joints in the morning and are stiff",
            "rheumatoid-arthritis",
            None,
        ),
    ],
)
def test_the_need_is_read(text, concept, not_read):
    found = concepts(text)
    assert concept in found
    assert not_read not in found


def test_women_problems_is_the_gynecologist():
    specialties = interpret("lady doctor for women problems near me").of_kind("specialty")
    assert specialties and specialties[0].label == "Gynecologist"


@pytest.mark.parametrize(
    "text",
    [
        # a specialist typed beside a hospital stay is asked: no transitional-care visit
        "cardiologist houston spanish accepting new patients hospital follow up",
        "GI telehealth jaundice follow-up humana",  # an adult's jaundice, no newborn's
        "abnormal bloodwork liver enzymes high",
        "nursing home",
        "sugar free",
    ],
)
def test_everyday_words_of_those_needs_read_nothing_new(text):
    assert not concepts(text) & {
        "transitional-care-visit", "newborn-jaundice", "lab-results-review", "type-2-diabetes",
        "lactation-problems",
    }  # fmt: skip


@pytest.mark.parametrize(("code", "concept"), [("F98.4", "stuttering"), ("H57.10", "anisocoria")])
def test_a_sibling_code_is_not_read_as_a_new_concept(code, concept):
    """F98.5 on stuttering had made F98.4 (stereotyped movements) read stuttering."""
    assert concept not in concepts(code)
