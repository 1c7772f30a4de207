"""A told story's conditions said before "now", "lately", "this week" or a referral's "new"
are what the patient lives with; what came after is the ask
(understanding/background.what_is_new). They had made the background's specialists lead:
the dermatologist for the psoriasis beside new swollen joints, the endocrinologist for the
diabetes beside a curtain over one eye."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    reading = interpret(text)
    return {i for part in reading.of_kind("condition", "procedure") for i in part.ids}


def kinds(text: str) -> set[str]:
    return {part.kind for part in interpret(text).parts}


@pytest.mark.parametrize(
    ("text", "background"),
    [
        (
            "ive had eczema since i was little and gout too. now chest pain when i climb stairs",
            {"eczema", "gout"},
        ),
        (
            "have diabetes and high cholesterol, lately the vision in my left eye is blurry",
            {"type-2-diabetes", "type-1-diabetes", "high-cholesterol"},
        ),
        ("bad acid reflux for years, this week my right knee swelled up and hurts", {"gerd"}),
        ("psoriasis all my life, out of nowhere my heel hurts when i walk", {"psoriasis"}),
        ("HTN DM2 CKD3, new carpal tunnel", {"hypertension", "type-2-diabetes"}),
    ],
)
def test_what_came_after_the_turn_is_asked(text, background):
    found = concepts(text)
    assert not (found & background)
    assert found or "body_part" in kinds(text)  # the new trouble is still read


@pytest.mark.parametrize(
    ("text", "stays"),
    [
        # its own specialist treats what came after: the same illness going on
        ("asthma for years, now wheezing every night", "asthma"),
        # a cancer changes whom any new trouble is for
        ("breast cancer survivor, now my hip aches all the time", "breast-cancer"),
        # a pregnancy is who the patient is, not a new trouble
        ("crohns disease and now 10 weeks pregnant", "crohns-disease"),
        # "now on ...": a treatment, no turn
        ("high blood pressure, now on lisinopril", "hypertension"),
        # no turn: both asked
        ("eczema and gout", "eczema"),
        # nothing asked after the turn
        ("I have diabetes and need a new doctor now", "type-2-diabetes"),
    ],
)
def test_the_condition_stays_where_nothing_new_is_told(text, stays):
    assert stays in concepts(text)


def test_a_new_patient_is_no_new_trouble():
    reading = interpret("accepting new patients cardiologist for heart failure")
    assert "heart-failure" in concepts(reading.text)


@pytest.mark.parametrize(
    "text",
    [
        "i have lupus and high blood pressure and now my joints are swelling",
        "lupus and now all my joints hurt",
    ],
)
def test_a_disease_whose_specialist_treats_the_joints_stays(text):
    """Joints, many of them, are the rheumatologist's first: lupus beside them stays asked
    (it had set aside for ten orthopedic surgeons); the blood pressure steps aside."""
    reading = interpret(text)
    assert "lupus" in concepts(text)
    assert "hypertension" not in concepts(text)
    joints = [p for p in reading.of_kind("body_part") if "207RR0500X" in p.codes]
    assert joints and joints[0].codes[0] == "207RR0500X"
