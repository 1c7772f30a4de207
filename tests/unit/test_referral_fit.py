"""A diagnosis code is a referral: primary care ranks below the specialists the condition
map lists, even where it lists primary care first (app/search/ranking.specialty_fit)."""

from __future__ import annotations

from app.search.params import Resolution, ResolvedTerm, SearchParams
from app.search.query import physician_search

FAMILY, ENDOCRINOLOGY = "207Q00000X", "207RE0101X"


def primary_fit(search: dict) -> dict[str, float]:
    """NUCC code → the score a physician whose main practice it is gets from the query."""
    fit: dict[str, float] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            score = node.get("constant_score")
            codes = score and score["filter"].get("terms", {}).get("primary_specialty")
            if codes:
                for code in codes:
                    fit[code] = max(fit.get(code, 0.0), score["boost"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(search["query"])
    return fit


def hypothyroidism_search(how: str, text: str) -> dict[str, float]:
    term = ResolvedTerm("condition", "hypothyroidism", "Hypothyroidism", how)
    return primary_fit(physician_search(SearchParams(q=text), Resolution(text, (term,))))


def test_a_diagnosis_code_puts_the_specialist_before_primary_care():
    fit = hypothyroidism_search("code", "E03.9")
    assert fit[ENDOCRINOLOGY] > fit[FAMILY]


def test_words_keep_primary_care_first_where_the_map_lists_it_first():
    fit = hypothyroidism_search("exact", "underactive thyroid")
    assert fit[FAMILY] > fit[ENDOCRINOLOGY]


def test_a_code_leaves_a_specialist_first_condition_as_it_was():
    term = ResolvedTerm("condition", "sciatica", "Sciatica", "code")
    words = ResolvedTerm("condition", "sciatica", "Sciatica", "exact")
    by_code = physician_search(SearchParams(q="M54.3"), Resolution("M54.3", (term,)))
    by_words = physician_search(SearchParams(q="sciatica"), Resolution("sciatica", (words,)))
    assert primary_fit(by_code) == primary_fit(by_words)


def test_a_referral_to_a_childs_specialist_leaves_the_pediatrician_behind():
    """'peds GI referral 8yo, FTT, r/o celiac' listed pediatricians first, since failure to
    thrive lists the pediatrician first: the referral is for the gastroenterologists."""
    from app.search.ranking import specialty_fit
    from directory.vocabulary import default_vocabulary

    ranks = {"208000000X": 0, "2080P0206X": 1, "207RG0100X": 1}
    referred = specialty_fit(default_vocabulary(), ranks, referral=True)
    assert referred["208000000X"] < min(referred["2080P0206X"], referred["207RG0100X"])
    words = specialty_fit(default_vocabulary(), ranks)  # a parent's words: the pediatrician
    assert words["208000000X"] > max(words["2080P0206X"], words["207RG0100X"])


def test_a_referral_to_a_childs_specialist_puts_the_pediatrician_before_the_generalists():
    """'lung doctor for kids': after the children's pulmonologists, the allergists (who see
    children too) and pediatricians, then the pulmonologists trained for adults only, then
    family doctors, though the asthma map lists adults' pulmonologists and family medicine
    first."""
    text = "lung doctor for kids asthma"
    terms = (
        ResolvedTerm("specialty", "2080P0214X", "Pediatric pulmonologist", "exact"),
        ResolvedTerm("condition", "asthma", "Asthma", "exact"),
    )
    fit = primary_fit(physician_search(SearchParams(q=text), Resolution(text, terms)))
    assert fit["2080P0214X"] > fit["208000000X"] > fit["207RP1001X"] > fit[FAMILY]
    assert fit["207K00000X"] > fit["207RP1001X"]
    adult = (ResolvedTerm("specialty", "207RP1001X", "Pulmonologist", "exact"), terms[1])
    fit = primary_fit(physician_search(SearchParams(q="pulm asthma"), Resolution("", adult)))
    assert fit[FAMILY] > fit["208000000X"]  # an adult's referral: the map's order


def test_a_z_code_is_an_encounter_not_a_referral():
    """'Z13.220', a lipid screening, and 'Z00.00', a yearly physical, are primary care's:
    only a diagnosis code sends the search past it."""
    term = ResolvedTerm("condition", "high-cholesterol", "High Cholesterol", "code")
    for text in ("Z13.220 lipid screening", "Z13.220"):
        fit = primary_fit(physician_search(SearchParams(q=text), Resolution(text, (term,))))
        assert fit[FAMILY] >= fit["207RC0000X"], text  # not behind the cardiologist
    text = "E78.5 lipid screening"
    fit = primary_fit(physician_search(SearchParams(q=text), Resolution(text, (term,))))
    assert fit["207RC0000X"] > fit[FAMILY]
