"""Words about the patient, or about one physician, are not filters on the physicians
(directory/understanding/parse.py): the patient's age and sex as a referral writes them,
a question about a named physician, and "near me" beside the place typed."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("ADHD eval 9 y/o", 9),
        ("asthma 7 yrs old", 7),
        ("14 y/o female acne", 14),
        ("peds cardiology - 3 mo infant with murmur", 0),  # adults' cardiologists were first
        ("back pain x 3 mo", None),  # a duration, no child
        ("pregnant with my first baby need an obgyn", None),  # the mother is the patient
        ("wife and i are done having kids, want to get snipped", None),  # a family planned
        ("colitis doctor for college kid on remicade infusions", None),  # a grown one: was 8
        ("my grown kids need a family doctor", None),
    ],
)
def test_a_childs_age_in_a_referrals_shorthand_is_read(text, age):
    """'ADHD eval 9 y/o' listed psychiatrists who see adults only: the age was filler."""
    assert interpret(text).patient_age == age


@pytest.mark.parametrize(
    "text",
    [
        "35 y/o female acne",
        "45yo F chest pain",
        "62 year old male afib",
        "female pt pelvic pain",
        "urinary incontinence eval, elderly male, spanish speaking",  # an age said in words
        "infertility workup, female 34, trying x18mo",  # the age right after the sex
        "urology or urogyn for female SUI",  # the sex of the need
        "woman jaw pain and nausea could it be heart atlanta",  # who has the need, first
    ],
)
def test_the_patients_sex_in_a_referral_is_not_the_physicians(text):
    """'35 y/o female acne' listed only women dermatologists."""
    reading = interpret(text)
    assert "gender" not in reading.filters, text
    assert reading.concepts, text  # the need is still read


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("female dermatologist", "female"),
        ("cardiologist female", "female"),
        ("lady gyno", "female"),
        ("older female doctor", "female"),
        ("male urologist within 5 miles", "male"),
        ("looking for female gyn", "female"),
        ("female 2nd opinion dermatologist", "female"),  # an ordinal, not an age
        ("female pelvic floor therapist houston", "female"),
        ("female hair thinning dermatologist houston", "female"),
    ],
)
def test_a_gender_asked_of_the_physician_stays_a_filter(text, gender):
    assert interpret(text).filters.get("gender") == (gender,)


@pytest.mark.parametrize(
    "text",
    ["does dr jacobson in compton take new pts", "is dr soucier accepting new patients"],
)
def test_a_question_about_a_named_physician_does_not_hide_them(text):
    """The answer ("not accepting") is on the card; as a filter it hid Dr. Jacobson."""
    reading = interpret(text)
    assert reading.names and "accepting_new_patients" not in reading.filters


def test_accepting_new_patients_beside_a_specialty_stays_a_filter():
    assert interpret("cardiologist accepting new patients").filters["accepting_new_patients"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("chiropractor near me 60657", "Chicago, IL 60657"),
        ("dermatologist near me chicago", "Chicago, IL"),
        ("urgent care near me houston tx", "Houston, TX"),
        ("nearest neurologist to gary indiana for stroke", "Gary, IN"),
        ("closest cardiologist to naperville", "Naperville, IL"),
    ],
)
def test_near_me_beside_a_place_typed_is_that_place(text, label):
    """'chiropractor near me 60657' asked for the user's location and searched every state."""
    location = interpret(text).location
    assert location.place is not None and location.place.label == label
    assert not location.near_me
    assert interpret("dentist near me").location.near_me


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("my period is super heavy", "207VG0400X"),
        ("woman doctor for female problems", "207VG0400X"),
        ("CT surgery consult for AVR", "heart-valve-replacement"),
        ("Dr. Gianferari high risk OB", "207VM0101X"),
    ],
)
def test_lay_and_referral_words_for_a_need_are_read(text, wanted):
    """Each found nobody or the wrong specialists: 'period' and 'female problems' are the
    gynecologist's; 'AVR' is the valve replacement a cardiac surgeon does."""
    reading = interpret(text)
    assert wanted in {i for p in reading.parts for i in (*p.ids, *p.codes)}, text


def test_words_unread_again_are_filler_word_by_word():
    """'e visit dr john smith': the telehealth phrase set aside is two filler words, as
    every other filler is (the property sweep found one filler spanning both)."""
    reading = interpret("e visit dr john smith")
    assert [w.text for w in reading.filler] == ["e", "visit"]
    assert reading.names and not reading.filters


@pytest.mark.parametrize(
    ("text", "insurer"),
    [
        ("molina pediatrician", "Medicaid"),
        ("peachcare pediatrician", "Medicaid"),
        ("chip insurance pediatrician", "Medicaid"),
        ("aarp medicare cardiologist", "UnitedHealthcare"),
        ("cigna ppo therapist", "Cigna"),
    ],
)
def test_a_plan_named_as_people_say_it_is_its_insurer(text, insurer):
    """A state's Medicaid program or a Medicaid plan's brand ('molina', 'peachcare') is
    Medicaid; AARP's Medicare plans are UnitedHealthcare's; 'ppo' only says which plan
    ('cigna ppo therapist' read no therapist: 'ppo therapist' looked like a kind of therapy)."""
    reading = interpret(text)
    assert reading.filters["insurance"] == (insurer,), text
    assert not reading.unplaced and reading.specialty_codes, text


