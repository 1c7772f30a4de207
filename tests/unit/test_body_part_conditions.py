"""A body part and a general condition said apart are the part's own condition, as
"arthritis in my hip" reads: "my hip hurts ... xray says arthritis" is hip osteoarthritis
(the orthopedists'), where arthritis anywhere had listed rheumatologists."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    return {i for part in interpret(text).of_kind("condition", "body_part") for i in part.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("not my back, my hip. hurts on the stairs and xray says arthritis", "hip-osteoarthritis"),
        ("knee hurts, they said arthritis", "knee-osteoarthritis"),
    ],
)
def test_the_parts_own_condition(text, concept):
    assert concepts(text) == {concept}


@pytest.mark.parametrize(
    "text",
    [
        "knee pain and arthritis in my hands",  # the hands' arthritis is no knee's
        "hip pain, rheumatoid arthritis",  # a condition the hip does not suggest
    ],
)
def test_a_condition_of_another_part_stays_its_own(text):
    assert len(interpret(text).of_kind("condition", "body_part")) == 2
