"""Conditions people name, rare or common, and needs told by what they do to a day: each is
read as the need, not left unread ("lynch syndrome", "too tired to work") or read as
something else ("escaleras"-style slips aside, "falling out down there" was a fall)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret

EMG = "204R00000X"


def concepts(text: str) -> set[str]:
    return {i for p in interpret(text).parts if p.kind != "specialty" for i in p.ids}


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("just found out i have lynch syndrome what kind of doctor do i need",
         "hereditary-cancer-syndromes"),
        ("son has tics keeps blinking and clearing his throat is this tourettes",
         "tics-and-tourette-syndrome"),
        ("kid with down syndrome needs a doctor who speaks arabic", "down-syndrome"),
        ("doctor near me for my son with cerebral palsy seizures and g tube", "cerebral-palsy"),
        ("dequervains tenosynovitis", "de-quervains-tenosynovitis"),
        ("hallux rigidus", "hallux-rigidus"),
        ("charcot foot diabetic boston", "charcot-foot"),
        ("A1AT deficiency ZZ genotype, pulm consult, cigna", "alpha-1-antitrypsin-deficiency"),
        ("45,X Turner syndrome, 19yo transitioning from peds - adult endo", "turner-syndrome"),
        ("referral for lactose intolerance breath test", "lactose-intolerance"),
        ("burning when urinating and pain between legs prostatitis?", "prostatitis"),
        ("cardiac rehab referral after MI", "cardiac-rehabilitation"),
        ("cant stop going to the bathroom at night", "overactive-bladder"),
        ("too tired to work", "chronic-fatigue-syndrome"),
        ("can't read the menu at restaurants anymore", "refractive-errors"),
        ("doctor para tunel carpiano", "carpal-tunnel-syndrome"),
        ("doctor para ablacion de fibrilacion auricular", "atrial-fibrillation"),
        ("verrugas en las manos de mi hijo", "warts"),
        ("pie diabetico herida que no sana", "chronic-wounds"),
        ("having problems in the bedroom wife says go get checked out", "erectile-dysfunction"),
        ("painful lump by my butt hole hurts to sit", "hemorrhoids"),
        ("lost 20 pounds without trying and no appetite", "unexplained-weight-loss"),
        ("always full after a few bites and lost weight", "gastroparesis"),
        ("feel like something is falling out down there", "pelvic-organ-prolapse"),
        ("face pain one side like electric shock trigeminal", "trigeminal-neuralgia"),
        ("widespread body pain muscles ache all over", "fibromyalgia"),
        ("vulvodynia", "pelvic-pain"),
        ("caller asking for a doctor who does endometrial ablation", "abnormal-uterine-bleeding"),
        ("my big toe joint is crooked and rubs in my shoes who do i see", "bunions"),
        # lab results and clinical words (probe 180, 181, 185-187)
        ("hypertensive nephropathy referral los angeles ca", "chronic-kidney-disease"),
        ("diagnosed with iga nephropathy", "glomerulonephritis"),
        ("potassium high on bloodwork what doctor", "electrolyte-imbalance"),
        ("my calcium keeps coming back high on labs who treats that", "hyperparathyroidism"),
        ("alkaline phosphatase high what doctor", "abnormal-liver-tests"),
        ("vitamin d keeps coming back low even with supplements", "vitamin-d-deficiency"),
        ("white blood cell count high on routine labs", "abnormal-blood-counts"),
        ("hyperferritinemia referral, ferritin 1450", "hemochromatosis"),
        ("referral for 2nd metatarsal stress fx, marathon runner", "bone-fracture"),
        ("PM&R consult post hip fx deconditioning", "hip-fracture"),
        ("hypogammaglobulinemia eval", "immunodeficiency"),
        ("throat itches when i eat apples and cherries", "food-allergy"),
        ("advance directive visit telehealth", "advance-care-planning"),
        ("recurrent malignant pleural effusion pleurx eval", "pleural-effusion"),
        # breasts, bladders (probe 185, 191)
        ("mastitis fever red hot breast 2 weeks after baby", "lactation-problems"),
        ("clogged milk duct wont go away", "lactation-problems"),
        ("ultrasound showed a fibroadenoma do i need it removed", "breast-lump"),
        ("side effects from tamoxifen who do i talk to", "breast-cancer"),
        ("saline implant rupture what do i do", "breast-implant-problems"),
        ("uti every time after sex help", "recurrent-urinary-tract-infections"),
        # balance, sleep, families (probes 188-195)
        ("woke up and the whole room was spinning cant walk straight", "vertigo"),
        ("who does the epley maneuver", "vertigo"),
        ("hissing noise in ears at night", "tinnitus"),
        ("pt 8yo w/ ODD needs outpatient behavioral tx", "child-behavior-problems"),
        ("play therapy for 5 year old", "psychotherapy"),
        ("doxy pep prescription", "sexually-transmitted-infections"),
        ("my son has cystic fibrosis and just turned 18", "cystic-fibrosis"),
        ("skin removal surgery after losing 100 pounds", "body-contouring-after-weight-loss"),
    ],
)  # fmt: skip
def test_a_named_or_plainly_told_need_is_read(text, concept):
    assert concept in concepts(text)


def test_a_fall_is_still_a_fall():
    assert "falls-and-balance" in concepts("my mom keeps falling at home")


def test_electromyography_is_the_nerve_test_specialist():
    codes = {c for p in interpret("electromyography").parts for c in p.codes}
    assert EMG in codes


def test_a_child_with_a_named_condition_is_still_a_child():
    """ "eye doctor for child with down syndrome": the child's eye doctor, as before."""
    labels = [p.label for p in interpret("eye doctor for child with down syndrome").parts]
    assert any("pediatric ophthalmologist" in label for label in labels)


