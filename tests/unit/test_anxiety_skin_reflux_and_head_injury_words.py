"""Anxiety and OCD, heart and lung, skin and hair, reflux and the esophagus, food allergy,
kidney stone, head injury and development needs as people and referrals type them: each is
read as its own concept, not as hair or skin problems ("hair pulling"), falls ("eyebrows
falling out"), gout ("uric acid stones"), a radiofrequency nerve ablation ("radiofrequency
ablation for barrett's"), talk therapy ("vision therapy after concussion") or a heart stent
("stent pain after stone surgery")."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        ("ERP therapy", "psychotherapy", None),
        ("exposure and response prevention", "psychotherapy", None),
        ("exposure therapy", "psychotherapy", None),
        ("trichotillomania", "body-focused-repetitive-behaviors", None),
        ("hair pulling", "body-focused-repetitive-behaviors", "hair-loss"),
        ("skin picking", "body-focused-repetitive-behaviors", None),
        ("dermatillomania", "body-focused-repetitive-behaviors", None),
        ("BFRB", "body-focused-repetitive-behaviors", None),
        ("scared of flying", "anxiety", None),
        ("fear of needles", "anxiety", None),
        ("agoraphobia", "anxiety", None),
        ("afraid to leave the house", "anxiety", None),
        ("wont go to school", "anxiety", None),
        ("PANDAS", "pans-and-pandas", None),
        ("PANS", "pans-and-pandas", None),
        ("sudden onset OCD after strep", "pans-and-pandas", "strep-throat"),
        ("pleurisy", "pleurisy", None),
        ("pain when i take a deep breath", "pleurisy", None),
        ("sharp chest pain breathing in", "pleurisy", "chest-pain"),
        ("thickened heart wall", "cardiomyopathy", None),
        ("LVH", "cardiomyopathy", None),
        ("left ventricular hypertrophy", "cardiomyopathy", None),
        ("TG", "high-cholesterol", None),
        ("lp(a)", "inherited-high-cholesterol", None),
        ("rhinophyma", "rosacea", None),
        ("nose getting big and bumpy", "rosacea", None),
        ("face flushes red", "rosacea", None),
        ("acne scarring", "scars-and-keloids", "acne"),
        ("ice pick scars", "scars-and-keloids", None),
        ("subcision", "scars-and-keloids", None),
        ("microneedling for scars", "scars-and-keloids", None),
        ("milia removal", "moles-and-skin-growths", None),
        ("tiny white bumps under eyes", "moles-and-skin-growths", None),
        ("ipledge", "acne", None),
        ("telogen effluvium", "hair-loss", None),
        ("hair not growing back after chemo", "hair-loss", "short-stature"),
        ("eyebrows falling out", "hair-loss", "falls-and-balance"),
        ("bald patches in my beard", "hair-loss", None),
        ("CCCA", "hair-loss", None),
        ("lump on my scalp", "skin-cyst", None),
        ("bump on head under the hair", "skin-cyst", None),
        ("acid reflex", "gerd", None),
        ("throw up acid at night", "gerd", "nausea-and-vomiting"),
        ("wake up choking on acid", "gerd", None),
        ("barrett's surveillance", "gerd", None),
        ("radiofrequency ablation for barrett's", "gerd", "radiofrequency-ablation"),
        ("achalasia", "esophageal-motility-disorders", None),
        ("POEM", "esophageal-motility-disorders", None),
        ("esophageal manometry", "esophageal-function-testing", None),
        ("pH study", "esophageal-function-testing", None),
        ("bravo ph study", "esophageal-function-testing", None),
        ("fundoplication", "anti-reflux-surgery", None),
        ("nissen fundoplication", "anti-reflux-surgery", None),
        ("LINX", "anti-reflux-surgery", None),
        ("reaction the first time trying egg", "food-allergy", None),
        ("itchy throat after eating fruit", "food-allergy", None),
        ("FPIES", "food-allergy", None),
        ("vomiting hours after eating a food", "food-allergy", "nausea-and-vomiting"),
        ("alpha gal", "food-allergy", None),
        ("alergia al cacahuate", "food-allergy", None),
        ("uric acid stones", "kidney-stones", "gout"),
        ("staghorn stone", "kidney-stones", None),
        ("24 hour urine for stones", "kidney-stones", None),
        ("metabolic stone workup", "kidney-stones", None),
        ("renal ultrasound", "kidney-stones", None),
        ("stent pain after stone surgery", "kidney-stone-treatment", "coronary-angioplasty"),
        ("stent removal", "kidney-stone-treatment", "coronary-angioplasty"),
        ("stent from the ER hurts", "kidney-stone-treatment", "coronary-angioplasty"),
        ("CTE", "traumatic-brain-injury", None),
        ("personality change after head injury", "traumatic-brain-injury", None),
        ("subdural hematoma", "subdural-hematoma", None),
        ("brain bleed follow up", "subdural-hematoma", None),
        ("vision therapy after concussion", "binocular-vision-problems", "psychotherapy"),
        ("convergence insufficiency", "binocular-vision-problems", None),
        ("developmental screening", "developmental-delay", None),
        ("M-CHAT", "autism", None),
        ("stimming", "autism", None),
    ],
)
def test_a_need_typed_in_its_own_words_is_read_as_it(text, concept, not_read):
    read = concepts(text)
    assert concept in read, read
    assert not_read not in read, read


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("stent urologist", "kidney-stone-treatment"),
        ("stent gastroenterologist", "ercp"),
        ("stent cardiologist", "coronary-angioplasty"),
        ("stent", "coronary-angioplasty"),
    ],
)
def test_a_stent_is_the_one_of_the_specialist_typed_beside_it(text, concept):
    """'stent' beside a urologist is the ureteral stent, beside a gastroenterologist the bile
    duct's; alone or beside a cardiologist it is still the heart's."""
    assert concepts(text) == {concept}


def test_a_brain_bleed_is_a_stroke_or_a_subdural_hematoma():
    assert concepts("brain bleed") == {"stroke", "subdural-hematoma"}


def test_heartburn_in_pregnancy_is_the_obstetricians():
    assert concepts("heartburn while pregnant") == {"pregnancy-care"}


@pytest.mark.parametrize("text", ["scalp burning", "scalp tingling"])
def test_a_burning_or_tingling_scalp_is_the_dermatologists(text):
    assert interpret(text).specialty_codes == ("207N00000X",)


@pytest.mark.parametrize(
    ("text", "name"), [("dr nissen", "Nissen"), ("dr barrett", "Barrett"), ("dr bravo", "Bravo")]
)
def test_a_surname_that_starts_a_term_is_still_a_name(text, name):
    """'Nissen' (a fundoplication), 'Barrett' (Barrett's esophagus) and 'Bravo' (a pH
    capsule) are surnames too: only the longer terms name the need."""
    assert [p.label for p in interpret(text).parts if p.kind == "name"] == [name]


@pytest.mark.parametrize(
    ("concept", "first"),
    [
        ("body-focused-repetitive-behaviors", "103T00000X"),  # psychologist
        ("pans-and-pandas", "208000000X"),  # pediatrician
        ("pleurisy", "207RP1001X"),  # pulmonologist
        ("esophageal-motility-disorders", "207RG0100X"),  # gastroenterologist
        ("esophageal-function-testing", "207RG0100X"),
        ("anti-reflux-surgery", "208600000X"),  # general surgeon
        ("subdural-hematoma", "207T00000X"),  # neurosurgeon
        ("binocular-vision-problems", "207WX0109X"),  # neuro-ophthalmologist
    ],
)
def test_the_new_needs_lead_with_who_a_referral_nurse_sends_to_first(concept, first):
    assert default_vocabulary().concepts[concept].specialties[0].code == first
