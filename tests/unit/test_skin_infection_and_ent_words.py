"""Skin, cosmetic, infection and ear, nose and throat needs as people and referrals type them:
each is read as its own concept, not as a skin cancer's oncologist ("pre cancer spots"), a
neurologist's Botox ("botox for wrinkles"), a joint injection ("steroid injection of
keloid"), an anal abscess ("abscess on my butt"), shortness of breath ("cant breathe through
one side of my nose", "polyps in my nose cant breathe") or hay fever ("stuffy nose all the
time one side always blocked")."""

from __future__ import annotations

import pytest
from reading_helpers import concepts

from directory.understanding import interpret
from directory.vocabulary import default_vocabulary


@pytest.mark.parametrize(
    ("text", "concept", "not_read"),
    [
        # skin and cosmetic
        ("who takes out cysts behind the ear", "skin-cyst", None),
        ("cyst behind my ear", "skin-cyst", None),
        ("pilar cyst on my scalp", "skin-cyst", None),
        ("cyst on my wrist", "ganglion-cyst", "skin-cyst"),
        ("cyst behind my knee", "bakers-cyst", "skin-cyst"),
        ("cyst on my ovary removed", "ovarian-cysts", "skin-cyst"),
        ("pre cancer spots on face actinic keratosis freeze", "actinic-keratosis", "skin-cancer"),
        ("actinic keratosis", "actinic-keratosis", "skin-cancer"),
        ("AKs", "actinic-keratosis", None),
        ("precancerous spots", "actinic-keratosis", None),
        ("solar keratoses on my scalp", "actinic-keratosis", None),
        ("rough scaly patches on scalp from sun damage", "actinic-keratosis", "psoriasis"),
        ("sun damaged skin", "actinic-keratosis", None),
        ("cosmetic injections", "cosmetic-injections", None),
        ("botox for wrinkles", "cosmetic-injections", "botox-injections"),
        ("fillers", "cosmetic-injections", None),
        ("lip filler", "cosmetic-injections", None),
        ("crows feet and frown lines", "cosmetic-injections", None),
        ("botox for migraines", "botox-injections", "cosmetic-injections"),
        ("loose skin after losing 150 lbs", "body-contouring-after-weight-loss", None),
        ("panniculectomy referral post bariatric", "body-contouring-after-weight-loss", None),
        ("arm lift excess skin", "body-contouring-after-weight-loss", None),
        ("tummy tuck", "body-contouring-after-weight-loss", None),
        ("skin removal surgery", "body-contouring-after-weight-loss", None),
        ("hanging belly skin after gastric sleeve", "body-contouring-after-weight-loss", None),
        ("reconstruction after mohs on nose", "mohs-reconstruction", None),
        ("mohs reconstruction", "mohs-reconstruction", None),
        ("skin graft after mohs", "mohs-reconstruction", None),
        ("refer for steroid injection of keloid chest", "scars-and-keloids", "joint-injection"),
        ("keloid injection", "scars-and-keloids", "joint-injection"),
        ("kenalog shot in my keloid", "scars-and-keloids", "joint-injection"),
        # infections
        (
            "shingles pain still there months after the rash went away",
            "postherpetic-neuralgia",
            None,
        ),
        ("postherpetic neuralgia", "postherpetic-neuralgia", None),
        ("nerve pain after shingles", "postherpetic-neuralgia", "shingles"),
        ("shingles near my eye and forehead", "herpes-zoster-ophthalmicus", "shingles"),
        ("shingles in my eye", "herpes-zoster-ophthalmicus", "shingles"),
        ("fever for 3 weeks and no one knows why", "fever-of-unknown-origin", "fever"),
        ("fevers for weeks and nobody can explain them", "fever-of-unknown-origin", "fever"),
        ("fever of unknown origin", "fever-of-unknown-origin", None),
        ("fevers on and off for a month", "fever-of-unknown-origin", "fever"),
        (
            "came back from ghana with fevers and chills worried its malaria",
            "illness-after-travel",
            "fever",
        ),
        ("malaria", "illness-after-travel", None),
        ("sick after travel", "illness-after-travel", None),
        ("just got back from a trip with a fever", "illness-after-travel", None),
        ("malaria pills for my trip", "travel-medicine", "illness-after-travel"),
        ("sepsis last month, just out of the icu, who follows up", "sepsis-recovery", None),
        ("after sepsis", "sepsis-recovery", None),
        ("abscess on my butt needs drained", "skin-abscess", "anal-fistula-and-abscess"),
        ("boil that needs draining", "skin-abscess", None),
        ("skin abscess", "skin-abscess", "cellulitis"),
        ("abscess near my anus", "anal-fistula-and-abscess", "skin-abscess"),
        ("rectal abscess", "anal-fistula-and-abscess", "skin-abscess"),
        ("tooth abscess", "toothache", "skin-abscess"),
        ("mrsa skin infection keeps coming back", "recurrent-skin-infections", "cellulitis"),
        ("recurrent boils", "recurrent-skin-infections", None),
        # ear, nose and throat
        ("cant breathe through one side of my nose", "deviated-septum", "dyspnea"),
        (
            "stuffy nose all the time one side always blocked",
            "deviated-septum",
            "allergic-rhinitis",
        ),
        ("nasal obstruction", "deviated-septum", None),
        ("left nostril always blocked", "deviated-septum", None),
        ("everything smells burnt or rotten", "loss-of-smell-and-taste", None),
        ("smell is messed up", "loss-of-smell-and-taste", None),
        ("phantom smells", "loss-of-smell-and-taste", None),
        ("parosmia", "loss-of-smell-and-taste", None),
        ("microsuction ear wax", "earwax-buildup", None),
        ("ear wax removal", "earwax-buildup", None),
        ("need my ears cleaned", "earwax-buildup", None),
        ("ear draining fluid and hurts did my eardrum rupture", "eardrum-perforation", None),
        ("ruptured eardrum", "eardrum-perforation", None),
        ("perforated eardrum", "eardrum-perforation", None),
        ("hole in my eardrum", "eardrum-perforation", None),
        ("voice therapy after vocal cord surgery", "voice-therapy", None),
        ("voice therapy", "voice-therapy", None),
        ("hurts to swallow for weeks not strep", "odynophagia", "strep-throat"),
        ("painful swallowing", "odynophagia", None),
        ("polyps in my nose cant breathe", "nasal-polyps", "dyspnea"),
        ("nasal polyps", "nasal-polyps", "sinusitis"),
        ("CRSwNP", "nasal-polyps", None),
        ("chronic sinusitis with nasal polyps", "nasal-polyps", None),
        ("sinus specialist", "sinusitis", None),
        ("snoring", "habitual-snoring", None),
        ("snoring surgery", "habitual-snoring", None),
        ("i snore so loud and wake up gasping", "sleep-apnea", "habitual-snoring"),
        ("my husband snores and stops breathing", "sleep-apnea", "habitual-snoring"),
    ],
)
def test_a_need_typed_in_its_own_words_is_read_as_it(text, concept, not_read):
    read = concepts(text)
    assert concept in read, read
    assert not_read not in read, read


