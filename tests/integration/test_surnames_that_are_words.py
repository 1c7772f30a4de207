"""A surname that is also a word ("Booth", "Watts", "Wright", "Frost") beside a specialty
finds that physician first. The parser read such a surname as the term one letter away
("tooth", "warts") or as a typo of a filler word ("write", "front") and dropped it, so the
front desk's "surname + specialty" got every specialist but the one asked for."""

from __future__ import annotations

from directory import geography
from directory.text import normalize_term
from directory.understanding import interpret
from directory.understanding.lexicon import lexicon_for
from directory.understanding.typos import english_counts
from directory.vocabulary import default_vocabulary


def test_a_surname_that_is_a_word_beside_a_specialty_finds_that_physician(client, demo_profiles):
    vocabulary = default_vocabulary()
    # Words the parser reads as filler ("young", "day") stay filler unless titled ("dr young"),
    # and a city's name stays the city ("Washington nephrologist"; "dr washington" is named).
    filler = lexicon_for(vocabulary).word_set("ignorable")
    tried = set()
    for profile in demo_profiles:
        surname = profile["name"]["last"]
        primary = next(s["code"] for s in profile["specialties"] if s["primary"])
        specialty = vocabulary.specialties.get(primary)
        word = normalize_term(surname)
        if word in tried | filler or word not in english_counts() or geography.is_city_name(word):
            continue
        if not (specialty and specialty.lay_name):
            continue
        # A surname that is a term's own form stays the term ("Glass": glasses).
        if [p.kind for p in interpret(word, known_names={word}).parts] != ["name"]:
            continue
        for typed in (f"{surname} {specialty.lay_name}", f"{word} {specialty.lay_name.lower()}"):
            body = client.get("/api/v1/physicians", query_string={"q": typed}).get_json()
            assert body["results"], typed
            first = body["results"][0]
            assert surname in first["name"], (typed, first["name"])
            assert primary in {s["code"] for s in first["specialties"]}, typed
        tried.add(word)
    assert len(tried) >= 20  # Booth, Watts, Wright, Frost, Knight... in the test's demo data
