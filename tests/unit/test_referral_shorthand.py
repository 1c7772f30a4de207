"""Words pasted from a referral read as the referral means them (directory/understanding)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def reading(text: str) -> list[tuple[str, str]]:
    return [(part.kind, part.text) for part in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("r/o melanoma", [("condition", "melanoma")]),
        ("s/p CABG f/u", [("procedure", "CABG")]),
        ("h/o stroke", [("condition", "stroke")]),
        ("f/u HTN", [("condition", "HTN")]),
        ("status post knee replacement eval", [("procedure", "knee replacement")]),
        ("rule out melanoma", [("condition", "melanoma")]),
    ],
)
def test_shorthand_is_filler_and_leaves_no_stray_letters(text, meant):
    understood = interpret(text)
    assert reading(text) == meant
    assert not understood.unplaced  # no "r", "o" left over to match middle initials


@pytest.mark.parametrize(
    "text", ["pt c/o chest pain", "pt with afib", "pts w/ htn", "pt 67 yo w/ afib", "pt hx afib"]
)
def test_pt_describing_a_patient_is_not_a_physical_therapist(text):
    assert "specialty" not in {kind for kind, _ in reading(text)}


@pytest.mark.parametrize("text", ["pt for back pain", "PT eval s/p knee replacement", "pt"])
def test_pt_asked_for_is_still_the_physical_therapist(text):
    assert ("specialty", text.split()[0]) in reading(text)


def test_a_slash_between_longer_words_still_splits_them():
    assert reading("PT/OT for back pain")[:2] == [("specialty", "PT"), ("specialty", "OT")]
    assert reading("OB/GYN") == [("specialty", "OB/GYN")]
