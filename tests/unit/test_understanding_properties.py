"""Properties of the parser that must hold for any text a user can type.

It never raises; every part points at the text it came from; parts never overlap (words
that say two things share one span); and every word is accounted for exactly once (in a
part, as filler, or as unplaced).
"""

from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory.understanding import Hospitals, Interpretation, closest_concepts, interpret
from directory.understanding.lexicon import lexicon_for
from directory.understanding.tokens import MAX_TOKENS, tokenize
from directory.vocabulary import default_vocabulary

MAX_TEXT = 500  # the search box's limit (app.search.params.MAX_TEXT)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _interesting_words() -> list[str]:
    """Words that reach every rule: terms, filler, cues, states, cities, codes, names."""
    lexicon = lexicon_for(default_vocabulary())
    terms = sorted(lexicon.phrases)[::7]
    return [
        *terms,
        *sorted(lexicon.word_set("filler"))[::3],
        *("in", "near", "me", "dr", "Dr.", "doctor", "within", "10", "miles", "of", "CT", "ct"),
        *("Hartford", "hartford", "springfield", "Mobile", "ohio", "OR", "in", "06106", "00000"),
        *("M54.16", "m5416", "Z99", "207XS0117X", "John", "Smith", ",", "'s", "-", "ñ", "İ"),
        *("since my fusion", "pain in my", "lower back", "knee", "hurts", "speaking", "takes"),
        *("at", "Hospital", "st", "luke's", "children's", "texas", "cedars-sinai", "general"),
    ]


HOSPITALS = Hospitals.of(
    ["Hartford Hospital", "Cedars-Sinai Medical Center", "Texas Children's Hospital"]
    + ["Baylor St. Luke's Medical Center", "Massachusetts General Hospital"]
)


WORDS = _interesting_words()
printable_text = st.text(alphabet=string.printable, max_size=MAX_TEXT)
any_text = st.text(max_size=MAX_TEXT)
word_salad = st.lists(st.sampled_from(WORDS), max_size=25).map(" ".join)


def check_invariants(text: str, understood: Interpretation) -> None:
    assert understood.text == text
    spans = [p.span for p in understood.parts]
    for part in understood.parts:
        start, end = part.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == part.text
    assert spans == sorted(spans)
    # Words that say two things ("doctora": a woman, a doctor) are two parts of one span.
    for span in set(spans):
        kinds = [p.kind for p in understood.parts if p.span == span]
        assert len(kinds) == 1 or sorted(kinds) == ["filter", "specialty"], (span, understood)
    distinct = sorted(set(spans))
    assert all(a[1] <= b[0] for a, b in zip(distinct, distinct[1:], strict=False)), "overlap"
    tokens = [(t.start, t.end) for t in tokenize(text)]
    set_aside = {w.span for w in (*understood.unplaced, *understood.filler)}
    for token in tokens:
        inside = [s for s in distinct if s[0] <= token[0] and token[1] <= s[1]]
        assert len(inside) + (token in set_aside) == 1, (token, understood)
    assert len(set_aside) == len(understood.unplaced) + len(understood.filler)
    json.dumps(understood.as_dict())
    assert isinstance(understood.describe(), str)


@SETTINGS
@given(printable_text)
@example("DOCTORA")  # found by CI: a woman and a doctor in one word
@example("woman doctor near me")
def test_no_printable_text_of_200_characters_makes_it_raise(text):
    check_invariants(text, interpret(text))


@SETTINGS
@given(any_text)
def test_any_unicode_text_keeps_the_invariants(text):
    check_invariants(text, interpret(text))


@SETTINGS
@given(word_salad)
@example("swollen feet and ankles achilles rupture")  # a merged part held filler: 'and'
@example("aching fungal nails ball of my foot ball of my foot")  # a part saying where, 4 words
def test_word_salad_of_real_terms_keeps_the_invariants(text):
    names = {"smith", "john", "paine"}
    check_invariants(text, interpret(text, known_names=names, hospitals=HOSPITALS))


@settings(max_examples=50, deadline=None)
@given(printable_text, st.integers(min_value=0, max_value=8))
def test_closest_concepts_never_raises_and_ranks_best_first(text, n):
    found = closest_concepts(text, n)
    assert len(found) <= n
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_very_long_text_is_parsed_up_to_the_token_limit_and_reported_beyond():
    text = " ".join(["sciatica"] * (MAX_TOKENS + 10))
    understood = interpret(text)
    assert understood.concept_ids == ("sciatica",)
    assert len(understood.unplaced) == len(tokenize(text)) - MAX_TOKENS
