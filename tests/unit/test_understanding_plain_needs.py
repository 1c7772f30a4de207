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
        ("eyelid drooping so much its hard to see", "eyelid-surgery"),
        ("choking on pills and food going down wrong way", "dysphagia"),
        ("cut on finger infected and swollen wont heal atlanta", "cellulitis"),
        ("burn from the oven not healing 2 weeks still weeping", "burn-injuries"),
        ("perforated eardrum", "eardrum-perforation"),
        ("hand foot and mouth, daycare says he needs a doctors note", "hand-foot-mouth-disease"),
        ("salivary gland swells under my jaw when i eat", "salivary-gland-problems"),
        ("daughter pees her pants during the day and night 6 years old", "bedwetting"),
        ("daughter had strep 5 times this year should her tonsils come out", "tonsillectomy"),
        ("i have type 2 diabetes and my doctor said i need a yearly dilated eye exam",
         "diabetic-retinopathy"),
        ("pt asking for contact lens exam, spanish speaker", "refractive-errors"),
        ("breast lump needs biopsy", "breast-biopsy"),
        ("hearing aid repair one of mine stopped working", "hearing-loss"),
        ("non-healing oral ulcer x3 wks r/o SCC", "mouth-sores"),
        ("82 yr old mom confused and sleepy all the time i think its her meds",
         "medication-review"),
        ("burn on my arm from cooking oil blistering bad", "burn-injuries"),
        ("burn scar on hand so tight i cant straighten my fingers", "scars-and-keloids"),
        ("caller needs staples removed after surgery", "stitch-and-staple-removal"),
        ("home wound vac management referral post op dehiscence abdomen",
         "surgical-wound-infection"),
        ("road rash not healing boston", "cuts-and-scrapes"),
        ("caller thinks its a brown recluse bite, turning black in the middle",
         "spider-bites"),
        ("fire ant bites blistered and look infected", "insect-bites-and-stings"),
        ("scab on my scalp that wont heal and bleeds sometimes", "skin-cancer"),
        ("my dads toe is turning black and has a sore he's diabetic",
         "peripheral-artery-disease"),
        ("flat spot on the back of babys head, repositioning isnt helping", "flat-head-syndrome"),
        ("my sons head shape looks off and the soft spot closed early", "flat-head-syndrome"),
    ],
)  # fmt: skip
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
        ("older pt wants a doctor who does house calls or video, medicare", "207Q00000X"),
        ("home visit doctor for homebound mother medicare chicago", "207R00000X"),
        ("my dad is 89, need a doctor to come to the house", "207R00000X"),
        ("her husband is homebound, wants a doctor to visit the home", "207Q00000X"),
        ("snfist coverage for skilled nursing facility", "207R00000X"),
        ("lgbtq friendly doctor near me", "207Q00000X"),
        ("grief therapist near me", "103T00000X"),
        ("low vision eye doctor taking new patients", "207W00000X"),
        ("caller needs ear nose throat dr in farmington ct", "207Y00000X"),
        ("ear nose and throat chicago", "207Y00000X"),
        ("RD referral for 15yo new onset T1D carb counting education", "133V00000X"),
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


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("peeing burns and going every 10 min", "burn-injuries"),  # a burning pee
        ("feet feel like pins and needles and burn at night", "burn-injuries"),
        ("daughter pees her pants", "pulmonary-embolism"),  # "pees" is no plural of PE
        ("non-healing oral ulcer", "chronic-wounds"),  # the mouth's, not a foot ulcer
    ],
)
def test_a_word_inside_another_need_is_not_read_on_its_own(text, not_read):
    assert not_read not in interpret(text).concept_ids, text


def test_a_wound_that_will_not_heal_finds_dermatologists_where_no_wound_clinic_is():
    """'wound care doctor near me' near Houston found nobody: the map listed only
    podiatrists, wound nurses and surgeons, none of whom practise there. Dermatologists
    follow them; family doctors would lead every wound said beside another need."""
    from directory.vocabulary import default_vocabulary

    codes = [s.code for s in default_vocabulary().concepts["chronic-wounds"].specialties]
    assert codes[-1] == "207N00000X" and "207Q00000X" not in codes


@pytest.mark.parametrize(
    "text",
    [
        "back pain, did 6 weeks of PT and a steroid pack, didnt help much",
        "had months of physical therapy for my neck",
    ],
)
def test_weeks_of_physical_therapy_done_are_care_tried_not_asked(text):
    """A long message (blind probe 159) that 'did 6 weeks of PT and a steroid pack' was
    headed 'Physical therapists' and listed them first."""
    assert "225100000X" not in interpret(text).specialty_codes, text
