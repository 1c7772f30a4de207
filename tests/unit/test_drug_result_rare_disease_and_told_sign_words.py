"""Medicines, test results, rare and autoimmune diseases, pain procedures, the signs a told
story gives and words for a doctor in other languages, in patients' and referral words:
blind probes 396-403 found these unread or misread."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def read(text: str) -> set[str]:
    """The concepts the text is read as, a specialty named by a need's included."""
    parts = interpret(text).parts
    return {i for p in parts for i in p.ids} | {i for p in parts if p.treats for i in p.treats.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        # medicines that say the condition
        ("dad takes amiodarone, who monitors it", "heart-arrhythmia"),
        ("my inr keeps jumping on coumadin", "anticoagulation-management"),
        ("methotrexate monitoring", "rheumatoid-arthritis"),
        # results and screenings
        ("lead level high in my 3 year old", "lead-poisoning"),
        ("MGUS follow up", "mgus"),
        ("got called back after my mammogram", "abnormal-breast-imaging"),
        ("nipt says high risk for down syndrome", "prenatal-genetic-screening"),
        # rare and autoimmune
        ("churg strauss", "vasculitis"),
        ("EGPA referral", "vasculitis"),
        ("temporal arteritis", "giant-cell-arteritis"),
        (
            "pain in my jaw when i chew and a bad headache at my temple, r/o GCA",
            "giant-cell-arteritis",
        ),
        ("heliotrope rash and weak shoulders", "dermatomyositis"),
        ("cardiac sarcoid", "cardiac-sarcoidosis"),
        ("antiphospholipid antibodies positive", "antiphospholipid-syndrome"),
        ("probe to bone foot ulcer osteomyelitis", "osteomyelitis"),
        # pain procedures in lay words
        ("iv lidocaine for nerve pain", "lidocaine-infusions-for-pain"),
        ("SI joint shot", "sacroiliac-joint-injection"),
        ("they want to put cement in my spine", "kyphoplasty"),
        ("thymus removal for myasthenia", "thymectomy"),
        # a told story's signs
        ("a shadow like a curtain over part of my vision", "retinal-detachment"),
        ("fingers swell up like sausages", "psoriatic-arthritis"),
        ("today i peed blood", "blood-in-urine"),
    ],
)
def test_the_need_is_read(text, concept):
    assert concept in read(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("my blood doesnt clot well", "deep-vein-thrombosis"),  # a bleeding disorder
        ("diarrhea then constipation back and forth", "back-pain"),
    ],
)
def test_a_word_beside_is_not_another_need(text, not_read):
    assert not_read not in read(text)


@pytest.mark.parametrize(
    "text", ["bác sĩ nói tiếng việt", "peds referral for ADHD", "looking for a new usual doctor"]
)
def test_a_doctor_in_other_words_is_a_doctor(text):
    """'bác sĩ' is a doctor, 'peds referral' asks for a pediatrician."""
    assert any(p.kind == "specialty" for p in interpret(text).parts)


def test_lab_monitoring_beside_a_named_drug_is_not_a_primary_care_visit():
    """'my brother is on clozapine and needs blood work monitoring' listed family doctors:
    the monitoring is the psychiatric drug's, like a result said of a test."""
    parts = interpret("my brother on clozapine needs blood work monitoring").parts
    assert "schizophrenia" in {i for p in parts for i in p.ids}
    assert not [p for p in parts if p.kind == "specialty"]
