"""Pain said apart from its body part is that body part's pain, not pain medicine's need.

"fell on my wrist and it still hurts a week later" had read only "Pain" (the wrist dropped
as where the pain was) and listed pain specialists for a possible fracture; "gas pains and
bloating" and "hurts to pee" brought pain specialists beside the gut's and the bladder's.
"""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PAIN_MEDICINE = {"208VP0014X", "208VP0000X"}


def asked(text: str) -> set[str]:
    return {code for part in interpret(text).parts for code in part.codes}


@pytest.mark.parametrize(
    ("text", "body_part"),
    [
        ("slipped on the ice, landed on my hip and it still hurts", "hip"),
        ("landed on my elbow yesterday, still aches", "elbow"),
        ("cramps and bloating and it hurts after i eat", "bloating"),
        ("banged my knee on the door and it still hurts", "knee"),
    ],
)
def test_pain_said_apart_is_the_body_parts(text, body_part):
    understood = interpret(text)
    kinds = [(p.kind, p.label.casefold()) for p in understood.parts]
    assert not any(kind == "symptom" and label == "pain" for kind, label in kinds), kinds
    assert any(kind == "body_part" and body_part in label for kind, label in kinds), kinds
    assert not asked(text) & PAIN_MEDICINE, kinds


def test_pain_beside_a_sprain_is_the_sprains():
    understood = interpret("twisted my ankle on the stairs and it really hurts")
    assert [p.kind for p in understood.parts] == ["condition"]
    assert not asked("twisted my ankle on the stairs and it really hurts") & PAIN_MEDICINE


@pytest.mark.parametrize("text", ["pain", "aches and pains all over", "pain doctor near me"])
def test_pain_alone_still_asks_for_pain_medicine(text):
    assert asked(text) & PAIN_MEDICINE
