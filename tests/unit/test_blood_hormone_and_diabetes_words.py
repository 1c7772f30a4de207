"""Blood, hormone and diabetes needs as people and referrals type them: each is read as its
own concept, not as a breast lump ("pituitary mri showed microadenoma"), diabetes ("diabetes
insipidus"), postpartum care ("postpartum thyroiditis"), a symptom that keeps coming back
("my cbc came back abnormal") or a primary care visit ("low neutrophils keep getting sick")."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        # blood
        ("pancytopenia workup referral", "abnormal-blood-counts", None),
        ("low neutrophils keep getting sick", "abnormal-blood-counts", None),
        ("macrocytic anemia", "anemia", None),
        ("erythrocytosis hgb 18.5", "abnormal-blood-counts", "anemia"),
        ("high hemoglobin", "abnormal-blood-counts", "anemia"),
        ("polycythemia", "abnormal-blood-counts", None),
        ("need regular blood transfusions for my anemia", "blood-transfusion", None),
        ("blood transfusion", "blood-transfusion", None),
        ("patient asking for blood thinner doctor", "anticoagulation-management", None),
        ("pt on blood thinners bruising a lot", "anticoagulation-management", None),
        ("coumadin clinic", "anticoagulation-management", None),
        ("eliquis bleeding", "anticoagulation-management", None),
        ("my cbc came back abnormal", "abnormal-blood-counts", None),
        ("abnormal cbc", "abnormal-blood-counts", None),
        ("cbc was off", "abnormal-blood-counts", None),
        ("blood counts off", "abnormal-blood-counts", None),
        ("swollen glands under arm wont go away", "armpit-lump", "neck-lump"),
        ("swollen lymph node in armpit", "armpit-lump", "neck-lump"),
        ("blood clot in leg", "deep-vein-thrombosis", None),
        ("keep getting blood clots", "deep-vein-thrombosis", None),
        # hormones
        ("addisons disease", "adrenal-disorders", None),
        ("adrenal insufficiency", "adrenal-disorders", None),
        ("my blood test showed high cortisol", "adrenal-disorders", None),
        ("cushings", "adrenal-disorders", None),
        ("cortisol stimulation test abnormal", "adrenal-disorders", None),
        ("adrenal nodule", "adrenal-disorders", None),
        ("adrenal mass", "adrenal-disorders", None),
        ("acromegaly", "pituitary-disorders", None),
        ("pituitary mri showed microadenoma", "pituitary-disorders", "breast-lump"),
        ("pituitary adenoma", "pituitary-disorders", None),
        ("pituitary tumor", "pituitary-disorders", None),
        ("prolactinoma", "pituitary-disorders", None),
        ("high prolactin", "pituitary-disorders", None),
        ("diabetes insipidus", "pituitary-disorders", "type-2-diabetes"),
        ("postpartum thyroiditis", "hyperthyroidism", "postpartum-care"),
        ("thyroiditis", "hypothyroidism", None),
        ("hashimotos thyroiditis", "hypothyroidism", None),
        ("swollen thyroid hard to swallow", "thyroid-nodules", None),
        ("enlarged thyroid", "thyroid-nodules", None),
        ("goiter", "thyroid-nodules", None),
        ("bone density doctor", "osteoporosis", None),
        ("losing bone density", "osteoporosis", None),
        ("low bone density", "osteoporosis", None),
        ("osteopenia", "osteoporosis", None),
        ("dexa scan results", "osteoporosis", None),
        (
            "my estrogen and fsh levels came back weird and im only 38",
            "premature-ovarian-insufficiency",
            None,
        ),
        ("early menopause", "premature-ovarian-insufficiency", None),
        ("premature ovarian insufficiency", "premature-ovarian-insufficiency", None),
        # diabetes
        ("switching from shots to a pump", "type-1-diabetes", None),
        ("insulin pump", "type-1-diabetes", None),
        ("pump start", "type-1-diabetes", None),
        ("skin getting dark velvety on my neck", "acanthosis-nigricans", None),
        ("acanthosis nigricans", "acanthosis-nigricans", None),
        ("teen with type 1", "type-1-diabetes", "type-2-diabetes"),
        ("has type 1", "type-1-diabetes", "type-2-diabetes"),
        ("type 1 diabetic", "type-1-diabetes", "type-2-diabetes"),
        ("11 yo with type 1 diabetes new to area", "type-1-diabetes", "type-2-diabetes"),
        ("pregestational T2DM", "high-risk-pregnancy", "type-2-diabetes"),
        ("diabetic and pregnant", "high-risk-pregnancy", None),
        ("diabetes in pregnancy", "high-risk-pregnancy", None),
        ("microalbumin high on my labs", "proteinuria", None),
        ("protein in urine diabetes", "proteinuria", None),
        ("diabetic kidney disease", "diabetic-kidney-disease", None),
        ("laser for diabetes eyes", "diabetic-retinopathy", None),
        ("diabetic eye laser", "diabetic-retinopathy", None),
    ],
)
def test_a_need_typed_in_its_own_words_is_read_as_it(text, concept, not_read):
    read = concepts(text)
    assert concept in read, read
    assert not_read not in read, read


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("endocrine surgeon", "207Y00000X"),
        ("thyroid surgeon", "207Y00000X"),
        ("thyroid surgeon", "2086X0206X"),
        ("parathyroid surgeon", "208600000X"),
        ("DSMES referral", "163WD0400X"),
        ("diabetes education", "163WD0400X"),
        ("need help learning to count carbs for my insulin", "163WD0400X"),
        ("carb counting", "133V00000X"),
    ],
)
def test_words_for_who_does_it_name_those_specialists(text, code):
    assert code in interpret(text).specialty_codes


@pytest.mark.parametrize(
    "text", ["my cbc came back abnormal", "my estrogen and fsh levels came back weird"]
)
def test_a_result_that_came_back_is_no_need_that_keeps_coming_back(text):
    assert "Coming back" not in [p.label for p in interpret(text).parts]


def test_neutropenia_with_infections_is_no_primary_care_visit():
    """'getting sick' alone asks for a family doctor; beside low neutrophils it is the
    infections the low count causes."""
    assert "207Q00000X" not in interpret("low neutrophils keep getting sick").specialty_codes


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("on blood thinners for afib, need a cardiologist", "anticoagulation-management"),
        ("ingrown toenail infected and im type 1 diabetic", "type-1-diabetes"),
        ("my cbc came back normal", "abnormal-blood-counts"),
    ],
)
def test_what_the_patient_is_on_or_is_is_not_the_need(text, concept):
    """A blood thinner taken for the heart is no ask to manage it; "type 1 diabetic" beside
    another need says who the patient is; a normal result is no abnormal count."""
    assert concept not in concepts(text)


def test_each_need_leads_with_the_specialist_a_referral_nurse_sends_to():
    concepts_by_id = default_vocabulary().concepts

    def ranked(concept_id: str) -> list[str]:
        return [s.code for s in concepts_by_id[concept_id].specialties]

    assert ranked("anticoagulation-management")[0] == "207RH0000X"  # hematology
    assert ranked("adrenal-disorders")[0] == "207RE0101X"  # endocrinology
    assert ranked("pituitary-disorders")[:2] == ["207RE0101X", "207T00000X"]
    assert ranked("blood-transfusion")[0] == "207RH0000X"
    # hematology, vascular surgery and vein medicine before the internists
    dvt = ranked("deep-vein-thrombosis")
    assert dvt[0] == "207RH0000X"
    assert dvt.index("2086S0129X") < dvt.index("202K00000X") < dvt.index("207R00000X")


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("type 1 diabetic w/ hypoglycemia unawareness, islet transplant eval", "type-1-diabetes"),
        ("fecal incontinence after childbirth", "fecal-incontinence"),
    ],
)
def test_a_need_the_words_name_is_read_beside_who_the_patient_is(text, concept):
    """Low blood sugar had no words ('hypoglycemia unawareness' unread), and 'incontinence
    after childbirth' had taken the bladder's reading from 'fecal incontinence'."""
    assert concept in concepts(text)