@pytest.mark.parametrize(
    "text",
    [
        "anemia on my blood work hemoglobin 9",
        "thyroid blood test abnormal tsh high t4 low",
        "my calcium keeps coming back high on labs who treats that",
    ],
)
def test_where_a_result_showed_asks_for_no_primary_care_doctor(text):
    """ "labs" and "blood test" read as asking primary care for the tests, so family doctors
    led every lab result a patient asked about."""
    assert not any(p.kind == "specialty" for p in interpret(text).parts)


def test_a_fracture_said_as_fx_only_with_its_kind():
    """ "stress fx", "hip fx" are fractures; a referral's "w/ vert fx" beside osteoporosis
    is its history (test_lay_words_for_needs)."""
    assert "bone-fracture" not in concepts("osteoporosis DXA T-score -3.1 w/ vert fx")


def test_a_sports_doctor_in_spanish_is_the_sports_medicine_doctor():
    labels = [p.label for p in interpret("medico deportivo que hable español en houston").parts]
    assert "Sports medicine doctor (family medicine)" in labels


def test_a_cancer_feared_as_a_sign_is_not_an_oncologist_asked_for():
    """ "is breast pain a sign of cancer who do i see" had listed medical oncologists."""
    parts = interpret("is breast pain a sign of cancer who do i see").parts
    assert not any(p.kind == "specialty" for p in parts)
    assert any(p.label == "Breast pain" for p in parts)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("i have barrett's from years of acid reflux and need a scope", "gerd"),
        ("Barrett's w/ HGD radiofrequency ablation", "gerd"),
        ("dupuytrens", "dupuytrens-contracture"),
        ("gilberts", "gilberts-syndrome"),
    ],
)
def test_a_condition_named_after_a_person_is_said_by_the_name_alone(text, concept):
    """ "barrett's" had been left unread, and a surname search ranked Dr. Barrett first."""
    reading = interpret(text)
    assert concept in reading.concept_ids
    assert not {w.text.lower() for w in reading.unplaced} & {"barrett", "barretts"}


@pytest.mark.parametrize("text", ["dr barrett", "dr turner"])
def test_the_name_alone_after_a_title_is_still_a_person(text):
    assert [p.kind for p in interpret(text).parts] == ["name"]


@pytest.mark.parametrize("text", ["golfers", "swimmers", "bells"])
def test_a_word_before_its_s_is_no_name_alone(text):
    """ "golfer's elbow", "swimmer's ear", "bell's palsy": the word alone is a word."""
    assert not interpret(text).concept_ids
