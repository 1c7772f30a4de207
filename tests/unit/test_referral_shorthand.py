"""Words pasted from a referral read as the referral means them (directory/understanding)."""

from __future__ import annotations

import pytest

from directory.understanding import interpret


def reading(text: str) -> list[tuple[str, str]]:
    return [(part.kind, part.text) for part in interpret(text).parts]


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("r/o melanoma", [("condition", "melanoma")]),
        ("s/p CABG f/u", [("procedure", "CABG")]),
        ("h/o stroke", [("condition", "stroke")]),
        ("f/u HTN", [("condition", "HTN")]),
        ("status post knee replacement eval", [("procedure", "knee replacement")]),
        ("rule out melanoma", [("condition", "melanoma")]),
    ],
)
def test_shorthand_is_filler_and_leaves_no_stray_letters(text, meant):
    understood = interpret(text)
    assert reading(text) == meant
    assert not understood.unplaced  # no "r", "o" left over to match middle initials


@pytest.mark.parametrize(
    "text",
    [
        "pt c/o chest pain",
        "pt with afib",
        "pts w/ htn",
        "pt 67 yo w/ afib",
        "pt hx afib",
        "pt s/p TKA",
        "Pt s/p TKA",
        "PT c/o knee pain",
    ],
)
def test_pt_describing_a_patient_is_not_a_physical_therapist(text):
    assert "specialty" not in {kind for kind, _ in reading(text)}


@pytest.mark.parametrize(
    "text",
    # "PT s/p R TKA": in capitals before "s/p", an order for therapy after the operation
    ["pt for back pain", "PT eval s/p knee replacement", "pt", "PT s/p R TKA"],
)
def test_pt_asked_for_is_still_the_physical_therapist(text):
    assert ("specialty", text.split()[0]) in reading(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("derm consult medicaid pt cleveland", "207N00000X"),
        ("derm consult PT cleveland", "207N00000X"),
        ("cards referral pt cleveland", "207RC0000X"),
        ("new pt derm", "207N00000X"),
        ("pt to see ortho", "207X00000X"),
        ("ortho for pt", "207X00000X"),
    ],
)
def test_pt_beside_a_physicians_specialty_is_the_patient(text, code):
    understood = interpret(text)
    assert understood.specialty_codes[0] == code
    assert "225100000X" not in understood.specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "home visit provider for homebound pt, medicare",
        "our pt needs a new doctor",
        "elderly pt with falls",
        "capacity evaluation elderly pt for guardianship",  # "for" after: still the patient
        "geriatric pt for memory eval",
    ],
)
def test_pt_a_coordinator_describes_is_the_patient(text):
    """'home visit provider for homebound pt, medicare' listed ten physical therapists."""
    assert "225100000X" not in interpret(text).specialty_codes, text


@pytest.mark.parametrize(
    "text",
    [
        "referral says kindly see pt for refractory GERD and dysphagia to solids, ?EGD",
        "Please evaluate pt for hypothyroidism, TSH 14 on levothyroxine 100mcg",
        "consult for chronic low back pain, candidate for ESI? failed NSAIDs and PT",
    ],
)
def test_pt_a_consult_asks_to_see_or_has_tried_is_no_therapist_asked_for(text):
    """A consult's 'kindly see pt for refractory GERD' listed physical therapists first."""
    assert "225100000X" not in interpret(text).specialty_codes, text
    # a patient asking to see a physical therapist still does
    assert "225100000X" in interpret("need to see pt for my shoulder").specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "looking for a pt near me",
        "pt for my bad knee",
        "pt after rotator cuff surgery that takes medicaid",  # listed the surgeons
    ],
)
def test_a_pt_looked_for_is_still_a_therapist(text):
    assert ("specialty", "pt") in reading(text)


def test_the_patients_place_and_insurance_stay():
    understood = interpret("derm consult medicaid pt cleveland")
    assert understood.location.label == "Cleveland, OH"
    assert understood.describe() == "Dermatologists near Cleveland, OH, taking Medicaid"


