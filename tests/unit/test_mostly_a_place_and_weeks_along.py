"""Two things said beside a need that are not another need: "mostly" before a body part
says where (ruled_out.main_need), and "at 34 weeks" says a pregnancy (parse._in_pregnancy)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my joints are swollen and stiff in the morning mostly my hands", "rheumatoid-arthritis"),
        ("back pain but mostly my knee", "chronic-low-back-pain"),
    ],
)
def test_mostly_before_a_body_part_says_where_and_keeps_the_need(text, kept):
    assert kept in interpret(text).concept_ids


def test_mostly_before_a_rash_place_keeps_the_rash():
    reading = interpret("rash mostly on my arms")
    assert [p.kind for p in reading.parts] == ["symptom"]  # the skin's, not the arm's bones


def test_mostly_before_another_need_is_still_the_ask():
    assert interpret("headaches and mostly dizziness").concept_ids == ("vertigo",)


@pytest.mark.parametrize(
    "text",
    [
        "my blood pressure went way up at 34 weeks and my feet are swollen",
        "she's 28 wks and her bp is high",
    ],
)
def test_weeks_along_beside_a_need_is_a_pregnancy(text):
    ids = interpret(text).concept_ids
    assert "high-risk-pregnancy" in ids
    assert "hypertension" not in ids


@pytest.mark.parametrize(
    "text",
    [
        "high blood pressure for 3 weeks",
        "high blood pressure 2 weeks ago",
        "my baby is 6 weeks old and has reflux",
    ],
)
def test_a_duration_or_a_babys_age_is_no_pregnancy(text):
    ids = interpret(text).concept_ids
    assert "high-risk-pregnancy" not in ids
    assert "pregnancy-care" not in ids
