"""Asked who operates, a condition's surgeons rank first (app/search/ranking.surgeons_first,
directory/understanding/specialist.asks_who_operates)."""

from __future__ import annotations

import pytest

from app.search.ranking import surgeons_behind, surgeons_first
from directory.condition_map import specialty_ranks
from directory.understanding import interpret, lexicon_for
from directory.understanding.specialist import asks_who_operates, declines_surgery
from directory.vocabulary import default_vocabulary

HAND_SURGERY, NEUROLOGY = "207XS0106X", "2084N0400X"


def test_the_conditions_surgeons_come_before_those_who_treat_it_otherwise():
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["carpal-tunnel-syndrome"])
    assert ranks[NEUROLOGY] <= ranks[HAND_SURGERY] or ranks[HAND_SURGERY] == 0
    asked = surgeons_first(vocabulary, ranks)
    assert asked[HAND_SURGERY] < asked[NEUROLOGY]
    assert min(asked, key=asked.get) == HAND_SURGERY


def test_every_surgeon_the_map_lists_comes_before_those_who_treat_it_otherwise():
    """'breast cancer surgeon' near Boston listed medical oncologists: no surgical
    oncologist practises there, and the general surgeons the map lists last ranked after
    the medical oncologists it lists second."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["breast-cancer"])
    general, medical = "208600000X", "207RX0202X"
    assert ranks[general] > ranks[medical]
    asked = surgeons_first(vocabulary, ranks)
    assert asked[general] < asked[medical]
    assert asked["2086X0206X"] <= asked[general]  # the map's order among its surgeons


def test_a_condition_no_surgeon_treats_keeps_its_order():
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["migraine"])
    assert surgeons_first(vocabulary, ranks) == ranks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("carpal tunnel who does the surgery", True),
        ("surgeon for carpal tunnel", True),
        ("thyroid nodule, who does the operation", True),
        ("L4-5 spondylolisthesis surgical consult", True),
        ("carpal tunnel surgery", False),  # the procedure was read: its own specialists
        ("pain after back surgery", False),  # a condition: pain management, not surgeons
        ("carpal tunnel", False),
        # a surgery said as when the visit is: ENT surgeons had led for the sleep apnea
        ("pre-anesthesia evaluation OSA prior to elective surgery", False),
        ("sleep apnea, cleared for surgery next month", False),
        ("sleep apnea before surgery", False),
    ],
)
def test_a_surgery_word_no_term_readasks_who_operates(text, asks):
    lexicon = lexicon_for(default_vocabulary())
    assert asks_who_operates(interpret(text, lexicon=lexicon), lexicon) is asks


@pytest.mark.parametrize(
    "text",
    ["sciatica relief without surgery", "avoid having surgery for my knee", "non surgery option"],
)
def test_surgery_said_not_wanted_asks_for_no_surgeon(text):
    lexicon = lexicon_for(default_vocabulary())
    assert asks_who_operates(interpret(text, lexicon=lexicon), lexicon) is False


def _fit(clauses: list[dict]) -> dict[str, float]:
    """NUCC code -> the boost its main specialty gets from the condition's fit tiers."""
    (concepts, *_) = clauses
    tiers = concepts["bool"]["should"][0]["dis_max"]["queries"]
    found = {}
    for tier in tiers:
        scored = tier["constant_score"]
        codes = scored["filter"]["terms"].get("primary_specialty", [])
        found |= {code: scored["boost"] for code in codes}
    return found


def test_a_surgeon_typed_beside_a_condition_puts_its_surgeons_first():
    """'K5732 recurrent diverticulitis colorectal surgery consult' near Boston, where no
    colorectal surgeon practises, listed gastroenterologists: the map's first."""
    from app.search.matching import _concept_clauses
    from app.search.params import Resolution, ResolvedTerm, SearchParams

    diverticulitis = ResolvedTerm("condition", "diverticulitis", "Diverticulitis", "exact")
    surgeon = ResolvedTerm("specialty", "208C00000X", "Colorectal surgeon", "exact",
                           codes=("208C00000X",))  # fmt: skip
    asked = Resolution("diverticulitis colorectal surgery", (diverticulitis, surgeon))
    fit = _fit(_concept_clauses(asked, SearchParams(q=asked.text)))
    assert fit["208C00000X"] > fit["207RG0100X"]  # colorectal surgeons before GI
    alone = Resolution("diverticulitis", (diverticulitis,))
    fit = _fit(_concept_clauses(alone, SearchParams(q=alone.text)))
    assert fit["207RG0100X"] > fit["208C00000X"]  # the map's order when no surgeon is asked


def test_a_childs_surgical_specialists_read_from_the_age_ask_for_no_surgeon():
    """The patient's words ('my 12 year old daughter') bring the children's specialists,
    pediatric orthopedic surgeons among them, as context: no surgeon was typed, so the
    condition map keeps its order."""
    from app.search.matching import _concept_clauses
    from app.search.params import Resolution, ResolvedTerm, SearchParams

    scoliosis = ResolvedTerm("condition", "scoliosis", "Scoliosis", "exact")
    child = ResolvedTerm("specialty", "208000000X", "Pediatrician", "exact",
                         codes=("207XP3100X", "208000000X"), context=True)  # fmt: skip
    with_child = Resolution("scoliosis in my 12 year old", (scoliosis, child))
    alone = Resolution("scoliosis", (scoliosis,))
    fit = _fit(_concept_clauses(with_child, SearchParams(q=with_child.text)))
    grown = _fit(_concept_clauses(alone, SearchParams(q=alone.text)))
    pediatric_orthopedist = "207XP3100X"
    # with no child said, the children's orthopedist follows the adults' (ranking.CHILDRENS_AFTER)
    assert grown[pediatric_orthopedist] < fit[pediatric_orthopedist]
    assert {c: s for c, s in fit.items() if c != pediatric_orthopedist} == {
        c: s for c, s in grown.items() if c != pediatric_orthopedist
    }


