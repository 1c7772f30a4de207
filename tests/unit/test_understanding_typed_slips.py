"""What people type that the parser had misread: a neighbouring key on a phone, an everyday
word taken for a commoner lexicon word, a town of two words typed as one, a referral's "pt"
beside needs no therapist treats, and referral shorthand for tests and procedures."""

from __future__ import annotations

import pytest

from directory.understanding import lexicon_for
from directory.understanding.parse import interpret
from directory.understanding.specialist import wants_a_specialist
from directory.vocabulary import default_vocabulary


def _ids(text: str) -> set[str]:
    return {i for p in interpret(text).parts for i in p.ids}


def _codes(text: str) -> set[str]:
    return {c for p in interpret(text).parts for c in p.codes}


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("my kmee keeps giving out", {"knee-osteoarthritis", "meniscus-tear", "acl-tear"}),
        ("bsck pain", {"chronic-low-back-pain"}),
    ],
)
def test_a_neighbouring_key_in_a_short_word_is_corrected(text, meant):
    """'my kmee keeps giving out going down stairs' found nobody: a four-letter word was
    corrected only for swapped letters, and m is beside n on a phone's keyboard."""
    assert _ids(text) & meant, interpret(text).parts


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("anne", {"acne"}),  # n and c are not neighbours
        ("dolor de espalda baja", {"cochlear-implant"}),  # Spanish, not a slip for BAHA
        ("2yo eczema failing topical steroids", {"falls-and-balance"}),  # meant as typed
        # a filler word: Spanish's "also" typed without its accent is no slip for Ambien
        ("mi mamá tiene la presión muy alta y el azúcar también", {"insomnia"}),
    ],
)
def test_a_real_word_is_not_corrected_into_another_need(text, not_meant):
    assert not _ids(text) & not_meant, interpret(text).parts


@pytest.mark.parametrize(
    "text",
    [
        "2yo severe atopic dermatitis failing topical steroids",
        "asthma uncontrolled on ICS/LABA",
        "blood presure still high even on 3 different pills",
        "blood pressure still 170/100 on 2 meds. do i need a specialist",
        "pink eye 2 weeks and not going away with the drops",
        "copd getting worse even with inhalers",
        "keep getting UTIs, urgent care just gives me antibiotics again and again",
    ],
)
def test_care_failing_or_uncontrolled_asks_for_the_specialist(text):
    assert wants_a_specialist(text, lexicon_for(default_vocabulary()))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("chest tight walking uphill sugarland", "Sugar Land, TX"),
        ("cardiologist westhartford", "West Hartford, CT"),
        ("spine surgeon losangeles", "Los Angeles, CA"),
    ],
)
def test_a_town_of_two_words_typed_as_one_is_the_town(text, place):
    found = [p for p in interpret(text).parts if p.kind == "location"]
    assert found and found[0].label == place, interpret(text).parts


def test_a_joined_town_that_is_an_english_word_stays_a_word():
    """'northeast' is also North East, PA: as a word it says a direction."""
    places = [
        p.label for p in interpret("cardiologist northeast ohio").parts if p.kind == "location"
    ]
    assert places == ["Ohio"]


@pytest.mark.parametrize(
    "text",
    [
        "TTE + stress test for DOE, pt vietnamese speaking only",
        "in-lab sleep study, pt only speaks spanish",
        "8mm R UVJ stone w/ mild hydro, pain controlled, pt in torrance",
    ],
)
def test_pt_beside_needs_no_therapist_treats_is_the_patient(text):
    """These listed ten physical therapists: the patient read as the order for therapy."""
    assert "225100000X" not in _codes(text), text


