"""A specialty search means its family: siblings under other boards, and its related codes
ranked after the named ones (directory/understanding/term_table, app/search/ranking)."""

from __future__ import annotations

from app.search import ranking
from app.search.params import SearchParams
from app.search.understanding import _named, apply
from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

GERIATRICS_IM, GERIATRICS_FM = "207RG0300X", "207QG0300X"
FAMILY_SPORTS = "207QS0010X"
PAIN, PMR = "208VP0014X", "208100000X"


def test_a_geriatrician_search_means_both_boards_geriatricians():
    assert {GERIATRICS_IM, GERIATRICS_FM} <= set(interpret("geriatrician").specialty_codes)


def test_a_surgeons_siblings_are_never_non_surgical_doctors():
    assert FAMILY_SPORTS not in interpret("knee surgeon").specialty_codes


def test_a_pain_doctor_search_reaches_physiatrists_but_names_pain_medicine():
    codes = interpret("pain doctor").specialty_codes
    assert PMR in codes
    named = _named((PAIN,), default_vocabulary())
    assert PAIN in named and "2081P2900X" in named and PMR not in named


def test_related_codes_rank_after_the_named_specialty():
    query = ranking.specialty_query([PAIN, PMR], [PAIN])
    assert query == {
        "dis_max": {
            "queries": [
                {
                    "constant_score": {
                        "filter": {"terms": {"primary_specialty": [PAIN]}},
                        "boost": 10.0,
                    }
                },
                {
                    "constant_score": {
                        "filter": {"terms": {"primary_specialty": [PMR]}},
                        "boost": 9.0,
                    }
                },
                {
                    "constant_score": {
                        "filter": {"terms": {"specialty_codes": sorted([PAIN, PMR])}},
                        "boost": 8.5,
                    }
                },
            ]
        }
    }
    assert ranking.specialty_query([PAIN]) == ranking.specialty_query([PAIN], [PAIN])


def _resolved(text):
    return apply(SearchParams(q=text), interpret(text), default_vocabulary())


def test_a_body_part_alone_asks_for_its_own_specialists_not_its_conditions_maps():
    understood = _resolved("wrist pain")
    assert [t.kind for t in understood.terms] == ["specialty"]
    assert "207XS0106X" in understood.terms[0].codes  # hand surgeons
    assert "2084N0400X" not in understood.terms[0].codes  # not carpal tunnel's neurologists


def test_a_body_part_beside_a_named_condition_only_says_where():
    understood = _resolved("sciatica in my leg")
    assert [(t.kind, t.id) for t in understood.terms] == [("condition", "sciatica")]


def test_how_often_is_never_read_as_a_surname():
    assert _resolved("headaches every day").name_hint == ""
