"""A specialty typed beside a condition or a body part leads the ranking; what the rest of
the text implies follows (app/search/understanding.py, app/search/matching.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.search import ranking
from app.search.matching import _referred, _specialty_clauses
from app.search.params import Resolution, SearchParams
from app.search.understanding import apply
from directory.condition_map import specialty_ranks
from directory.understanding import interpret
from directory.vocabulary import default_vocabulary

RHEUM, ORTHO, HAND = "207RR0500X", "207X00000X", "207XS0106X"
DERM, PEDIATRICS = "207N00000X", "208000000X"


def resolution(text: str) -> Resolution:
    understood = apply(SearchParams(q=text), interpret(text), default_vocabulary())
    return Resolution(text, understood.terms)


def boosts(clause: dict) -> dict[str, float]:
    """NUCC code -> the best boost a primary specialty gets from one specialty clause."""
    found: dict[str, float] = {}
    for query in clause["dis_max"]["queries"]:
        scored = query["constant_score"]
        for code in scored["filter"]["terms"].get("primary_specialty", []):
            found[code] = max(found.get(code, 0.0), scored["boost"])
    return found


def test_a_body_part_beside_a_specialty_is_context_not_a_second_specialty():
    terms = resolution("rheum consult joint pain").terms
    assert [(t.id, t.context) for t in terms][0] == (RHEUM, False)
    assert all(t.context for t in terms[1:])


def test_the_specialty_typed_outranks_the_body_parts_specialists():
    typed, context = _specialty_clauses(resolution("rheum consult joint pain"), beside=False)
    assert boosts(typed)[RHEUM] == 20.0
    assert boosts(context)[ORTHO] == 10.0


def test_beside_a_condition_the_typed_specialty_beats_any_fit_and_its_board_follows():
    text = "hand surgery referral trigger finger"
    typed, behind = _specialty_clauses(resolution(text), beside=True)
    assert boosts(typed)[HAND] == 2 * ranking.SPECIALTY_PRIMARY > max(ranking.FIT_BY_RANK) + 1
    assert behind == ranking.broader_query([ORTHO])  # the hand surgeon's board next


def test_a_child_word_is_the_patient_not_the_specialty_typed():
    terms = resolution("dermatologist 14 yo acne").terms
    specialties = {t.id: t.context for t in terms if t.kind == "specialty"}
    assert specialties[DERM] is False and specialties[PEDIATRICS] is True
    assert all(t.context for t in resolution("heart murmur in my baby").terms[1:])


def test_alone_a_specialty_or_a_body_part_ranks_as_before():
    [alone] = _specialty_clauses(resolution("rheumatologist"), beside=False)
    assert alone == ranking.specialty_query([RHEUM], [RHEUM])
    [knee] = _specialty_clauses(resolution("knee pain"), beside=False)
    assert max(boosts(knee).values()) == ranking.SPECIALTY_PRIMARY


def test_an_otitis_media_in_capitals_is_an_ear_infection():
    understood = interpret("recurrent OM peds ENT")
    assert understood.concept_ids == ("ear-infection",)
    assert understood.specialty_codes[0] == "207YP0228X"


def test_a_childs_age_beside_a_need_ranks_that_needs_childrens_specialists_too():
    """'depression 15 year old': child and adolescent psychiatrists and child psychologists
    are who a parent is looking for, beside pediatricians."""
    (context,) = [t for t in resolution("depression 15 year old").terms if t.context]
    assert {"2084P0804X", "103TC2200X", PEDIATRICS} <= set(context.codes)
    (context,) = [t for t in resolution("my 6 year old has asthma").terms if t.context]
    assert {"2080P0214X", "2080P0201X", PEDIATRICS} <= set(context.codes)
    (context,) = [t for t in resolution("my kid").terms]
    assert context.codes == (PEDIATRICS,)  # no need named: pediatricians


def test_a_procedure_no_pediatrician_does_ranks_its_childrens_specialists_not_pediatricians():
    """'ear tubes for my 3 year old' listed pediatricians: a pediatric ENT places the tubes."""
    for text in ("ear tubes for my 3 year old", "eval for PE tubes 3yo"):
        (context,) = [t for t in resolution(text).terms if t.context]
        assert "207YP0228X" in context.codes and PEDIATRICS not in context.codes, text
    # A procedure pediatricians do keeps them: circumcision for a newborn son.
    (context,) = [t for t in resolution("circumcision for my 2 week old").terms if t.context]
    assert PEDIATRICS in context.codes


def test_a_childs_specialist_condition_ranks_its_specialists_not_pediatricians():
    """'my kid needs glasses' listed pediatricians second to tenth: no primary care
    physician treats vision problems, so the child's eye doctors lead and pediatricians
    are left out, as they are for a procedure none of them does."""
    for text in (
        "my kid needs glasses",
        "my son is 6 and needs an eye exam",
        "my 3 yo's eye turns in",
    ):
        (context,) = [t for t in resolution(text).terms if t.context]
        assert PEDIATRICS not in context.codes and context.codes, text
    # Primary care treats eczema and asthma: pediatricians stay beside the subspecialists.
    for text in ("toddler eczema", "my 6 year old has asthma"):
        (context,) = [t for t in resolution(text).terms if t.context]
        assert PEDIATRICS in context.codes, text


def test_a_procedure_beside_the_condition_it_treats_ranks_who_does_both_first():
    """'G43.709 chronic migraine botox candidate' ranked dermatologists (cosmetic botox)
    level with neurologists."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["migraine", "botox-injections"])
    paired = ranking.for_the_condition(vocabulary, ranks, ["migraine"], ["botox-injections"])
    fit = ranking.specialty_fit(vocabulary, paired)
    assert fit["2084N0400X"] > fit["207N00000X"]  # neurologist before dermatologist
    # Unrelated needs are left as they were: knee pain and depression.
    both = specialty_ranks(vocabulary, ["depression", "knee-replacement"])
    assert ranking.for_the_condition(vocabulary, both, ["depression"], ["knee-replacement"]) == both


