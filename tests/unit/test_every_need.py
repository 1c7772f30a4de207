"""Three or more conditions said together are ranked as one problem (ranking.for_every_need):
who treats most of them comes first."""

from __future__ import annotations

from dataclasses import replace

from app.search.matching import _concept_clauses
from app.search.params import Resolution, SearchParams
from app.search.ranking import fit_score, for_every_need
from app.search.result_order import diversity_window
from app.search.understanding import apply
from directory.condition_map import specialty_ranks
from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

ENDOCRINOLOGY, DERMATOLOGY = "207RE0101X", "207N00000X"


def _needs(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(dict.fromkeys(p.ids for p in interpret(text).parts if p.kind == "condition"))


def test_signs_of_one_problem_put_who_treats_them_all_first():
    """'gaining weight, cold all the time and my hair is falling out' listed a dermatologist
    first, for the hair alone: the endocrinologist treats all three."""
    vocabulary = default_vocabulary()
    needs = _needs("gaining weight, always cold and my hair is falling out")
    assert len(needs) == 3
    ranks = specialty_ranks(vocabulary, [i for ids in needs for i in ids])
    assert ranks[DERMATOLOGY] <= ranks[ENDOCRINOLOGY]  # the map alone: a tie or worse
    ranked = for_every_need(vocabulary, ranks, needs)
    assert ranked[ENDOCRINOLOGY] < ranked[DERMATOLOGY]


def test_two_needs_keep_the_maps_order():
    vocabulary = default_vocabulary()
    needs = _needs("hair loss and weight gain")
    ranks = specialty_ranks(vocabulary, [i for ids in needs for i in ids])
    assert for_every_need(vocabulary, ranks, needs) == ranks


def test_one_need_read_two_ways_counts_once():
    """'diabetic' is type 1 or type 2: one need, not two."""
    assert len(_needs("diabetic, kidney numbers getting worse and feet numb")) == 3


def _fit(text: str) -> dict[str, float]:
    """NUCC code -> the concept query's fit boost for ``text``, as the search builds it."""
    reading = interpret(text)
    understood = apply(SearchParams(q=text), reading, default_vocabulary())
    needs = tuple(dict.fromkeys(p.ids for p in reading.parts if p.kind == "condition"))
    resolution = replace(Resolution(text, understood.terms), needs_said=needs)
    [concept, *_] = _concept_clauses(resolution, SearchParams(q=text))
    found: dict[str, float] = {}
    for query in concept["bool"]["should"][0]["dis_max"]["queries"]:
        scored = query["constant_score"]
        for code in scored["filter"]["terms"].get("primary_specialty", []):
            found.setdefault(code, scored["boost"])
    return found


def test_a_referrals_problem_list_keeps_the_specialist_it_asks_for_first():
    """'Sleep medicine referral ... OSA G47.33, BMI 38, HTN' put family doctors, who treat
    all three, before the sleep specialists the referral asks for."""
    referral = _fit("Sleep medicine referral for PSG: suspected OSA G47.33, BMI 38, HTN")
    sleep = "207RS0012X"
    # The map's first answer for the sleep apnea, as if said alone: not moved down for
    # treating only one of the three.
    assert referral[sleep] == fit_score(0, True) == max(referral.values())


def test_one_problem_told_by_its_signs_is_not_spread_across_specialties():
    """Page 1 of a condition search is spread across specialties (ranking.diversify): for
    one problem told by three signs it put a dermatologist back between the endocrinologists
    for the hair alone."""
    text = "always tired, cold all the time and my hair is falling out"
    reading = interpret(text)
    understood = apply(SearchParams(q=text), reading, default_vocabulary())
    plain = Resolution(text, understood.terms)
    told = replace(plain, needs_said=_needs(text))
    assert diversity_window(SearchParams(q=text), plain) is not None
    assert diversity_window(SearchParams(q=text), told) is None
