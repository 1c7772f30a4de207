"""Which physicians are trained for adults (NUCC names), and how a young child's search
ranks them (ranking.specialty_fit)."""

from __future__ import annotations

import pytest

from app.search import ranking
from directory.condition_map import specialty_ranks
from directory.understanding.parse import interpret
from directory.vocabulary import default_vocabulary

GASTROENTEROLOGIST, FAMILY, INTERNIST = "207RG0100X", "207Q00000X", "207R00000X"


@pytest.mark.parametrize(
    ("code", "adults"),
    [
        (GASTROENTEROLOGIST, True),
        (INTERNIST, True),
        ("207RP1001X", True),  # pulmonologist
        ("2084N0400X", True),  # neurologist
        ("207N00000X", False),  # dermatologist: sees children too
        ("207K00000X", False),  # allergist
        ("207Y00000X", False),  # ENT
        ("207RS0010X", False),  # internal medicine's sports medicine: young athletes
        ("2084P0800X", False),  # psychiatrist: a child's best chance for medication
        (FAMILY, False),
        ("208000000X", False),
        ("111NN0400X", False),  # a neurology chiropractor is no physician trained for adults
    ],
)
def test_physicians_trained_for_adults(code, adults):
    assert default_vocabulary().specialties[code].sees_only_adults is adults


def test_a_young_childs_fit_puts_adults_specialists_after_the_family_doctor():
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["constipation"])
    grown = ranking.specialty_fit(vocabulary, ranks)
    assert grown[GASTROENTEROLOGIST] > grown[FAMILY]
    young = ranking.specialty_fit(vocabulary, ranks, child=True, young_child=True)
    assert young[GASTROENTEROLOGIST] < young[FAMILY]
    eczema = specialty_ranks(vocabulary, ["eczema"])
    assert ranking.specialty_fit(vocabulary, eczema, young_child=True) == (
        ranking.specialty_fit(vocabulary, eczema)
    )  # dermatologists see children


@pytest.mark.parametrize(
    "text",
    [
        "baby is 2 months and i cant stop crying, is this postpartum",
        "hair falling out and exhausted 4 months after baby, thyroid?",
        "6 weeks after having my baby i cry all day",
        "belly button hernia since my 2nd baby, want it fixed",
        "two moms want a baby, looking at donor sperm",
    ],
)
def test_a_mothers_baby_says_no_childs_age(text):
    assert interpret(text).patient_age is None


@pytest.mark.parametrize(("text", "age"), [("my baby has reflux", 1), ("2 month old spits up", 0)])
def test_a_babys_own_need_says_its_age(text, age):
    assert interpret(text).patient_age == age


def test_a_childs_pediatrician_stands_where_the_map_puts_primary_care():
    ranks = {FAMILY: 0, INTERNIST: 1, "207Y00000X": 2, "208000000X": 3}
    assert ranking.pediatrician_for_a_child(ranks)["208000000X"] == 0
    # the map names primary care and no pediatrician ("pediatric uti" had listed ten
    # family doctors): the pediatrician joins primary care's place
    assert ranking.pediatrician_for_a_child({FAMILY: 0, "207RI0200X": 1}) == {
        FAMILY: 0,
        "207RI0200X": 1,
        "208000000X": 0,
    }
    assert ranking.pediatrician_for_a_child({"207RG0100X": 0}) == {"207RG0100X": 0}
    # behind a specialist ("16 yo daughter passes out when she stands up POTS"): as it is
    assert ranking.pediatrician_for_a_child({"207RC0000X": 0, FAMILY: 1}) == {
        "207RC0000X": 0,
        FAMILY: 1,
    }


@pytest.mark.parametrize("concept", ["urinary-tract-infection", "covid-19"])
def test_a_childs_need_the_map_gives_primary_care_is_the_pediatricians(concept):
    vocabulary = default_vocabulary()
    ranks = ranking.pediatrician_for_a_child(specialty_ranks(vocabulary, [concept]))
    fit = ranking.specialty_fit(vocabulary, ranks, child=True)
    assert fit["208000000X"] >= max(fit.values())


def test_with_no_child_said_childrens_specialists_follow_the_adults():
    """'laparoscopic cholecystectomy' had a pediatric surgeon third, above general surgeons:
    with no child said, the children's specialists the map lists after an adults' one count
    less; a child's need whose map leads with children's care keeps its order."""
    vocabulary = default_vocabulary()
    general, pediatric_surgeon = "208600000X", "2086S0120X"
    ranks = specialty_ranks(vocabulary, ["cholecystectomy"])
    fit = ranking.specialty_fit(vocabulary, ranks)
    after = ranking.childrens_care_after(vocabulary, ranks, fit)
    assert after[general] == fit[general]
    assert after[pediatric_surgeon] < fit[pediatric_surgeon]
    assert after[pediatric_surgeon] < ranking.fit_score(3, True)  # below the map's fourth
    ear_tubes = specialty_ranks(vocabulary, ["ear-tubes"])
    tubes_fit = ranking.specialty_fit(vocabulary, ear_tubes)
    assert ranking.childrens_care_after(vocabulary, ear_tubes, tubes_fit) == tubes_fit
