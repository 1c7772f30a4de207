"""Bladder, eye, allergy, liver and substance-use needs as people and referrals type them:
each is read as its own concept, not as insomnia ("pee all night"), skin spots ("dark spot
in the middle of my vision"), chemotherapy ("venom immunotherapy") or a heart stent ("bile
duct blockage needs stent")."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        ("mom of 3 and i leak every time i jump or run", "urinary-incontinence", None),
        ("se me sale la orina cuando toso", "urinary-incontinence", None),
        ("hunner lesion", "interstitial-cystitis", None),
        ("urodynamics testing referral", "urodynamic-testing", None),
        ("gotta pee all night cant sleep", "overactive-bladder", "insomnia"),
        ("eye pressure was high at my eye exam", "glaucoma", None),
        ("diabetic need my yearly eye exam", "diabetic-retinopathy", None),
        ("my daughter keeps squinting at the board at school", "refractive-errors", None),
        ("dark spot in the middle of my vision", "macular-degeneration", None),
        ("baseline retinal exam plaquenil", "hydroxychloroquine-eye-exam", None),
        ("stung by a bee and my throat swelled up", "insect-sting-allergy", None),
        ("venom immunotherapy", "insect-sting-allergy", "chemotherapy"),
        ("immunotherapy for allergies", "allergy-shots", "chemotherapy"),
        ("allergic reaction to contrast dye need clearance before ct scan", "drug-allergy", None),
        ("fibroscan near me", "fatty-liver-disease", None),
        ("my a1t levels are high", "abnormal-liver-tests", None),
        ("bile duct blockage needs stent referral", "ercp", "coronary-angioplasty"),
        ("had my gallbladder removed and still having pain", "postcholecystectomy-syndrome", None),
        ("doctor for alcohol withdrawal shakes in the morning", "alcohol-use-disorder", None),
        ("kratom withdrawl help", "opioid-use-disorder", None),
        ("pot is making me paranoid and i cant quit", "cannabis-use-disorder", None),
        ("cannabis hyperemesis syndrome GI referral", "cannabis-hyperemesis-syndrome", None),
        ("neonatal abstinence syndrome infant f/u", "neonatal-abstinence-syndrome", None),
    ],
)
def test_a_need_typed_in_its_own_words_is_read_as_it(text, concept, not_read):
    read = concepts(text)
    assert concept in read, read
    assert not_read not in read, read


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("caller says her cardiologist wants to do a heart cath and stent", "coronary-angioplasty"),
        ("stent", "coronary-angioplasty"),
        ("chest pain again after getting a stent last year", "coronary-angioplasty"),
        ("kidney stone stent removal atlanta", "kidney-stone-treatment"),
    ],
)
def test_a_stent_is_the_one_the_rest_of_the_text_names(text, concept):
    """'stent' beside a bile duct is the gastroenterologist's; alone or beside the heart it is
    still the coronary stent."""
    assert concept in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "caller has itching and bleeding from rectum wants appt this week",
        "bump next to my butthole",
    ],
)
def test_the_anus_and_rectum_are_a_body_part_for_the_gastroenterologist(text):
    """'bleeding from rectum' had read only an itchy rash, for dermatologists."""
    parts = interpret(text).parts
    codes = {c for p in parts if p.kind == "body_part" for c in p.codes}
    assert "207RG0100X" in codes and "208C00000X" in codes, parts
