"""Clinical abbreviations that count only in capitals (understanding/capitals.py)."""

from __future__ import annotations

import json

import pytest

from directory.understanding import interpret
from directory.understanding.lexicon_file import LEXICON_FILE, read_lexicon_file
from directory.understanding.typos import english_counts
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("MI", "heart-attack"),
        ("hx of MI and CHF", "heart-attack"),
        ("cardiologist for MI", "heart-attack"),
        ("ALL", "leukemia"),
        ("pediatric oncologist ALL", "leukemia"),
        ("AS", "heart-valve-disease"),
        ("hx AS, CAD", "heart-valve-disease"),
        ("severe AS on echo, TAVR eval", "heart-valve-disease"),  # graded: not "as"
        ("PE", "pulmonary-embolism"),
        ("pe", "pulmonary-embolism"),
        ("CAD", "coronary-artery-disease"),
        ("MS", "multiple-sclerosis"),
    ],
)
def test_an_abbreviation_in_capitals_is_its_concept(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    "text",
    ["mi", "dolor en mi rodilla", "all doctors", "ALL CAPS ABOUT BACK PAIN", "as needed"],
)
def test_the_same_letters_in_lower_case_or_shouted_are_everyday_words(text):
    ids = interpret(text).concept_ids
    assert "heart-attack" not in ids and "leukemia" not in ids


@pytest.mark.parametrize(
    ("text", "place"),
    [("Detroit MI", "Detroit, MI"), ("cardiologist Ann Arbor, MI", "Ann Arbor, MI")],
)
def test_a_state_in_capitals_stays_a_place(text, place):
    understood = interpret(text)
    assert understood.location.label == place
    assert "heart-attack" not in understood.concept_ids


def test_miles_in_capitals_stay_miles():
    assert interpret("within 10 MI of 06106").filters == {"radius_miles": 10}


@pytest.mark.parametrize(
    "text", ["back pain ALL day", "cardiologist AS soon AS possible", "ALL the time"]
)
def test_a_common_word_stressed_in_capitals_stays_a_word(text):
    ids = interpret(text).concept_ids
    assert "leukemia" not in ids and "heart-valve-disease" not in ids


@pytest.mark.parametrize("text", ["HA injection knee", "pt HAS knee pain"])
def test_capitals_that_do_not_say_which_abbreviation_are_not_a_headache(text):
    assert all(p.label != "Headaches" for p in interpret(text).parts)


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("IM doctor", "Internal medicine doctor"),
        ("IM referral for HTN", "Internal medicine doctor"),
        ("FM doc", "Family medicine doctor"),
        ("FP near 06106", "Family medicine doctor"),
    ],
)
def test_primary_care_shorthand_in_capitals_is_that_specialty(text, specialty):
    """'FM doc' found nobody and 'IM doctor' read 'IM' as "I'm": a referral's shorthand."""
    assert specialty in [p.label for p in interpret(text).parts if p.kind == "specialty"]


@pytest.mark.parametrize("text", ["im in pain", "fm radio", "im looking for a doctor"])
def test_the_same_letters_in_lower_case_are_not_primary_care_shorthand(text):
    labels = [p.label for p in interpret(text).parts]
    assert "Internal medicine doctor" not in labels and "Family medicine doctor" not in labels


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("mi hijo tiene mucha tos", "thoracic-outlet-syndrome"),
        ("dish washer rash", "diffuse-idiopathic-skeletal-hyperostosis"),
        ("pain after i slit my finger", "allergy-shots"),
        ("mash potatoes made me sick", "fatty-liver-disease"),
    ],
)
def test_an_acronym_that_is_an_everyday_word_counts_only_in_capitals(text, concept):
    """'mucha tos' (a bad cough) had listed neurologists for thoracic outlet syndrome."""
    assert concept not in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("TOS eval vascular surgery", "thoracic-outlet-syndrome"),
        ("DISH spine", "diffuse-idiopathic-skeletal-hyperostosis"),
        ("NASH hepatology referral", "fatty-liver-disease"),
        ("FESS ENT", "sinus-surgery"),
    ],
)
def test_the_same_acronyms_in_capitals_are_still_read(text, concept):
    assert concept in interpret(text).concept_ids


def test_no_acronym_in_the_vocabulary_is_an_everyday_word():
    """An acronym the vocabulary lists is read in any case; one that is also a common
    English word belongs in capital_abbreviations, read only in capitals."""
    words = english_counts()
    everyday = {
        synonym
        for concept in default_vocabulary().concepts.values()
        for synonym in concept.synonyms
        if synonym.isupper() and synonym.isalpha() and words.get(synonym.lower(), 0) > 0
    }
    assert everyday <= {"AIDS"}  # "aids" typed in lower case still means the disease


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        ("psa 9.2 urology referral", "prostate-cancer", "psoriatic-arthritis"),
        ("my husbands psa 12", "prostate-cancer", "psoriatic-arthritis"),
        ("alt 120 ast 90 on my labs", "abnormal-liver-tests", None),
        ("ana 1:640 and my joints hurt", None, None),
        ("inr 4.5 on warfarin", "anticoagulation-management", None),
    ],
)
def test_a_tests_letters_before_its_value_are_the_test_in_any_case(text, concept, not_read):
    understood = interpret(text)
    if concept:
        assert concept in understood.concept_ids
    else:  # a positive ANA is the rheumatologist's
        assert "207RR0500X" in understood.specialty_codes
    assert not_read not in understood.concept_ids


@pytest.mark.parametrize("text", ["psa", "psa and joint pain", "pediatrician off fm 1960"])
def test_without_a_value_lower_case_letters_keep_their_other_reading(text):
    understood = interpret(text)
    assert "prostate-cancer" not in understood.concept_ids
    assert "207Q00000X" not in understood.specialty_codes  # "fm" is a road, not family medicine


def test_a_lab_test_without_its_capitals_is_refused_by_name(tmp_path):
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    document["lab_tests"] = [*document["lab_tests"], "tsh"]
    broken = tmp_path / "lexicon.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.json.*lab_tests.*'tsh'"):
        read_lexicon_file(broken)
