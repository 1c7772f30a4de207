"""A body part that says where another need is, a symptom shared by two body parts, a
rash on a limb, and "allergic to <what>": each read as the one need people mean."""

from __future__ import annotations

import pytest

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

DERMATOLOGY = "207N00000X"
ORTHOPEDICS = "207X00000X"
SPINE = "207XS0117X"


def codes(text: str) -> set[str]:
    return {code for part in interpret(text).parts for code in part.codes}


@pytest.mark.parametrize(
    "text",
    [
        "itchy flaky patches on my elbows n knees",
        "rash on my arm",
        "rash on my arms and legs",
        "itchy bumps on my back",
        "red itchy spots all over my legs",
    ],
)
def test_a_rash_on_a_limb_or_the_back_is_the_skins(text):
    found = codes(text)
    assert DERMATOLOGY in found, text
    assert not found & {ORTHOPEDICS, SPINE}, (text, found)


def test_a_body_part_that_says_where_a_thyroid_lump_is_brings_no_spine_surgeon():
    # Read as the thyroid's nodules (a lump is a symptom): their specialists, by the map.
    reading = interpret("lump on my thyroid in my neck")
    found = codes("lump on my thyroid in my neck")
    found |= set(default_vocabulary().treating(reading.concept_ids))
    assert "207RE0101X" in found  # endocrinology
    assert SPINE not in found


@pytest.mark.parametrize(
    "text", ["back and knee", "pain in my knee and hip", "swelling in my knee and ankle"]
)
def test_body_parts_with_no_other_need_keep_their_specialists(text):
    assert ORTHOPEDICS in codes(text), text


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("knee and hip pain", ["Knee pain", "Hip pain"]),
        ("knee and hip arthritis", ["Knee Osteoarthritis", "Hip Osteoarthritis"]),
        ("knee and chest pain", ["Knee pain", "Chest Pain"]),
    ],
)
def test_a_symptom_after_two_body_parts_is_both_of_theirs(text, labels):
    assert [p.label for p in interpret(text).parts] == labels


@pytest.mark.parametrize(
    "text",
    ["ankles and legs swollen by end of day", "swollen ankles", "my feet are swollen", "edema"],
)
def test_swollen_legs_and_ankles_read_as_edema_not_a_bone_problem(text):
    assert interpret(text).concept_ids == ("leg-swelling",), text
    assert ORTHOPEDICS not in codes(text)


@pytest.mark.parametrize("text", ["swollen ankles knee pain", "swollen feet and ankles knee pain"])
def test_a_body_part_before_a_symptom_is_that_symptoms_not_the_need_before_it(text):
    """The knee went into the swelling, and 'pain' was left alone: no knee doctors."""
    assert [p.label for p in interpret(text).parts] == [
        "Swollen Legs and Ankles (Edema)",
        "Knee pain",
    ]
    assert ORTHOPEDICS in codes(text)


def test_edema_is_treated_by_primary_care_and_the_heart_and_kidney_specialists():
    treating = {s.code for s in default_vocabulary().concepts["leg-swelling"].specialties}
    assert {"207Q00000X", "207RC0000X", "207RN0300X"} <= treating


def test_a_swollen_knee_is_still_the_knee():
    assert ORTHOPEDICS in codes("swollen knee")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("toddler allergic to peanuts", "food-allergy"),
        ("allergic to penicillin", "drug-allergy"),
        ("allergy to shellfish", "food-allergy"),
        ("my son is allergic to tree nuts", "food-allergy"),
    ],
)
def test_allergic_to_something_reads_as_that_allergy(text, concept):
    understood = interpret(text)
    assert concept in understood.concept_ids, text
    assert not understood.unplaced, text


def test_allergic_to_something_the_vocabulary_does_not_name_is_an_allergist():
    understood = interpret("allergic to dogs")
    assert [p.label for p in understood.parts] == ["Allergist and immunologist"]


@pytest.mark.parametrize("text", ["he keeps falling", "my mom falls a lot", "losing balance"])
def test_an_older_adult_who_keeps_falling_reads_as_falls(text):
    assert interpret(text).concept_ids == ("falls-and-balance",), text


