"""What a physician must match for the text typed: an identifier, the concepts and names
understood, or (nothing understood) free text. Pure; ``app.search.query`` builds the rest of
the search around it (filters, place, order, facets).
"""

from __future__ import annotations

from app.search import ranking
from app.search.params import Resolution, SearchParams
from app.search.physician_names import (
    exact_name_clause,
    hint_clause,
    identifier_clauses,
    name_clauses,
    practice_clause,
    prefix_clause,
)
from directory.condition_map import specialty_ranks
from directory.text import compact_icd10
from directory.understanding.model import ADULT, TEEN, says_an_age
from directory.vocabulary import PEDIATRICS, PRIMARY_CARE, default_vocabulary

# Below this age (a "baby" or "toddler" is read as 1), the pediatrician before the specialists.
INFANCY = 2
PRESCHOOL = 6  # a child this young is taken to the pediatrician first, whatever hurts
# A child's pediatrician placed where the map puts primary care: this much (x10) above the
# family doctor of the same place, still below the specialist the map ranks first.
PEDIATRICIAN_FIRST = 0.2

# --- How physicians rank for what was understood: see app/search/ranking.py -------------
# Free text over condition/specialty names and bios, only when nothing was resolved.
TEXT_FALLBACK = 1.0
TEXT_FIELDS = ("condition_names^2", "procedure_names^2", "specialty_names^2", "bio")


def _concept_clauses(resolution: Resolution, params: SearchParams) -> list[dict]:
    conditions = resolution.ids("condition") + ([params.condition] if params.condition else [])
    procedures = resolution.ids("procedure") + ([params.procedure] if params.procedure else [])
    specialties = resolution.specialty_codes()
    vocabulary = default_vocabulary()
    clauses: list[dict] = []
    adults_after = _adults_after(resolution)
    typed = _typed(resolution).specialty_codes()
    if conditions or procedures:
        ranks = specialty_ranks(vocabulary, conditions + procedures)
        ranks = ranking.for_the_condition(vocabulary, ranks, conditions, procedures)
        ranks = ranking.generalists_first_for_all(vocabulary, ranks, conditions + procedures)
        # Asked who operates, or a surgeon typed ("colorectal surgery consult" beside
        # diverticulitis, where no colorectal surgeon is near): the map's surgeons first.
        typed_a_surgeon = any(
            code in vocabulary.specialties and vocabulary.specialties[code].is_surgical
            for code in typed
        )
        if resolution.surgeons_first or typed_a_surgeon:
            ranks = ranking.surgeons_first(vocabulary, ranks, conditions + procedures)
        elif resolution.surgery_declined:
            last = resolution.surgery_declined == "surgeon"
            ranks = ranking.surgeons_behind(vocabulary, ranks, last)
        if resolution.declined_providers:  # "no more injections please"
            ranks = ranking.providers_last(ranks, resolution.declined_providers)
        providers = ranking.procedure_providers(vocabulary, procedures)
        ranks = ranking.providers_asked_first(vocabulary, ranks, providers)
        referral = _referred(resolution)
        if told_as_one_problem(resolution):
            ranks = ranking.for_every_need(vocabulary, ranks, resolution.needs_said)
        # Referred to a child's specialist, the adults' generalists come after the
        # pediatrician ("lung doctor for kids": pulmonologists, pediatricians, then family).
        child = _for_a_child(resolution)
        if child:
            ranks = ranking.pediatrician_for_a_child(ranks)
        tried = resolution.specialists_first or (referral and child)
        # a child's need: physicians trained for adults only after those who see children,
        # unless one was typed ("neurologist for my 16 year old daughters migraines")
        young = adults_after and not vocabulary.seeing_only_adults(typed)
        under_teen = young and _young(resolution)
        fit = ranking.specialty_fit(
            vocabulary, ranks, providers, referral, tried, child, young, under_teen
        )
        if resolution.a_man:  # "my son ... his acne": not the map's gynecologists
            fit = ranking.without_womens_care(vocabulary, fit)
        if resolution.an_adult:  # "adult autism evaluation": not the map's pediatricians
            fit = ranking.without_childrens_care(vocabulary, fit)
        elif not child and resolution.patient_age is None:  # no child said
            fit = ranking.childrens_care_after(vocabulary, ranks, fit)
        clauses.append(ranking.concept_query(fit, conditions, procedures))
    else:
        fit = {}
    if specialties:
        clauses += _specialty_clauses(resolution, bool(conditions or procedures), fit, adults_after)
    return clauses