@pytest.mark.parametrize("text", ["knee pain pt", "PT s/p R TKA", "pt for back pain"])
def test_pt_for_what_therapists_treat_is_still_the_therapist(text):
    assert "225100000X" in _codes(text), text


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("psa went up to 7 what kind of dr", "prostate-cancer"),
        (
            "postmenopausal bleeding 63F, endometrial stripe 8mm, needs EMB",
            "abnormal-uterine-bleeding",
        ),
        ("UVJ stone w/ mild hydro", "kidney-stones"),
        ("IDA, intolerant oral iron, ?IV iron infusion", "anemia"),
        ("LHC consult after abnl nuclear stress", "cardiac-catheterization"),
        ("SCIT maintenance transfer of care", "allergy-shots"),
        ("6yo peanut allergy, needs skin testing / OFC", "allergy-testing"),
        ("screening colo 52M BCBS", "colonoscopy"),
        ("colpo for ASCUS HPV+", "colposcopy"),
        ("wt loss surgery consult BMI 42", "bariatric-surgery"),
        ("quiero operacion para bajar de peso, la sleeve", "bariatric-surgery"),
        ("back pain injections", "epidural-steroid-injection"),
        ("pt after knee surgery in spring tx", "physical-therapy"),
        ("diabetic foot ulcer, needs debridement", "chronic-wounds"),
        ("prenatal transfer of care at 20 wks", "pregnancy-care"),
        ("does my 4 yr old need tubes", "ear-tubes"),
        ("cant see good drivng at night, halos around lights, 64", "cataracts"),
        ("always tired joints ache and a rash across my cheeks", "lupus"),
        ("pain right side under ribs after i eat greasy food", "gallstones"),
        ("tsh is high, tired all the time", "hypothyroidism"),
        ("psa is 9 and biopsy positive want second opinion", "prostate-cancer"),
        ("incidental 9mm RUL nodule on CT, ex-smoker", "lung-nodule"),
        ("full thickness supraspinatus tear on MRI, 61F", "rotator-cuff-tear"),
        ("lump on the side of my neck for 6 weeks", "neck-lump"),
        ("lots of moles, bad sunburns as a kid, want a full skin check", "moles-and-skin-growths"),
        ("6 y/o peanut allergy, epipen, family asking about OIT", "allergy-shots"),
        ("distal radius fx splinted in ED", "bone-fracture"),
        ("new dx L breast IDC ER+/PR+/HER2-, s/p core bx", "breast-cancer"),
        ("asthma uncontrolled on high dose ICS/LABA, biologic eval", "asthma"),
        ("first prenatal appt masshealth", "pregnancy-care"),
        ("ED meds not working", "erectile-dysfunction"),
        ("2 months after the baby and i cry every day, not myself", "depression"),
        ("big toe swollen red and hot, woke me up at 3am", "gout"),
        ("toddlers head is flat on one side, do we need a helmet", "flat-head-syndrome"),
        ("out of breath, have to sleep on 3 pillows to breathe", "heart-failure"),
        ("mi hijo de 8 still moja la cama every night", "bedwetting"),
        ("cough when i lie down", "chronic-cough"),
        ("bp still high on 3 meds", "hypertension"),
        ("my husbands eyes and skin turned yellow, he drinks alot", "abnormal-liver-tests"),
        ("my daughter barely eats and makes herself throw up, shes 17", "eating-disorders"),
        ("bilat CTS, EMG/NCS severe median neuropathy, refer for CTR", "carpal-tunnel-release"),
        ("hx melanoma 2020, annual FBSE, Medicare", "moles-and-skin-growths"),
        ("havent slept right in months, wake up at 3am every night", "insomnia"),
        ("tengo diabetes y se me duermen los pies y me arden en la noche", "peripheral-neuropathy"),
        ("me duele mucho el dedo gordo del pie, esta hinchado y rojo, creo que es gota", "gout"),
        ("doktè pou fanm ansent ki pale kreyòl", "pregnancy-care"),
        (
            "my eyes are bulging and red, heart racing, losing weight without trying",
            "hyperthyroidism",
        ),
        (
            "his ankles are swollen and he cant breathe lying flat, sleeps in his recliner",
            "heart-failure",
        ),
        ("hypothyroid, TSH 12 on levo, 2.4cm nodule TI-RADS 4, FNA needed", "thyroid-nodules"),
        ("6wk infant failed NBHS bilat, needs diagnostic ABR", "hearing-loss"),
        ("my 2yo doesnt say many words, doesnt point or look at us", "autism"),
        (
            "3 month old has a flat spot on the back of his head, does he need a helmet",
            "flat-head-syndrome",
        ),
        ("every spring my eyes itch like crazy and my lips swell up", "allergic-rhinitis"),
    ],
)
def test_patients_and_referrals_words_for_a_condition_or_procedure(text, concept):
    assert concept in _ids(text), interpret(text).parts


def test_a_first_baby_is_the_mothers_pregnancy_not_a_pediatric_patient():
    parts = interpret("8 weeks pregnant first baby, need someone who takes medicaid").parts
    assert "208000000X" not in {c for p in parts for c in p.codes}
    assert "pregnancy-care" in {i for p in parts for i in p.ids}


def test_a_newborn_is_a_pediatric_patient():
    assert "208000000X" in {c for p in interpret("newborn needs a dr").parts for c in p.codes}


