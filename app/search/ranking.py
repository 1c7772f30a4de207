"""Clinical fit: how well a physician's specialties fit what the search understood (pure).

The condition map ranks, for every condition and procedure, the specialties that treat
it. A physician scores by the best place any of their specialties holds in that list,
so for "sciatica" a physiatrist or pain specialist outranks a physical therapist who
lists sciatica too; a claim on the profile only adds a little on top of the fit.
Distance and profile completeness break ties; page 1 is then spread across the
specialties that fit (``diversify``) rather than showing ten of one kind.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TypeVar

from directory.vocabulary import GENERALISTS, PEDIATRICS, PRIMARY_CARE, Vocabulary

# Score by place in the condition map's ranked list: each step down costs ~15%, so a
# better-fitting specialty still wins when it is somewhat farther away (see DISTANCE_SHARE).
FIT_BY_RANK = (10.0, 8.5, 7.2, 6.1, 5.2, 4.4, 3.7, 3.1)
FIT_FLOOR = 2.6  # ranked past the eighth place: a weak but real hint
# Physicians (MD/DO) before other clinicians for a condition; a patient who wants a
# physical therapist or chiropractor chooses them with the clinician-type facet.
NON_PHYSICIAN_FACTOR = 0.6
# Primary care listed after a specialist in the condition map: the specialist is the
# referral, the generalist a fallback (0.7 puts rank 1 below rank 3). Where primary care
# is the map's first choice (flu, high blood pressure) it keeps its place, except for a
# diagnosis code ("E03.9"): a code is what a referral carries, and referrals leave
# primary care for a specialist.
GENERALIST_FACTOR = 0.7
# The words say the usual care has not worked ("even on 3 meds", "nothing helps",
# directory/understanding/specialist.py): primary care after every specialist listed, and
# (4.0 at best) below a second-ranked specialist repeated on page 1 (7.2 x REPEAT_FLOOR).
TRIED_FACTOR = 0.4
# A young child's need: physicians trained for adults (an internist, a gastroenterologist, an
# adult neurologist; Specialty.sees_only_adults) count half, after the pediatrician, whose
# place beside a child's need is a full 10 ("toddler constipated for weeks" had listed ten
# gastroenterologists where none for children practised), and after the family doctor.
ADULTS_ONLY_FACTOR = 0.5
# A secondary specialty is real training but not the physician's main practice.
SECONDARY_FACTOR = 0.85
# What a physician says they treat confirms the fit; it never makes a poor fit good.
CLAIM_BONUS = 1.0
# The user typed a specialty ("spine surgeon"): primary beats secondary.
SPECIALTY_PRIMARY = 10.0
SPECIALTY_SECONDARY = 8.5
# A related code of the one named ("pain doctor" → physiatrists; "geriatrician" → family
# medicine's geriatricians): a right answer, after the specialty the words name.
SPECIALTY_RELATED = 9.0
# A specialty typed beside a condition or a body part ("hand surgery referral trigger
# finger", "rheum consult joint pain"): the words name who, the rest says what for. Doubled,
# the specialty typed (20) outranks the best fit another specialty has (10, plus a claim),
# so its physicians lead, then the others in the condition map's order.
SPECIALTY_BESIDE_CONCEPT = 2.0
# ... and its broader specialty (the hand surgeon's orthopedic surgeons, the pediatric ENT's
# ENTs) gains this on top of its fit: after everyone of the specialty typed, even as a
# secondary specialty (17), before the rest (a fit of 10 at most, plus a claim).
BROADER_BEHIND = 9.0
# With a location, distance can take at most this share of the score away (at the radius'
# edge and beyond), so it orders physicians of similar fit but never buries the right one.
DISTANCE_SHARE = 0.3
# Diversity on page 1: each further physician of a specialty already shown counts this much less.
REPEAT_FACTOR = 0.72
# ... but never below this share: a specialty the condition map ranks far down (a
# neurosurgeon for seizures) must not leapfrog the best-fitting ones just to be different.
REPEAT_FLOOR = 0.6


def fit_score(rank: int, is_physician: bool) -> float:
    score = FIT_BY_RANK[rank] if rank < len(FIT_BY_RANK) else FIT_FLOOR
    return round(score if is_physician else score * NON_PHYSICIAN_FACTOR, 2)


def _constant(field: str, codes: Sequence[str], boost: float) -> dict:
    return {"constant_score": {"filter": {"terms": {field: sorted(codes)}}, "boost": boost}}


def _tiered(scores: Mapping[str, float]) -> list[dict]:
    """One clause per (score, field): codes scoring the same share one terms filter."""
    by_score: dict[float, list[str]] = defaultdict(list)
    for code, score in scores.items():
        by_score[score].append(code)
    clauses = []
    for score in sorted(by_score, reverse=True):
        clauses.append(_constant("primary_specialty", by_score[score], score))
        clauses.append(
            _constant("specialty_codes", by_score[score], round(score * SECONDARY_FACTOR, 2))
        )
    return clauses


def without_womens_care(vocabulary: Vocabulary, fit: dict[str, float]) -> dict[str, float]:
    """``fit`` without the specialties that see only women, unless nothing else is left."""
    return _without(fit, set(seeing_only_women(vocabulary, fit)))


def without_childrens_care(vocabulary: Vocabulary, fit: dict[str, float]) -> dict[str, float]:
    """``fit`` without the pediatrician and the children's specialists, unless nothing else
    is left: a grown patient's need ("im 34 and think i have aspergers")."""
    return _without(fit, vocabulary.childrens_codes | {PEDIATRICS})