def told_as_one_problem(resolution: Resolution) -> bool:
    """A patient's three or more conditions said together: one problem told by its signs
    (ranking.for_every_need); a referral's problem list is not one."""
    needs = len(resolution.needs_said) >= ranking.CLUSTER_NEEDS
    return needs and not _referred(resolution)


def _referred(resolution: Resolution) -> bool:
    """The search leaves primary care for a specialist: a diagnosis code ("E03.9"), what a
    referral carries, or a specialist typed beside the condition ("heme referral anemia":
    after the hematologists, medical oncologists before family doctors). A Z code is an
    encounter, a screening or a status ("Z00.00" a yearly physical, "Z13.220" a lipid
    screening): primary care's as much as anyone's."""
    coded = any(t.how == "code" for t in resolution.terms if t.kind != "specialty")
    if coded and any(_a_diagnosis(word) for word in resolution.text.split()):
        return True
    typed = (t for t in resolution.terms if t.kind == "specialty" and not t.context)
    return any(not {*(t.codes or (t.id,))} & PRIMARY_CARE for t in typed)


def _a_diagnosis(word: str) -> bool:
    code = compact_icd10(word.strip(",.;:()"))
    return code is not None and not code.startswith("Z")


def _for_a_child(resolution: Resolution) -> bool:
    """The patient is a child: an age under 18 was typed, or a children's specialist."""
    if resolution.patient_age is not None and resolution.patient_age < ADULT:
        return True
    return bool(set(resolution.specialty_codes()) & default_vocabulary().childrens_codes)


