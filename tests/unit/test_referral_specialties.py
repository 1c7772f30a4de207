"""A referral's shorthand for a specialty reads as that specialty (data/lexicon.json)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def specialties(text: str) -> list[str]:
    return [part.ids[0] for part in interpret(text).of_kind("specialty")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("cards referral", "207RC0000X"),
        ("heme referral", "207RH0000X"),
        ("heme/onc consult anemia", "207RH0003X"),
        ("heme onc", "207RH0003X"),
        ("neph consult", "207RN0300X"),
        ("nephro referral", "207RN0300X"),
        ("ophtho referral", "207W00000X"),
        ("optho referral", "207W00000X"),  # not "ortho" by one letter
        ("gen surg referral", "208600000X"),
        ("CT surg referral", "208G00000X"),
        ("vasc surg consult", "2086S0129X"),
        ("plastics referral", "208200000X"),
        ("pod referral", "213E00000X"),
        ("neurosurg referral", "207T00000X"),
        ("neuro surg referral", "207T00000X"),  # not a neurologist with "surg" dropped
        ("A&I referral", "207K00000X"),
        ("sleep referral", "207RS0012X"),
        ("palliative referral", "207RH0002X"),
        ("geri referral", "207RG0300X"),
        ("rad onc referral", "2085R0001X"),
        ("surg onc referral", "2086X0206X"),
        ("peds cards referral", "2080P0202X"),
        ("peds onc", "2080P0207X"),
        ("dev peds referral", "2080P0006X"),
        ("r/o ASD, dev-beh peds eval", "2080P0006X"),
        ("trying for a baby 2 yrs, my sperm count came back low", "208800000X"),
        ("NICU referral", "2080N0001X"),
        ("endocrine referral", "207RE0101X"),
        ("REI referral", "207VE0102X"),
        ("urogyn referral", "207VF0040X"),
        ("colorectal referral", "208C00000X"),
    ],
)
def test_specialty_shorthand_reads_as_the_specialty(text, code):
    understood = interpret(text)
    assert specialties(text) == [code]
    assert not understood.unplaced


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ID consult", "207RI0200X"),
        ("ID consult cellulitis", "207RI0200X"),
        ("EP referral", "207RC0001X"),
        ("EP consult afib", "207RC0001X"),
        ("IR referral", "2085R0204X"),
        ("IR for uterine fibroids", "2085R0204X"),
    ],
)
def test_letters_in_capitals_are_the_specialty(text, code):
    assert specialties(text) == [code]


@pytest.mark.parametrize("text", ["id card", "id consult", "ep", "ir", "card"])
def test_the_same_letters_in_lower_case_are_not_a_specialty(text):
    assert specialties(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [("Boise ID", "Boise, ID"), ("dermatologist Boise, ID", "Boise, ID"), ("in ID", "Idaho")],
)
def test_idaho_stays_a_place(text, place):
    understood = interpret(text)
    assert understood.location.label == place
    assert "207RI0200X" not in understood.specialty_codes


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("back pain consult", "chronic-low-back-pain"),
        ("sleep apnea consult", "sleep-apnea"),
        ("colorectal cancer", "colon-cancer"),
        ("bariatric surgery", "bariatric-surgery"),
    ],
)
def test_a_longer_clinical_phrase_keeps_its_words(text, concept):
    assert interpret(text).concept_ids[0] == concept


@pytest.mark.parametrize("text", ["audiologist", "audiology referral", "audiogram"])
def test_audiology_is_hearing_care_not_a_cardiologist_one_typo_away(text):
    understood = interpret(text)
    assert "207RC0000X" not in understood.specialty_codes
    if text == "audiogram":
        assert understood.concept_ids == ("hearing-loss",)
    else:  # the audiologist asked for by name: 'H90.3 SNHL audiology' had listed ENTs first
        assert understood.specialty_codes[:1] == ("231H00000X",)
