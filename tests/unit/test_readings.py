"""A text searched again (another page, a filter chosen) is read once per worker, and read
anew the moment a curator's term changes the lexicon (app/search/readings.py)."""

from __future__ import annotations

from app.search.readings import Readings
from directory.understanding import Lexicon
from directory.vocabulary.files import load_vocabulary


def test_the_same_text_with_the_same_lexicon_is_read_once():
    lexicon = Lexicon.build(load_vocabulary(), {})
    readings = Readings()
    first = readings.read("knee pain near Hartford, CT", lexicon, None)
    assert readings.read("knee pain near Hartford, CT", lexicon, None) is first
    assert first.location.label == "Hartford, CT"


def test_a_curated_term_is_read_as_soon_as_the_lexicon_changes():
    vocabulary = load_vocabulary()
    readings = Readings()
    before = readings.read("zinger pain", Lexicon.build(vocabulary, {}), None)
    assert before.concept_ids == ()
    curated = Lexicon.build(vocabulary, {"zinger pain": ("condition", "sciatica")})
    assert readings.read("zinger pain", curated, None).concept_ids == ("sciatica",)


def test_only_the_texts_read_last_are_kept():
    lexicon = Lexicon.build(load_vocabulary(), {})
    readings = Readings(size=2)
    first = readings.read("acne", lexicon, None)
    readings.read("asthma", lexicon, None)
    readings.read("gout", lexicon, None)
    assert readings.read("acne", lexicon, None) is not first  # dropped, read again
