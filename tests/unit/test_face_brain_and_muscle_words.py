"""Needs of the face, jaw, brain, nerves and muscles as people and referrals type them: each is
read as its own concept, not as broken bones (orthopaedics), a body part, a knee scope,
concussion or restless legs."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("ED f/u mandible fracture", "facial-fractures"),
        ("jaw fracture from a fight need a surgeon", "facial-fractures"),
        ("OMFS consult mandible fx", "facial-fractures"),
        ("orbital floor fracture referral", "facial-fractures"),
        ("cheekbone fracture surgeon", "facial-fractures"),
        ("cleft lip repair, infant 3 mo", "cleft-lip-and-palate"),
        ("my baby was born with a cleft palate", "cleft-lip-and-palate"),
        ("adult cleft palate revision surgery", "cleft-lip-and-palate"),
        ("dry mouth all the time even drinking lots of water", "dry-mouth"),
        ("xerostomia referral", "dry-mouth"),
        ("white patches inside cheek", "mouth-sores"),
        ("referral oral lichen planus, biopsy confirmed", "mouth-sores"),
        ("bump on the roof of my mouth", "mouth-sores"),
        ("woke up and one side of my face is drooping cant close my eye", "bells-palsy"),
        ("paralisis facial", "bells-palsy"),
        ("face drooping", "bells-palsy"),
        ("facial twitching eyelid and cheek wont stop", "dystonia"),
        ("hemifacial spasm, botox referral", "dystonia"),
        ("eyelid twitching", "dystonia"),
        ("neck twisting to one side dystonia botox", "dystonia"),
        ("orthognathic surgery consult, class III malocclusion", "orthognathic-surgery"),
        ("underbite jaw surgery", "orthognathic-surgery"),
        ("grinding teeth in my sleep", "teeth-grinding"),
        ("bruxism", "teeth-grinding"),
        ("tmj arthroscopy", "tmj-surgery"),
        ("tbi follow up", "traumatic-brain-injury"),
        ("brain injury rehab", "traumatic-brain-injury"),
        ("doctor who treats tbi and ptsd", "traumatic-brain-injury"),
        ("spasticity botox after stroke", "spasticity"),
        ("aneurysm in my brain", "brain-aneurysm"),
        ("left side weakness", "stroke"),
        ("arm and leg weak on one side", "stroke"),
        ("swallow study referral", "swallow-study"),
        ("FEES", "swallow-study"),
        ("adult muscular dystrophy doctor", "neuromuscular-disease"),
        ("post polio syndrome weakness", "neuromuscular-disease"),
        ("muscles twitching calves and arms", "neuromuscular-disease"),
        ("leg cramps every night", "muscle-cramps"),
        ("charley horse at night", "muscle-cramps"),
        ("spina bifida adult care", "spina-bifida"),
    ],
)
def test_the_need_is_read_as_its_concept(text, concept):
    assert concept in concepts(text)


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("jaw fracture from a fight need a surgeon", "bone-fracture"),
        ("tmj arthroscopy", "arthroscopy"),
        ("tbi follow up", "concussion"),
        ("teeth grinding", "tmj-disorder"),
    ],
)
def test_the_need_is_not_read_as_a_look_alike(text, not_meant):
    assert not_meant not in concepts(text)


def test_a_dry_mouth_is_the_need_before_the_water_drunk():
    parts = interpret("dry mouth all the time even drinking lots of water").parts
    assert parts[0].ids == ("dry-mouth",)


def test_a_drooping_face_is_no_body_part():
    assert [p.kind for p in interpret("face drooping").parts] == ["condition"]


def test_an_aneurysm_alone_names_no_organ():
    """ "aneurysm" may be the brain's or the aorta's: the word alone picks neither."""
    assert "brain-aneurysm" not in concepts("aneurysm")


def test_a_mild_brain_injury_is_still_a_concussion():
    assert concepts("mild traumatic brain injury") == {"concussion"}
