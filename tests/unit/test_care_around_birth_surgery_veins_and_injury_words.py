"""Words from blind probes 372-379 (a referral's and a caregiver's lines, pregnancy and
newborns, the path around an operation, veins, injuries): each read as the need a referral
nurse would send on, and the condition map's first specialists for it."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

GENERAL_SURGEON, VASCULAR_SURGEON = "208600000X", "2086S0129X"
MFM, PALLIATIVE, GERIATRICS = "207VM0101X", "207RH0002X", "207RG0300X"
UROLOGIST, HAND_SURGEON, PLASTIC_SURGEON = "208800000X", "207XS0106X", "208200000X"
GASTROENTEROLOGIST, ORTHOPEDIC_SURGEON = "207RG0100X", "207X00000X"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # caregivers
        ("PEG tube placement referral", "feeding-tube"),
        ("E43 severe protein calorie malnutrition elderly", "malnutrition"),
        ("mom not eating losing weight 85 years old", "malnutrition"),
        ("confused after surgery postoperative cognitive dysfunction", "delirium"),
        ("skin breaking down on my paralyzed brothers bottom", "pressure-ulcers"),
        ("osteomyelitis under sacral decubitus ulcer", "pressure-ulcers"),
        ("pain control for my dying father at home", "hospice-and-palliative-care"),
        ("foley catheter keeps clogging", "urinary-catheter-care"),
        ("urine leaking when mom coughs or sneezes", "urinary-incontinence"),
        ("mom coughs when she drinks water since her stroke", "dysphagia"),
        ("elderly mom swollen legs and weeping sores", "venous-leg-ulcers"),
        # pregnancy and newborns
        ("placenta previa", "placenta-problems"),
        ("placenta accreta spectrum referral", "placenta-problems"),
        ("stillbirth support doctor boston", "stillbirth"),
        ("developmental follow-up premature infant", "prematurity-follow-up"),
        ("bronchopulmonary dysplasia ex-preemie follow up", "bronchopulmonary-dysplasia"),
        ("pelvic floor problems after delivery", "postpartum-pelvic-floor"),
        ("perinatal mood disorder referral", "perinatal-mood-disorders"),
        ("pregnant with twins", "high-risk-pregnancy"),
        # around an operation
        ("bulge next to my scar from surgery", "hernia"),
        ("chest incision is opening up after bypass", "sternal-wound-infection"),
        ("arm swelling after mastectomy", "lymphedema"),
        ("N99.1 postprocedural urethral stricture", "urethral-stricture"),
        ("cystoid macular edema after cataract surgery", "macular-edema"),
        ("T84.032A mechanical loosening right knee prosthesis", "joint-replacement-problems"),
        ("Z01.818 preprocedural examination", "preoperative-clearance"),
        # veins and arteries
        ("calf pain when i walk goes away when i stop", "peripheral-artery-disease"),
        ("blocked artery in neck doctor", "carotid-artery-disease"),
        ("heavy tired legs veins", "varicose-veins"),
        ("radiofrequency ablation varicose veins", "varicose-vein-treatment"),
        ("aneurysm behind my knee", "peripheral-artery-aneurysm"),
        # injuries
        ("cut my finger with a box cutter and now i cant bend it", "hand-tendon-injury"),
        ("stepped on a rusty nail at work", "puncture-wound"),
        ("dog bite on my daughters face will it scar", "animal-bite"),
        ("knocked my front tooth out", "dental-trauma"),
        ("dislocated my shoulder falling off the roof", "shoulder-dislocation"),
        ("facial laceration repair", "facial-laceration"),
        ("T23.201A second degree burn right hand referral", "burn-injuries"),
    ],
)
def test_a_need_in_its_own_words_reads_as_that_need(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("dislocated my shoulder falling off the roof", "falls-and-balance"),  # how it began
        ("knocked my front tooth out falling off bike", "falls-and-balance"),
        ("rash on both arms wont go away itchy af", "atrial-fibrillation"),  # slang
        ("heart burn doctor in katy tx", "burn-injuries"),
        ("hereditary hemochromatosis therapeutic phlebotomy", "varicose-vein-treatment"),
        ("cystoid macular edema", "leg-swelling"),
        ("arm swelling after mastectomy", "breast-cancer"),
    ],
)
def test_a_word_beside_the_need_does_not_take_it_over(text, not_meant):
    assert not_meant not in interpret(text).concept_ids


@pytest.mark.parametrize(
    "text", ["my mom keeps falling", "AF with rvr", "heartburn every night", "a fib"]
)
def test_what_those_words_meant_before_still_reads(text):
    assert interpret(text).concept_ids


@pytest.mark.parametrize(
    ("concept", "first"),
    [
        ("placenta-problems", MFM),
        ("hospice-and-palliative-care", PALLIATIVE),
        ("delirium", GERIATRICS),
        ("feeding-tube", GASTROENTEROLOGIST),
        ("urinary-catheter-care", UROLOGIST),
        ("peripheral-artery-disease", VASCULAR_SURGEON),
        ("venous-leg-ulcers", VASCULAR_SURGEON),
        ("hand-tendon-injury", HAND_SURGEON),
        ("burn-injuries", PLASTIC_SURGEON),
        ("shoulder-dislocation", ORTHOPEDIC_SURGEON),
    ],
)
def test_the_map_sends_each_need_to_its_specialist_first(concept, first):
    assert default_vocabulary().concepts[concept].specialties[0].code == first


def test_an_operation_beside_its_condition_is_its_surgeons():
    """Obesity's map is medicine's, and 'bariatric surgery for obesity' had listed
    endocrinologists: the operation's own surgeon leads beside it (ranking.for_the_condition);
    a child's overweight stays the pediatrician's, with no surgeon on obesity's map."""
    from app.search.ranking import for_the_condition
    from directory.condition_map import specialty_ranks

    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["obesity", "bariatric-surgery"])
    paired = for_the_condition(vocabulary, ranks, ["obesity"], ["bariatric-surgery"])
    assert min(paired, key=paired.get) == GENERAL_SURGEON
    assert GENERAL_SURGEON not in {s.code for s in vocabulary.concepts["obesity"].specialties}
    ranks = specialty_ranks(vocabulary, ["migraine", "botox-injections"])
    botox = for_the_condition(vocabulary, ranks, ["migraine"], ["botox-injections"])
    assert min(botox, key=botox.get) == "2084N0400X"  # the neurologist, not the dermatologist
