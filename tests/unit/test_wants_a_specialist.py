"""Words that say the usual care has not worked put primary care after the specialists
(directory/understanding/specialist.py, app/search/ranking.py)."""

from __future__ import annotations

import pytest

from app.search import ranking
from directory.condition_map import specialty_ranks
from directory.understanding import interpret, lexicon_for
from directory.understanding.specialist import wants_a_specialist
from directory.vocabulary import GENERALISTS, default_vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "blood pressure wont come down even on 3 meds",
        "migraines every week nothing helps",
        "heartburn, tried everything",
        "second opinion on my knee",
        "uncontrolled diabetes",
    ],
)
def test_saying_it_has_not_worked_asks_for_a_specialist(text):
    assert wants_a_specialist(text, lexicon_for(default_vocabulary()))
    assert not interpret(text).unplaced


@pytest.mark.parametrize("text", ["high blood pressure", "even out my skin", "nothing else"])
def test_everyday_words_alone_do_not(text):
    assert not wants_a_specialist(text, lexicon_for(default_vocabulary()))


def test_primary_care_then_ranks_after_every_specialist_listed():
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["hypertension"])
    usual = ranking.specialty_fit(vocabulary, ranks)
    tried = ranking.specialty_fit(vocabulary, ranks, tried=True)
    specialists = [c for c in ranks if c not in GENERALISTS]
    assert max(usual[c] for c in GENERALISTS if c in usual) > min(usual[c] for c in specialists)
    assert max(tried[c] for c in GENERALISTS if c in tried) < min(tried[c] for c in specialists)


def test_an_adults_pediatrician_ranks_after_the_specialists_too():
    """'pink eye 2 weeks and not going away with the drops' listed ten pediatricians: the
    map puts them second for pink eye, and only family doctors stepped back. A child keeps
    the pediatrician ("2yo eczema failing topical steroids")."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["conjunctivitis"])
    adult = ranking.specialty_fit(vocabulary, ranks, tried=True)
    child = ranking.specialty_fit(vocabulary, ranks, tried=True, child=True)
    eyes = "207W00000X"
    assert adult["208000000X"] < adult[eyes] < child["208000000X"]


@pytest.mark.parametrize(
    ("concept", "first", "physician"),
    [
        ("nail-fungus-and-ingrown-toenails", "213E00000X", "207N00000X"),  # podiatrist, derm
        ("toothache", "1223G0001X", "207P00000X"),  # dentist, emergency medicine
    ],
)
def test_the_maps_first_answer_leads_even_when_not_a_physician(concept, first, physician):
    vocabulary = default_vocabulary()
    fit = ranking.specialty_fit(vocabulary, specialty_ranks(vocabulary, [concept]))
    assert fit[first] > fit[physician]


def test_other_non_physicians_still_rank_after_the_physicians():
    vocabulary = default_vocabulary()
    fit = ranking.specialty_fit(vocabulary, specialty_ranks(vocabulary, ["vertigo"]))
    assert fit["2251N0400X"] < fit["2084N0400X"]  # balance therapy after the neurologist


def test_a_problem_that_keeps_coming_back_asks_for_a_specialist():
    """'my mother keeps getting bladder infections every month' listed family doctors: the
    usual care is what has not stopped them."""
    text = "my 70 yr old mother keeps getting bladder infections every month"
    assert wants_a_specialist(text, lexicon_for(default_vocabulary()))
    assert interpret(text).concept_ids == ("urinary-tract-infection",)
