"""Of two specialties typed, the one said after "with" describes the patient or the first
one: it follows that one, never ties with it (app/search/understanding._with)."""

from __future__ import annotations

from app.search.params import SearchParams
from app.search.understanding import apply
from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

PALLIATIVE, ONCOLOGY = "207RH0002X", "207RX0202X"


def _context(text: str) -> dict[str, bool]:
    understood = apply(SearchParams(q=text), interpret(text), default_vocabulary())
    return {t.id: t.context for t in understood.terms if t.kind == "specialty"}


def test_the_specialty_after_with_follows_the_one_asked_for():
    """'palliative care doctor for my dad with stage 4 cancer' listed oncologists first."""
    assert _context("palliative care doctor for my dad with stage 4 cancer") == {
        PALLIATIVE: False,
        ONCOLOGY: True,
    }


def test_two_specialties_without_with_stay_side_by_side():
    assert _context("palliative care doctor and oncologist") == {
        PALLIATIVE: False,
        ONCOLOGY: False,
    }


def test_a_specialty_alone_after_with_is_what_is_asked():
    assert _context("my dad with stage 4 cancer") == {ONCOLOGY: False}
