"""Words beside a diagnosis code name what the code names (understanding/beside_code.py)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("M51.26 herniated disc", "M51.26"),  # not the cervical disc too
        ("spinal stenosis M48.06", "M48.06"),
        ("M54.16 sciatica", "M54.16"),  # the code's name for it
        ("M54.5 low back pain referral", "M54.5"),
        ("migraine w/o aura G43.009", "G43.009"),
        ("E11.9 type 2 diabetes", "E11.9"),
    ],
)
def test_words_beside_a_code_ask_for_no_more_than_the_code(text, code):
    assert set(interpret(text).concept_ids) == set(interpret(code).concept_ids)


def test_a_problem_of_another_body_system_stays_a_second_concept():
    ids = interpret("E11.9 diabetes and knee arthritis").concept_ids
    assert ids == ("type-2-diabetes", "knee-osteoarthritis")