def _codes(concept: str) -> list[str]:
    return [s.code for s in default_vocabulary().concepts[concept].specialties]


NEUROLOGY, DERMATOLOGY = "2084N0400X", "207N00000X"
PLASTIC, FACIAL_PLASTIC = "208200000X", "207YS0123X"
ENT, SLEEP = "207Y00000X", "207RS0012X"
INFECTIOUS, GENERAL_SURGERY = "207RI0200X", "208600000X"


@pytest.mark.parametrize(
    ("concept", "first"),
    [
        ("actinic-keratosis", [DERMATOLOGY]),
        ("cosmetic-injections", [DERMATOLOGY, PLASTIC, FACIAL_PLASTIC]),
        ("body-contouring-after-weight-loss", [PLASTIC, "2086S0122X"]),
        ("mohs-reconstruction", [PLASTIC, FACIAL_PLASTIC, "207ND0101X"]),
        ("scars-and-keloids", [DERMATOLOGY]),
        ("postherpetic-neuralgia", [NEUROLOGY, "208VP0014X", "208VP0000X", "208100000X"]),
        ("herpes-zoster-ophthalmicus", ["207W00000X"]),
        ("fever-of-unknown-origin", [INFECTIOUS, "207R00000X"]),
        ("illness-after-travel", [INFECTIOUS]),
        ("sepsis-recovery", ["207Q00000X", "207R00000X", INFECTIOUS]),
        ("skin-abscess", [GENERAL_SURGERY, DERMATOLOGY]),
        ("recurrent-skin-infections", [INFECTIOUS, DERMATOLOGY]),
        ("voice-therapy", ["235Z00000X", ENT]),
        ("odynophagia", [ENT, "207RG0100X"]),
        ("nasal-polyps", [ENT, "207K00000X"]),
        ("habitual-snoring", [ENT, SLEEP]),
    ],
)
def test_the_map_lists_who_a_referral_nurse_sends_to_first(concept, first):
    assert _codes(concept)[: len(first)] == first


def test_a_cosmetic_reading_lists_no_neurologist():
    """'botox for wrinkles' had listed neurologists second, as Botox for a migraine does."""
    assert NEUROLOGY not in _codes("cosmetic-injections")
    assert NEUROLOGY in _codes("botox-injections")


def test_voice_therapy_asks_for_the_speech_therapist():
    codes = {c for p in interpret("voice therapist").parts for c in p.codes}
    assert codes == {"235Z00000X"}


def test_a_sinus_specialist_is_the_ent_and_who_else_treats_sinusitis():
    """'sinus specialist' had found one ENT near Worcester: read as the ENT who treats
    sinusitis, those who also treat it follow."""
    [part] = interpret("sinus specialist").parts
    assert part.kind == "specialty" and part.ids == (ENT,)
    assert part.treats is not None and part.treats.ids == ("sinusitis",)


def test_a_fever_of_some_days_is_no_fever_of_unknown_origin():
    """'fever wont go away its been 5 days' is primary care's; an unexplained fever of weeks
    is the infectious disease specialist's."""
    read = concepts("fever wont go away its been 5 days what kind of doctor do i see")
    assert "fever-of-unknown-origin" not in read and "fever" in read, read
