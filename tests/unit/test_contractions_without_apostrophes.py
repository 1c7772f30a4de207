"""Contractions typed without their apostrophe are words, not names: "toddler wont sleep
through the night" left "wont" unread, and the search listed physicians named Wong."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    "text",
    [
        "toddler wont sleep",
        "my back isnt getting better",
        "she hasnt started her period",
        "the cream didnt help my rash",
        "my knee wouldnt stop swelling",
    ],
)
def test_a_contraction_is_no_unread_word(text):
    understood = interpret(text)
    typed = {w.text for w in understood.unplaced}
    assert not typed & {"wont", "isnt", "hasnt", "didnt", "wouldnt"}, typed
    assert understood.parts, text
