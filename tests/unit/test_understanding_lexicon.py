"""The parser's lexicon: curated additions without a restart, stored filter values, did-you-mean."""

from __future__ import annotations

import pytest

from directory.understanding import Lexicon, closest_concepts, interpret, lexicon_for
from directory.vocabulary import default_vocabulary, load_vocabulary
from indexer import demo


@pytest.fixture(scope="module")
def vocabulary():
    return default_vocabulary()


def test_the_lexicon_is_built_once_per_vocabulary(vocabulary):
    assert lexicon_for(vocabulary) is lexicon_for(vocabulary)
    other = load_vocabulary()
    assert lexicon_for(other) is not lexicon_for(vocabulary)


def test_curated_terms_are_understood_once_merged(vocabulary):
    text = "tushy zapper"
    assert interpret(text, vocabulary).parts == ()
    lexicon = Lexicon.build(vocabulary, {text: ("condition", "piriformis-syndrome")})
    part = interpret(text, lexicon=lexicon).parts[0]
    assert (part.kind, part.ids, part.match) == ("condition", ("piriformis-syndrome",), "synonym")


def test_curated_terms_can_name_a_specialty_and_override_a_reading(vocabulary):
    extra = {"bone doctor": ("specialty", "207QS0010X"), "back guy": ("specialty", "207XS0117X")}
    lexicon = Lexicon.build(vocabulary, extra)
    assert interpret("bone doctor", lexicon=lexicon).specialty_codes == ("207QS0010X",)
    assert interpret("back guy", lexicon=lexicon).specialty_codes == ("207XS0117X",)


def test_curated_terms_naming_unknown_ids_are_kept_out_and_reported(vocabulary):
    extra = {"made up": ("condition", "no-such-thing"), "wrong kind": ("procedure", "sciatica")}
    lexicon = Lexicon.build(vocabulary, extra)
    assert sorted(lexicon.rejected) == ["made up", "wrong kind"]
    assert interpret("made up", lexicon=lexicon).concept_ids == ()


def test_a_new_version_stamp_rebuilds_and_the_same_stamp_does_not():
    vocabulary = load_vocabulary()  # its own cache entry
    reads = []

    def curated():
        reads.append(1)
        return {"zinger pain": ("condition", "sciatica")}

    first = lexicon_for(vocabulary, curated, version=1)
    assert lexicon_for(vocabulary, curated, version=1) is first
    assert len(reads) == 1
    assert interpret("zinger pain", lexicon=first).concept_ids == ("sciatica",)
    second = lexicon_for(vocabulary, lambda: {}, version=2)
    assert second is not first and second.version == 2
    assert interpret("zinger pain", lexicon=second).concept_ids == ()


def test_the_plain_and_the_curated_lexicon_are_kept_side_by_side():
    """The location box reads with the plain lexicon and the search with the curated one:
    sharing one slot, each replaced the other, and with one curated term in the store
    every search rebuilt both (a search took ~280 ms instead of ~10)."""
    vocabulary = load_vocabulary()  # its own cache entry
    reads = []

    def curated():
        reads.append(1)
        return {"zinger pain": ("condition", "sciatica")}

    plain = lexicon_for(vocabulary)
    first = lexicon_for(vocabulary, curated, version=1)
    for _ in range(3):
        assert lexicon_for(vocabulary) is plain
        assert lexicon_for(vocabulary, curated, version=1) is first
    assert len(reads) == 1
    assert lexicon_for(vocabulary, lambda: {}, version=2) is not first  # a new version
    assert lexicon_for(vocabulary) is plain


def test_insurance_and_language_values_are_the_stored_ones():
    lexicon = lexicon_for(default_vocabulary())
    insurers = {v for values in lexicon.data.filters["insurance"].values() for v in values}
    languages = {v for values in lexicon.data.filters["language"].values() for v in values}
    assert {name for name, _share in demo.INSURERS} <= insurers
    assert {plan for metro in demo.METROS for plan in metro.insurers} <= insurers
    demo_languages = {"English", "Spanish", *demo.OTHER_LANGUAGES}
    demo_languages |= {language for metro in demo.METROS for language in metro.languages}
    assert demo_languages <= languages
    genders = {v for values in lexicon.data.filters["gender"].values() for v in values}
    assert genders == {"female", "male"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sciatic nerv pian", "sciatica"),
        ("hart atack", "heart-attack"),
        ("spinal cord stimulater implant", "spinal-cord-stimulation"),
        ("cardiolgist", "207RC0000X"),
    ],
)
def test_closest_concepts_offer_the_intended_entry_first(text, expected):
    found = closest_concepts(text, 3)
    assert found and expected in found[0].ids
    assert 0 < len(found) <= 3
    assert len({(s.kind, s.ids) for s in found}) == len(found)


def test_closest_concepts_of_nothing_is_nothing():
    assert closest_concepts("") == ()
    assert closest_concepts("sciatica", 0) == ()
    assert closest_concepts("qqqqqqqq zzzzzz") == ()


def test_a_curated_term_is_offered_at_once_though_the_same_words_were_asked_before():
    """Did-you-mean answers are kept per lexicon: a curator's new term must not wait for a
    restart behind the answer given before it existed."""
    vocabulary = default_vocabulary()
    before = closest_concepts("wonky spine thing", 3, lexicon=Lexicon.build(vocabulary))
    assert "207XS0117X" not in {i for s in before for i in s.ids}
    curated = Lexicon.build(vocabulary, {"wonky spine thing": ("specialty", "207XS0117X")})
    after = closest_concepts("wonky spine thing", 3, lexicon=curated)
    assert after and after[0].ids == ("207XS0117X",) and after[0].score == 100


@pytest.mark.parametrize("text", ["texas medical center neurosurgery", "medical records"])
def test_an_everyday_word_is_not_a_term_typed_without_its_space(text):
    """'medical' read as 'Medi-Cal' (Medicaid): the compact form of a term is an everyday
    word the term's own words do not spell. 'backpain' still is back pain."""
    assert "insurance" not in interpret(text).filters
    assert interpret("backpain").concept_ids == ("chronic-low-back-pain",)


@pytest.mark.parametrize(
    ("text", "code"),
    [("eyedr near me", "207W00000X"), ("footdr", "213E00000X"), ("heartdoc", "207RC0000X")],
)
def test_a_doctor_shortened_and_run_together_is_still_that_doctor(text, code):
    """'eyedr near me' found nobody: 'eyedoctor' was read, 'eyedr' was not."""
    assert code in interpret(text).specialty_codes