@pytest.mark.parametrize(
    ("condition", "procedure", "performer", "before"),
    [
        # who does the nerve block, though orthopedic surgeons lead the arthritis's map
        ("knee-osteoarthritis", "genicular-nerve-procedures", "208VP0014X", "207X00000X"),
        # and the orthopedic surgeon still leads the replacement he does
        ("knee-osteoarthritis", "knee-replacement", "207X00000X", "208VP0014X"),
    ],
)
def test_beside_its_condition_the_procedures_own_performer_leads(
    condition, procedure, performer, before
):
    """'genicular nerve block knee OA' listed ten orthopedic surgeons: the arthritis's first
    specialists and the procedure's fifth ranked level with the pain doctors who do it."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, [condition, procedure])
    paired = ranking.for_the_condition(vocabulary, ranks, [condition], [procedure])
    fit = ranking.specialty_fit(vocabulary, paired)
    assert fit[performer] > fit[before]


def test_a_specialist_typed_beside_a_condition_ranks_primary_care_last():
    """'heme referral anemia' listed family doctors right after two hematologists: the
    referral leaves primary care, as a diagnosis code does. A generalist typed keeps it."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["anemia"])
    assert _referred(resolution("heme referral anemia"))
    assert not _referred(resolution("anemia"))
    assert not _referred(resolution("pediatrician for ear infection"))
    referred = ranking.specialty_fit(vocabulary, ranks, referral=True)
    assert referred["207Q00000X"] < ranking.specialty_fit(vocabulary, ranks)["207Q00000X"]


def test_primary_care_keeps_first_place_only_if_first_for_every_concept_asked():
    """'arthritis in my hands' (osteoarthritis or rheumatoid arthritis) listed family
    doctors first: they are osteoarthritis's first choice, not rheumatoid arthritis's."""
    vocabulary = default_vocabulary()
    both = ["osteoarthritis", "rheumatoid-arthritis"]
    ranks = ranking.generalists_first_for_all(vocabulary, specialty_ranks(vocabulary, both), both)
    fit = ranking.specialty_fit(vocabulary, ranks)
    assert fit[RHEUM] > fit["207Q00000X"]
    alone = specialty_ranks(vocabulary, ["osteoarthritis"])
    assert ranking.generalists_first_for_all(vocabulary, alone, ["osteoarthritis"]) == alone
    # Primary care first for every one: "high blood pressure and cholesterol" keeps it.
    both = ["hypertension", "high-cholesterol", "chronic-fatigue-syndrome"]
    ranks = specialty_ranks(vocabulary, both)
    assert ranking.generalists_first_for_all(vocabulary, ranks, both) == ranks


def test_a_specialist_for_a_child_named_apart_is_the_childrens_one_first():
    """'dermatologist for my 5 year old': the child is the patient, so the pediatric
    dermatologists lead and the adult ones follow; the child's age already ranked
    adult-only physicians after those who see children."""
    (typed,) = [
        t
        for t in resolution("dermatologist for my 5 year old").terms
        if t.kind == "specialty" and not t.context
    ]
    assert typed.named == ("207NP0225X",) and DERM in typed.codes
    (adult,) = [t for t in resolution("dermatologist").terms]
    assert "207NP0225X" not in adult.codes