def _without(fit: dict[str, float], codes: Collection[str]) -> dict[str, float]:
    """``fit`` without ``codes``, unless nothing else is left."""
    kept = {code: score for code, score in fit.items() if code not in codes}
    return kept or fit


def seeing_only_women(vocabulary: Vocabulary, codes: Iterable[str]) -> list[str]:
    """The specialties among ``codes`` that see only women (``sees_only_women``)."""
    specialties = vocabulary.specialties
    return [c for c in codes if c in specialties and specialties[c].sees_only_women]


def specialty_fit(
    vocabulary: Vocabulary,
    ranks: Mapping[str, int],
    providers: frozenset[str] = frozenset(),
    referral: bool = False,
    tried: bool = False,
    child: bool = False,
    young_child: bool = False,
    under_teen: bool = False,
) -> dict[str, float]:
    """NUCC code → fit score, from its place in the condition map.

    ``providers`` are the specialties that deliver a procedure asked for by name (physical
    therapy, chiropractic manipulation, acupuncture): for those the clinician *is* the fit,
    so they are not ranked down as non-physicians. ``referral``: the search was a diagnosis
    code or names a specialist, so primary care (the pediatrician too) ranks below the
    specialists even where the map lists it first;
    ``tried``: the words say primary care has tried, so it ranks below all of them; the
    pediatrician too, unless the patient is a ``child`` ("pink eye 2 weeks, not going away"
    had listed ten pediatricians for an adult); ``young_child``: physicians trained for
    adults rank after those who see children (ADULTS_ONLY_FACTOR), and for a child
    ``under_teen`` those trained for adults and teenagers too (a general psychiatrist:
    "F84.0 autism screen failed MCHAT 2yo" had listed ten).
    """
    tried_care = GENERALISTS if child else PRIMARY_CARE
    fit = {}
    for code, rank in ranks.items():
        physician = code in vocabulary.specialties and _physician(vocabulary, code)
        # The map's first answer is the fit even when not a physician: the podiatrist
        # for an ingrown toenail, the dentist for a toothache, the audiologist for hearing.
        score = fit_score(rank, code in providers or physician or rank == 0)
        if tried and code in tried_care:
            score = round(score * TRIED_FACTOR, 2)
        elif (rank > 0 and code in GENERALISTS) or (referral and code in PRIMARY_CARE):
            # A referral leaves the pediatrician too: "peds GI referral, FTT" is for the
            # gastroenterologists who see children, not the pediatrician who referred.
            score = round(score * GENERALIST_FACTOR, 2)
        if young_child and physician and _adults_first(vocabulary, code, under_teen):
            score = round(score * ADULTS_ONLY_FACTOR, 2)
        fit[code] = score
    return fit