def test_a_chip_is_not_the_childrens_health_plan_unless_said_so():
    assert "insurance" not in interpret("potato chip allergy").filters


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("help losing weight", "obesity"),
        ("asymptomatic microhematuria 55F", "blood-in-urine"),
        ("+ANA 1:640", "207RR0500X"),
        ("62 yo M PSA 8.4 uro", "prostate-cancer"),
    ],
)
def test_a_referrals_findings_and_a_patients_goal_are_read(text, wanted):
    """Each found nobody or the wrong need: 'PSA' in capitals is the prostate's antigen
    (psoriatic arthritis is 'PsA'); '55F' is the patient, never a word to search."""
    reading = interpret(text)
    assert wanted in {i for p in reading.parts for i in (*p.ids, *p.codes)}, text
    assert not any(w.text in ("55F", "asymptomatic") for w in reading.unplaced)


def test_a_teenager_is_the_patient():
    """'my teenage son hes depressed' listed adult-only psychiatrists: 'teenage' was unread."""
    assert interpret("my teenage son hes depressed").patient_age == 13
    assert interpret("asthma doctor for kids").patient_age is not None


@pytest.mark.parametrize(
    ("text", "age"),
    [("F50.01 anorexia 15F", 15), ("acne 16 F", 16), ("asthma 8yom", 8)],
)
def test_a_childs_age_with_the_sex_letter_is_the_patient(text, age):
    """'F50.01 anorexia 15F' listed psychiatrists who see no one under 18: the referral's
    age and sex is a 15 year old, as '15 yo F' is."""
    reading = interpret(text)
    assert reading.patient_age == age
    assert not reading.unplaced


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("autism eval 2y9m delayed speech", 2),
        ("speech delay 3yr6mo", 3),
        ("1y2m ear infections", 1),
    ],
)
def test_a_toddlers_years_and_months_are_the_patients_age(text, age):
    """'peds referral autism eval 2y9m' read no child: a chart's years and months ("2y9m")
    are a two year old, whose need goes first to those who see young children."""
    assert interpret(text).patient_age == age


def test_an_adults_age_with_the_sex_letter_is_left_out():
    reading = interpret("54 F chest pain")
    assert reading.patient_age is None and not reading.unplaced
    assert reading.concept_ids == ("chest-pain",)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("bcbs of texas orthopedic surgeon shoulder sugar land", "Sugar Land, TX"),
        ("patient has medical mutual of ohio looking for family doc in akron", "Akron, OH"),
        ("blue shield of california gastroenterologist torrance", None),  # reread as a town
    ],
)
def test_a_state_in_a_plans_name_is_not_where_to_search(text, place):
    """'bcbs of texas ... sugar land' searched all of Texas: "of Texas" names the plan."""
    read = interpret(text)
    places = [p.label for p in read.parts if p.kind == "location"]
    assert places == ([place] if place else []), places
    assert read.filters["insurance"]
    # a state said as the place is still the place
    assert interpret("dermatologist in massachusetts, has bcbs").location.label == "Massachusetts"


def test_deafness_beside_signing_asks_for_a_physician_who_signs():
    """'pediatrician who signs my daughter is deaf' listed pediatricians and ENTs for a
    hearing loss, none of whom signs: the deaf patient needs American Sign Language."""
    for text in (
        "pediatrician who signs my daughter is deaf",
        "pregnant and deaf need obgyn who can sign",
        "deaf caller via relay wants family doc who signs, houston",
    ):
        read = interpret(text)
        assert read.filters["language"] == ("ASL",), text
        assert "Hearing Loss" not in {p.label for p in read.parts}, text
    # without deafness "sign" is any other word
    assert "language" not in interpret("doctor who can sign my disability forms").filters


def test_pt_beside_the_patients_language_is_the_patient():
    """'L4-5 herniated disc, pt portuguese speaking, spine referral' asked for physical
    therapists who speak Portuguese."""
    labels = {
        p.label
        for p in interpret("L4-5 herniated disc, pt portuguese speaking, spine referral").parts
    }
    assert "Physical therapist" not in labels and "Lumbar Herniated Disc" in labels


@pytest.mark.parametrize(
    ("text", "adults"),
    [
        ("neurologist for my teenage daughters migraines", True),
        ("cardiologist for my teen", True),
        ("neurologist for my kid", False),  # a younger child's: the counterpart alone
        ("allergist for my teenager", False),  # one who sees every age has no need
    ],
)
def test_an_adults_specialist_typed_for_a_teenager_stays_asked(text, adults):
    """'neurologist for my teenage daughters migraines' read as child neurologists only
    (none practise) and listed pediatricians; adult neurologists see teenagers."""
    [asked] = [p for p in interpret(text).of_kind("specialty") if not p.is_the_patient]
    trained_for_adults = {"2084N0400X", "207RC0000X"}
    assert bool(trained_for_adults & set(asked.codes)) is adults, asked