def test_a_lone_letter_steps_over_no_word():
    """'blurry for a week, I wear contacts' listed allergists: 'a week, I' read as A/I."""
    assert "207K00000X" not in _codes("eyes red and blurry for a week, I wear contacts")
    assert "207K00000X" in _codes("A/I consult for hives")


@pytest.mark.parametrize(
    "text",
    [
        "grade III internal hemorrhoids, banding vs hemorrhoidectomy",
        "hidradenitis supurativa Hurley II axillae/groin, failed doxy",
    ],
)
def test_a_grade_or_stage_after_one_word_is_no_name(text):
    """'grade III internal hemorrhoids' searched for a physician named Grade III."""
    assert not [p for p in interpret(text).parts if p.kind == "name"], interpret(text).parts


def test_a_suffix_after_a_full_name_is_still_the_name():
    names = [p.label for p in interpret("Charles Adams III cardiology").parts if p.kind == "name"]
    assert names == ["Charles Adams III"]


def test_a_babys_rash_on_the_cheeks_is_not_lupus():
    assert "lupus" not in _ids("my 3 month old has a rough red rash on his cheeks")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("resistant HTN on 4 meds, r/o primary aldosteronism", "207RE0101X"),
    ],
)
def test_a_condition_only_one_specialty_treats_names_it(text, code):
    assert code in _codes(text), interpret(text).parts


def test_hidradenitis_is_its_own_condition_dermatologists_treat_first():
    """Hidradenitis was only a word for dermatologists; it is a condition now, whose surgeons
    (deroofing, excision) come after the dermatologists."""
    text = "hidradenitis suppurativa, failed doxy"
    assert _ids(text) == {"hidradenitis-suppurativa"}, interpret(text).parts
    assert default_vocabulary().treating(["hidradenitis-suppurativa"])[0] == "207N00000X"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("lump on the side of my neck for 6 weeks, not sore, not going away", "Pain"),
        ("cough no fever", "Fever"),
        ("knee pain without swelling", "Swelling"),
    ],
)
def test_a_sign_said_to_be_absent_is_not_asked_for(text, absent):
    """'lump on the side of my neck, not sore' found nobody: it asked for the lump's
    specialists who also treat pain."""
    labels = [p.label for p in interpret(text).parts]
    assert labels and absent not in labels, labels


@pytest.mark.parametrize(
    ("text", "kept"),
    [("no fever", "fever"), ("toddler not talking yet", "developmental-delay")],
)
def test_a_negation_that_is_the_need_stays(text, kept):
    assert kept in _ids(text), interpret(text).parts


@pytest.mark.parametrize(
    "text",
    [
        "adult adhd, diagnosed as a kid, need to get back on meds",
        "i had asthma as a child and now its back",
        "had ear tubes as a baby, now hearing loss",
        "wake up at 3am every night and cant fall back asleep",
        "adult adhd, never diagnosed as kid, can't focus at work",
    ],
)
def test_a_childhood_told_is_no_child_patient_and_back_again_is_no_back(text):
    """'adult adhd, diagnosed as a kid' listed ten pediatricians, and 'back on meds' the
    back's specialists."""
    parts = interpret(text).parts
    assert "208000000X" not in _codes(text), parts
    assert not [p for p in parts if p.kind == "body_part" and p.text.lower() == "back"], parts
    assert _ids(text), parts


@pytest.mark.parametrize(
    "text", ["my kid has asthma", "my back is killing me", "toddler with a fever"]
)
def test_a_child_now_and_a_back_that_hurts_are_still_read(text):
    parts = interpret(text).parts
    assert "208000000X" in _codes(text) or "chronic-low-back-pain" in _ids(text), parts


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("hep C genotype 1a VL 2.1M, tx naive", "208000000X"),  # 2.1 million, no 1-year-old
        ("distal radius fx splinted in ED, 9 y/o", "erectile-dysfunction"),
        ("seen in the ED for chest pain", "erectile-dysfunction"),
        ("58F new onset afib, CHA2DS2-VASc 3", "2086S0129X"),  # no vascular surgeon
    ],
)
def test_a_referrals_numbers_and_places_are_not_needs(text, not_meant):
    assert not_meant not in _ids(text) | _codes(text), interpret(text).parts


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("i leak urine when i cough or sneeze", "urinary-incontinence", "chronic-cough"),
        ("bulge in my groin that pops out when i cough", "hernia", "chronic-cough"),
    ],
)
def test_what_brings_a_need_on_is_not_another_need(text, kept, dropped):
    """'i leak urine when i cough or sneeze' listed pulmonologists for a chronic cough."""
    ids = _ids(text)
    assert kept in ids and dropped not in ids, interpret(text).parts