@pytest.mark.parametrize(
    "text", ["busco doctora", "woman doctor near me", "female dr", "lady doctor who speaks spanish"]
)
def test_a_woman_doctor_with_nothing_clinical_said_is_a_woman_in_primary_care(text):
    """'woman doctor near me' listed women of every specialty, radiologists included."""
    understood = interpret(text)
    read = [(p.kind, p.label) for p in understood.parts]
    assert ("filter", "Female") in read and ("specialty", "Primary care doctor") in read, read


@pytest.mark.parametrize("text", ["polish speaking dr", "dr near me", "a dr that takes medicaid"])
def test_dr_with_nothing_clinical_said_is_primary_care(text):
    """'polish speaking dr' listed urologists, ophthalmologists and physical therapists: the
    'dr' was read as nothing, where 'doctor' is a primary care doctor."""
    read = [(p.kind, p.label) for p in interpret(text).parts]
    assert ("specialty", "Primary care doctor") in read, read


@pytest.mark.parametrize(
    "text", ["who takes medicaid for kids", "doctor for kids", "toddler", "a dr for kids"]
)
def test_a_child_named_with_nothing_clinical_said_is_a_childrens_doctor(text):
    """'who takes medicaid for kids' listed a neurosurgeon, physical therapists and a
    psychiatrist: any physician taking Medicaid. Family doctors see children too."""
    read = [p.codes for p in interpret(text).parts if p.kind == "specialty"]
    assert read == [("208000000X", "207Q00000X")], read


def test_a_childhood_told_is_no_child_asked_for():
    assert not interpret("as a kid i had asthma").of_kind("specialty")


def test_a_woman_doctor_for_a_need_is_a_woman_who_treats_it():
    read = [p.label for p in interpret("lady doctor for a pap smear").parts]
    assert "Primary care doctor" not in read and "Female" in read


@pytest.mark.parametrize(
    "text",
    [
        "rheumatologist cambridge ma accepting",
        "pcp accepting",
        "dermatologist accepting",
        # an insurer named before is a wish of its own: it had swallowed the word
        "cardiologist spanish humana accepting",
        "ENT humana accepting decatur ga",
    ],
)
def test_accepting_alone_is_accepting_new_patients(text):
    """'accepting' was filler: the page listed physicians not taking anyone new."""
    assert interpret(text).filters.get("accepting_new_patients") is True, text


@pytest.mark.parametrize(
    "text",
    [
        "accepting medicaid",
        "accepting aetna",
        "accepting insurance",
        "cardiologist accepting humana",
    ],
)
def test_accepting_an_insurance_is_the_insurance_not_new_patients(text):
    assert "accepting_new_patients" not in interpret(text).filters, text


@pytest.mark.parametrize("text", ["infusion therapy", "massage therapist near me"])
def test_a_kind_of_therapy_the_parser_does_not_know_is_not_talk_therapy(text):
    """'speech therapy for toddler' listed psychiatrists: 'therapy' alone is talk therapy,
    but after a word nothing read it is that word's therapy."""
    understood = interpret(text)
    assert not understood.concept_ids and not understood.of_kind("specialty"), text
    assert text.split()[:2] == [w.text for w in understood.unplaced], text


@pytest.mark.parametrize(
    "text", ["speech therapy for toddler", "speech therapist", "speech therapy after stroke"]
)
def test_speech_therapy_is_the_speech_therapist(text):
    """'speech therapy eval toddler speech delay' listed pediatricians, no speech-language
    pathologist: the therapy is theirs, for a child's delay or after a stroke alike, as
    occupational therapy is the occupational therapist's."""
    assert interpret(text).specialty_codes == ("235Z00000X",), text
    assert interpret("speech delay").concept_ids == ("developmental-delay",)


def test_therapy_alone_is_still_talk_therapy():
    assert interpret("therapy for anxiety").concept_ids[0] == "psychotherapy"


