"""A child's specialist: a child word next to a specialty reads as its children's counterpart
(directory/understanding/children.py, ``children`` in data/specialties.json)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret, lexicon_for
from directory.understanding.children import EVERY_AGE
from directory.vocabulary import default_vocabulary

PEDIATRIC_ALLERGY, PEDIATRICS, ALLERGY = "2080P0201X", "208000000X", "207K00000X"


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_for(default_vocabulary())


@pytest.mark.parametrize(
    "text",
    [
        "kids allergist",
        "children's allergist",
        "pediatric allergist",
        "peds allergy doctor",
        "allergist for kids",
        "allergist for my kids",
        "my kid's allergist",
        "allergist for our baby",
    ],
)
def test_a_child_word_next_to_a_specialty_asks_for_its_childrens_counterpart(text, lexicon):
    (part,) = interpret(text, lexicon=lexicon).parts
    assert (part.kind, part.ids[0], part.text) == ("specialty", PEDIATRIC_ALLERGY, text)
    assert set(part.ids) <= {PEDIATRIC_ALLERGY, ALLERGY}
    assert part.label == "Pediatric allergist"


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("dermatologist for my kids", ("207NP0225X", "207N00000X")),
        ("allergist for kids", (PEDIATRIC_ALLERGY, ALLERGY)),
        ("kids cardiologist", ("2080P0202X",)),  # cardiologists are trained for adults
    ],
)
def test_a_board_that_sees_children_follows_its_childrens_specialists(text, ids, lexicon):
    """ "dermatologist for my kids" had found the directory's one pediatric dermatologist
    and nobody else, though every dermatologist sees children."""
    (part,) = interpret(text, lexicon=lexicon).parts
    assert part.ids == ids


def test_every_counterpart_reads_back_in_both_word_orders(lexicon):
    specialties = lexicon.vocabulary.specialties
    mapped = [s for s in specialties.values() if s.children]
    assert len(mapped) >= 20
    for specialty in mapped:
        # a board that sees children itself stays first ("kids family medicine doctor")
        kept = (specialty.code,) if specialty.code in EVERY_AGE else ()
        # ... and a board that sees young children follows its children's specialists
        sees_children = specialty.is_physician and not specialty.sees_no_young_children
        after = (specialty.code,) if sees_children and not kept else ()
        for text in (f"kids {specialty.lay_name}", f"{specialty.lay_name} for my child"):
            parts = interpret(text, lexicon=lexicon).parts
            assert [p.ids for p in parts] == [(*kept, *specialty.children, *after)], (text, parts)
            assert all(specialties[code].is_physician == specialty.is_physician
                       for code in specialty.children)  # fmt: skip


def test_a_specialty_without_a_childrens_counterpart_keeps_its_reading(lexicon):
    parts = interpret("pediatric neurosurgeon", lexicon=lexicon).parts
    assert [p.ids for p in parts] == [(PEDIATRICS,), ("207T00000X",)]


def test_a_condition_for_a_child_is_unchanged(lexicon):
    parts = interpret("asthma doctor for my kid", lexicon=lexicon).parts
    assert [(p.kind, p.ids) for p in parts] == [
        ("condition", ("asthma",)),
        ("specialty", (PEDIATRICS,)),
    ]


def test_a_child_word_elsewhere_in_the_text_does_not_change_the_specialty(lexicon):
    parts = interpret("allergist near kids hospital", lexicon=lexicon).parts
    assert parts[0].ids == ("207K00000X",)


@pytest.mark.parametrize("text", ["teen therapist", "kids therapist", "therapist for my teen"])
def test_a_childs_therapist_is_a_childs_mental_health_specialist(text, lexicon):
    """'therapist' means talk therapy first (physical therapist is the other reading); a
    child word beside it composed only the physical therapist, whose reading had one code,
    so 'teen therapist' listed pediatric physical therapists. Of the talk therapists only
    the psychologist has a children's counterpart."""
    (part,) = interpret(text, lexicon=lexicon).parts
    assert part.kind == "specialty"
    assert set(part.ids) == {"103TC2200X"}  # child psychologist