def _specialty_clauses(
    resolution: Resolution,
    beside: bool,
    fit: dict[str, float] | None = None,
    adults_after: bool | None = None,
) -> list[dict]:
    """The specialty typed; beside a condition or a body part ("rheum consult joint pain")
    it leads, its broader specialty right behind, the body part's specialists after.
    ``fit``: the condition map's fit of each specialty, when a condition was asked;
    ``adults_after``: the patient is a child (`_adults_after`)."""
    typed = _typed(resolution)
    if adults_after is None:
        adults_after = _adults_after(resolution)
    context = [c for t in resolution.terms if t.context for c in t.codes]
    surgeon_declined = resolution.surgery_declined == "surgeon"
    if surgeon_declined:  # "ortho consult for knee pain, not a surgeon": not the surgeons
        context = ranking.without_surgeons(default_vocabulary(), context)
    asked = typed.specialty_codes()
    # nor when only physicians trained for adults were read for a child ("my 8 year old
    # keeps getting headaches": the neurologists) or lead the need's map ("gerd in kids
    # specialist": the gastroenterologists), whom the pediatrician stands in for
    needs = resolution.ids("condition") + resolution.ids("procedure")
    led_by_adults = adults_after and default_vocabulary().led_by_adults_physicians(needs)
    for_adults = adults_after and (
        asked == default_vocabulary().seeing_only_adults(asked) if asked else led_by_adults
    )
    if resolution.specialists_first and (beside or asked) and not for_adults:
        # "my 15 year old ... cutting herself": not her pediatrician; but with nothing else
        # read ("mi hijo ... ya tried everything") the pediatrician is all that was asked
        context = [c for c in context if c not in PRIMARY_CARE]
    codes, named = asked, typed.named_specialty_codes()
    said = [t for t in typed.terms if t.kind == "specialty"]
    by_body = bool(said) and all(t.by_body for t in said)  # "toddler has had diarrhea"
    if by_body and context and (resolution.a_man or _young(resolution)):
        # a boy's or a young child's breasts: not the gynecologists the body part lists for
        # women ("my son is 14 and is developing breasts"), the child's pediatrician instead
        women = ranking.seeing_only_women(default_vocabulary(), codes)
        codes = [c for c in codes if c not in women]
        named = [c for c in named if c in codes]
    if not codes:  # only a body part's specialists, or the patient's: what was asked
        if resolution.surgery_declined and context and not fit:
            # "my moms back ... wont do surgery": the back's surgeons after the others
            return _surgeons_after(list(dict.fromkeys(context)), [])
        age = resolution.patient_age
        return _patient_clauses(
            list(dict.fromkeys(context)), fit or {}, age, stands_in=led_by_adults
        )
    if not (beside or context):
        if resolution.surgery_declined:  # "knee pain, no surgeon please"
            return _surgeons_after(codes, named)
        return [ranking.specialty_query(codes, named)]
    # ... but not behind a specialist named by the condition: its map orders the rest (not
    # the pulmonologists behind the sleep physicians an "insomnia doctor" names, nor the
    # OB/GYNs ahead of the oncologists behind an "ovarian cancer doctor")
    by_need = any(t.by_need for t in typed.terms if t.kind == "specialty")
    behind = (
        [c for c in ranking.broader_behind(default_vocabulary(), named) if c not in codes]
        if not (fit and by_need)
        else []
    )
    # "pediatric endocrinologist type 1 diabetes", "peds GI referral abd pain 9yo" where none
    # practises: the child's pediatrician, then the adults' specialists (the map's fit
    # counts them half)
    adults = default_vocabulary().seeing_only_adults(behind) if adults_after else []
    if adults:
        behind = [PEDIATRICS, *(c for c in behind if c not in adults)]
    weight = ranking.SPECIALTY_BESIDE_CONCEPT
    clauses = _body_part_clauses(codes, named, weight, resolution.patient_age) if by_body else []
    clauses = clauses or [ranking.specialty_query(codes, named, weight)]
    if behind:
        clauses.append(ranking.broader_query(behind))
    if context and by_body and not fit and _young(resolution, PRESCHOOL):
        # "my 4 year old ear hurts", "toddler pulling at ear": nothing but a small child's
        # body part was said, and the pediatrician sees it as soon as the part's specialists
        # do (a school child's knee hurt at soccer is still the orthopedist's first)
        clauses.append(ranking.specialty_query(list(dict.fromkeys(context)), weight=weight))
    elif context:
        # "nocturnal enuresis 8yo M urology referral": the child's pediatrician is who refers,
        # after the urologists typed, as a referral's fit already puts primary care
        referred = not by_body and not set(codes) & PRIMARY_CARE
        clauses += _patient_clauses(
            list(dict.fromkeys(context)), fit or {}, resolution.patient_age, referred
        )
    return clauses


def _young(resolution: Resolution, below: int = TEEN) -> bool:
    return resolution.patient_age is not None and resolution.patient_age < below


def _adults_after(resolution: Resolution) -> bool:
    """The patient is a child, so physicians trained for adults only come after those who
    see children: an age under 18 said ("teen stomach ulcer pain at night", "peds GI
    referral abd pain 9yo": the pediatrician before the adults' gastroenterologists), or a
    children's specialist typed for a child of no age said."""
    if resolution.patient_age is not None:
        return resolution.patient_age < ADULT
    return _a_childs_specialist_typed(resolution)


def _a_childs_specialist_typed(resolution: Resolution) -> bool:
    """A children's specialist typed ("pediatric endocrinologist", "peds GI") and no age
    said; an adult's age the parser leaves aside ("diabetic 18 yr old ... pediatric endo")
    keeps the adults' board."""
    if resolution.patient_age is not None or says_an_age(resolution.text or ""):
        return False
    childrens = default_vocabulary().childrens_codes - {PEDIATRICS}
    return any(c in childrens for c in _typed(resolution).named_specialty_codes())


def _body_part_clauses(
    codes: list[str], named: list[str], weight: float, age: int | None
) -> list[dict]:
    """A body part's or symptom's specialists for a young child: those trained for adults
    (gastroenterologists for "toddler has had diarrhea for a week") after those who see
    children, as the condition map's fit puts them (ranking.ADULTS_ONLY_FACTOR); the
    pediatrician keeps the full weight (no specialist was asked for). Empty otherwise."""
    if age is None or age >= TEEN:
        return []
    adults = default_vocabulary().seeing_only_adults(codes)
    if not adults:
        return []
    rest = [c for c in codes if c not in adults]
    later = ranking.specialty_query(adults, weight=ranking.ADULTS_ONLY_FACTOR)
    return [ranking.specialty_query(rest, named, weight), later] if rest else [later]