@pytest.mark.parametrize(
    "text", ["toddler with a fever", "children with adhd", "teen acne", "infant reflux"]
)
def test_a_child_named_beside_a_need_is_who_the_care_is_for(text):
    """'kid with fever' listed family doctors; 'my kid has a fever' listed pediatricians."""
    understood = interpret(text)
    assert [p for p in understood.parts if p.is_the_patient], text
    assert understood.describe().startswith("Physicians for a child’s"), text


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("kids doctor for asthma", "Pediatricians for asthma"),
        ("baby boomer with knee pain", "Physicians for knee pain"),
    ],
)
def test_a_doctor_for_kids_or_a_word_about_adults_is_not_a_child_patient(text, heading):
    assert interpret(text).describe() == heading


@pytest.mark.parametrize(
    "text",
    ["kids doctor accepting new patients telehealth", "telehealth accepting new patients"],
)
def test_two_filters_typed_side_by_side_both_apply(text):
    """Both are yes-filters with no values: they merged into one and telehealth was lost."""
    filters = interpret(text).filters
    assert filters.get("accepting_new_patients") and filters.get("telehealth"), text


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("lower back pain 3 months physical therapy didnt help", "chronic-low-back-pain"),
        ("physical therapy didn't help my sciatica", "sciatica"),
        ("PT x 6 weeks no relief sciatica", "sciatica"),
    ],
)
def test_care_followed_by_it_did_not_help_is_care_already_tried(text, need):
    """'... physical therapy didnt help' listed ten physical therapists."""
    understood = interpret(text)
    assert understood.concept_ids == (need,), text
    assert not understood.of_kind("specialty"), text


def test_lumbar_radic_is_lumbar_radiculopathy():
    assert interpret("failed 6 wks PT lumbar radic").concept_ids == ("lumbar-radiculopathy",)


def test_nite_is_night():
    assert interpret("gets up 4 times a nite to pee").concept_ids == ("overactive-bladder",)


@pytest.mark.parametrize("text", ["need a pap smear", "well woman exam", "lady doctor for pap"])
def test_a_pap_test_is_done_by_gynecologists_and_primary_care(text):
    """'pap smear' read as a gynecologist only, and listed no family doctor who does them."""
    assert interpret(text).concept_ids == ("pap-test",), text
    treating = {s.code for s in default_vocabulary().concepts["pap-test"].specialties}
    assert {"207V00000X", "207VG0400X", "207Q00000X"} <= treating


@pytest.mark.parametrize(
    "text", ["stuffed up nose for months cant breathe thru it", "cant breathe thru my nose"]
)
def test_a_blocked_nose_is_not_shortness_of_breath(text):
    assert interpret(text).concept_ids == ("deviated-septum",), text


def test_glass_is_not_glasses():
    """'she cut herself on glass' read 'glass' as eyeglasses and listed eye doctors."""
    understood = interpret("she cut herself on glass")
    assert "refractive-errors" not in understood.concept_ids
    assert [p.label for p in understood.parts] == ["Urgent care doctor"]
    assert interpret("need new glasses").concept_ids == ("refractive-errors",)


def test_cutting_oneself_is_never_read_as_urgent_care():
    """First-person cutting is self-harm (the 988 notice answers it), not a cut to stitch."""
    for text in ("i cut myself", "i want to cut myself"):
        assert "Urgent care doctor" not in [p.label for p in interpret(text).parts], text


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("cracked my back tooth and it hurts bad", "toothache"),
        ("been trying to get pregnant for 2 years", "infertility"),
        ("my husband drinks too much how do i get him help", "alcohol-use-disorder"),
        ("heartburn for years and the pills dont work anymore", "gerd"),
    ],
)
def test_everyday_words_read_as_the_need_not_a_neighbour_of_it(text, concept):
    """A back tooth is no broken back, trying to get pregnant is infertility care not
    prenatal care, and 'the pills dont work' is no birth control ('the pill' still is)."""
    assert interpret(text).concept_ids == (concept,), text


def test_the_pill_is_still_birth_control():
    assert interpret("on the pill").concept_ids == ("birth-control",)


@pytest.mark.parametrize(
    "text", ["post op f/u lap chole 2 wks", "after my hip replacement", "post op knee replacement"]
)
def test_post_op_beside_a_procedure_is_when_not_chronic_pain(text):
    ids = interpret(text).concept_ids
    assert "chronic-postsurgical-pain" not in ids and len(ids) == 1, text