# No child said: a children's specialist the condition map lists after an adults' one (the
# pediatric surgeon after the general surgeon for a gallbladder) counts this much, below the
# map's next adults' specialists ("laparoscopic cholecystectomy" had a pediatric surgeon
# third). A child's need, whose map leads with children's care, keeps its order.
CHILDRENS_AFTER = 0.7


def childrens_care_after(
    vocabulary: Vocabulary, ranks: Mapping[str, int], fit: dict[str, float]
) -> dict[str, float]:
    """``fit`` with the children's specialists after the adults' (CHILDRENS_AFTER), where
    the map's first choice is an adults' specialty; the pediatrician keeps its own rule."""
    childrens = vocabulary.childrens_codes - {PEDIATRICS}
    if any(rank == 0 and code in childrens | {PEDIATRICS} for code, rank in ranks.items()):
        return fit
    return {c: round(s * CHILDRENS_AFTER, 2) if c in childrens else s for c, s in fit.items()}


def _adults_first(vocabulary: Vocabulary, code: str, under_teen: bool) -> bool:
    specialty = vocabulary.specialties[code]
    return specialty.sees_no_young_children if under_teen else specialty.sees_only_adults


def pediatrician_for_a_child(ranks: Mapping[str, int]) -> dict[str, int]:
    """A child's pediatrician stands where the condition map puts primary care: "ear
    infection" lists the family doctor first for everyone's ears, and a 4-year-old's goes
    to the pediatrician. Where the map puts primary care first and names no pediatrician
    ("pediatric uti", "pediatric long covid" had listed ten family doctors), the
    pediatrician joins it there: what a family doctor sees first in a child, a pediatrician
    does. Behind a specialist (a teenager's acne, POTS) the map is left as it is."""
    general = [r for code, r in ranks.items() if code in PRIMARY_CARE]
    if not general or (PEDIATRICS not in ranks and min(general) > 0):
        return dict(ranks)
    return {**ranks, PEDIATRICS: min(general)}


# A procedure named beside a condition it treats ("botox for chronic migraine", "PE tubes
# for recurrent ear infections") is asked for that condition: the specialties both list
# come first, the others this many places further down their lists.
PAIRED_BEHIND = 3


def for_the_condition(
    vocabulary: Vocabulary,
    ranks: Mapping[str, int],
    conditions: Sequence[str],
    procedures: Sequence[str],
) -> dict[str, int]:
    """``ranks`` with the specialties that both a procedure and a condition it treats list
    first: neurologists, not dermatologists, give botox for migraine. Among those, a place
    in the procedure's list counts one ahead of the same place in the condition's, as the
    procedure says who does it: "genicular nerve block knee OA" is the pain doctors'
    procedure, though the orthopedic surgeons lead the arthritis's map. An operation's own
    surgeon leads even where the condition's map lists medicine alone: "bariatric surgery
    for obesity" is the general surgeon's, though obesity's map is the obesity doctors'."""
    shared: dict[str, int] = {}
    for procedure_id in procedures:
        procedure = vocabulary.concepts.get(procedure_id)
        for condition_id in conditions:
            condition = vocabulary.concepts.get(condition_id)
            if procedure is None or condition is None:
                continue
            if condition_id in procedure.related or procedure_id in condition.related:
                treating = {s.code: at for at, s in enumerate(condition.specialties)}
                for at, s in enumerate(procedure.specialties):
                    if s.code in treating:
                        rank = min(at, treating[s.code] + 1)
                        shared[s.code] = min(rank, shared.get(s.code, rank))
                operates = procedure.specialties and _surgical(
                    vocabulary, [procedure.specialties[0].code]
                )
                if operates:  # "bariatric surgery for obesity": its surgeon, not its medicine
                    shared[procedure.specialties[0].code] = 0
    if not shared:
        return dict(ranks)
    return {code: shared.get(code, r + PAIRED_BEHIND) for code, r in ranks.items()}


