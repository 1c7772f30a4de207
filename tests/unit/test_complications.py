"""A condition named beside one of its complications is the reason, not the ask
(data/lexicon.json ``complications``): "T2DM needs dilated eye exam, diabetic
retinopathy screening" is for the eyes, and had listed endocrinologists first."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    return set(interpret(text).concept_ids)


DIABETES_2, DIABETES_1 = "type-2-diabetes", "type-1-diabetes"
CKD = "chronic-kidney-disease"


@pytest.mark.parametrize(
    ("text", "asked", "cause"),
    [
        (
            "T2DM needs dilated eye exam, diabetic retinopathy screening",
            "diabetic-retinopathy",
            DIABETES_2,
        ),
        ("diabetic with ckd stage 4, nephrology referral", CKD, DIABETES_2),
        ("diabetic foot ulcer wont heal, type 1 diabetes", "chronic-wounds", DIABETES_1),
        ("high blood pressure for years and now kidney disease", CKD, "hypertension"),
        # listed endocrinologists for the diabetes ahead of nephrologists
        (
            "my pee is really foamy and urine test showed protein. diabetic 12 yrs",
            "proteinuria",
            DIABETES_2,
        ),
    ],
)
def test_the_complication_is_asked_and_its_cause_is_why(text, asked, cause):
    found = concepts(text)
    assert asked in found and cause not in found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("type 2 diabetes", "type-2-diabetes"),  # alone, the need itself
        ("diabetic, kidney numbers getting worse and feet numb", "type-2-diabetes"),  # two
        ("diabetes and knee pain", "type-2-diabetes"),  # no complication of it
    ],
)
def test_the_cause_stays_when_it_is_the_need(text, kept):
    assert kept in concepts(text)
