"""English said beside the language a patient needs (directory/understanding/languages.py):
every physician in the directory speaks English, so it narrows nothing beside another
language, and a patient's little English asks nothing of the physician."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("bilingual spanish english pediatrician for my newborn", ("Spanish",)),
        ("arabic speaking doctor for my dad, he doesnt speak much english", ("Arabic",)),
        ("she speaks no english, polish doctor", ("Polish",)),
        ("my mom doesnt speak english, cardiologist who speaks cantonese", ("Cantonese",)),
        ("my dad does not speak english", None),
    ],
)
def test_english_beside_the_language_needed_asks_for_that_language(text, languages):
    """'arabic speaking doctor ... he doesnt speak much english' searched for physicians
    who speak Arabic or English: every one of them."""
    assert interpret(text).filters.get("language") == languages, text


@pytest.mark.parametrize("text", ["english speaking doctor", "dermatologist who speaks english"])
def test_english_asked_for_alone_is_still_asked(text):
    assert interpret(text).filters.get("language") == ("English",)


@pytest.mark.parametrize(
    "text",
    [
        "busco doctor del corazon hispano",
        "paciente hispanohablante con medicaid",
        "medico de cabecera bilingue",
    ],
)
def test_a_spanish_speaker_asking_for_a_hispanic_or_bilingual_doctor_asks_for_spanish(text):
    assert interpret(text).filters.get("language") == ("Spanish",), text