# Three or more needs said together are most often one problem described by its signs
# ("always tired, gaining weight, always cold, my hair is falling out": the thyroid). A
# specialty that treats fewer of them than the one that treats most ranks this many places
# further down for each it does not treat.
CLUSTER_NEEDS = 3
CLUSTER_BEHIND = 3


def for_every_need(
    vocabulary: Vocabulary, ranks: Mapping[str, int], needs: Sequence[Sequence[str]]
) -> dict[str, int]:
    """``ranks`` with the specialties that treat most of three or more conditions said
    together first: the endocrinologist who treats weight gain, feeling cold and thinning
    hair before the dermatologist who treats only the hair. ``needs``: the condition ids of
    each thing said ("diabetic" is one need, read as type 1 or type 2)."""
    concepts = vocabulary.concepts
    treated = [
        {s.code for i in ids if i in concepts for s in concepts[i].specialties} for ids in needs
    ]
    treated = [codes for codes in treated if codes]
    if len(treated) < CLUSTER_NEEDS:
        return dict(ranks)
    covers = {code: sum(code in codes for codes in treated) for code in ranks}
    most = max(covers.values(), default=0)
    return {code: r + (most - covers[code]) * CLUSTER_BEHIND for code, r in ranks.items()}


# Asked who operates, the condition's non-surgeons rank this many places further down.
SURGERY_BEHIND = 3
# A surgeon declined, a body part's surgeons keep this share of a specialist's weight: after
# its other specialists, still found.
SURGEONS_DECLINED = 0.5


def surgeons_first(
    vocabulary: Vocabulary, ranks: Mapping[str, int], concept_ids: Sequence[str] = ()
) -> dict[str, int]:
    """``ranks`` with the surgeons the condition map lists first ("carpal tunnel, who does
    the surgery": hand surgeons before neurologists); unchanged when it lists none. A board
    that operates among other care (ENT, eye, urology, OB/GYN) counts where the map says it
    operates for the concept asked ("snoring surgery": ENT, "Surgical options for the
    airway", before sleep doctors)."""
    surgical = _surgical(vocabulary, ranks) | _operating_for(vocabulary, concept_ids)
    if not surgical:
        return dict(ranks)
    # The map's surgeons close ranks at the top, in its order: "breast cancer surgeon" near
    # Boston, where no surgical oncologist practises, is the general surgeons the map lists
    # last, not the medical oncologists it lists second.
    places = sorted({r for c, r in ranks.items() if c in surgical})
    return {c: places.index(r) if c in surgical else r + SURGERY_BEHIND for c, r in ranks.items()}


def surgeons_behind(
    vocabulary: Vocabulary, ranks: Mapping[str, int], last: bool = False
) -> dict[str, int]:
    """``ranks`` with the condition's surgeons further down when the words decline surgery:
    ``last``, a surgeon declined ("spinal stenosis, NOT looking for a surgeon": pain
    specialists, physiatrists and neurologists, then spine surgeons), after every other
    specialty the map lists; else (the operation declined, "knee arthritis, want to avoid
    surgery") right after the first who does not operate, as orthopedic surgeons treat
    without operating too. Unchanged when the map lists only surgeons."""
    surgical = _surgical(vocabulary, ranks)
    if not surgical or surgical == set(ranks):
        return dict(ranks)
    if last:
        behind = max(ranks.values()) + 1
        return {c: r + behind if c in surgical else r for c, r in ranks.items()}
    first = min(r for c, r in ranks.items() if c not in surgical)
    return {c: max(r, first + 1) if c in surgical else r for c, r in ranks.items()}


def providers_last(ranks: Mapping[str, int], declined: Sequence[str]) -> dict[str, int]:
    """``ranks`` with who gives care the words decline after every other specialty the map
    lists ("sciatica, no more injections please": the physiatrists and spine surgeons, then
    the pain doctors who inject). Unchanged when they are all the map lists."""
    out = set(declined) & set(ranks)
    if not out or out == set(ranks):
        return dict(ranks)
    behind = max(ranks.values()) + 1
    return {c: r + behind if c in out else r for c, r in ranks.items()}