def test_a_pediatric_allergist_broadens_to_allergists_before_pediatricians():
    """Allergists are board certified for children and adults alike: where no pediatric
    allergist practises, a parent is better served by an allergist than a pediatrician."""
    vocabulary = default_vocabulary()
    assert vocabulary.broader_specialties(PEDIATRIC_ALLERGY)[:2] == ("207K00000X", PEDIATRICS)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("depression 15 year old", "Physicians for a child’s depression"),
        ("anxiety in my 8 year old", "Physicians for a child’s anxiety disorders"),
        ("my kid", "Pediatricians"),
        ("pediatrician for my kid", "Pediatricians"),
    ],
)
def test_a_childs_need_is_headed_as_the_childs_not_as_pediatricians(text, heading):
    """'depression 15 year old' was headed "Pediatricians for depression" above a list of
    psychiatrists: the age says who the care is for, not who gives it."""
    assert interpret(text).describe() == heading


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my 6 month old has eczema", 0),
        ("heart murmur in my 2 year old", 2),
        ("ear tubes 3yo", 3),
        ("depression 15 year old", 15),
        ("my baby has a heart murmur", 1),
        ("toddler with a fever", 1),
        ("teen acne", 13),
        ("my kid has asthma", 8),
        ("adhd testing for my son he's 8", 8),
        ("my daughter is 5 and has a rash", 5),
        ("3 week old not eating", 0),
        ("heart murmur", None),  # no child said: nobody is ranked by age
        ("kids doctor", None),  # a pediatrician typed, not the patient's age
        # A children's specialist asked in words: the patient is a child.
        ("need a lung doctor for kids in atlanta", 8),
        ("kids allergist", 8),
        ("skin doctor for my toddler", 1),
        ("allergist for teens", 13),
        # A specialty typed beside a child's need: the child is still who it is for (had
        # been no age, so dermatologists who see only adults ranked as high).
        ("baby eczema dermatologist", 1),
        ("teen acne dermatologist", 13),
        ("baby boomer knee pain", None),
        ("been trying for a baby 2 years", None),  # infertility: the parents are the patients
    ],
)
def test_the_childs_age_is_read_from_the_words_about_the_patient(text, age):
    assert interpret(text).patient_age == age


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ped GI", "2080P0206X"),
        ("pedi endo", "2080P0205X"),
        ("paed cardiology", "2080P0202X"),
        ("pediatrics GI", "2080P0206X"),
        ("ped allergist", PEDIATRIC_ALLERGY),
    ],
)
def test_a_referrals_short_child_words_ask_for_the_childrens_counterpart(text, code, lexicon):
    """ "ped GI for 3yo" on a referral is a pediatric gastroenterologist, never pediatricians
    or adult gastroenterologists."""
    (part,) = interpret(text, lexicon=lexicon).parts
    assert (part.kind, part.ids[0]) == ("specialty", code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("alergista para mi hijo", PEDIATRIC_ALLERGY),
        ("psicólogo para mi hija", "103TC2200X"),
        ("cardiólogo para mi bebé", "2080P0202X"),
    ],
)
def test_a_specialist_for_a_spanish_speakers_child_is_the_childrens(text, code, lexicon):
    """'psicologo para mi hija' read psychologists or pediatricians, and listed pediatricians
    first, as English 'allergist for my kid' never did."""
    understood = interpret(text, lexicon=lexicon)
    assert understood.specialty_codes[0] == code
    assert PEDIATRICS not in understood.specialty_codes


def test_a_spanish_childs_age_is_the_patients(lexicon):
    assert interpret("psiquiatra para mi hijo de 15 años", lexicon=lexicon).patient_age == 15


def test_a_son_of_an_adults_age_is_no_child(lexicon):
    understood = interpret("dermatólogo para mi hijo de 30 años", lexicon=lexicon)
    assert "207NP0225X" not in understood.specialty_codes
    assert understood.describe().startswith("Dermatologists")


def test_an_adults_age_beside_a_need_says_no_child(lexicon):
    """'getting up to pee 4 times a night, 62 yo man' was headed 'a child's overactive
    bladder'."""
    understood = interpret("up to pee 3 times a night, 70 yo man", lexicon=lexicon)
    assert "child" not in understood.describe()


def test_the_patients_words_and_a_specialist_typed_after_them_stay_two_parts(lexicon):
    """'son is 7 pediatrician' merged into one part about the patient, so nothing asked for
    a pediatrician: the broader search a child's need falls back to found nobody."""
    parts = interpret("son is 7 pediatrician for autistic", lexicon=lexicon).of_kind("specialty")
    assert [p.is_the_patient for p in parts] == [True, False]


