"""What follows "mostly" or "the main thing is" is the ask; the needs said before it are
why the writer mentions them, not what to search (understanding/ruled_out.main_need)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    reading = interpret(text)
    return {i for part in reading.of_kind("condition", "symptom", "body_part") for i in part.ids}


@pytest.mark.parametrize(
    ("text", "asked", "beside"),
    [
        (
            "i have asthma and high blood pressure but the main thing is heartburn every night",
            "gerd",
            {"asthma", "hypertension"},
        ),
        (
            "also have anxiety and IBS but mostly need help with migraines 3x a week",
            "migraine",
            {"anxiety", "irritable-bowel-syndrome"},
        ),
        ("tengo diabetes pero principalmente dolor de rodilla", None, {"type-2-diabetes"}),
    ],
)
def test_the_need_after_the_cue_is_the_ask(text, asked, beside):
    found = concepts(text)
    assert found and not (found & beside)
    if asked:
        assert asked in found


@pytest.mark.parametrize(
    "text",
    [
        "asthma and heartburn",  # no cue: both asked
        "asthma, mostly at night",  # nothing asked after the cue: the asthma stays
    ],
)
def test_without_a_need_after_the_cue_every_need_stays(text):
    assert "asthma" in concepts(text)


def test_a_specialist_already_seen_is_not_the_one_asked_for():
    """'COPD + CHF, cardiology already established, needs pulm only' listed cardiologists."""
    reading = interpret("COPD + CHF, cardiology already established, needs pulm only")
    assert {i for p in reading.of_kind("specialty") for i in p.ids} == {"207RP1001X"}
    assert {i for p in interpret("cardiology").of_kind("specialty") for i in p.ids} == {
        "207RC0000X"
    }  # alone, what is asked


@pytest.mark.parametrize(
    ("text", "asked", "history"),
    [
        (
            "HTN, HLD, DM2 — referral for: chronic low back pain, failed PT",
            "chronic-low-back-pain",
            {"hypertension", "type-2-diabetes"},
        ),
        (
            "PMHx DM2, CAD. r/o lumbar stenosis. Pain/spine eval",
            "lumbar-spinal-stenosis",
            {"type-2-diabetes", "coronary-artery-disease"},
        ),
    ],
)
def test_a_referrals_problem_list_is_why_not_what(text, asked, history):
    """The problem list had made the family doctors, who treat all of it, the best fit."""
    found = concepts(text)
    assert asked in found and not (found & history)


def test_a_past_history_alone_stays_the_ask():
    assert "type-2-diabetes" in concepts("PMHx DM2")


def test_a_history_said_twice_sets_each_condition_aside_once():
    """Found by the property sweep: 'pmhx pmhx brca1 positive' listed its words twice."""
    reading = interpret("pmhx pmhx DM2, knee pain")
    words = [w.span for w in (*reading.filler, *reading.unplaced)]
    assert len(words) == len(set(words))
