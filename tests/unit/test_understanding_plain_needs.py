"""Needs said plainly that read nothing or the wrong thing (blind probes 142-149): sweating
through shirts, a spot that bleeds and will not heal, burning feet, a mother who keeps
falling said in Spanish, the snip, a therapist for couples, a doctor for old people."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

GERIATRICS, ADDICTION_PSYCHIATRY, UROLOGY = "207RG0300X", "2084P0802X", "208800000X"
THERAPISTS = "103T00000X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("i sweat through my shirts even in winter who do i see", "hyperhidrosis"),
        ("refer axillary hyperhidrosis to dermatology", "hyperhidrosis"),
        ("spot on my nose that bleeds and doesnt heal", "skin-cancer"),
        ("cyst on eyelid", "stye"),
        ("burning feet at night cant sleep", "peripheral-neuropathy"),
        ("doctor para mi mama se cae mucho houston", "falls-and-balance"),
        ("bilateral salpingectomy for sterilization referral", "birth-control"),
        ("snip procedure for men how much", "vasectomy"),
        ("trans hrt doctor chicago", "gender-affirming-care"),
        ("hip pain at night cant sleep on my side", "hip-bursitis"),
        ("red painful eye light hurts", "uveitis"),
        ("suboxen clinic that takes medicaid", "opioid-use-disorder"),
        ("enlarged prostrate", "enlarged-prostate"),
    ],
)
def test_a_need_said_plainly_is_read(text, concept):
    assert concept in interpret(text).concept_ids, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("is there a doctor that specializes in old people", GERIATRICS),
        ("suboxone doctor near me", ADDICTION_PSYCHIATRY),
        ("my prostrate doctor retired", UROLOGY),
        ("sex therapist for couples", THERAPISTS),
        ("gender therapist letter for surgery", THERAPISTS),
    ],
)
def test_who_is_asked_for_plainly_is_read(text, code):
    assert code in interpret(text).specialty_codes, text


def test_an_addiction_psychiatrist_is_named_in_lay_words():
    """The heading had read 'Addiction Psychiatry Physicians for opioid use disorder'."""
    assert interpret("suboxone doctor near me").describe().startswith("Addiction psychiatrists")


def test_sweating_at_night_and_with_the_thyroid_keep_their_readings():
    assert interpret("night sweats").concept_ids == ("menopause",)
    assert interpret("always hot and sweaty").concept_ids == ("hyperthyroidism",)