def test_a_low_bmi_is_no_obesity():
    """'14 y/o F amenorrhea, BMI 16.8, r/o eating disorder' asked for obesity care."""
    text = "14 y/o F secondary amenorrhea, BMI 16.8, restrictive eating, r/o eating disorder"
    assert "obesity" not in _ids(text) and "eating-disorders" in _ids(text)
    assert "obesity" in _ids("BMI 42 w/ HTN, bariatric surgery consult")


@pytest.mark.parametrize(
    "text",
    [
        "referral to Dr. Chan per PCP, pt doesn't have first name",
        "per cardiology, needs echo",
        "hx unprovoked DVT x2, pls see for hypercoag w/u. f/u w/ PCP after",
        "anemia, follow up with PCP",
        "PCP referral for adult ADHD evaluation and testing",
        "pediatrician referral for tonsillectomy, keeps getting strep",
        "hashimotos, my pcp just keeps raising my levothyroxine",
        "his pediatrician wont prescribe anymore for his ADHD",
        "my mom's family doctor says her kidneys are failing",
    ],
)
def test_the_specialty_that_asked_for_the_referral_is_not_asked_for(text):
    """'referral to Dr. Chan per PCP' looked for primary care doctors and physical
    therapists named Chan Per; 'DVT ... f/u w/ PCP after' for internists."""
    parts = interpret(text).parts
    assert not [p for p in parts if p.kind == "specialty"], parts
    assert [p for p in parts if p.kind != "specialty"], parts


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("my pcp retired", "Primary care doctor"),
        ("L knee meniscus tear ortho ref aetna", "Orthopedic surgeon"),
        ("my 6 year old needs a pediatrician for asthma", "Pediatrician"),
        ("6yo referred for ADHD eval", "Pediatrician"),
    ],
)
def test_the_patients_own_doctor_alone_or_a_specialist_referred_to_is_still_asked_for(text, asked):
    """Primary care the patient has or that sent the referral is no ask beside a need;
    alone it is all the words say, a specialist before "ref" is whom the referral asks
    for, and a child ('6yo referred') is who the care is for."""
    labels = {p.label for p in interpret(text).parts if p.kind == "specialty"}
    assert asked in labels, labels


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("oncology office needs a neuro referral for chemo induced neuropathy", {"Neurologist"}),
        ("Ortho requests consult: osteoporosis w pathological fx, needs bone health mgmt", set()),
    ],
)
def test_the_office_or_specialist_that_asks_for_a_referral_is_not_asked_for(text, asked):
    """'oncology office needs a neuro referral for chemo induced neuropathy' listed
    medical oncologists before the neurologists asked for; 'Ortho requests consult: ...
    osteoporosis' listed orthopedic surgeons for the bone health they asked about."""
    labels = {p.label for p in interpret(text).parts if p.kind == "specialty"}
    assert labels == asked, labels


def test_a_specialist_to_follow_up_with_is_still_asked_for():
    """Primary care a referral returns to is no ask ('f/u w/ PCP after'); a specialist the
    ER said to follow up with is."""
    text = "had a seizure yesterday first time ever, ER said follow up with neuro"
    assert ("specialty", "Neurologist") in {(p.kind, p.label) for p in interpret(text).parts}


def test_the_sending_offices_specialty_in_a_fax_header_is_not_asked_for():
    """'FROM: Brookside Family Practice ... REQ: ortho consult' listed family doctors
    beside the orthopedic surgeons asked for."""
    text = "FROM: Brookside Family Practice RE: referral DX: M17.11 OA R knee REQ: ortho consult"
    specialties = {p.label for p in interpret(text).parts if p.kind == "specialty"}
    assert specialties == {"Orthopedic surgeon"}


def test_a_mothers_baby_is_not_the_patient():
    """'pretty sure i have postpartum depression, baby is 2 months' listed eight
    pediatricians: the mother is the patient."""
    assert "208000000X" not in _codes("i have postpartum depression, baby is 2 months")
    assert "208000000X" in _codes("my baby has a fever")


def test_wanting_an_old_parent_comfortable_asks_for_palliative_care():
    """'nana is 88 with dementia ... just want her comfortable' listed neurologists."""
    text = "nana is 88 with dementia, we dont want more hospital trips, just want her comfortable"
    assert "207RH0002X" in _codes(text)
