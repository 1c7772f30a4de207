"""Ambiguous short words and doctor words after a specialty (directory/understanding)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret, lexicon_for
from directory.understanding.titles import surnames_read_as_names
from directory.vocabulary import default_vocabulary

ENDOCRINOLOGIST = "207RE0101X"


def test_endo_alone_keeps_the_specialty_and_offers_endometriosis():
    reading = interpret("endo")
    (part,) = reading.parts
    assert (part.kind, part.ids) == ("specialty", (ENDOCRINOLOGIST,))
    assert [(a.kind, a.ids, a.span) for a in reading.alternatives] == [
        ("condition", ("endometriosis",), (0, 4))
    ]
    assert reading.as_dict()["alternatives"][0]["label"] == "Endometriosis"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("endo for my thyroid", "specialty"),
        ("endo with diabetes", "specialty"),
        ("endo and pelvic pain", "condition"),
    ],
)
def test_the_rest_of_the_text_chooses_what_endo_means(text, kind):
    reading = interpret(text)
    assert reading.parts[0].kind == kind
    assert reading.alternatives == (), "a reading the text rules out is not offered"


@pytest.mark.parametrize(
    "text",
    [
        "gyn for endo",
        "ob gyn in pasadena that treats endo",
        "endo flare went to er they said see gyn asap",
        "need a regular doctor first to get referred to gyn for endo",
    ],
)
def test_a_specialist_typed_who_treats_endometriosis_says_endo_is_the_condition(text):
    reading = interpret(text)
    assert "endometriosis" in reading.concept_ids
    assert ENDOCRINOLOGIST not in reading.specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "GDM on insulin needs endo co-management 32 wks",
        "GDM referral 28 wks needs MFM or endo",
        "endo referral for pcos",
        "uremic pruritus in HD pt, nephrology requesting derm consult",
    ],
)
def test_a_specialist_who_treats_only_another_need_later_settles_nothing(text):
    """Maternal-fetal medicine leads gestational diabetes' map; endocrinologists follow, and
    a physical therapist typed is not who first treats Huntington's disease."""
    reading = interpret(text)
    assert "endometriosis" not in reading.concept_ids
    assert "huntingtons-disease" not in reading.concept_ids


def test_an_unambiguous_word_has_no_alternatives():
    assert interpret("cardiologist").alternatives == ()


@pytest.mark.parametrize(
    "text", ["endo dr boston", "spine dr boston", "pain management dr chicago"]
)
def test_a_doctor_word_after_a_specialty_before_a_city_is_not_a_title(text):
    reading = interpret(text)
    assert not reading.of_kind("name"), reading.parts
    assert reading.location is not None and reading.location.place is not None
    assert reading.of_kind("specialty")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("dr houston", "Houston"),
        ("Dr Jackson cardiology", "Jackson"),
        ("cardiologist dr jackson", "Jackson"),
        ("neurosurgeon dr green", "Green"),
        ("family medicine doctor dr wright", "Wright"),
        ("dr washington", "Washington"),  # a state's name, a person after "dr"
        ("dr young", "Young"),  # a plain word, and a common surname
        ("dr little cardiology", "Little"),
    ],
)
def test_dr_before_a_name_is_still_a_title(text, name):
    assert interpret(text).names == (name,)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("dr jones internist in atlanta, shes a lady dr forgot her first name", ("Jones",)),
        ("dr said its arthritis", ()),
        ("dr wants me to see a cardiologist", ()),
        ("Dr. Said", ("Said",)),  # capitalised: a name
    ],
)
def test_dr_before_an_everyday_word_nobody_is_named_is_no_title(text, names):
    """'shes a lady dr forgot her first name' also asked for a Dr. Forgot, whom nobody
    matched beside Dr. Jones."""
    assert interpret(text).names == names


@pytest.mark.parametrize(
    "text",
    [
        "eczema doctor houston",
        "caller needs copd doctor houston area",
        "trigger finger doctor houston",
        "osteoporosis doctor houston",
    ],
)
def test_doctor_spelled_out_after_a_need_before_a_surname_city_is_the_place(text):
    """'eczema doctor houston' (blind probe 145) read Dr. Houston, listing two
    pediatricians named Houston first and no place at all: 'doctor' spelled out after a
    need is that need's doctor word ('dr' stays a title: 'endo dr houston')."""
    reading = interpret(text)
    assert reading.names == () and reading.location.place.label == "Houston, TX", text