def _surgeons_after(codes: list[str], named: list[str]) -> list[dict]:
    """The specialists of a body part, its surgeons after the others when surgery is
    declined ("knee pain, no surgeon please": sports medicine first, then orthopedics)."""
    others = ranking.without_surgeons(default_vocabulary(), codes)
    if len(others) == len(codes):
        return [ranking.specialty_query(codes, named)]
    surgeons = [c for c in codes if c not in others]
    first = ranking.specialty_query(others, [c for c in named if c in others] or None)
    after = ranking.specialty_query(surgeons, weight=ranking.SURGEONS_DECLINED)
    return [{"dis_max": {"queries": [first, after]}}]  # the best of the two, not their sum


def _typed(resolution: Resolution) -> Resolution:
    """What the words ask for, without the context read around it (a body part's or the
    patient's specialists)."""
    return Resolution(resolution.text, tuple(t for t in resolution.terms if not t.context))


def _patient_clauses(
    context: list[str],
    fit: dict[str, float],
    age: int | None = None,
    referred: bool = False,
    stands_in: bool = False,
) -> list[dict]:
    """Who the words say the patient is, beside what was asked. Beside a condition, a
    teenager's pediatrician stands where the condition map puts primary care, not level
    with its first specialists: 'my 15 yo has bad acne' had listed eight pediatricians above
    the dermatologists, who treat it first. A younger child's pediatrician keeps the full
    weight: a baby who spits up or a kid who wheezes is seen by a pediatrician first. The
    children's specialists keep their full weight; beside a specialist typed (``referred``)
    the pediatrician keeps a generalist's share (ranking.GENERALIST_FACTOR). Where the
    first who treat the need are trained for adults only (``stands_in``: "ulcerative
    colitis 15 year old"), a teenager's pediatrician keeps the full weight too."""
    pediatric = [c for c in context if c in PRIMARY_CARE]
    if referred and pediatric:
        others = [c for c in context if c not in pediatric]
        shared = ranking.specialty_query(pediatric, weight=ranking.GENERALIST_FACTOR)
        return [ranking.specialty_query(others), shared] if others else [shared]
    # a baby's need is the pediatrician's first ("baby spitting up", "thrush"), whoever else
    young = age is not None and (
        age < INFANCY or stands_in or (age < TEEN and not _a_childs_specialist_first(fit))
    )
    if not fit or not pediatric or age is None or young:
        return [ranking.specialty_query(context)]
    others = [c for c in context if c not in pediatric]
    clauses = [ranking.specialty_query(others)] if others else []
    place = max((fit[c] for c in PRIMARY_CARE if c in fit), default=0.0)
    unplaced = [c for c in pediatric if c not in fit]  # placed by the map: that place alone
    # a child's pediatrician, a teenager's too, first of the two beside the family doctor
    # of the same place
    first = PEDIATRICIAN_FIRST if age < ADULT else 0.0
    if place and unplaced:
        weight = place / ranking.SPECIALTY_PRIMARY + first
        clauses.append(ranking.specialty_query(unplaced, weight=weight))
    elif first:
        clauses.append(ranking.specialty_query(pediatric, weight=first))
    return clauses


def _a_childs_specialist_first(fit: dict[str, float]) -> bool:
    """The condition map's first answer is a specialist who sees every age ("food allergy
    eval 2yo": the allergist; "my 6 yr old has eczema": the dermatologist), not primary
    care, one trained for adults only ("toddler constipated": the gastroenterologist, whose
    fit a young child's search halves) nor a children's subspecialist the pediatrician
    stands in for ("adhd eval 8yo"): the child's pediatrician then stands where the map
    puts primary care, as a teenager's does."""
    vocabulary = default_vocabulary()
    first = (c for c, score in fit.items() if score >= ranking.FIT_BY_RANK[0])  # the map's first
    return any(
        c in vocabulary.specialties
        and c not in PRIMARY_CARE
        and c not in vocabulary.childrens_codes  # "adhd 8yo": the pediatrician stands in
        and not vocabulary.specialties[c].sees_only_adults
        for c in first
    )


