"""What the search box meant, applied to a search: the parser's parts as terms, place, filters.

``directory.understanding`` reads the whole free text in memory (conditions, specialties,
body parts, symptoms, names, a place, filter phrases). This adapter turns that reading
into what the query builders already take: resolved terms, a place and radius when the
form gave none, filter selections the user did not make in the form, and the name text
(only when the text reads as a name, so "acne" never ranks doctors named Anne).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.search.filters import YES_VALUE
from app.search.params import RADIUS_MAX, RADIUS_MIN, ResolvedTerm, SearchParams
from directory.understanding import Interpretation
from directory.understanding.typos import commonest_words, english_counts
from directory.vocabulary import PRIMARY_CARE, Vocabulary

# Parser match → how the API has always named a match.
_HOW = {"exact": "exact", "synonym": "exact", "code": "code", "fuzzy": "fuzzy"}
_YES_FILTERS = ("accepting_new_patients", "telehealth")
_VALUE_FILTERS = ("language", "gender", "insurance", "hospital", "clinician_type")


@dataclass(frozen=True)
class Understood:
    params: SearchParams  # the search with the place and filters typed into the box
    terms: tuple[ResolvedTerm, ...]
    name_text: str  # what to match against physician names ("" = not a name search)
    name_hint: str = ""  # unplaced words, matched exactly against names only


def _terms(interpretation: Interpretation, vocabulary: Vocabulary) -> list[ResolvedTerm]:
    terms: list[ResolvedTerm] = []
    # Anywhere in the text: "burning pain in my hand crps" is CRPS, whose ranked specialties
    # say who treats it; "physical therapy for lower back" is physical therapy. A body part
    # or symptom beside a named condition or procedure only says where: its own concepts
    # and specialties would dilute the fit. Alone ("wrist pain", "headaches"), it means the
    # specialists the lexicon lists for it, not every specialty of every condition it may
    # be (carpal tunnel's neurologists for a sore wrist). Beside a specialty typed, its
    # specialists follow that specialty's ("rheum consult joint pain").
    concepts = any(p.ids for p in interpretation.concepts)
    typed = any(p.kind == "specialty" and not p.is_the_patient for p in interpretation.parts)
    child = any(p.is_the_patient for p in interpretation.parts)
    # "peds GI 4yo FTT": a children's specialist typed already says who the patient is; the
    # age adds no pediatrician ahead of the gastroenterologists who see children.
    childrens = vocabulary.childrens_codes
    for_a_child = any(
        p.kind == "specialty" and not p.is_the_patient and set(p.ids) & childrens
        for p in interpretation.parts
    )
    for part in interpretation.parts:
        if part.is_the_patient and for_a_child:
            continue
        if part.treats is not None:  # "sleep apnea doctor": the condition, then the specialty
            terms += _terms(replace(interpretation, parts=(part.treats,)), vocabulary)
        how = _HOW.get(part.match, "exact")
        by_body = part.kind in ("body_part", "symptom")
        if by_body and concepts:
            continue
        if part.kind in ("condition", "procedure") or (by_body and not part.codes):
            for concept_id in part.ids:
                concept = vocabulary.concepts.get(concept_id)
                if concept:
                    terms.append(ResolvedTerm(concept.kind, concept.id, concept.name, how))
        if part.kind in ("specialty", "body_part", "symptom") and part.codes:
            named = _named(part.ids, vocabulary) if part.kind == "specialty" else part.codes
            # "rheum consult joint pain": rheumatologists first, the joints' specialists after;
            # "allergist for my son": allergists first, pediatricians after.
            context = (by_body and typed) or part.is_the_patient or _with(part, interpretation)
            codes = part.codes
            if part.is_the_patient:  # "depression 15 year old": child psychiatrists too
                codes = _for_the_child(interpretation, vocabulary, codes)
            elif part.kind == "specialty":  # "foot doctor": foot and ankle surgeons after
                codes = _with_narrower(codes, part.ids, vocabulary)
                if child and (kids := vocabulary.children_of(part.ids)):
                    # "allergist for my 6 yr old": pediatric allergists first, then the
                    # allergists (who see children first: query._for_the_childs_age)
                    codes, named = (*kids, *codes), kids
            terms.append(
                ResolvedTerm(
                    "specialty",
                    part.codes[0],
                    part.label,
                    how,
                    codes,
                    named,
                    context,
                    by_body,
                    by_need=part.treats is not None,
                )
            )
    return list(dict.fromkeys(terms))


_WITH = re.compile(r"\bwith\s+(?:[\w-]+\s+){0,3}$", re.I)


def _with(part, interpretation: Interpretation) -> bool:
    """A specialty said after "with" beside another typed ("palliative care doctor for my
    dad with stage 4 cancer", "oncologist with palliative training"): what the patient has
    or the first one knows, after it, never tied with it (the oncologists had come first)."""
    if part.kind != "specialty":
        return False
    others = [
        p for p in interpretation.parts
        if p.kind == "specialty" and p is not part and not p.is_the_patient
    ]  # fmt: skip
    before = interpretation.text[: part.span[0]]
    return (
        bool(others)
        and bool(_WITH.search(before))
        and all(p.span[0] < part.span[0] for p in others)
    )


def _with_narrower(
    codes: tuple[str, ...], ids: tuple[str, ...], vocabulary: Vocabulary
) -> tuple[str, ...]:
    """A board typed by its own name, then its adult specializations ("ENT": otolaryngic
    allergists too), which rank after it: they are not named (``_named``). Not for a
    child's ("orthopedist for my toddler": no spine surgeons)."""
    if set(ids) & vocabulary.childrens_codes:
        return codes
    narrower = (c for code in ids for c in vocabulary.narrower_specialties(code))
    return tuple(dict.fromkeys((*codes, *narrower)))


def _for_the_child(
    interpretation: Interpretation, vocabulary: Vocabulary, pediatrics: tuple[str, ...]
) -> tuple[str, ...]:
    """Who else may help a child: the children's counterparts of the specialties that treat
    what was asked for, then the pediatrician, unless no primary care physician treats it:
    a procedure no pediatrician does ("ear tubes for my 3 year old": pediatric ENTs) or a
    specialist's condition ("my kid needs glasses": eye doctors, not pediatricians). Where
    the first who treat it are trained for adults only ("ulcerative colitis 15 year old":
    gastroenterologists), the pediatrician stands in for their children's counterparts."""
    procedures = [p for p in interpretation.concepts if p.kind == "procedure"]
    asked = tuple(i for p in procedures for i in p.ids) or interpretation.concept_ids
    treating = vocabulary.treating(asked)
    # A children's specialist the map names itself counts ("back brace" lists pediatric
    # orthopedists): "scoliosis, back brace for my 12 year old" is theirs, not pediatricians'.
    own = (c for c in treating if c in vocabulary.childrens_codes)
    childrens = tuple(dict.fromkeys((*vocabulary.children_of(treating), *own)))
    for_adults = vocabulary.led_by_adults_physicians(asked)
    if childrens and not set(treating) & PRIMARY_CARE and not for_adults:
        return childrens
    return (*childrens, *pediatrics)


def _named(ids: tuple[str, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The codes a specialty part names: its own and their ``also`` codes, except a whole
    board beside one of its subspecialties ("pain doctor" names pain medicine, including
    PM&R's pain physicians; physiatrists in general rank after them). Codes not named
    (same specialization under other boards) rank after too (ranking.SPECIALTY_RELATED)."""
    specialties = vocabulary.specialties
    codes = [c for i in ids if i in specialties for c in (i, *specialties[i].also)]
    codes = [c for c in dict.fromkeys(codes) if c in specialties]
    boards = {specialties[c].classification for c in codes if specialties[c].specialization}
    # "dermatologist for my kids": the children's dermatologists, then the board (who sees
    # children too) after them, not level with them
    behind_kids = {
        c
        for c in ids
        if c in specialties and c not in PRIMARY_CARE and set(specialties[c].children) & set(ids)
    }
    return tuple(
        c
        for c in codes
        if c not in behind_kids
        and (
            c in ids or specialties[c].specialization or specialties[c].classification not in boards
        )
    )


def _filters(params: SearchParams, interpretation: Interpretation) -> dict:
    return _with_typed(dict(params.filters), interpretation.filters)


def preferred_filters(params: SearchParams, interpretation: Interpretation) -> dict:
    """The filters the words only prefer ("hindi speaking if possible"), as selections;
    none the user also ticked or typed outright."""
    chosen = _filters(params, interpretation)
    preferred = _with_typed({}, interpretation.preferred)
    return {name: values for name, values in preferred.items() if not chosen.get(name)}


def speakers_first(params: SearchParams, interpretation: Interpretation) -> str | None:
    """The language the text is written in, when no language is chosen, typed or preferred."""
    language = interpretation.speakers_first
    return None if language is None or params.filters.get("language") else language


def _with_typed(chosen: dict, typed: dict) -> dict:
    for name in _YES_FILTERS:
        if typed.get(name) and not chosen.get(name):
            chosen[name] = (YES_VALUE,)
    for name in _VALUE_FILTERS:
        if typed.get(name) and not chosen.get(name):
            chosen[name] = tuple(typed[name])
    return chosen


def explicit_terms(params: SearchParams, vocabulary: Vocabulary) -> tuple[ResolvedTerm, ...]:
    """The condition or procedure chosen outright (from a concept page), as resolved terms."""
    terms = []
    for concept_id in (params.condition, params.procedure):
        concept = vocabulary.concepts.get(concept_id or "")
        if concept:
            terms.append(ResolvedTerm(concept.kind, concept.id, concept.name, "explicit"))
    return tuple(terms)


# A sentence about a need: this many words, a condition, symptom or body part among them.
SENTENCE_WORDS = 6
EVERYDAY = 5_000  # an English word this common, in lower case in such a sentence, is a word


def _name_like(interpretation: Interpretation) -> list:
    """The unplaced words that may be a surname. In a patient's sentence ("chest feels tight
    when i walk up hill") an everyday word typed in lower case is that word, not Dr. Hill;
    "dermatologist green" and "Hill cardiology" still look for the name."""
    unplaced = list(interpretation.unplaced)
    describes = interpretation.of_kind("condition", "symptom", "body_part")
    if not describes or len(interpretation.text.split()) < SENTENCE_WORDS:
        return unplaced
    return [w for w in unplaced if not (w.text.islower() and _everyday(w.text))]


def _everyday(word: str) -> bool:
    """An everyday English word: a common one ("hill"), one of the commonest short ones
    ("one" in "weakness one side of body comes and goes" had found Dr. Oneill), or one of
    those with its apostrophe dropped ("theres a bulge in my groin" had found Theresa)."""
    common = commonest_words()
    if english_counts().get(word, 0) >= EVERYDAY or word in common:
        return True
    return len(word) > 3 and word.endswith("s") and word[:-1] in common


def apply(
    params: SearchParams, interpretation: Interpretation, vocabulary: Vocabulary
) -> Understood:
    """The search as the box meant it; what the form says explicitly always wins."""
    changes: dict = {"filters": _filters(params, interpretation)}
    location = interpretation.location
    if params.place is None and location is not None and location.place is not None:
        changes["place"] = location.place
        radius = interpretation.filters.get("radius_miles")
        if isinstance(radius, int) and RADIUS_MIN <= radius <= RADIUS_MAX:
            changes["radius_miles"] = radius
    names = " ".join(interpretation.names)
    hint = " ".join(word.text for word in _name_like(interpretation))
    terms = tuple(_terms(interpretation, vocabulary))
    return Understood(replace(params, **changes), terms, names, hint)