@pytest.mark.parametrize(
    ("text", "declines"),
    [
        ("spinal stenosis, NOT looking for a surgeon", "surgeon"),
        ("me duele la rodilla, no quiero cirujano", "surgeon"),
        ("knee pain, dont want surgery", "surgery"),
        ("non-surgical options for my shoulder", "surgery"),
        ("nonsurgical treatment", "surgery"),
        ("herniated disc, hoping to avoid back surgery", "surgery"),
        ("no relief after surgery", ""),  # surgery had
        ("id rather have surgery than keep hurting", ""),
        ("PT rather than surgery", "surgery"),
        ("never had surgery on it", ""),
        ("no surgical hx", ""),  # a referral's history
        ("who does the surgery for carpal tunnel", ""),
        ("herniated disc want to try everything before surgery", "surgery"),  # put off
        ("other options before surgery for my knee", "surgery"),
        ("cardiac clearance before surgery", ""),  # for it
        ("want to see someone who isnt going to just operate", "surgery"),
        ("non-operative spine referral sciatica", "surgery"),
        ("sciatica, patient declines surgery", "surgery"),
        ("my moms back, shes 90 and wont do surgery", "surgery"),
        ("back doctor that doesnt push surgery", "surgery"),
        ("post operative pain in my knee", ""),
    ],
)
def test_words_that_decline_surgery_or_a_surgeon(text, declines):
    lexicon = lexicon_for(default_vocabulary())
    assert declines_surgery(interpret(text, lexicon=lexicon), lexicon) is declines


def test_a_surgeon_declined_puts_the_surgeons_after_every_other_specialty():
    vocabulary = default_vocabulary()
    ranks = {"207XS0117X": 0, "207T00000X": 1, "208VP0014X": 2, "208100000X": 3, "207Q00000X": 6}
    declined = surgeons_behind(vocabulary, ranks, last=True)
    assert min(declined["207XS0117X"], declined["207T00000X"]) > declined["207Q00000X"]
    only_surgeons = {"207XS0117X": 0, "207T00000X": 1}
    assert surgeons_behind(vocabulary, only_surgeons, last=True) == only_surgeons


def test_the_operation_declined_puts_the_surgeons_right_after_the_first_who_does_not_operate():
    """'bone on bone knees, want to avoid surgery': orthopedic surgeons treat without
    operating, so they follow the first non-surgeons, not the family doctors too."""
    vocabulary = default_vocabulary()
    ranks = {"207XS0117X": 0, "207T00000X": 1, "208VP0014X": 2, "208100000X": 3, "207Q00000X": 6}
    declined = surgeons_behind(vocabulary, ranks)
    assert declined["208VP0014X"] < declined["207XS0117X"] < declined["207Q00000X"]
    knees = {"207Q00000X": 0, "207RR0500X": 0, "207X00000X": 2, "225100000X": 4}
    assert surgeons_behind(vocabulary, knees) == knees  # family doctors lead already


def test_a_board_the_map_says_operates_for_the_condition_comes_first_when_asked():
    """'snoring surgery' listed pulmonologists before the ENT doctors who operate on the
    airway: ENT is no surgical board by its NUCC name, but the map's reason says it operates
    for sleep apnea. Asked nothing about surgery, the map's order stands."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["sleep-apnea"])
    ent, pulmonology = "207Y00000X", "207RP1001X"
    assert ranks[pulmonology] < ranks[ent]
    asked = surgeons_first(vocabulary, ranks, ["sleep-apnea"])
    assert asked[ent] < asked[pulmonology]
    migraine = specialty_ranks(vocabulary, ["migraine"])
    assert surgeons_first(vocabulary, migraine, ["migraine"]) == migraine


@pytest.mark.parametrize("concept", ["hip-fracture", "carpal-tunnel-syndrome", "acl-tear"])
def test_care_before_after_or_without_surgery_is_no_operation(concept):
    """'Rehabilitation after surgery', 'Non-surgical care': a reason that names surgery
    without operating moves nobody ('chronic pain after shoulder surgery' had put a
    physiatrist before the pain doctors)."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, [concept])
    assert surgeons_first(vocabulary, ranks, [concept]) == surgeons_first(vocabulary, ranks)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a surgeon read from the words that decline surgery is not asked for
        ("i dont want back surgery, who treats sciatica without surgery", set()),
        # a specialist who does not operate, named with the words, is
        ("non surgical spine doctor atlanta", {"208100000X"}),
    ],
)
def test_a_surgeon_is_not_read_from_the_words_that_decline_surgery(text, asked):
    read = interpret(text, lexicon=lexicon_for(default_vocabulary()))
    assert {c for p in read.parts if p.kind == "specialty" for c in p.codes} == asked
