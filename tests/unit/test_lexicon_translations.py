"""Word-for-word translations in data/lexicon.json: each stands for a word the parser knows,
and a broken table is refused naming the file and the word."""

from __future__ import annotations

import json

import pytest

from directory.understanding.lexicon import Lexicon
from directory.understanding.lexicon_file import LEXICON_FILE, read_lexicon_file
from directory.understanding.parse import interpret
from directory.vocabulary import default_vocabulary


def test_every_translation_stands_for_a_word_the_parser_knows():
    lexicon = Lexicon.build(default_vocabulary())
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    targets = {english for table in document["translations"].values() for english in table.values()}
    unknown = sorted(t for t in targets if t not in lexicon.phrases and t not in lexicon.words)
    assert unknown == []


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("dolor de espalda", "back pain"),
        ("dolor de rodilla", "knee pain"),
        ("fiebre", "fever"),
        # Common conditions a Spanish speaker types that read as nothing (QA and blind probe
        # 21: "doctor para disfuncion erectil que hable español houston" found internists)
        ("disfuncion erectil", "erectile dysfunction"),
        ("apnea del sueño", "sleep apnea"),
        ("pérdida de audición", "hearing loss"),
        ("hipotiroidismo", "hypothyroidism"),
        ("mamografía", "mammogram"),
        ("terapia física", "physical therapy"),
    ],
)
def test_a_translated_search_means_what_the_english_one_means(spanish, english):
    read, expected = interpret(spanish), interpret(english)
    assert [(p.kind, p.ids, p.label) for p in read.parts] == [
        (p.kind, p.ids, p.label) for p in expected.parts
    ]
    assert read.unplaced == ()


def test_a_translation_that_is_also_an_abbreviation_is_refused(tmp_path):
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    document["translations"]["es"]["dr"] = "pain"
    broken = tmp_path / "lexicon.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=r"lexicon\.json.*translations\.es.*'dr'"):
        read_lexicon_file(broken)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"Klingon": {"translations": "es", "words": ["qapla"]}}, r"written_in\.Klingon"),
        ({"Spanish": {"translations": "xx", "words": ["para"]}}, r"no translations table 'xx'"),
    ],
)
def test_a_language_a_text_is_written_in_must_be_one_the_filter_knows(tmp_path, change, problem):
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    document["written_in"] |= change
    broken = tmp_path / "lexicon.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        read_lexicon_file(broken)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dr de la cruz", "De La Cruz"),
        ("dr del toro", "Del Toro"),
        ("dr le", "Le"),
        ("dr su", "Su"),
    ],
)
def test_spanish_particles_stay_part_of_a_name(text, name):
    # "de", "la", "le" are translated, not filler: filler words are never a name
    parts = interpret(text).parts
    assert [(p.kind, p.label) for p in parts] == [("name", name)]


@pytest.mark.parametrize(
    "text",
    [
        "dolor en la rodilla",
        "me duelen los pies",
        "dolor en el hombro",
        "me duele la rodilla derecha cuando camino",
    ],
)
def test_a_translated_article_joins_a_symptom_to_its_body_part(text):
    read = interpret(text)
    parts = read.parts
    assert read.unplaced == ()
    assert [p.kind for p in parts] == ["body_part"]
    assert parts[0].label.endswith("pain")


def test_a_first_name_that_is_also_a_spanish_word_is_not_translated():
    # "Dolores" is "pains" in Spanish and a common first name: it is left untranslated.
    document = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    assert "dolores" not in document["translations"]["es"]
    assert [p.kind for p in interpret("dr dolores garcia").parts] == ["name"]


@pytest.mark.parametrize("text", ["médico que habla español", "medico que habla espanol"])
def test_a_spanish_doctor_with_nothing_clinical_is_primary_care_as_in_english(text):
    assert interpret(text).describe() == interpret("doctor who speaks spanish").describe()
