"""Needs people typed that read nothing, or the wrong thing (blind probes 340-355).

Each had returned no physician at all ("pyoderma gangrenosum", "SIBO", "AKI", "phaco with
IOL", "ECT evaluation", "glomerulonephritis") or sent the patient to the wrong specialists:
"R20.2 paresthesia of skin" to dermatologists, "cant lift my foot" to podiatrists, "black
line under my nail" to primary care, "ITP pump refill" to hematologists.
"""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


def read(text: str) -> set[str]:
    return {i for p in interpret(text).parts if p.kind in ("condition", "procedure") for i in p.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # nerves, spine and pain
        ("brachial plexus injury after a motorcycle crash", "brachial-plexus-injury"),
        ("R20.2", "paresthesia"),
        ("paresthesias in both feet", "paresthesia"),
        ("toes drag when i walk", "foot-drop"),
        ("racz procedure", "percutaneous-adhesiolysis"),
        ("intrathecal pump refill", "intrathecal-drug-delivery"),
        ("genicular nerve ablation", "genicular-nerve-procedures"),
        ("head keeps pulling to one side", "dystonia"),
        ("numb legs and trouble peeing", "cauda-equina-syndrome"),
        ("fell on an outstretched hand", "wrist-injury"),
        ("arthritis from an old fracture", "post-traumatic-arthritis"),
        ("NPH lumbar drain trial", "normal-pressure-hydrocephalus"),
        # mind
        ("dysthymia", "depression"),
        ("electroconvulsive therapy", "electroconvulsive-therapy"),
        ("couples counseling", "couples-therapy"),
        # skin
        ("pyoderma gangrenosum", "pyoderma-gangrenosum"),
        ("bullous pemphigoid", "pemphigoid-and-pemphigus"),
        ("scabies", "scabies"),
        ("B86", "scabies"),
        ("dark streak on my toenail", "melanonychia"),
        ("cracked bleeding hands", "hand-eczema"),
        # women's health
        ("hysteroscopy", "hysteroscopy"),
        ("spotting while pregnant", "bleeding-in-pregnancy"),
        # kidneys and bladder
        ("glomerulonephritis", "glomerulonephritis"),
        ("AKI", "acute-kidney-injury"),
        ("neurogenic bladder from multiple sclerosis", "neurogenic-bladder"),
        ("diabetic nephropathy", "diabetic-kidney-disease"),
        ("kidney damage from high blood pressure", "hypertensive-kidney-disease"),
        # gut, eyes and ears
        ("SIBO", "sibo"),
        ("anorectal manometry", "anorectal-manometry"),
        ("hemorrhoidectomy", "hemorrhoid-surgery"),
        ("phaco with IOL", "cataract-surgery"),
        ("stapedectomy", "stapes-surgery"),
        ("otosclerosis", "otosclerosis"),
    ],
)
def test_the_need_is_read(text, concept):
    assert concept in read(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("R20.2 paresthesia of skin", "207N00000X"),  # numbness is no dermatologist's
        ("acute suppurative otitis media", "207N00000X"),  # not hidradenitis suppurativa
        ("cant lose weight no matter what", "208600000X"),  # medicine, not bariatric surgery
    ],
)
def test_the_need_does_not_lead_with_the_wrong_specialists(text, wrong):
    vocabulary = default_vocabulary()
    concepts = [vocabulary.concepts[i] for i in read(text)]
    assert concepts, text
    assert all(c.specialties[0].code != wrong for c in concepts), [c.id for c in concepts]


def test_bare_itp_stays_the_bleeding_disorder():
    assert "intrathecal-drug-delivery" not in read("ITP")