@pytest.mark.parametrize(
    "text", ["ortho and PT", "ortho or pt for knee", "PT/OT for back pain", "ortho & pt"]
)
def test_pt_joined_to_another_specialty_is_asked_for_too(text):
    assert "225100000X" in interpret(text).specialty_codes


def test_a_slash_between_longer_words_still_splits_them():
    assert reading("PT/OT for back pain")[:2] == [("specialty", "PT"), ("specialty", "OT")]
    assert reading("OB/GYN") == [("specialty", "OB/GYN")]


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("new dx breast ca", "breast-cancer"),
        ("hx prostate CA", "prostate-cancer"),
        ("lung ca f/u", "lung-cancer"),
        ("ca colon", "colon-cancer"),
        ("ca of the pancreas", "pancreatic-cancer"),
        ("ovarian ca near Hartford CT", "ovarian-cancer"),
        ("thyroid ca s/p thyroidectomy", "thyroid-cancer"),
    ],
)
def test_ca_beside_an_organ_is_its_cancer(text, concept):
    understood = interpret(text)
    assert understood.concept_ids[0] == concept
    assert not understood.unplaced


def test_ca_after_shorthand_is_cancer():
    understood = interpret("r/o ca")
    assert [p.label for p in understood.parts] == ["Medical oncologist"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("dermatologist Los Angeles, CA", "Los Angeles, CA"),
        ("oncologist in CA", "California"),
        ("breast ca san diego ca", "San Diego, CA"),
    ],
)
def test_ca_as_a_state_stays_a_place(text, place):
    understood = interpret(text)
    assert understood.location is not None and understood.location.label == place


@pytest.mark.parametrize("text", ["migraine w/o aura", "migraines without aura"])
def test_without_is_filler_and_the_aura_is_the_migraines(text):
    understood = interpret(text)
    assert understood.concept_ids == ("migraine",)
    assert not understood.unplaced


@pytest.mark.parametrize(
    "text", ["positive FIT, dx colonoscopy, medicaid pt", "colonoscopy medicaid pt"]
)
def test_pt_after_the_patients_plan_beside_another_need_is_the_patient(text):
    """'dx colonoscopy, medicaid pt' listed ten physical therapists."""
    understood = interpret(text)
    assert "225100000X" not in understood.specialty_codes
    assert "colonoscopy" in understood.concept_ids


def test_pt_after_a_plan_with_nothing_else_asked_is_still_the_therapist():
    assert "225100000X" in interpret("medicaid pt").specialty_codes


@pytest.mark.parametrize(
    "text",
    [
        "From: Alan Whitfield MD Tel (860) 555-0192 HFrEF I50.22, cardiology f/u",
        "referred by Dr. Karen Lee for cardiology consult, afib",
    ],
)
def test_a_name_after_from_or_referred_by_is_the_sender_not_the_physician_asked_for(text):
    """A faxed referral searched its sender's name beside the cardiology it asked for, and
    found nobody."""
    understood = interpret(text)
    assert not understood.names
    assert "207RC0000X" in understood.specialty_codes


def test_from_a_name_with_nothing_else_asked_is_still_the_name():
    assert interpret("from dr smith").names == ("Smith",)


@pytest.mark.parametrize("text", ["Pt: Jaylen W. ADHD eval", "Pt: 67 yo M afib, cards consult"])
def test_pt_labelling_the_patients_name_or_age_is_the_patient(text):
    assert "225100000X" not in interpret(text).specialty_codes


def test_pt_as_a_heading_for_what_to_do_is_still_therapy():
    assert "225100000X" in interpret("PT: eval and treat knee OA").specialty_codes


def test_a_specialist_named_with_a_test_that_confirmed_the_need_is_not_asked_for():
    """'hand surgery referral ... EMG confirms moderate CTS' listed neurologists, for EMG."""
    understood = interpret("hand surgery referral: R carpal tunnel G56.01, EMG confirms CTS")
    assert understood.specialty_codes[0] == "207XS0106X"
    assert "2084N0400X" not in understood.specialty_codes