def text_query(params: SearchParams, resolution: Resolution) -> dict:
    """What the physician must match: an identifier; resolved concepts and names; or (nothing
    resolved) free text. A name typed beside a concept means both ("dr smith cardiology":
    cardiologists named Smith, as the heading says); an unplaced word or a practice name
    only orders who fits."""
    lookup = identifier_clauses(params.q)
    if lookup is not None:  # an NPI or phone number: exactly that, or nobody
        return _any(lookup) if lookup else {"match_none": {}}
    concepts = _concept_clauses(resolution, params)
    if resolution.name_text is None:
        return _unparsed(params, resolution, concepts)
    # A capitalised run read as a name may be a practice's or a hospital's ("Lutheran
    # Hospital cardiology"): either kind of name satisfies it.
    names = name_clauses(resolution.name_text)
    names += [c for c in (practice_clause(resolution.name_text),) if c and names]
    required = [_any(concepts), _any(names)] if concepts and names else []
    if not required and (concepts or names):
        required = [_any(concepts or names)]
    # Any one unplaced word may be the name: "evangelista internal medicine trumbull"
    # leaves a surname and a small town unplaced, and only the surname is in a name.
    hint = hint_clause(resolution.name_hint)
    practice = practice_clause(_practice_text(params, resolution)) if hint or names else None
    order = [c for c in (hint, practice) if c]
    if required and resolution.concepts_rank_only:
        # Nobody fits both, but someone has the whole name: them, the concept ordering.
        required, order = [exact_name_clause(resolution.name_text)], [*concepts, *order]
    elif required and resolution.names_rank_only:
        # Nobody has the whole name beside the concept ("dr peck winsted dermatology": a
        # town read into the name): any one of its words still puts that physician first.
        part = hint_clause(resolution.name_text) if hint is None else None
        required, order = [_any(concepts)], [*names, *order, *([part] if part else [])]
    if not required:
        return {"match_all": {}}
    if not order and len(required) == 1:
        return required[0]
    return {"bool": {"must": required, "should": order}}


def names_and_concepts(params: SearchParams, resolution: Resolution) -> bool:
    """Whether the search asks for a name and a concept together (both must match)."""
    return bool(
        resolution.name_text
        and not resolution.names_rank_only
        and not resolution.concepts_rank_only
        and identifier_clauses(params.q) is None
        and _concept_clauses(resolution, params)
        and name_clauses(resolution.name_text)
    )


def _unparsed(params: SearchParams, resolution: Resolution, concepts: list[dict]) -> dict:
    """Text the parser could not read: any of the vocabulary's reading, a name, a practice or
    hospital name ("Hartford Hospital"), or (nothing resolved) the words in the profile."""
    # A place or filter read from the box is no part of a name ("giordano near farmington
    # ct"): the words left unplaced are; a practice's name may hold the town.
    names = resolution.name_hint or params.q
    should = concepts + name_clauses(names)
    practice = practice_clause(_practice_text(params, resolution))
    if practice:
        should.append(practice)
    prefix = None if resolution.understood else prefix_clause(names)
    if prefix:  # "John": Johnsons too, a surname half-read from a fax
        should.append(prefix)
    if params.q and not resolution.understood:
        should.append(
            {
                "multi_match": {
                    "query": params.q,
                    "fields": list(TEXT_FIELDS),
                    "operator": "and",
                    "boost": TEXT_FALLBACK,
                }
            }
        )
    return _any(should) if should else {"match_all": {}}


def _practice_text(params: SearchParams, resolution: Resolution) -> str:
    """The words a practice's name may be: "Mantua Spine Center", not its "phone number"."""
    return resolution.practice_text or params.q


def _any(clauses: list[dict]) -> dict:
    if len(clauses) == 1:
        return clauses[0]
    return {"bool": {"should": clauses, "minimum_should_match": 1}}
