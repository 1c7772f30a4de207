"""A diagnosis code the vocabulary does not list is read by what it says
(understanding/code_words.py, directory/icd10cm.py)."""

from __future__ import annotations

import pytest

from directory.icd10cm import chapter_specialists, description
from directory.text import compact_icd10
from directory.understanding import interpret
from directory.understanding.describe import describe
from directory.vocabulary import default_vocabulary

ORTHOPEDIC_SURGEON = "207X00000X"
GASTROENTEROLOGIST = "207RG0100X"
JOINT_REPLACEMENT_SURGEON = "207XS0114X"


def _asked(text: str) -> set[str]:
    """Who the reading asks for: a specialty's codes, or a body part's specialists."""
    return {c for part in interpret(text).parts for c in part.codes}


@pytest.mark.parametrize(
    ("code", "specialist"),
    [
        ("M25.561", ORTHOPEDIC_SURGEON),  # pain in right knee: read as nothing before
        ("M25.511", ORTHOPEDIC_SURGEON),  # pain in right shoulder
        ("R19.7", GASTROENTEROLOGIST),  # diarrhea, unspecified
        ("M25.551", JOINT_REPLACEMENT_SURGEON),  # pain in right hip
        ("Z47.89", ORTHOPEDIC_SURGEON),  # other orthopedic aftercare (Z47.1 is listed now)
    ],
)
def test_a_code_the_vocabulary_does_not_list_asks_for_who_treats_what_it_says(code, specialist):
    assert not interpret(code).unplaced
    assert specialist in _asked(code)


@pytest.mark.parametrize(
    ("code", "sibling", "meant"),
    [
        # a pain's sibling is another site: growing pains is a child's leg pain
        ("M79.671", "growing-pains", None),
        ("R94.4", "abnormal-liver-tests", "chronic-kidney-disease"),  # kidney function
        ("R06.7", "sleep-apnea", "allergic-rhinitis"),  # sneezing, not snoring
        ("R29.810", "falls-and-balance", "bells-palsy"),  # facial weakness
    ],
)
def test_a_sign_is_not_read_as_its_sibling_of_another_place(code, sibling, meant):
    ids = interpret(code).concept_ids
    assert sibling not in ids
    if meant:
        assert meant in ids


@pytest.mark.parametrize(
    ("code", "concept"),
    [
        ("I63.429", "stroke"),  # not "artery problems"
        ("C50.021", "breast-cancer"),  # a man's nipple, still breast cancer
        ("S72.00", "hip-fracture"),  # "neck of femur" is the hip
        ("G56.11", "carpal-tunnel-syndrome"),  # the median nerve
    ],
)
def test_a_diseases_code_keeps_the_disease_of_its_category(code, concept):
    assert concept in interpret(code).concept_ids


def test_a_history_code_says_why_not_what():
    """Z87.891, a history of smoking, beside a lung screening is no smoking cessation."""
    ids = interpret("Z87.891 LDCT").concept_ids
    assert "nicotine-dependence" not in ids
    assert "lung-cancer-screening" in ids


def test_a_non_pressure_ulcer_is_no_pressure_ulcer():
    ids = interpret("L98.491").concept_ids  # "Non-pressure chronic ulcer of skin of other sites"
    assert "pressure-ulcers" not in ids
    assert "chronic-wounds" in ids


def test_a_workout_is_no_code_with_its_x_dropped():
    """P90 is a newborn's convulsions; "p90x" is a workout, and X a placeholder only in a
    seven-character code."""
    assert description("P90X") is None
    assert description("T814XXA") == "Infection following a procedure"
    assert not interpret("p90x workout").concept_ids


def test_every_code_the_vocabulary_lists_has_a_description():
    """The descriptions are the code set the vocabulary's codes are checked against."""
    codes = {c for concept in default_vocabulary().concepts.values() for c in concept.icd10}
    compact = [compact_icd10(c) for c in codes]
    missing = [c for c in compact if c is not None and description(c) is None]
    assert not missing
    assert len(compact) > 1000


def test_a_word_known_in_a_phrase_is_one_slip_from_another_term_at_most():
    """ "hypoxemia" (in "nocturnal hypoxemia") read Parkinson's "hypomimia" two letters
    away; "brest" (in "brest cancer") is still the breast, one away."""
    assert "parkinsons-disease" not in interpret("pulm consult hypoxemia on exertion").concept_ids
    assert "breast-lump" in interpret("lump in her brest").concept_ids