@pytest.mark.parametrize("text", ["asthma doctor for kids", "kids asthma doctor"])
def test_a_need_doctor_for_a_child_is_the_childs_need_not_the_adults_specialist(text):
    """'asthma doctor for children' near Chicago listed eight adult pulmonologists (a
    pediatric pulmonologist typed, the adults' right behind) where none for children
    practised: read as the child's asthma, as 'asthma doctor for my kid' is, the children's
    pulmonologists and the pediatrician lead, the adults' follow by the condition map."""
    terms = resolution(text).terms
    assert not [t for t in terms if t.kind == "specialty" and not t.context]
    (patient,) = [t for t in terms if t.context]
    assert patient.codes.index("2080P0214X") < patient.codes.index("208000000X")
    assert "207RP1001X" not in patient.codes


def test_orthopedic_surgeons_treat_the_hands_conditions_after_hand_surgeons():
    """'hands go numb at night' (carpal tunnel) near Stamford listed 7 physicians, 5 of
    them 24 miles off: orthopedic surgeons, who treat the hand, were not in its map."""
    vocabulary = default_vocabulary()
    for concept in ("carpal-tunnel-syndrome", "trigger-finger", "dupuytrens-contracture"):
        ranks = specialty_ranks(vocabulary, [concept])
        assert ranks[HAND] < ranks[ORTHO], concept


def _best_boosts(text: str) -> dict[str, float]:
    """NUCC code -> the most any one clause of the search gives a physician of it."""
    from app.search.matching import _concept_clauses

    found: dict[str, float] = {}
    read = replace(resolution(text), patient_age=interpret(text).patient_age)
    for clause in _concept_clauses(read, SearchParams(q=text)):
        queries = clause["bool"]["should"] if "bool" in clause else [clause]
        for query in queries:
            for code, boost in boosts(query).items() if "dis_max" in query else ():
                found[code] = found.get(code, 0.0) + boost
    return found


def test_beside_a_childs_condition_the_pediatrician_stands_where_primary_care_does():
    """'my 15 yo has really bad acne' listed eight pediatricians above the dermatologists:
    the child's pediatrician was boosted level with the condition's first specialist."""
    acne = _best_boosts("my 15 yo has really bad acne on his face and back")
    assert acne[DERM] > acne[PEDIATRICS] > 0
    # Where the map places pediatricians too, that place once, not twice ('my 15 yo has
    # eczema' had the pediatrician above the dermatologist, 12.2 against 10).
    eczema = _best_boosts("my 15 yo has eczema")
    assert eczema[DERM] > eczema[PEDIATRICS] > 0
    # A younger child is seen by the pediatrician first ('baby spits up alot': reflux).
    reflux = _best_boosts("baby spits up alot and cries after feeding")
    assert reflux[PEDIATRICS] >= reflux["207RG0100X"]
    # Where the map lists pediatricians themselves, a young child's search keeps them first.
    eczema = _best_boosts("toddler eczema")
    assert eczema[PEDIATRICS] > eczema[DERM]


def test_a_specialist_typed_for_a_young_child_leads_the_pediatrician_who_refers():
    """'nocturnal enuresis 8yo M urology referral' listed ten pediatricians and said 'No
    urologists found': the adults' urologists (after the children's) tied the child's
    pediatrician. The pediatrician now keeps a generalist's share beside a specialist typed."""
    found: dict[str, float] = {}
    text = "nocturnal enuresis 8yo M urology referral"
    for clause in _specialty_clauses(resolution(text), beside=True):
        for code, boost in boosts(clause).items():
            found[code] = max(found.get(code, 0.0), boost)
    assert found["208800000X"] > found["208000000X"] + max(ranking.FIT_BY_RANK)
    pediatrician = _specialty_clauses(resolution("bedwetting 8yo pediatrician"), beside=True)
    assert max(boosts(pediatrician[0]).values()) == 2 * ranking.SPECIALTY_PRIMARY


@pytest.mark.parametrize(
    ("condition", "procedure", "provider", "physician"),
    [
        ("constipation", "pelvic-floor-therapy", "225100000X", "207RG0100X"),
        ("falls-and-balance", "physical-therapy", "225100000X", "207QG0300X"),
    ],
)
def test_a_therapy_named_leads_with_its_providers(condition, procedure, provider, physician):
    """'pelvic floor physical therapy for constipation' listed ten gastroenterologists: the
    therapists asked for by name tied with the condition's first physicians."""
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, [condition, procedure])
    ranks = ranking.for_the_condition(vocabulary, ranks, [condition], [procedure])
    providers = ranking.procedure_providers(vocabulary, [procedure])
    ranks = ranking.providers_asked_first(vocabulary, ranks, providers)
    fit = ranking.specialty_fit(vocabulary, ranks, providers)
    assert fit[provider] > fit[physician]


def test_a_physicians_procedure_changes_nothing():
    vocabulary = default_vocabulary()
    ranks = specialty_ranks(vocabulary, ["knee-osteoarthritis", "knee-replacement"])
    providers = ranking.procedure_providers(vocabulary, ["knee-replacement"])
    assert ranking.providers_asked_first(vocabulary, ranks, providers) == ranks
