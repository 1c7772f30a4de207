"""Care declined besides surgery ("no more injections please", "want therapy, not meds"):
who gives it ranks after the others, and the declined care is no procedure asked for; a
history ("not on meds", "no injections yet") declines nothing (understanding/declined.py)."""

from __future__ import annotations

import pytest

from app.search.ranking import providers_last
from directory.understanding import interpret, lexicon_for
from directory.understanding.declined import declined_providers
from directory.vocabulary import default_vocabulary

INJECTS = "208VP0014X"  # interventional pain medicine
PRESCRIBES = "2084P0800X"  # psychiatry
ADJUSTS = "111N00000X"  # chiropractic
PT = "225100000X"  # physical therapy
TALKS = "103T00000X"  # psychologist


def declined(text: str) -> tuple[str, ...]:
    return declined_providers(interpret(text), lexicon_for(default_vocabulary()))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sciatica down my left leg 3 months, no more injections please", INJECTS),
        ("tired of epidurals, neck pain", INJECTS),
        ("ya no quiero inyecciones para la espalda", INJECTS),
        ("panic attacks at work, want therapy, not meds", PRESCRIBES),
        ("depression but dont want to be on meds", PRESCRIBES),
        ("knee gives out, MRI says torn meniscus. not looking for a chiropractor", ADJUSTS),
        ("sciatica. no more PT, dont want surgery or shots", PT),
        ("sciatica. no more PT, dont want surgery or shots", INJECTS),
        # "besides", and a talk therapist declined: "who treats depression besides a
        # therapist, i think i need meds" had listed ten psychologists
        ("who treats depression besides a therapist, i think i need meds", TALKS),
        ("anxiety, dont want a therapist i want medication", TALKS),
        ("besides injections what helps a bad back", INJECTS),
    ],
)
def test_care_wished_away_names_who_gives_it(text, code):
    assert code in declined(text)


@pytest.mark.parametrize(
    "text",
    [
        "depression, not on meds",  # a state, not a wish
        "depression, not taking meds right now",
        "MDD no meds yet, psych eval",
        "failed PT, no injections",  # a referral's none tried
        "injections didnt help",
        "needs injections for back pain",
    ],
)
def test_a_history_declines_nothing(text):
    assert declined(text) == ()


def test_declined_injections_are_no_procedure_asked_for():
    """'injections' had been read as an epidural asked for beside the sciatica."""
    reading = interpret("sciatica down my left leg, no more injections please")
    assert not reading.of_kind("procedure", "context")
    assert "sciatica" in {i for p in reading.of_kind("condition") for i in p.ids}
    assert "epidural-steroid-injection" in {
        i for p in interpret("sciatica, wants injections").of_kind("procedure") for i in p.ids
    }


def test_a_specialty_declined_is_no_specialty_asked_for():
    """'NOT a chiropractor!! real doctor for neck pain' listed ten chiropractors first."""
    reading = interpret("NOT a chiropractor!! real doctor for neck pain after a car accident")
    assert not reading.of_kind("specialty")
    # neck pain after a car accident is whiplash, the neck's injury
    assert "whiplash" in {i for p in reading.of_kind("condition") for i in p.ids}


def test_who_gives_declined_care_ranks_after_every_other():
    ranks = {"208100000X": 0, INJECTS: 1, "207XS0117X": 2}
    assert providers_last(ranks, (INJECTS,)) == {"208100000X": 0, INJECTS: 4, "207XS0117X": 2}
    assert providers_last({INJECTS: 0}, (INJECTS,)) == {INJECTS: 0}  # all the map lists


def test_a_talk_therapist_declined_leaves_the_prescriber():
    """The therapist declined is no specialty asked for, and depression's psychiatrists
    lead its map."""
    reading = interpret("who treats depression besides a therapist, i think i need meds")
    assert not reading.of_kind("specialty")
    assert "depression" in {i for p in reading.of_kind("condition") for i in p.ids}
    assert TALKS not in declined("therapist for depression")


@pytest.mark.parametrize(
    ("text", "refused", "asked"),
    [
        # the refused specialist had been asked for: ten psychiatrists, ten chiropractors
        ("psychologist not psychiatrist boston ma", "2084P0800X", "103T00000X"),
        ("referral to psychologist not psychiatry, adult ADHD testing", "2084P0800X", None),
        ("someone other than a chiropracter for my neck pain", "111N00000X", None),
        ("dysphagia R13.10 normal EGD, not GI again, ENT swallow eval", "207RG0100X", None),
        ("dont want a nurse practitioner, an actual md for my diabetes", "363L00000X", None),
        ("pulmonologist not allergist evanston", "207K00000X", "207RP1001X"),
    ],
)
def test_a_specialist_refused_is_not_asked_for(text, refused, asked):
    codes = set(interpret(text).specialty_codes)
    assert refused not in codes
    assert asked is None or asked in codes


@pytest.mark.parametrize(
    "text", ["not sure if i need a cardiologist", "psychiatrist for my son, not sure what else"]
)
def test_doubt_is_no_refusal(text):
    assert interpret(text).specialty_codes


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # had filtered to men
        ("i dont want a male doctor for my pap smear in houston", "female"),
        ("no male doctors please, gyn", "female"),
        ("dont want a female doctor for my urology", "male"),
        ("not a man, female doctor only", "female"),
        ("male urologist", "male"),
    ],
)
def test_the_sex_refused_asks_for_the_other(text, wanted):
    assert interpret(text).filters["gender"] == (wanted,)


@pytest.mark.parametrize(
    "text",
    ["hip pain but im not ready for a hip replacement", "knee pain, dont want a knee replacement"],
)
def test_a_joint_replacement_refused_is_no_procedure_asked_for(text):
    """The replacement had been read as the procedure asked for, its surgeons first."""
    reading = interpret(text)
    assert not reading.of_kind("procedure")
    assert "207XS0114X" in declined(text)
    assert interpret("hip replacement").of_kind("procedure")  # asked, it is the procedure