@pytest.mark.parametrize(
    ("code", "specialist"),
    [
        ("A30.9", "207RI0200X"),  # leprosy: the infectious disease specialist
        ("B75", "207RI0200X"),  # trichinellosis
        ("J62.8", "207RP1001X"),  # silicosis: the pulmonologist
        ("H27.10", "207W00000X"),  # a dislocated lens: the ophthalmologist
    ],
)
def test_a_code_whose_words_read_nothing_asks_for_its_chapters_specialist(code, specialist):
    """A coordinator's code found nobody when the parser knew none of its words."""
    reading = interpret(f"{code} referral")
    assert [p.kind for p in reading.parts] == ["specialty"]
    assert specialist in _asked(code)


def test_a_sign_or_an_injury_chapter_names_no_specialist():
    """R22.2 (a lump on the trunk) says too little about whom to see: still nobody asked."""
    assert not interpret("R22.2").parts


@pytest.mark.parametrize(
    ("code", "specialist"),
    [
        # blocks of the musculoskeletal chapter that are the rheumatologist's: "M02.30
        # reactive arthritis" had listed ten orthopedic surgeons (its words, Reiter's
        # disease, now read reactive arthritis itself)
        ("M02.10", "207RR0500X"),  # postdysenteric arthropathy
        ("M02.80", "207RR0500X"),  # other reactive arthropathies
    ],
)
def test_a_block_of_a_chapter_asks_for_its_own_specialist(code, specialist):
    assert specialist in _asked(code)
    assert ORTHOPEDIC_SURGEON not in _asked(code)


@pytest.mark.parametrize(
    ("code", "first"),
    [
        ("M0230", "207RR0500X"),
        ("M359", "207RR0500X"),  # systemic connective tissue involvement
        ("M8580", "207RE0101X"),  # bone density: the endocrinologist's first
        ("M2320", "207X00000X"),  # the rest of the chapter: the orthopedic surgeon's
    ],
)
def test_the_blocks_come_before_their_chapter(code, first):
    assert chapter_specialists(code)[0] == first


@pytest.mark.parametrize("code", ["U09.9", "U07.1", "u099"])
def test_the_covid_codes_are_codes(code):
    """U heads the special-purpose codes: the post-COVID condition (U09.9) read nothing."""
    assert compact_icd10(code) is not None
    assert "covid-19" in {i for p in interpret(code).parts for i in p.ids}


@pytest.mark.parametrize("word", ["U2", "U10", "U85.0"])
def test_no_other_u_word_is_a_code(word):
    assert compact_icd10(word) is None


@pytest.mark.parametrize(
    ("code", "specialist", "not_asked"),
    [
        # a family history asks for the screening of what runs in the family: "Z80.0"
        # (a digestive cancer) and "Z83.71" (colon polyps) had found nobody
        ("Z80.0", GASTROENTEROLOGIST, None),
        ("Z83.71", GASTROENTEROLOGIST, None),
        ("Z80.42", "208800000X", None),  # the prostate's: the urologist
        ("Z82.49", "207RC0000X", None),  # heart disease: the cardiologist
        # a screening for a cancer is not its oncologist's: "Z12.4" had listed oncologists
        ("Z12.4", "207V00000X", "207RX0202X"),
        ("Z12.83", "207N00000X", "207RX0202X"),  # the skin's: the dermatologist
        # an examination for a form is primary care's: "Z02.4" had found nobody
        ("Z02.4", "207Q00000X", None),
        ("Z02.1 pre-employment examination", "207Q00000X", None),
    ],
)
def test_an_encounter_or_a_family_history_asks_for_who_sees_it(code, specialist, not_asked):
    reading = interpret(code)
    assert [p.kind for p in reading.parts] == ["specialty"]
    assert specialist in _asked(code)
    assert not_asked not in _asked(code)


def test_an_encounter_whose_words_name_the_test_keeps_the_test():
    """Z12.31, a screening mammogram, is the mammogram its words name."""
    assert "mammography" in interpret("Z12.31").concept_ids


def test_a_code_read_as_a_specialist_is_described_in_the_plural():
    """ "OB/GYN (ICD-10 Z12.4)" had become "... (ICD-10 Z12.4)s" in the sentence."""
    said = describe(interpret("Z12.4"))
    assert "(OB/GYN) (ICD-10 Z12.4)" in said
    assert not said.endswith(")s")