def test_post_surgical_pain_is_still_read_where_pain_is_said():
    assert interpret("pain after surgery").concept_ids == ("chronic-postsurgical-pain",)


def test_a_count_of_children_is_still_children():
    """'doctor that takes medicaid for my 3 kids cleveland' found nobody: the 3 left a word
    unread, so neither the children nor 'doctor' counted."""
    labels = [p.label for p in interpret("doctor that takes medicaid for my 3 kids").parts]
    assert "Pediatrician" in labels


def test_a_body_part_after_a_skin_condition_far_from_it_says_where():
    assert interpret("psoriasis flaring up badly on my elbows").concept_ids == ("psoriasis",)
    assert ORTHOPEDICS not in codes("psoriasis flaring up badly on my elbows")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("pain in the back of my knee", "knee"),
        ("back of knee pain", "knee pain"),
        ("pain in the back of my head", "head"),
    ],
)
def test_the_back_of_a_body_part_is_that_parts_not_the_back(text, part):
    """ "pain in the back of my knee" read "pain in the back" as low back pain."""
    understood = interpret(text)
    assert "chronic-low-back-pain" not in {i for p in understood.parts for i in p.ids}
    assert part in [p.text for p in understood.of_kind("body_part")]
    assert understood.unplaced == ()


def test_pain_down_the_back_of_the_leg_is_sciatica():
    assert interpret("pain shoots down the back of my leg to my foot").concept_ids == ("sciatica",)


@pytest.mark.parametrize(
    ("text", "specialty"),
    [
        ("busco una ginecóloga", "Gynecologist"),
        ("dermatologa en houston", "Dermatologist"),
        ("una cardióloga que hable español", "Cardiologist"),
    ],
)
def test_a_specialist_named_in_the_feminine_is_a_woman_asked_for(text, specialty):
    """'ginecóloga' asked for no woman, although 'doctora' did."""
    read = [(p.kind, p.label) for p in interpret(text).parts]
    assert ("filter", "Female") in read and ("specialty", specialty) in read, read


@pytest.mark.parametrize("text", ["ginecólogo", "dermatólogo en houston", "cardiologist"])
def test_a_specialist_named_in_the_masculine_asks_for_no_gender(text):
    assert "gender" not in interpret(text).filters


@pytest.mark.parametrize(
    "text",
    [
        "teenager with really bad acne face and back, tried proactiv and everything",
        "changing pigmented lesion back, needs bx",
        "7 month old baby has eczema all over her cheeks and legs",
        "psoriasis covering my arms",
    ],
)
def test_a_body_part_joined_to_a_skin_condition_is_where_on_the_skin(text):
    """'acne face and back' had listed OB/GYNs and spine doctors: the back read as back pain."""
    reading = interpret(text)
    assert not reading.of_kind("body_part")
    assert not codes(text) & {ORTHOPEDICS, SPINE}


def test_a_back_that_hurts_beside_a_skin_condition_is_still_a_need():
    assert {p.ids for p in interpret("eczema and back pain").parts} == {
        ("eczema",),
        ("chronic-low-back-pain",),
    }


@pytest.mark.parametrize(
    ("text", "specialist"),
    [
        ("tele-rheumatology RA follow up M05.79", "Rheumatologist"),
        ("acne tele derm los angeles", "Dermatologist"),
        ("teledermatology psoriasis L40.0", "Dermatologist"),
        ("telepsych referral bipolar F31.9 medicaid", "Psychiatrist"),
        ("telepsychiatry near me", "Psychiatrist"),
    ],
)
def test_tele_before_a_care_is_the_telehealth_wish_and_the_care(text, specialist):
    """ "tele-neurology", "teledermatology": the wish had been dropped, or the care."""
    reading = interpret(text)
    assert reading.filters.get("telehealth") is True, reading.parts
    assert specialist in [p.label for p in reading.of_kind("specialty")]


@pytest.mark.parametrize("text", ["television", "telemetry nurse", "telephone number for dr smith"])
def test_a_tele_word_that_names_no_care_is_no_wish(text):
    assert "telehealth" not in interpret(text).filters
