"""What the search makes of a reading (app/search/understanding.apply): which unplaced words
may be a surname, whose care a child's need is."""

from __future__ import annotations

import pytest

from app.search.params import SearchParams
from app.search.understanding import apply
from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


def hint(text: str) -> str:
    return apply(SearchParams(q=text), interpret(text), default_vocabulary()).name_hint


def test_an_everyday_word_in_a_patients_sentence_is_no_surname():
    """'chest feels tight when i walk up hill' listed three internists named Hill first."""
    assert "hill" not in hint("chest feels tight when i walk up hill goes away when i rest")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a short everyday word: Dr. Oneill had come first
        ("numbness on one side of my face that comes and goes", "one"),
        # an apostrophe dropped: Theresa had come first
        ("theres a lump in my groin that pops out when i cough", "theres"),
    ],
)
def test_a_short_or_contracted_everyday_word_is_no_surname(text, word):
    assert word not in hint(text).split()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("back pain hill", "hill"),  # three words: may be Dr. Hill
        ("knee pain evangelista internal medicine trumbull", "evangelista"),  # no English word
        ("my knee hurts when i climb stairs Hill", "Hill"),  # capitalised: a name
    ],
)
def test_a_short_search_or_an_unknown_or_capitalised_word_may_still_be_a_name(text, word):
    assert word in hint(text).split()


def test_a_childs_need_only_specialists_treat_is_not_the_pediatricians():
    """'scoliosis in my 12 year old daughter, back brace specialist' listed pediatricians
    first: the bracing map names pediatric orthopedists, a children's specialist itself."""
    text = "scoliosis in my 12 year old daughter back brace"
    terms = apply(SearchParams(q=text), interpret(text), default_vocabulary()).terms
    (patient,) = [t for t in terms if t.context]
    assert "208000000X" not in patient.codes
    assert "207XP3100X" in patient.codes


def _specialists(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    terms = apply(SearchParams(q=text), interpret(text), default_vocabulary()).terms
    (term,) = [t for t in terms if t.kind == "specialty" and not t.context]
    return term.codes, term.named


def test_a_board_for_a_child_brings_no_adult_specializations():
    """ "pigeon toed toddler orthopedic" had listed spine surgeons second: the orthopedic
    board asked for a child follows its children's specialists without the adults' fields."""
    codes, named = _specialists("orthopedist for my toddler")
    assert "207XS0117X" not in codes  # orthopaedic surgery of the spine
    assert codes[0] == "207XP3100X" and named == ("207XP3100X",)  # the children's first
    assert "207X00000X" in codes  # the board after them
    assert "207XS0117X" in _specialists("orthopedist")[0]  # a grown-up's still does
