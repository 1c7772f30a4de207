"""A cancer in the family is why someone worries, not the need itself: "blood in my stool,
im 45 and my dad had colon cancer" asks about the bleeding (a gastroenterologist), and
had brought cancer surgeons (understanding/ruled_out.family_history)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    return set(interpret(text).concept_ids)


@pytest.mark.parametrize(
    ("text", "history"),
    [
        ("blood in my stool, im 45 and my dad had colon cancer", "colon-cancer"),
        ("my mom had breast cancer and i found a lump in my breast", "breast-cancer"),
        ("fhx colon ca, needs screening colonoscopy", "colon-cancer"),
        ("husband up 4 times a night to pee, his brother had prostate cancer", "prostate-cancer"),
    ],
)
def test_a_cancer_in_the_family_steps_aside_for_the_need(text, history):
    found = concepts(text)
    assert found and history not in found


@pytest.mark.parametrize(
    ("text", "cancer"),
    [
        ("family history of breast cancer, what screening do i need", "breast-cancer"),
        ("my dad was just diagnosed with colon cancer", "colon-cancer"),  # the dad's care
        ("my mom has breast cancer", "breast-cancer"),
    ],
)
def test_alone_or_the_relatives_own_the_cancer_is_the_need(text, cancer):
    assert cancer in concepts(text)


def test_the_word_cancer_in_the_family_is_no_oncologist_asked():
    """ "dad had colon polyps and cancer at 55, im 40" had listed ten medical oncologists:
    the polyps in the family ask for the gastroenterologist's colonoscopy."""
    reading = interpret("dad had colon polyps and cancer at 55, im 40")
    assert reading.of_kind("specialty") == ()
    assert "colon-polyps" in reading.concept_ids
    # the searcher's own cancer is still asked
    assert interpret("my dad had a stroke and i have cancer").of_kind("specialty")


def test_a_word_of_two_meanings_is_read_by_the_cancer_in_the_family():
    """ "dad had prostate cancer at 52 when should i get psa" had read psoriatic arthritis:
    the prostate in the family says the PSA test."""
    found = concepts("dad had prostate cancer at 52 when should i get psa")
    assert found == {"prostate-cancer-screening"}
    assert concepts("psa") == {"psoriatic-arthritis"}  # alone, as before


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("Z85.3 personal hx of breast cancer, new axillary mass", "armpit-lump"),
        ("Z82.49 family history ischemic heart disease", "coronary-artery-disease"),
    ],
)
def test_a_history_code_beside_a_need_says_why(text, need):
    """The specialist a history code asks for alone steps aside for the need said."""
    reading = interpret(text)
    assert need in reading.concept_ids
    assert reading.of_kind("specialty") == ()
