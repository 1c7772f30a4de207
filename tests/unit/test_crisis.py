"""Words that say someone may be in danger now bring who to call (directory.crisis)."""

from __future__ import annotations

import pytest

from app.openapi.schemas import NOTICES
from directory.crisis import notices_for
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "Self-Harm",
        "SELF HARM counselor near Hartford, CT",
        "thinking about suicide",
        "my son has been cutting himself and cutting myself too",
        "suicidal ideation f/u",
    ],
)
def test_words_of_suicide_or_self_harm_bring_the_988_lifeline_and_911(text):
    (notice,) = notices_for(text)
    assert notice.kind == "suicide_crisis"
    dial = {contact.phone: contact.text for contact in notice.contacts}
    assert dial == {"988": True, "911": False}  # 988 takes texts; 911 is a call
    assert notice.message_es == ""  # English words, English help


def test_spanish_words_bring_the_spanish_wording_and_its_option():
    (notice,) = notices_for("quiero morir")
    assert "988" in notice.message_es and "español" in notice.message_es
    assert notices_for("sobredosis")[0].kind == "overdose"
    assert notices_for("sobredosis")[0].message_es


def test_an_overdose_brings_911_and_poison_help():
    (notice,) = notices_for("took too many pills")
    assert [c.phone for c in notice.contacts] == ["911", "1-800-222-1222"]


@pytest.mark.parametrize(
    "text",
    ["", None, "knee pain", "suicides squad", "harmony clinic", "cutting edge spine surgery",
     "hurt my back", "dosage question"],
)  # fmt: skip
def test_ordinary_searches_bring_no_notice(text):
    assert notices_for(text) == ()


# The vocabulary's words for an emergency that may be happening now: a search for them says
# to call 911 ("if this is happening now"), and still lists the physicians.
EMERGENCIES = {
    "heart-attack", "chest-pain", "dyspnea", "food-allergy", "bells-palsy",
    "insect-sting-allergy",  # "bee sting anaphylaxis": the allergist, and 911 if it is now
    "hemoptysis",  # "coughing up blood": the pulmonologist, and 911 if it is a lot
    "noncardiac-chest-pain",  # "chest pain, cardiac workup negative": 911 if it is now
}  # fmt: skip


def _alarming(kind: str) -> set[str]:
    vocabulary = default_vocabulary()
    return {
        c.id
        for c in vocabulary.concepts.values()
        if any(n.kind == kind for term in c.terms for n in notices_for(term))
    }


def test_no_name_in_the_vocabulary_brings_a_notice_but_the_mental_health_ones():
    """A false alarm frightens a patient looking for a knee surgeon: every specialty,
    condition and procedure name and synonym is checked."""
    vocabulary = default_vocabulary()
    assert len(vocabulary.concepts) > 100
    assert _alarming("suicide_crisis") | _alarming("overdose") <= {"depression"}
    assert _alarming("medical_emergency") <= EMERGENCIES
    for specialty in vocabulary.specialties.values():
        assert notices_for(specialty.name) == (), specialty.name


def test_the_api_schema_lists_every_kind_of_notice():
    kinds = {notices_for(t)[0].kind for t in ("suicide", "overdose", "chest pain")}
    assert set(NOTICES["items"]["properties"]["kind"]["enum"]) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "heart attack",
        "chest pain",
        "pt c/o chest pain",
        "stroke symptoms",
        "cant breathe",
        "my husband has slurred speech",
        "throat is closing peanut allergy",
        "dolor de pecho",
        "worst headache of my life",  # a bleed in the brain: no notice before
        "my baby is choking",
    ],
)
def test_an_emergency_that_may_be_happening_now_brings_911(text):
    """'heart attack', 'chest pain', 'stroke symptoms', 'cant breathe' had no notice: only
    suicide and overdose did."""
    (notice,) = notices_for(text)
    assert notice.kind == "medical_emergency"
    assert [c.phone for c in notice.contacts] == ["911"]
    assert "happening now" in notice.message
    assert bool(notice.message_es) == (text == "dolor de pecho")


@pytest.mark.parametrize(
    "text",
    [
        "cardiologist after heart attack",
        "h/o heart attack",
        "heart attack risk",
        "cant breathe through my nose",
        "cant breathe at night snoring",
        "stroke rehab",
        "asthma",
        "dad is 85 and keeps choking when he eats and drinks",  # a swallowing problem
        "my mom chokes on liquids",
    ],
)
def test_a_past_or_not_urgent_problem_brings_no_911_notice(text):
    assert notices_for(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "my 15 yr old daughter is cutting herself",
        "my son wants to kill himself",
        "husband talks about killing himself",
        "teen harming themselves",
        "mi hijo quiere matarse",
    ],
)
def test_someone_in_danger_described_by_a_parent_or_partner_brings_the_lifeline(text):
    """Only first-person words brought 988: a parent typing about a child got no help."""
    assert [n.kind for n in notices_for(text)] == ["suicide_crisis"]


@pytest.mark.parametrize(
    "text", ["my son hurt himself playing football", "she cut herself on glass"]
)
def test_an_accident_told_of_someone_else_brings_no_notice(text):
    assert notices_for(text) == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("can't breathe", "medical_emergency"),
        ("she won't wake up", "medical_emergency"),
        ("bleeding won`t stop", "medical_emergency"),
        ("I don't want to live anymore", "suicide_crisis"),
    ],
)
def test_a_contraction_typed_with_any_apostrophe_brings_its_notice(text, kind):
    """Only the curly apostrophe matched: "can't breathe", as a keyboard types it, got no
    notice, because the straight one folded to a space ("can t")."""
    assert [n.kind for n in notices_for(text)] == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("me quiero matar", "suicide_crisis"),
        ("mi esposo dice que se va a matar", "suicide_crisis"),
        ("me duele el pecho muy fuerte", "medical_emergency"),
    ],
)
def test_spanish_words_of_danger_bring_the_spanish_notice(text, kind):
    (notice,) = notices_for(text)
    assert notice.kind == kind and notice.message_es


@pytest.mark.parametrize(
    "text",
    [
        "no puedo respirar bien por la nariz",
        "me corto el pelo",
        "dolor de pecho, antecedentes de infarto",
    ],
)
def test_spanish_words_of_a_past_or_not_urgent_problem_bring_no_notice(text):
    assert notices_for(text) == ()
