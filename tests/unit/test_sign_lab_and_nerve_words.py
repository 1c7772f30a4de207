"""Signs and lab results told plainly, and nerve and muscle complaints: blind probes
412-419 found these unread or misread."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def read(text: str) -> set[str]:
    parts = interpret(text).parts
    return {i for p in parts for i in p.ids} | {i for p in parts if p.treats for i in p.treats.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("black tarry stool for two days", "gi-bleeding"),
        ("melena workup", "gi-bleeding"),
        ("his oxygen drops when he walks", "low-oxygen"),
        ("pulse ox 88 at night", "low-oxygen"),
        ("weak grip, dropping things", "hand-weakness"),
        ("feels like walking on cotton", "peripheral-neuropathy"),
        ("small fiber neuropathy", "peripheral-neuropathy"),
        ("eyelids droop by evening and i see double", "myasthenia-gravis"),
        ("her toe is turning black", "peripheral-artery-disease"),
        ("high ferritin", "hemochromatosis"),
        ("weakness one side of my body that comes and goes", "stroke"),
    ],
)
def test_the_need_is_read(text, concept):
    assert concept in read(text), [(p.kind, p.label) for p in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("ferritin 8", "hemochromatosis"),  # a low ferritin is no iron overload
        ("K43.2 incisional hernia without obstruction or gangrene", "peripheral-artery-disease"),
        ("bleeding ulcer", "gi-bleeding"),  # the stomach ulcer's, as pinned
    ],
)
def test_a_word_nearby_is_not_this_need(text, not_read):
    assert not_read not in read(text)