def test_washington_after_a_clinical_word_or_a_cue_is_still_the_state():
    for text in ("cardiologist washington", "doctors in washington"):
        reading = interpret(text)
        assert reading.names == () and reading.location.place.label.startswith("Washington")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("endo dr houston", "houston"),
        ("cardiologist Dr. Jackson", "jackson"),
        ("dr houston", None),  # no term before it: only the person was asked for
        ("neurosurgeon dr green", None),  # not a place
        ("spine dr boston", None),  # already the place
    ],
)
def test_a_surname_that_is_a_city_after_a_term_is_kept_as_a_place_to_offer(text, city):
    lexicon = lexicon_for(default_vocabulary())
    found = surnames_read_as_names(interpret(text, lexicon=lexicon).parts, lexicon)
    assert [word for _, word in found] == ([city] if city else [])


def test_a_specialty_takes_the_doctor_word_after_it():
    (part,) = interpret("cardiology clinic").parts
    assert part.text == "cardiology clinic" and part.kind == "specialty"


@pytest.mark.parametrize(
    ("text", "codes"),
    [("back pain doctor", "207XS0117X"), ("knee pain specialist", "207X00000X")],
)
def test_a_body_part_pain_doctor_is_that_parts_doctor_not_a_pain_doctor(text, codes):
    (part,) = interpret(text).parts
    assert part.kind == "specialty" and codes in part.ids


def test_a_condition_keeps_the_doctor_word_so_another_reading_cannot_split_it():
    (part,) = interpret("skin cancer doctor").parts
    assert part.kind == "condition" and "skin-cancer" in part.ids


@pytest.mark.parametrize("text", ["doctor for my 5 year old", "my 3-year-old has a rash"])
def test_a_childs_age_asks_for_a_pediatrician(text):
    assert "208000000X" in interpret(text).specialty_codes


@pytest.mark.parametrize("text", ["my babys rash wont go away", "babys eczema keeps flaring"])
def test_a_baby_typed_without_the_apostrophe_is_still_the_patient(text):
    reading = interpret(text)
    assert reading.patient_age == 1


def test_an_adults_age_is_a_qualifier_not_a_pediatrician():
    reading = interpret("my 45 year old husband snores")
    assert not reading.specialty_codes and "habitual-snoring" in reading.concept_ids


def test_keeps_coming_back_is_not_the_back():
    reading = interpret("sinus infection keeps coming back")
    assert reading.concept_ids == ("sinusitis",) and not reading.of_kind("body_part")
    assert reading.describe() == "Physicians for sinusitis"


@pytest.mark.parametrize(
    ("text", "concept"),
    [("burning when i pee", "urinary-tract-infection"), ("forgetful dad", "dementia")],
)
def test_everyday_symptom_phrasing_reaches_the_condition(text, concept):
    assert concept in interpret(text).concept_ids


@pytest.mark.parametrize(
    ("text", "provider", "not_meant"),
    [
        ("therapist near me", "103T00000X", "2084P0800X"),
        ("referral for therapist for PTSD, CBT recommended", "1041C0700X", "2084P0800X"),
        ("therapist for my knee", "225100000X", "103T00000X"),
        ("therapist for my back", "225100000X", "103T00000X"),
    ],
)
def test_a_therapist_is_for_talk_therapy_unless_the_text_is_about_the_body(
    text, provider, not_meant
):
    """A therapist for the mind is a psychologist, a counselor or a social worker: 'referral
    for therapist for PTSD' had listed ten psychiatrists. Beside a body part the text names
    ('therapist for my back', which had read talk therapy) it is a physical therapist."""
    codes = interpret(text).specialty_codes
    assert provider in codes and not_meant not in codes, codes


def test_therapy_beside_back_pain_is_physical_therapy_and_beside_anxiety_talk_therapy():
    assert "physical-therapy" in interpret("therapy for back pain").concept_ids
    assert "psychotherapy" in interpret("therapy for anxiety").concept_ids


def test_a_singular_finds_the_plural_term():
    assert interpret("seizure").concept_ids == ("epilepsy",)


def test_a_checkup_is_primary_care():
    assert "207Q00000X" in interpret("annual checkup").specialty_codes


def test_a_specialists_name_without_physician_takes_the_ologist_form():
    assert interpret("pediatric dermatologist").specialty_codes == ("207NP0225X",)


def test_therapy_beside_a_condition_its_board_treats_is_that_therapy():
    """'my husband had a stroke, right side is weak, he needs therapy' read talk therapy:
    a stroke lists neurologic physical therapists, who are physical therapists."""
    reading = interpret("my husband had a stroke, right side is weak, he needs therapy")
    assert "physical-therapy" in reading.concept_ids and "psychotherapy" not in reading.concept_ids
    assert "psychotherapy" in interpret("therapy for depression").concept_ids
    assert "physical-therapy" in interpret("therapy for back pain").concept_ids


def test_a_front_desks_calling_and_scheduling_name_nobody():
    """'pt calling to schedule vasectomy reversal consult' ranked three physicians named
    Collins first: 'calling schedule' was left over as a name to match."""
    reading = interpret("pt calling to schedule vasectomy reversal consult")
    assert reading.concept_ids == ("vasectomy",) and not reading.unplaced
