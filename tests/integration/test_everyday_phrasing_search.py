"""What people actually type finds what the plain vocabulary term finds, through the API:
verbs for injuries, referral shorthand, words beside a code, lay symptoms, capitals."""

from __future__ import annotations

import pytest


def _npis(client, q: str) -> list[str]:
    response = client.get("/api/v1/physicians", query_string={"q": q, "per_page": 10})
    assert response.status_code == 200
    return [hit["npi"] for hit in response.get_json()["results"]]


@pytest.mark.parametrize(
    ("typed", "term"),
    [("tore my acl", "torn acl"), ("rolled my ankle", "sprained ankle")],
)
def test_an_injury_verb_finds_who_the_noun_finds(client, typed, term):
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("找会说中文的儿科医生", "chinese speaking pediatrician"),
        ("허리가 너무 아파요 한국어 하는 의사", "korean speaking doctor back pain"),
        ("طبيب باطنية يتكلم عربي", "arabic speaking internist"),
    ],
)
def test_a_search_in_another_script_finds_who_its_english_finds(client, typed, term):
    """Written in Chinese, Korean or Arabic, a search found nobody: its words were dropped."""
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


@pytest.mark.parametrize(
    ("typed", "term"),
    [("new dx breast ca", "breast cancer"), ("hx prostate CA f/u", "prostate cancer")],
)
def test_referral_cancer_shorthand_finds_who_the_cancer_finds(client, typed, term):
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("M54.5 low back pain referral", "M54.5"),
        ("migraine w/o aura G43.009", "G43.009"),
        ("E11.9 type 2 diabetes", "E11.9"),
        ("M54.16 sciatica", "M54.16"),
        ("M51.26 herniated disc", "M51.26"),
        ("spinal stenosis M48.06 referral", "M48.06"),
    ],
)
def test_words_beside_a_code_find_who_the_code_finds(client, typed, code):
    found = _npis(client, typed)
    assert found and found == _npis(client, code)


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("bladder leaks", "urinary incontinence"),
        ("heart racing", "heart arrhythmia"),
        ("can't focus", "adhd"),
        ("losing my hair", "hair loss"),
    ],
)
def test_a_lay_symptom_finds_who_its_concept_finds(client, typed, term):
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


@pytest.mark.parametrize(("typed", "term"), [("hx of MI", "heart attack"), ("ALL", "leukemia")])
def test_an_abbreviation_in_capitals_finds_who_its_concept_finds(client, typed, term):
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("heme referral", "hematologist"),
        ("ophtho consult", "ophthalmologist"),
        ("ID consult", "infectious disease specialist"),
        ("gen surg referral", "general surgeon"),
        ("derm consult medicaid pt", "dermatologist medicaid"),
    ],
)
def test_referral_specialty_shorthand_finds_who_the_specialty_finds(client, typed, term):
    found = _npis(client, typed)
    assert found and found == _npis(client, term)


def test_a_venous_stasis_ulcer_finds_who_treats_a_venous_leg_ulcer(client):
    """The vascular surgeon's, not the podiatrist's a diabetic foot's wound goes to first."""
    found = _npis(client, "venous stasis ulcer")
    assert found and found == _npis(client, "venous leg ulcer")
    assert found != _npis(client, "stomach ulcer")
    assert found != _npis(client, "diabetic foot ulcer")


@pytest.mark.parametrize(
    ("typed", "spelled_out"),
    [
        ("knee pain referral LA", "knee pain Los Angeles, CA"),
        ("cardiologist ATL", "cardiologist Atlanta, GA"),
        ("derm consult xyz houston", "dermatologist xyz Houston, TX"),
    ],
)
def test_a_citys_short_name_finds_who_its_full_name_finds(client, typed, spelled_out):
    found = _npis(client, typed)
    assert found and found == _npis(client, spelled_out)