@pytest.mark.parametrize(
    "text",
    [
        "busco doctor de familia que hable español para mi y mis hijos",
        "family doctor who sees kids and adults, me and my 3 kids",
    ],
)
def test_a_doctor_for_a_parent_and_their_children_is_a_family_doctor(text, lexicon):
    """'doctor de familia ... para mi y mis hijos' listed ten pediatricians, who do not see
    the parent."""
    codes = interpret(text, lexicon=lexicon).specialty_codes
    assert "207Q00000X" in codes and PEDIATRICS not in codes, text


@pytest.mark.parametrize("text", ["kids asthma doctor", "childrens asthma doctor"])
def test_a_need_doctor_for_a_child_named_first_is_the_childs_need(text, lexicon):
    """'kids asthma doctor' read adult pulmonologists (and a pediatrician): the child named
    before the need's doctor is the patient, and the need is read as in 'asthma doctor for
    my kid', not as the adults' specialist."""
    read = interpret(text, lexicon=lexicon)
    said = interpret("asthma doctor for my kid", lexicon=lexicon)
    assert read.concept_ids == said.concept_ids == ("asthma",)
    assert read.specialty_codes == said.specialty_codes == (PEDIATRICS,)


def test_a_need_doctor_who_sees_children_too_stays_for_a_child(lexicon):
    specialists = [p for p in interpret("kids acne doctor", lexicon=lexicon).parts if p.treats]
    assert [p.ids for p in specialists] == [("207N00000X",)]  # dermatologists see children


@pytest.mark.parametrize(
    ("text", "grown"),
    [
        ("adult autism evaluation", True),
        ("im 34 and think i have aspergers", True),
        ("my husband might be on the spectrum", True),
        ("adult ASD diagnostic assessment, pt 28F", True),
        ("lady calling for her 30 yr old son thinks hes autistic", True),
        ("autism eval for my 3 year old", False),
        ("adhd in my 16 year old", False),
        ("autism evaluation", False),  # nobody's age said
    ],
)
def test_words_that_say_the_patient_is_grown(text, grown):
    assert interpret(text, lexicon=lexicon_for(default_vocabulary())).an_adult is grown


@pytest.mark.parametrize(
    "text",
    [
        "pediatric scoliosis specialist boston",
        "pediatric cochlear implant candidacy referral",
        "supracondylar humerus fracture pediatric",
    ],
)
def test_pediatric_before_a_need_says_whom_it_is_for(text):
    """'pediatric scoliosis specialist boston' listed ten pediatricians: the adjective was
    read as the pediatrician asked for, not as whom the need is for."""
    read = interpret(text, lexicon=lexicon_for(default_vocabulary()))
    assert read.patient_age is not None
    assert not [p for p in read.parts if p.kind == "specialty" and not p.is_the_patient]


@pytest.mark.parametrize("text", ["peds atlanta", "new patient peds cigna", "pediatric doctor"])
def test_a_pediatrician_asked_for_by_name_stays_asked(text):
    read = interpret(text, lexicon=lexicon_for(default_vocabulary()))
    assert any(p.kind == "specialty" and not p.is_the_patient for p in read.parts)


@pytest.mark.parametrize(
    "text", ["new mom crying all the time cant bond with baby", "c section scar pain"]
)
def test_a_new_mothers_baby_is_not_the_patient(text):
    """'new mom crying all the time cant bond with baby' read a child's depression."""
    read = interpret(text, lexicon=lexicon_for(default_vocabulary()))
    assert read.patient_age is None and "child" not in read.describe()


@pytest.mark.parametrize(
    "text",
    ["family medicine newborn and mom care katy tx accepting", "family doctor for my newborn"],
)
def test_a_family_doctor_asked_for_a_child_stays_asked(text):
    """Family medicine sees children: 'family medicine newborn and mom care' had listed only
    pediatricians. The family doctor comes first, the pediatrician beside."""
    specialty = interpret(text).of_kind("specialty")[0]
    assert specialty.codes[:1] == ("207Q00000X",)
    assert "208000000X" in specialty.codes
    # a need's several boards ("sunburn": urgent care) still take the child's counterpart
    assert interpret("sunburned kid fever chills").of_kind("specialty")[0].label == "Pediatrician"
