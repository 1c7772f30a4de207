"""Gender-affirming care, diabetic feet and sleep: the words people type read as the need
a referral nurse would send them for (hormones, letters and surgery for trans people;
podiatry for diabetic feet, wounds, corns and amputations; body-clock problems, CBT-I,
restless legs, Vietnamese "mất ngủ" and sundowning)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # gender-affirming hormones, and HRT beside words that say the person is trans
        ("trans hrt", "gender-affirming-care"),
        ("hrt mtf", "gender-affirming-care"),
        ("hrt ftm", "gender-affirming-care"),
        ("trans woman hrt", "gender-affirming-care"),
        ("nonbinary hrt", "gender-affirming-care"),
        ("hrt for transition", "gender-affirming-care"),
        ("hrt informed consent", "gender-affirming-care"),
        ("informed consent hrt", "gender-affirming-care"),
        ("GAHT", "gender-affirming-care"),
        ("gender affirming hormone therapy", "gender-affirming-care"),
        ("T shots", "gender-affirming-care"),
        ("testosterone shots for transition", "gender-affirming-care"),
        ("estrogen for transition", "gender-affirming-care"),
        ("estradiol injections", "gender-affirming-care"),
        ("my T levels", "gender-affirming-care"),
        ("trans affirming therapist", "gender-affirming-care"),
        # puberty blockers, letters, surgery and its aftercare
        ("puberty blockers", "puberty-blockers"),
        ("blockers for my trans kid", "puberty-blockers"),
        ("letter for top surgery", "presurgical-psychological-evaluation"),
        ("WPATH letter", "presurgical-psychological-evaluation"),
        ("letters for vaginoplasty", "presurgical-psychological-evaluation"),
        ("second letter for GRS", "presurgical-psychological-evaluation"),
        ("vaginoplasty aftercare", "gender-affirming-surgery"),
        ("dilation hurts after vaginoplasty", "gender-affirming-surgery"),
        ("facial feminization", "gender-affirming-surgery"),
        ("FFS", "gender-affirming-surgery"),
        ("top surgery", "gender-affirming-surgery"),
        ("phalloplasty", "gender-affirming-surgery"),
        ("metoidioplasty", "gender-affirming-surgery"),
        ("voice feminization", "voice-therapy"),
        # diabetic feet
        ("diabetic foot", "diabetic-foot-care"),
        ("diabetic feet", "diabetic-foot-care"),
        ("diabetic foot care", "diabetic-foot-care"),
        ("diabetic foot exam", "diabetic-foot-care"),
        ("diabetic foot check", "diabetic-foot-care"),
        ("diabetic shoes", "diabetic-foot-care"),
        ("diabetic orthotics", "diabetic-foot-care"),
        ("custom orthotics for diabetic feet", "diabetic-foot-care"),
        ("DFU", "chronic-wounds"),
        ("diabetic foot ulcer", "chronic-wounds"),
        ("diabetic foot wound", "chronic-wounds"),
        ("wound clinic diabetic foot", "chronic-wounds"),
        ("offloading", "chronic-wounds"),
        ("total contact cast", "chronic-wounds"),
        ("TCC", "chronic-wounds"),
        ("diabetic foot infection", "chronic-wounds"),
        ("charcot foot", "charcot-foot"),
        ("corns", "corns-and-calluses"),
        ("calluses", "corns-and-calluses"),
        ("callus on ball of foot", "corns-and-calluses"),
        ("corns and calluses", "corns-and-calluses"),
        ("toe amputation", "amputation-surgery"),
        ("diabetic toe amputation", "amputation-surgery"),
        ("foot amputation", "amputation-surgery"),
        ("circulation doctor for feet", "peripheral-artery-disease"),
        ("poor circulation in feet", "peripheral-artery-disease"),
        # sleep
        ("circadian rhythm disorder", "circadian-rhythm-sleep-disorders"),
        ("delayed sleep phase", "circadian-rhythm-sleep-disorders"),
        ("sleep schedule is messed up", "circadian-rhythm-sleep-disorders"),
        ("fix my sleep schedule", "circadian-rhythm-sleep-disorders"),
        ("up till 4am every night", "circadian-rhythm-sleep-disorders"),
        ("shift work sleep disorder", "circadian-rhythm-sleep-disorders"),
        ("night shift cant sleep during the day", "circadian-rhythm-sleep-disorders"),
        ("melatonin doesnt help", "insomnia"),
        ("sleeping too little", "insomnia"),
        ("sleep maybe 3 hours a night", "insomnia"),
        ("help with sleep without medication", "cognitive-behavioral-therapy-for-insomnia"),
        ("cbt-i", "cognitive-behavioral-therapy-for-insomnia"),
        ("cbti", "cognitive-behavioral-therapy-for-insomnia"),
        ("cognitive behavioral therapy for insomnia", "cognitive-behavioral-therapy-for-insomnia"),
        ("jumpy legs at night", "restless-legs-syndrome"),
        ("legs jumpy", "restless-legs-syndrome"),
        ("creepy crawly legs", "restless-legs-syndrome"),
        ("mat ngu", "insomnia"),
        ("mất ngủ", "insomnia"),
        ("bac si mat ngu", "insomnia"),
        ("bác sĩ mất ngủ", "insomnia"),
        ("sundowning", "dementia-behavior-changes"),
        ("my mom is up all night wandering", "dementia"),
    ],
)
def test_the_need_is_read(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("hrt", "menopause"),
        ("hrt hot flashes", "menopause"),
        ("hrt for osteoporosis", "menopause"),
    ],
)
def test_hrt_alone_or_beside_menopause_words_is_still_menopause(text, concept):
    ids = interpret(text).concept_ids
    assert concept in ids and "gender-affirming-care" not in ids


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("corn allergy", "corns-and-calluses"),  # the food, not the foot
        ("corn", "corns-and-calluses"),
        ("crons disease", "corns-and-calluses"),  # a slip for Crohn's
        ("bac si mat", "insomnia"),  # "mắt" is the eye
    ],
)
def test_look_alike_words_keep_their_own_reading(text, not_meant):
    assert not_meant not in interpret(text).concept_ids


def test_crons_is_still_crohns():
    assert "crohns-disease" in interpret("crons").concept_ids


def test_bac_si_mat_is_still_the_eye_doctor():
    assert interpret("bac si mat").specialty_codes == ("207W00000X",)


@pytest.mark.parametrize(
    ("concept", "first"),
    [
        ("puberty-blockers", "2080P0205X"),  # pediatric endocrinology, then the pediatrician
        ("corns-and-calluses", "213E00000X"),
        ("diabetic-foot-care", "213E00000X"),
        ("chronic-wounds", "213E00000X"),
        ("amputation-surgery", "2086S0129X"),
        ("circadian-rhythm-sleep-disorders", "2084S0012X"),
        ("cognitive-behavioral-therapy-for-insomnia", "103TB0200X"),
        ("gender-affirming-care", "207RE0101X"),
    ],
)
def test_who_is_sent_to_first(concept, first):
    assert default_vocabulary().concepts[concept].specialties[0].code == first


def test_puberty_blockers_then_the_pediatrician():
    codes = [s.code for s in default_vocabulary().concepts["puberty-blockers"].specialties]
    assert codes[:2] == ["2080P0205X", "208000000X"]
