"""A search written in a script the parser's folding drops (Chinese, Korean, Arabic, Russian)
is read through the lexicon's ``scripts`` table (directory/understanding/tokens.py): blind
probes' patients who wrote in their own language found nobody, their words dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from directory.understanding import interpret
from directory.understanding.lexicon_file import _scripts


def _read(text: str) -> tuple[set[tuple[str, ...]], set[str]]:
    parts = interpret(text).parts
    filters = {p.ids for p in parts if p.kind == "filter"}
    return filters, {p.label for p in parts if p.kind != "filter"}


@pytest.mark.parametrize(
    ("text", "language", "need"),
    [
        ("找会说中文的儿科医生", ("Mandarin", "Cantonese"), "Pediatrician"),
        ("我爸爸有糖尿病，想找会说中文的医生", ("Mandarin", "Cantonese"), "Diabetes"),
        ("허리가 너무 아파요 한국어 하는 의사 찾아요", ("Korean",), "Chronic Low Back Pain"),
        ("한국어 하는 내과 의사", ("Korean",), "Internal medicine doctor"),
        ("طبيب باطنية يتكلم عربي", ("Arabic",), "Internal medicine doctor"),
        ("нужен врач кардиолог говорящий по-русски", ("Russian",), "Cardiologist"),
        ("我爸爸胃痛，想找会说中文的肠胃科医生", ("Mandarin", "Cantonese"), "Gastroenterologist"),
        ("طبيب نفسي يتكلم عربي", ("Arabic",), "Psychiatrist"),
        ("русскоязычный терапевт в лос анджелесе", ("Russian",), "Internal medicine doctor"),
        ("हिंदी बोलने वाले डॉक्टर", ("Hindi",), "Primary care doctor"),
        ("bác sĩ sản phụ khoa nói tiếng việt", ("Vietnamese",), "Gynecologist"),
        ("gynécologue francophone", ("French",), "Gynecologist"),
    ],
)
def test_a_search_in_another_script_reads_its_need_and_language(text, language, need):
    filters, needs = _read(text)
    assert filters == {language} and need in needs, (filters, needs)


def test_each_word_read_points_at_the_characters_typed():
    """Chinese is written without spaces: the words found in a run keep their own spans,
    so the page marks what was read."""
    text = "找会说中文的儿科医生"
    parts = {p.text: p for p in interpret(text).parts}
    assert set(parts) == {"中文", "儿科医生"}
    for typed, part in parts.items():
        assert text[part.span[0] : part.span[1]] == typed


def test_a_latin_word_is_no_entry_of_the_scripts_table():
    with pytest.raises(ValueError, match="non-Latin"):
        _scripts({"zh": {"knee": "knee"}}, Path("lexicon.json"))


@pytest.mark.parametrize(
    "text",
    [
        "دكتور يتكلم عربي",
        "врач говорящий по-русски",
        "한국어 하는 의사",
        "médecin qui parle français",
    ],
)
def test_a_doctor_asked_for_in_another_language_is_a_primary_care_doctor(text):
    """'دكتور يتكلم عربي' (a doctor who speaks Arabic) listed any Arabic speaker, surgeons
    first; in English the same words ask for primary care."""
    _, needs = _read(text)
    assert needs == {"Primary care doctor"}, needs


def test_vowel_signs_keep_a_word_whole():
    """Hindi's vowel signs are marks, not letters: 'हिंदी' had split into four pieces and
    nothing was read."""
    parts = interpret("हिंदी बोलने वाले डॉक्टर").parts
    assert {p.text for p in parts} >= {"हिंदी", "डॉक्टर"}