def without_surgeons(vocabulary: Vocabulary, codes: Sequence[str]) -> list[str]:
    """``codes`` without the surgical specialties, unless nothing else is left: a body
    part's specialists when surgery is declined ("knee pain, no surgeon please")."""
    surgical = _surgical(vocabulary, codes)
    return [c for c in codes if c not in surgical] or list(codes)


# Boards that operate among other care: ENT, eye, urology, OB/GYN (NUCC code prefixes).
OPERATING_BOARDS = ("207Y", "207W", "2088", "207V")
_OPERATES = re.compile(r"\b(?:surg\w*|operat\w*)", re.IGNORECASE)
# "Non-surgical care", "before and after surgery", "refer for surgery": no operation of theirs
_NOT_OPERATING = re.compile(
    r"non-?surgical|without surgery|(?:before|after|refer for) (?:\w+ )*surgery", re.IGNORECASE
)


def _operating_for(vocabulary: Vocabulary, concept_ids: Sequence[str]) -> set[str]:
    """The boards that operate among other care that the map says operate for these
    concepts, by the reason it gives ("Surgical options for the airway")."""
    found = (vocabulary.concepts.get(i) for i in concept_ids)
    return {
        s.code
        for c in found
        if c is not None
        for s in c.specialties
        if s.code.startswith(OPERATING_BOARDS)
        and _OPERATES.search(s.reason)
        and not _NOT_OPERATING.search(s.reason)
    }


def _surgical(vocabulary: Vocabulary, codes) -> set[str]:
    specialties = vocabulary.specialties
    return {c for c in codes if c in specialties and specialties[c].is_surgical}


def generalists_first_for_all(
    vocabulary: Vocabulary, ranks: Mapping[str, int], concept_ids: Sequence[str]
) -> dict[str, int]:
    """``ranks`` where primary care keeps the map's first place only if it is first for every
    concept asked: "arthritis in my hands" (osteoarthritis, a family doctor's first, or
    rheumatoid arthritis, a rheumatologist's) listed family doctors before rheumatologists."""
    found = (vocabulary.concepts.get(i) for i in concept_ids)
    firsts = {c.specialties[0].code for c in found if c is not None and c.specialties}
    if not firsts - GENERALISTS:  # primary care first for all ("flu", "high blood pressure")
        return dict(ranks)
    return {code: 1 if r == 0 and code in GENERALISTS else r for code, r in ranks.items()}


def procedure_providers(vocabulary: Vocabulary, procedures: Sequence[str]) -> frozenset[str]:
    """The first-ranked specialty of each procedure: who performs it."""
    firsts = (vocabulary.concepts.get(p) for p in procedures)
    return frozenset(c.specialties[0].code for c in firsts if c is not None and c.specialties)


def providers_asked_first(
    vocabulary: Vocabulary, ranks: Mapping[str, int], providers: frozenset[str]
) -> dict[str, int]:
    """A therapy named whose providers are no physicians ("pelvic floor physical therapy for
    constipation", "fall prevention physical therapy"): they were asked for by name and
    lead; the physicians who treat the condition follow one place down. Gastroenterologists
    and geriatricians had come first, level with the therapists."""
    asked = {c for c in providers if c in vocabulary.specialties and not _physician(vocabulary, c)}
    if not asked:
        return dict(ranks)
    return {code: 0 if code in asked else r + 1 for code, r in ranks.items()}


def _physician(vocabulary: Vocabulary, code: str) -> bool:
    return vocabulary.specialties[code].is_physician


def concept_query(
    fit: Mapping[str, float], conditions: Sequence[str], procedures: Sequence[str]
) -> dict:
    """Best fit among the physician's specialties, plus a small bonus for each kind of claim."""
    should: list[dict] = []
    if fit:
        should.append({"dis_max": {"queries": _tiered(fit)}})
    if conditions:
        should.append(_constant("conditions_claimed", conditions, CLAIM_BONUS))
    if procedures:
        should.append(_constant("procedures_claimed", procedures, CLAIM_BONUS))
    return {"bool": {"should": should, "minimum_should_match": 1}}


