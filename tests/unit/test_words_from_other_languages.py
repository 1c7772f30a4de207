"""How people whose first language is not English say their need, and how a front desk
dictates a physician's name: blind probes 96 and 103 found these unread or misread."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

PRIMARY_CARE = {"207Q00000X", "207R00000X"}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("dotor for the presure, my presure is 170", "hypertension"),
        ("necesito un doctor para la presión", "hypertension"),
        ("médico que fala português, pressão alta", "hypertension"),
        ("huyet ap cao, bac si viet nam", "hypertension"),
        ("los nervios no me dejan dormir", "anxiety"),
        ("i have the varicose in legs very big and hurt", "varicose-veins"),
    ],
)
def test_an_everyday_word_for_the_need_in_learners_english_is_read(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    "text", ["eye doctor said pressure is high might be glaucoma", "eye pressure still high"]
)
def test_pressure_beside_the_eyes_is_not_blood_pressure(text):
    assert "hypertension" not in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("reuma in all my hands, the fingers is swelling", "207RR0500X"),
        ("my son 15 he use drogas, need help doctor spanish", "207RA0401X"),
        ("where is clinic for the women speak portuguese", "207V00000X"),
        ("russian speaking terapevt for my mother", "207R00000X"),
    ],
)
def test_a_word_for_the_doctor_in_another_language_is_that_doctor(text, code):
    assert code in interpret(text).specialty_codes


def test_portuguese_words_for_back_pain_are_the_back():
    labels = [p.label for p in interpret("dor nas costas muito forte").parts]
    assert "Back problems" in labels


@pytest.mark.parametrize(
    ("text", "language"),
    [("huyet ap cao, bac si viet nam", "Vietnamese"), ("médico que fala português", "Portuguese")],
)
def test_a_doctor_of_ones_own_language_is_the_language_filter(text, language):
    assert interpret(text).filters.get("language") == (language,)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "I need to find doctor jones in houston the patient doesnt remember the first name",
            "Jones",
        ),
        ("doctor nguyen in houston, i forget the first name", "Nguyen"),
        ("look up doctor smith in atlanta, she saw a doctor smith last year", "Smith"),
    ],
)
def test_doctor_before_a_surname_dictated_in_lower_case_is_the_name(text, name):
    understood = interpret(text)
    assert [p.label for p in understood.parts if p.kind == "name"] == [name]
    assert "dementia" not in understood.concept_ids


@pytest.mark.parametrize(
    "text", ["doctor for back pain", "doctor young people", "find me a doctor"]
)
def test_doctor_before_an_everyday_word_stays_a_word(text):
    assert not [p for p in interpret(text).parts if p.kind == "name"]


@pytest.mark.parametrize(
    "text", ["mom forgets the names of her grandkids", "i forget things and repeat myself"]
)
def test_forgetting_that_is_not_a_name_looked_up_is_still_memory_loss(text):
    assert "dementia" in interpret(text).concept_ids


def test_the_office_a_front_desk_calls_from_is_not_the_physician_asked_for():
    understood = interpret(
        "I'm at the front desk at doctor kim's office we need an endocrinologist for type 1"
    )
    assert not [p for p in understood.parts if p.kind == "name"]
    assert "207RE0101X" in understood.specialty_codes


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("segunda opinion operacion de espalda", "Spanish"),
        ("necesito medico para mi mama en houston", "Spanish"),
        ("dor nas costas, preciso de um medico", "Portuguese"),
        ("mwen gen doule nan vant", "Haitian Creole"),
    ],
)
def test_a_text_written_in_another_language_prefers_its_speakers(text, language):
    """Nobody who writes "segunda opinion operacion de espalda" is well served by a surgeon
    they cannot talk to: the speakers rank first, no one is hidden."""
    read = interpret(text)
    assert read.written_in == language
    assert read.speakers_first == language
    assert "language" not in read.filters and "language" not in read.preferred


@pytest.mark.parametrize(
    "text",
    [
        "cardiologist in la",  # Los Angeles, not Spanish
        "dermatologist los angeles",
        "second opinion spine surgery",
        "doctor for la presion",  # one Spanish word in English
        "pediatra que hable español",  # asked outright: a filter, not a preference
        "back doctor que hable ingles",
    ],
)
def test_english_with_a_foreign_word_or_a_language_asked_prefers_nobody(text):
    assert interpret(text).speakers_first is None


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("doctor que hable arabe in cleveland", ("Arabic",)),
        ("dentista que hable coreano", ("Korean",)),
        ("doctora que hable ruso", ("Russian",)),
        ("pediatra que hable vietnamita", ("Vietnamese",)),
        ("medico que hable chino en los angeles", ("Mandarin", "Cantonese")),
        ("medico que hable frances", ("French",)),
    ],
)
def test_a_language_named_in_spanish_is_that_language(text, languages):
    """'doctor que hable arabe in cleveland' listed every physician near Cleveland, 'arabe'
    unread (blind probe 129): a Spanish speaker names the language in Spanish."""
    assert interpret(text).filters.get("language") == languages


def test_a_town_or_a_first_name_spelled_like_a_language_stays_what_it_is():
    assert interpret("doctor chino ca").location.label == "Chino, CA"
    assert interpret("dr frances smith").names == ("Frances Smith",)


@pytest.mark.parametrize(
    "text",
    ["clinica para niños", "clinica para niños en el monte que hablen español",
     "doctor for children", "childrens clinic"],
)  # fmt: skip
def test_a_clinic_or_a_doctor_for_children_is_a_childrens_doctor(text):
    """'clinica para niños' listed clinical social workers: 'clinica' was one slip from
    'clinical', a counselor's NUCC specialization read as a specialty of its own, and
    'niños' (like 'children') was left unread."""
    codes = {c for p in interpret(text).of_kind("specialty") for c in p.codes}
    assert "208000000X" in codes and "1041C0700X" not in codes


@pytest.mark.parametrize(
    "text", ["clinica", "clinical trials for cancer", "clinical child and adolescent"]
)
def test_a_counselors_specialization_is_no_word_of_its_own(text):
    codes = {c for p in interpret(text).of_kind("specialty") for c in p.codes}
    assert "1041C0700X" not in codes


def test_a_dentists_own_field_still_names_the_dentist():
    assert interpret("pediatric dentistry").of_kind("specialty")[0].codes[0] == "1223P0221X"


def test_childrens_doctors_read_mid_sentence_in_lower_case():
    assert interpret("spanish speaking doctor for kids").describe() == (
        "Spanish-speaking children's doctors"
    )
    assert "Parkinson's" in interpret("female neurologist for parkinsons").describe()


def test_everyday_words_joined_by_a_hyphen_read_lower_case_and_names_keep_their_capitals():
    assert interpret("high risk pregnancy").describe() == "Physicians for high-risk pregnancy"
    assert "Ehlers-Danlos" in interpret("ehlers danlos").describe()
