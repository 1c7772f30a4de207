"""Breast reconstruction, ageing eyes, sexual health, colon and ankle needs as people and
referrals type them: breast reconstruction is the plastic surgeon's, not the cancer
operation; PrEP is HIV prevention, not HIV care; a polypectomy is a colonoscopy; pain at the
back of the heel beside "achilles" is the Achilles tendon, not plantar fasciitis."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        ("breast reconstruction", "breast-reconstruction", "breast-cancer-surgery"),
        ("breast reconstrction", "breast-reconstruction", "breast-cancer-surgery"),
        ("recon consult", "breast-reconstruction", None),
        ("DIEP flap", "breast-reconstruction", None),
        ("lat flap", "breast-reconstruction", None),
        ("latissimus flap", "breast-reconstruction", None),
        ("TRAM flap", "breast-reconstruction", None),
        ("tissue expander", "breast-reconstruction", None),
        ("expander to implant exchange", "breast-reconstruction", None),
        ("implant based reconstruction", "breast-reconstruction", None),
        ("fat grafting after lumpectomy", "breast-reconstruction", "breast-cancer-surgery"),
        ("contour deformity after lumpectomy", "breast-reconstruction", "breast-cancer-surgery"),
        ("nipple reconstruction", "breast-reconstruction", None),
        ("3d nipple tattoo", "breast-reconstruction", None),
        ("areola tattoo", "breast-reconstruction", None),
        ("breast implant removal", "breast-implant-problems", None),
        ("explant", "breast-implant-problems", None),
        ("go flat", "breast-reconstruction", None),
        ("aesthetic flat closure", "breast-reconstruction", None),
        ("rippling implants", "breast-reconstruction", None),
        ("lift to match the reconstructed side", "breast-reconstruction", None),
        ("symmetry surgery after mastectomy", "breast-reconstruction", "breast-cancer-surgery"),
        ("revision of breast reconstruction", "breast-reconstruction", "breast-cancer-surgery"),
        ("lumpectomy", "breast-cancer-surgery", "breast-reconstruction"),
        ("vascularized lymph node transfer", "lymphedema-surgery", None),
        ("lymphedema surgery", "lymphedema-surgery", None),
        ("everything looks foggy", "cataracts", None),
        ("like looking through a dirty window", "cataracts", None),
        ("cloudy vision", "cataracts", None),
        ("glare driving at night", "cataracts", None),
        ("halos around headlights", "cataracts", None),
        ("catarata", "cataracts", None),
        ("cataratas", "cataracts", None),
        ("after cataract surgery my eye is red and painful", "cataract-surgery", "conjunctivitis"),
        ("Fuchs dystrophy", "fuchs-dystrophy", None),
        ("fuchs", "fuchs-dystrophy", None),
        ("corneal transplant", "corneal-transplant", "organ-transplant"),
        ("cant read the newspaper even with readers", "refractive-errors", None),
        ("presbyopia", "refractive-errors", None),
        ("need reading glasses", "refractive-errors", None),
        ("vision rehab", "low-vision", None),
        ("low vision specialist", "low-vision", None),
        ("legally blind", "low-vision", None),
        ("std panel", "sexually-transmitted-infections", None),
        ("full std panel", "sexually-transmitted-infections", None),
        ("std testing clinic", "sexually-transmitted-infections", None),
        ("sti screening", "sexually-transmitted-infections", None),
        ("std tessting", "sexually-transmitted-infections", None),
        ("confidential std test", "sexually-transmitted-infections", None),
        ("PrEP", "hiv-prevention", "hiv"),
        ("prep refill", "hiv-prevention", "hiv"),
        ("PrEP prescription", "hiv-prevention", "hiv"),
        ("PEP after exposure", "hiv-prevention", "hiv"),
        ("HIV prevention pill", "hiv-prevention", "hiv"),
        ("descovy", "hiv-prevention", "hiv"),
        ("truvada", "hiv-prevention", "hiv"),
        ("bowel prep for colonoscopy", "colonoscopy", "hiv-prevention"),
        ("polypectomy", "colonoscopy", None),
        ("sigmoidoscopy", "colonoscopy", None),
        ("flex sig", "colonoscopy", None),
        ("colon polyp removal", "colonoscopy", None),
        ("EMR of a large polyp", "colonoscopy", None),
        ("take out part of my colon because of cancer", "colectomy", None),
        ("colectomy", "colectomy", "ostomy-reversal"),
        ("hemicolectomy", "colectomy", None),
        ("colon resection", "colectomy", None),
        ("achilles heel pain", "achilles-tendon-injury", "plantar-fasciitis"),
        ("pain in the back of my heel", "achilles-tendon-injury", "plantar-fasciitis"),
        ("achilles pain morning stiffness", "achilles-tendon-injury", "rheumatoid-arthritis"),
        ("heel pain in the morning", "plantar-fasciitis", "achilles-tendon-injury"),
        ("osteochondral lesion of the talus", "osteochondral-lesion-of-the-talus", None),
        ("OLT", "osteochondral-lesion-of-the-talus", None),
        ("talus lesion", "osteochondral-lesion-of-the-talus", None),
        ("ankle cartilage damage", "osteochondral-lesion-of-the-talus", None),
        ("high ankle sprain", "ankle-sprain", None),
        ("syndesmosis injury", "ankle-sprain", None),
        ("chronic ankle instability", "ankle-sprain", None),
        ("ankle keeps rolling", "ankle-sprain", None),
        ("brostrom", "ankle-stabilization-surgery", None),
    ],
)
def test_a_need_typed_in_its_own_words_is_read_as_it(text, concept, not_read):
    read = concepts(text)
    assert concept in read, read
    assert not_read not in read, read


def test_breast_reconstruction_goes_to_plastic_surgeons_first():
    ranked = [r.code for r in default_vocabulary().concepts["breast-reconstruction"].specialties]
    assert ranked[0] == "208200000X"
    assert {"2086X0206X", "208600000X"} <= set(ranked)


def test_hiv_prevention_goes_to_primary_care_before_infectious_disease():
    ranked = [r.code for r in default_vocabulary().concepts["hiv-prevention"].specialties]
    assert ranked[:3] == ["207Q00000X", "207R00000X", "207RI0200X"]


def test_low_vision_goes_to_optometrists_first():
    ranked = [r.code for r in default_vocabulary().concepts["low-vision"].specialties]
    assert ranked[0].startswith("152W") and "207W00000X" in ranked


def test_olt_beside_a_liver_is_the_liver_transplant():
    assert "liver-transplant" in concepts("s/p OLT cirrhosis")


@pytest.mark.parametrize("text", ["mắt cá chân", "đau mắt cá chân"])
def test_the_vietnamese_ankle_is_the_ankle(text):
    (part,) = interpret(text).parts
    assert part.kind == "body_part" and "ankle-sprain" in part.ids


def test_the_vietnamese_foot_doctor_is_a_foot_and_ankle_specialist():
    (part,) = interpret("bác sĩ bàn chân").parts
    assert part.kind == "specialty" and set(part.ids) == {"213E00000X", "207XX0004X"}
