"""Words from blind probes 420-435, each a class the blind runs missed: what a treatment
caused, what an infection left, pain or a lump between specialties, complications of a
known disease, lifelong conditions into adult care. Each had read nothing, or another need."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("U09.9", "covid-19"),
        ("post-COVID myocarditis follow-up", "myocarditis"),
        ("serotonin syndrome", "serotonin-syndrome"),
        ("SSRI discontinuation syndrome", "antidepressant-discontinuation"),
        ("DRESS syndrome", "drug-allergy"),
        ("cant tolerate statins", "statin-intolerance"),
        ("D68.32 bleeding due to anticoagulant", "anticoagulant-bleeding"),
        ("checkpoint inhibitor hypophysitis", "pituitary-disorders"),
        ("mouth sores from chemo", "oral-mucositis"),
        ("radiation pneumonitis J70.0", "radiation-pneumonitis"),
        ("Tietze syndrome", "costochondritis"),
        ("swollen lymph nodes in groin", "groin-lymph-nodes"),
        ("sharp electric shock pain in one side of my face", "trigeminal-neuralgia"),
        ("cheekbone hurts after getting hit in the face", "facial-fractures"),
        ("scrotal mass N50.89", "scrotal-mass"),
        ("gowt in my big toe", "gout"),
        ("my son got ameoba from bad water", "amebiasis"),
        ("CFRD management", "cystic-fibrosis-related-diabetes"),
        ("selective dorsal rhizotomy", "selective-dorsal-rhizotomy"),
        ("VP shunt revision", "hydrocephalus-and-shunts"),
        ("scleroderma renal crisis", "scleroderma-renal-crisis"),
        ("my blood count is low", "anemia"),
        ("erythema nodosum", "erythema-nodosum"),
        ("ms and i cant hold my pee anymore", "neurogenic-bladder"),
        ("jaw bone exposed after taking fosamax", "osteonecrosis-of-the-jaw"),
        ("pee looks like cola after i had strep", "glomerulonephritis"),
        ("subglottic stenosis after prolonged intubation", "subglottic-stenosis"),
        ("post dural puncture headache needs blood patch", "post-dural-puncture-headache"),
        ("mastalgia", "mastalgia"),
        ("N63.0 unspecified lump in breast", "breast-lump"),
        ("CP/CPPS chronic prostatitis referral", "prostatitis"),
        ("my husband feels a pulsing in his belly", "abdominal-aortic-aneurysm"),
        ("noncardiac chest pain R07.89", "noncardiac-chest-pain"),
        ("post-thoracotomy chest wall pain", "post-thoracotomy-pain-syndrome"),
    ],
)
def test_the_need_reads_as_its_concept(text, concept):
    assert concept in interpret(text).concept_ids