def specialty_query(
    codes: Sequence[str], named: Sequence[str] | None = None, weight: float = 1.0
) -> dict:
    """The user asked for a specialty: physicians whose main practice it is come first, the
    specialty named before its related codes (``named`` None: all codes are named).
    ``weight`` scales every boost (SPECIALTY_BESIDE_CONCEPT beside a condition)."""
    related = [c for c in codes if named is not None and c not in named]
    primary = [c for c in codes if c not in related]
    queries = [_constant("primary_specialty", primary, round(SPECIALTY_PRIMARY * weight, 2))]
    if related:
        boost = round(SPECIALTY_RELATED * weight, 2)
        queries.append(_constant("primary_specialty", related, boost))
    queries.append(_constant("specialty_codes", codes, round(SPECIALTY_SECONDARY * weight, 2)))
    return {"dis_max": {"queries": queries}}


def broader_query(codes: Sequence[str]) -> dict:
    """The broader specialty right behind one typed beside a condition."""
    return _constant("primary_specialty", codes, BROADER_BEHIND)


def broader_behind(vocabulary: Vocabulary, named: Sequence[str]) -> list[str]:
    """The broader specialties that follow a specialty typed beside a condition: its adult
    counterpart or parent board (hand surgeon -> orthopedic surgeons), never primary care or
    pediatrics, which the condition map ranks in their own place."""
    specialties = vocabulary.specialties
    found = (
        b
        for code in named
        for b in vocabulary.broader_specialties(code)
        # a board of the same profession: not the orthopedic surgeons a podiatrist's search
        # turns to where no podiatrist practises ("diabetic foot doctor callus")
        if code in specialties and b in specialties
        and specialties[b].grouping == specialties[code].grouping
        # and behind a surgeon a surgeon: general surgeons, not the gastroenterologists a
        # colorectal surgeon's search turns to where no surgeon practises
        and specialties[b].is_surgical == specialties[code].is_surgical
    )  # fmt: skip
    return [c for c in dict.fromkeys(found) if c not in PRIMARY_CARE]


def distance_weighted(query: dict, origin: tuple[float, float], radius_miles: int) -> dict:
    """Multiply by (1 - DISTANCE_SHARE) + DISTANCE_SHARE × decay: nearer is better, a bit."""
    lat, lon = origin
    return {
        "function_score": {
            "query": query,
            "functions": [
                {
                    "gauss": {
                        "location_points": {
                            "origin": {"lat": lat, "lon": lon},
                            "offset": "2mi",
                            "scale": f"{max(radius_miles / 2, 5):g}mi",
                            "decay": 0.5,
                        },
                        "multi_value_mode": "min",
                    },
                    "weight": DISTANCE_SHARE,
                },
                {"weight": round(1 - DISTANCE_SHARE, 2)},
            ],
            "score_mode": "sum",
            "boost_mode": "multiply",
        }
    }


T = TypeVar("T")


def diversify(items: Sequence[T], score: Callable[[T], float], kind: Callable[[T], str]) -> list[T]:
    """Reorder so each further item of a kind already placed counts REPEAT_FACTOR less
    (down to REPEAT_FLOOR of its score).

    Greedy and stable: equal adjusted scores keep Elasticsearch's order. A permutation of
    ``items``, so pages cut from the reordered window never repeat or lose anyone.
    """
    # Within a kind every item shares one factor, so the kind's best item is its highest
    # score (the earlier on ties): each step compares only the head of each kind's heap,
    # not every remaining item (a page has a few kinds and 40 items).
    queues: dict[str, list[tuple[float, int]]] = {}
    for index, item in enumerate(items):
        queues.setdefault(kind(item), []).append((-score(item), index))
    for queue in queues.values():
        heapq.heapify(queue)
    placed = dict.fromkeys(queues, 0)
    ordered: list[T] = []
    while queues:
        best_kind, best_key = "", None
        for what, queue in queues.items():
            negative, index = queue[0]
            key = (-negative * max(REPEAT_FACTOR ** placed[what], REPEAT_FLOOR), -index)
            if best_key is None or key > best_key:
                best_kind, best_key = what, key
        queue = queues[best_kind]
        ordered.append(items[heapq.heappop(queue)[1]])
        placed[best_kind] += 1
        if not queue:
            del queues[best_kind]
    return ordered
