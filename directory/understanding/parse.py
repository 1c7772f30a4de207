"""interpret(): read the whole search box as parts, by the best cover of its words.

1. Split the text into tokens with character spans (``tokens``).
2. Collect every candidate reading of every span: lexicon terms with typos, plurals and
   abbreviations (``candidates``), body-part rules (``compose``), places and radii
   (``places``), names (``names``), ICD-10-CM and NUCC codes.
3. Choose the non-overlapping readings with the highest total score by dynamic programming
   over token positions (:func:`best_cover`); a token no reading takes is filler (scored a
   little) or unplaced (scored below zero), so every word is accounted for.
4. Settle what depends on the whole text: a context phrase ("since my fusion") takes the
   meaning that fits the body system of the rest, and a region word ("lumbar", "neck")
   narrows a term that means several regions ("herniated disc").

Nothing here does I/O: the lexicon is built once per vocabulary (``lexicon.lexicon_for``)
and a parse of a dozen words costs well under a millisecond (bench/parse_latency.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace

from directory.text import normalize_term
from directory.understanding import ambiguity
from directory.understanding.allergies import allergy_candidates
from directory.understanding.background import what_is_new
from directory.understanding.beside_code import words_read_as_the_code
from directory.understanding.candidates import Candidate, code_candidates, term_candidates
from directory.understanding.capitals import capital_readings
from directory.understanding.census_names import is_common_name
from directory.understanding.children import GROWN, OWNERS, for_children, grown_children
from directory.understanding.code_words import described_codes
from directory.understanding.compose import compose, narrowed
from directory.understanding.declined import the_other_sex, wished_away
from directory.understanding.degrees import physicians_by_degree
from directory.understanding.described import said_of_another_need
from directory.understanding.entries import Entry
from directory.understanding.grown_up import as_grown_up
from directory.understanding.hospitals import Hospitals, hospital_candidates, not_an_insurers_name
from directory.understanding.identifiers import identifier_candidates
from directory.understanding.languages import (
    english_not_needed,
    signing_for_the_deaf,
    written_in,
)
from directory.understanding.lexicon import Lexicon, lexicon_for
from directory.understanding.men import a_man_is_the_patient, in_a_mans_body, said_of_the_patient
from directory.understanding.model import (
    ADULT,
    CHILD_NOUNS,
    OFFSPRING,
    Interpretation,
    Part,
    Word,
    a_mothers_baby,
)
from directory.understanding.names import NameCheck, name_candidates, name_check
from directory.understanding.origins import (
    where_they_are_going,
    where_they_came_from,
    where_they_were,
)
from directory.understanding.past import a_childhood, in_the_past
from directory.understanding.places import (
    codes_beside_a_procedure,
    located_tokens,
    place_candidates,
    side_by_side,
)
from directory.understanding.preferences import with_preferences
from directory.understanding.referral import (
    cancer_candidates,
    patients_beside_a_doctor,
    the_emergency_department,
    without_a_cancers_surgeon,
    without_one_word_readings,
    without_patient_readings,
)
from directory.understanding.ruled_out import (
    a_name_forgotten,
    already_seen,
    causes,
    controlled,
    denied,
    family_history,
    feared,
    main_need,
    past_history,
    ruled_out,
    the_patient_is,
    told_by,
)
from directory.understanding.scoring import FILLER, UNPLACED
from directory.understanding.specialist import already_tried, saying_it, surgery_wished_away
from directory.understanding.tokens import (
    MAX_TOKENS,
    Alternative,
    Token,
    alternatives,
    is_a_count,
    tokenize,
)
from directory.understanding.treats import the_childs_need, with_treated_concepts
from directory.understanding.typos import english_counts
from directory.understanding.where import body_parts_saying_where, pain_said_apart
from directory.vocabulary import PEDIATRICS, PRIMARY_CARE, Vocabulary, default_vocabulary


def interpret(
    text: str,
    vocabulary: Vocabulary | None = None,
    *,
    known_names: NameCheck | Collection[str] | None = None,
    lexicon: Lexicon | None = None,
    hospitals: Hospitals | None = None,
) -> Interpretation:
    """Everything ``text`` asks for, as parts with spans, plus unplaced and filler words.

    ``known_names`` says which folded lower-case words are physicians' names in the index
    (a set or a callable); ``lexicon`` overrides the cached lexicon of ``vocabulary`` (to
    parse with curated terms, see :func:`lexicon.lexicon_for`); ``hospitals`` are the
    hospitals the directory's physicians are affiliated with. Never raises on any text.
    """
    if lexicon is None:
        lexicon = lexicon_for(vocabulary or default_vocabulary())
    all_tokens = tokenize(text, lexicon.data.scripts)
    tokens, overflow = all_tokens[:MAX_TOKENS], all_tokens[MAX_TOKENS:]
    if not tokens:
        return Interpretation(text)
    known = name_check(known_names)
    places = place_candidates(text, tokens, lexicon)
    alts = _alternatives(tokens, places, known, lexicon, hospitals)
    terms = term_candidates(tokens, alts, lexicon) + code_candidates(tokens, lexicon)
    terms = described_codes(terms, tokens, lexicon, lambda words: interpret(words, lexicon=lexicon))
    terms, sides = _not_the_back_of_a_part(terms, tokens, lexicon)  # "the back of my knee"
    terms += cancer_candidates(tokens, places, lexicon)  # "breast ca", not "Los Angeles, CA"
    terms += allergy_candidates(tokens, alts, lexicon)  # "allergic to peanuts"
    terms += compose(terms, tokens, alts, lexicon, text)
    places = codes_beside_a_procedure(places, terms, tokens)  # "ESI 64483" beside M54.16
    candidates = terms + for_children(terms, tokens, lexicon) + places
    candidates += name_candidates(text, tokens, lexicon, known)
    candidates += identifier_candidates(text, tokens)  # an NPI or a phone number
    candidates += hospital_candidates(tokens, hospitals, lexicon.is_a_word)  # "at mgh"
    candidates = not_an_insurers_name(candidates)  # "kaiser permanente": the plan
    candidates = without_patient_readings(candidates, tokens, lexicon)
    candidates = without_one_word_readings(candidates, grown_children(tokens, lexicon))
    candidates = without_a_cancers_surgeon(candidates)  # "colon cancer surgery"
    chosen, skipped = best_cover(tokens, alts, candidates, lexicon)
    patients = patients_beside_a_doctor(text, chosen, tokens, lexicon)  # "derm consult pt"
    if patients:
        candidates = without_one_word_readings(candidates, patients)
        chosen, skipped = best_cover(tokens, alts, candidates, lexicon)
    skipped = [(i, is_filler or i in sides) for i, is_filler in skipped]
    chosen, timing = _timing_only(chosen)  # "post op f/u lap chole"
    chosen, tried = already_tried(chosen, tokens, lexicon, text)  # "failed 6 wks PT"
    chosen, fine = ruled_out(chosen, tokens, lexicon)  # "the ER said my heart is fine"
    chosen, steady = controlled(chosen, tokens)  # "diabetes and bp are under control"
    chosen, why = causes(chosen, lexicon)  # "T2DM ... diabetic retinopathy screening"
    chosen, besides = main_need(chosen, tokens)  # "asthma ... but the main thing is heartburn"
    chosen, kin = family_history(chosen, tokens, lexicon)  # "my dad had colon cancer"
    chosen, seen = already_seen(chosen, tokens)  # "cardiology already established"
    chosen, history = past_history(chosen, tokens, text)  # "PMHx DM2, CAD. r/o stenosis"
    chosen, unwanted = wished_away(chosen, tokens, lexicon)  # "no more injections please"
    chosen, unoperated = surgery_wished_away(chosen, tokens, lexicon)  # "dont want back surgery"
    chosen, absent = denied(chosen, tokens)  # "lump on my neck, not sore"
    chosen, forgotten = a_name_forgotten(chosen, tokens)  # "i forget the first name"
    chosen, past = in_the_past(chosen, tokens)  # "adult adhd, diagnosed as a kid"
    chosen, who = the_patient_is(chosen, lexicon)  # "ingrown toenail infected and im diabetic"
    chosen, visit = the_emergency_department(chosen, tokens)  # "splinted in ED"
    chosen, told = told_by(chosen, tokens, text)  # "bloodwork said my platelets are low"
    chosen, fear = feared(chosen, tokens)  # "mole changed color, is it cancer??"
    chosen, lived = what_is_new(chosen, tokens, lexicon)  # "psoriasis for years. now my ..."
    timing += tried + fine + steady + why + besides + kin + seen + history + unwanted + unoperated
    timing += absent + forgotten + past + who + visit + told + fear + lived
    parts = _settle(_parts(text, tokens, chosen), chosen, tokens, lexicon)
    parts, chosen, unfit = _without_unfitting_contexts(parts, chosen, tokens)  # "injection meds"
    parts, chosen, where = body_parts_saying_where(text, parts, chosen, lexicon)  # "on my elbows"
    parts, chosen, aches = pain_said_apart(parts, chosen, lexicon)  # "my wrist ... still hurts"
    parts, chosen = in_a_mans_body(text, parts, chosen, tokens, lexicon)  # "he has ... down there"
    parts, others = ambiguity.settle(parts, chosen, lexicon, kin)  # "dad had prostate ca"
    parts = with_treated_concepts(parts, chosen, lexicon)
    parts = words_read_as_the_code(parts, lexicon)  # "M51.26 herniated disc"
    parts = _in_pregnancy(text, parts, lexicon)  # "32 wks pregnant ... her bp was high"
    parts = _the_parts_own_condition(text, parts, lexicon)  # "my hip ... xray says arthritis"
    parts = _pain_after_an_operation(text, parts, lexicon)  # "pain ... after hernia surgery"
    parts = _pain_an_illness_left(text, parts, lexicon)  # "had shingles, still burning pain"
    parts, signs = _signs_of_a_panic_attack(parts, tokens, lexicon)  # "panic, heart racing"
    parts, landmarks = _places_side_by_side(text, parts)  # "buckhead atlanta", "newton boston"
    parts = _merge_repeats(text, parts)
    parts = _carriers_own_plan(text, parts)  # "humana medicare advantage"
    filler = tuple(_word(tokens[i]) for i, is_filler in skipped if is_filler) + landmarks
    filler += tuple(_word(tokens[i]) for c in timing for i in range(c.start, c.end))
    placed = where + aches  # "ball of my foot", "my wrist ... still hurts"
    filler += tuple(x for w in placed for x in _words_in(tokens, w.span))
    filler += unfit + signs
    said = saying_it(tokens, lexicon)  # "even on 3 meds": how hard it has been
    filler += tuple(_word(tokens[i]) for i, is_filler in skipped if not is_filler and i in said)
    unplaced = [_word(tokens[i]) for i, is_filler in skipped if not is_filler and i not in said]
    unplaced += [_word(t) for t in overflow]
    parts, unplaced = _a_kind_not_known(text, parts, unplaced)  # "speech therapy"
    # "feet and ankles achilles rupture": a merged part holds the "and" between its halves
    filler = tuple(w for w in filler if not _inside(w, parts))
    parts, filler = _the_patients_sex(text, parts, filler, tokens)  # "45 y/o female c/o chest pain"
    parts, filler = _as_filler(_a_name_said_again(parts), parts, filler, tokens)
    parts, filler = _as_filler(english_not_needed(text, parts), parts, filler, tokens)
    filler, unplaced = _the_patients_sex_letter(text, filler, unplaced)  # "11 yo F"
    filler, unplaced = said_of_the_patient(filler, unplaced, lexicon)  # "im a guy"
    parts, unplaced, deaf = signing_for_the_deaf(text, parts, unplaced)  # "who signs"
    parts, filler = _as_filler(deaf, parts, filler, tokens)
    parts, filler = _as_filler(_a_plans_state(text, parts), parts, filler, tokens)
    parts, filler = _as_filler(_near_me_beside_a_place(parts), parts, filler, tokens)
    parts, filler = _generic_doctor(text, parts, filler, unplaced, lexicon)
    parts = _a_woman_asked_for(parts, lexicon)  # "busco ginecóloga"
    parts, filler, unplaced = physicians_by_degree(text, parts, filler, unplaced)  # "md", "DO"
    parts, filler = _accepting_alone(parts, filler, lexicon)
    parts, filler = _asked_about_a_name(parts, filler, tokens)  # "is dr jacobson taking new pts"
    parts, filler = _the_sender(text, parts, filler, tokens, lexicon)  # "FAX From: Dr. Lee"
    parts, filler = _as_filler(_urgent_care_told(text, parts, lexicon), parts, filler, tokens)
    parts, filler = _as_filler(_a_check_up_of_a_need(text, parts), parts, filler, tokens)
    shown = _where_a_result_showed(text, parts)  # "anemia on my blood work"
    parts, filler = _as_filler(shown, parts, filler, tokens)
    parts, filler = _as_filler(_how_it_began(text, parts), parts, filler, tokens)
    said_of = said_of_another_need(text, parts)  # "wont heal", "cant sleep because of"
    parts, filler = _as_filler(said_of, parts, filler, tokens)
    parts, filler = _as_filler(where_they_came_from(text, parts), parts, filler, tokens)
    parts, filler = _as_filler(where_they_were(text, parts), parts, filler, tokens)
    parts, filler = _as_filler(where_they_are_going(text, parts), parts, filler, tokens)
    parts, filler = _as_filler(_cleared_for(parts, lexicon), parts, filler, tokens)
    parts, filler, unplaced = _child_beside_a_need(text, parts, filler, unplaced, lexicon)
    parts = with_preferences(text, parts)  # "russian speaking preferred"
    parts = the_other_sex(text, parts)  # "i dont want a male doctor"
    parts, left = as_grown_up(text, parts, lexicon.vocabulary)  # "aged out of the kids ..."
    parts, filler = _as_filler(left, parts, filler, tokens)
    a_man = a_man_is_the_patient(text, tokens, chosen, lexicon)  # "my son ... his acne"
    language = written_in([t.norm for t in tokens], lexicon.data.written_in)  # "dolor de ..."
    return Interpretation(text, parts, tuple(unplaced), filler, others, a_man, language)


# Words that name a kind of care by the word before them: "speech therapy", "infusion
# therapist". Alone, "therapy" is talk therapy; after a word nothing read, it is that
# word's therapy, which the parser does not know, so neither word is read.
HEAD_WORDS = frozenset({"therapy", "therapies", "therapist", "therapists"})


def _a_kind_not_known(
    text: str, parts: tuple[Part, ...], unplaced: list[Word]
) -> tuple[tuple[Part, ...], list[Word]]:
    ends = {w.span[1] for w in unplaced}
    heads = [
        p
        for p in parts
        if normalize_term(p.text) in HEAD_WORDS
        and any(text[end : p.span[0]].isspace() for end in ends if end < p.span[0])
    ]
    if not heads:
        return parts, unplaced
    unplaced = sorted((*unplaced, *(Word(p.text, p.span) for p in heads)), key=lambda w: w.span)
    return tuple(p for p in parts if p not in heads), unplaced


_NEEDS = ("condition", "procedure", "body_part", "symptom")


def _child_beside_a_need(
    text: str,
    parts: tuple[Part, ...],
    filler: tuple[Word, ...],
    unplaced: list[Word],
    lexicon: Lexicon,
) -> tuple[tuple[Part, ...], tuple[Word, ...], list[Word]]:
    """ "toddler with a fever", "children with adhd": a child named beside a need is who the
    care is for, as "my kid" is (a pediatrician part about the patient, Part.is_the_patient).
    A specialty typed decides on its own ("kids dentist" reads as the children's dentist)."""
    entry = lexicon.phrases.get("my kid")
    if entry is None or not any(p.kind in _NEEDS or p.treats for p in parts):
        return parts, filler, unplaced
    # A children's specialty typed decides on its own; one the words name by a condition
    # ("asthma doctor for kids") is the condition's, and the child is still the patient, as
    # beside an adults' specialty typed apart ("infant reflux gi specialist": the
    # gastroenterologists who see babies first, not adult ones with the infant dropped).
    typed = [p for p in parts if p.kind == "specialty" and p.treats is None]
    childrens = lexicon.vocabulary.childrens_codes | {PEDIATRICS}
    if any(set(p.codes) & childrens for p in typed):
        return parts, filler, unplaced
    word = _a_child_named(text, (*filler, *unplaced))
    # "baby boomer": a word we do not know; not a verb ("toddler pulling at ear")
    after = {w.span[0]: w.text for w in unplaced}.get(word.span[1] + 1) if word else None
    compound = after is not None and not after.lower().endswith("ing")
    if word is None or (compound and normalize_term(word.text) not in OFFSPRING):
        return parts, filler, unplaced
    # "kids asthma doctor": a child's asthma, as "asthma doctor for my kid" is
    parts = tuple(the_childs_need(p, lexicon) or p for p in parts)
    parts = _with_word_read_as(parts, word, entry)
    return parts, tuple(w for w in filler if w is not word), [w for w in unplaced if w is not word]


ACCEPTING = frozenset({"accepting", "accepts"})
INSURANCE_WORDS = frozenset({"insurance", "plan", "plans", "coverage", "network", "covered"})


def _accepting_alone(
    parts: tuple[Part, ...], filler: tuple[Word, ...], lexicon: Lexicon
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """ "rheumatologist cambridge ma accepting": in a directory, a physician who is
    accepting is accepting new patients, unless the words after it say which insurance
    ("accepting humana"); an insurer named before ("cardiologist spanish humana accepting")
    is a wish of its own."""
    entry = lexicon.phrases.get("accepting new patients")
    said = {p.filter for p in parts if p.kind == "filter"}
    if entry is None or "accepting_new_patients" in said:
        return parts, filler
    if any(normalize_term(w.text) in INSURANCE_WORDS for w in filler):
        return parts, filler  # "accepting insurance", "accepts my plan"
    word = next((w for w in filler if normalize_term(w.text) in ACCEPTING), None)
    if word is None:
        return parts, filler
    plans = [p for p in parts if p.kind == "filter" and p.filter == "insurance"]
    if any(p.span[0] > word.span[0] for p in plans):
        return parts, filler
    return _with_word_read_as(parts, word, entry), tuple(w for w in filler if w is not word)


# Yes-or-no facts the front desk asks about one physician: shown on every card.
ASKED_ABOUT = frozenset({"accepting_new_patients", "telehealth"})


def _asked_about_a_name(
    parts: tuple[Part, ...], filler: tuple[Word, ...], tokens: list[Token]
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """ "does dr jacobson in compton take new pts": a question about a physician named, whose
    answer is on the card, not a filter that hides her when the answer is no."""
    if not any(p.kind == "name" for p in parts):
        return parts, filler
    return _as_filler([p for p in parts if p.filter in ASKED_ABOUT], parts, filler, tokens)


def _inside(word: Word, parts: tuple[Part, ...]) -> bool:
    return any(p.span[0] <= word.span[0] and word.span[1] <= p.span[1] for p in parts)


# "doctor who speaks polish", "female doctor near me": a doctor with nothing clinical said
# is a primary care doctor, the one people mean by "a doctor".
GENERIC_DOCTORS = frozenset(
    {"doctor", "doctors", "doc", "dr", "drs", "physician", "physicians", "medico", "medicos"}
    | {"doctora", "dra"}
    # the same word in the languages of the directory's patients (lexicon: doctor_words)
    | {"docteur", "medecin", "doutor", "doutora", "lekarz", "doktor", "dokte", "dottore"}
)
_CLINICAL = ("condition", "procedure", "specialty", "body_part", "symptom", "name")


# "done having kids", "want more children": a family planned, not a child who is ill.
_A_FAMILY_PLANNED = re.compile(
    r"\b(?:having|more|want|wanted|wants|planning|plan|(?:try|trying)\s+for)\s+(?:any\s+|more"
    r"\s+|a\s+|another\s+)?$"
    # the children a mother has had: "tubes tied after 3 kids", "tummy tuck after kids"
    r"|\bafter\s+(?:having\s+)?(?:my\s+|our\s+|\d+\s+|two\s+|three\s+|four\s+|five\s+)?$"
)


# A son or daughter at school is a child: "my daughter cant sit still in class, teacher
# says adhd" had listed adult psychiatrists. Not "my son is a teacher".
_AT_SCHOOL = re.compile(
    r"\b(?:in|at|from|after|for)\s+(?:pre\s*)?school\b|\b(?:in|during)\s+class\b"
    r"|\b(?:her|his|their|the)\s+teachers?\b|\bteachers?\s+(?:says?|said|thinks?|noticed)\b"
    r"|\b(?:kindergarten|preschool|daycare|recess|homework)\b|\b\d(?:st|nd|rd|th)\s+grade"
    # what children do: "fainted at basketball practice", "short of breath in gym class"
    r"|\b(?:gym|pe)\s+class\b|\b(?:middle|elementary|grade)\s+school\b|\blittle\s+league\b"
    r"|\b(?:soccer|basketball|football|baseball|softball|lacrosse|hockey|volleyball|cheer"
    r"|swim|track|wrestling|dance|gymnastics)\s+(?:practice|tryouts?|camp)\b"
    r"|\b(?:his|her|their)\s+(?:pediatrician|peds|pediatra)\b"  # "his pediatrician retired"
)


# What says a son or daughter is grown: "my son plays on a mens basketball team", "my
# daughter and her husband", "my son got blown up by an ied", "since his divorce".
_GROWN_OFFSPRING = re.compile(
    r"\b(?:adult|grown|college|university|mens|men s|womens|women s|husband|wife|"
    r"boyfriend|girlfriend|fiance|fiancee|divorce|divorced|married|job|works|working|"
    r"retired|army|military|deployed|deployment|veteran|ied|marine|navy|pregnant|"
    r"postpartum|apartment|lives alone|in his \d0s|in her \d0s|grandkids|his kids|her kids|"
    r"(?:son|daughter) is an? (?:teacher|nurse|doctor|lawyer|engineer|firefighter|cop|"
    r"police officer|mechanic|chef|student|soldier|trucker|pilot|accountant|contractor)|"
    # a need of grown life: "my son needs a vasectomy", "my daughter had a miscarriage"
    r"vasectomy|miscarriage|miscarried|prenatal|ivf|infertility|fertility|menopause|"
    r"mammogram|mammo|prostate|erectile|colonoscopy|dementia|alzheimers?|memory loss|"
    r"(?:hip|knee|joint) replacement|c section|"
    # a child of their own: "my daughter had a baby and is so depressed"
    r"(?:had|has|having) (?:a|her|his|the) (?:baby|newborn)|gave birth|her baby|his baby|"
    r"her newborn|breastfeeding|nursing her)\b"
)


# "my son is 30", "she turned 19", "my 25 year old son": the age said of a son or daughter
_OFFSPRINGS_AGE = re.compile(
    r"\b(?:son|daughter|he|she|hes|shes)\s+(?:is\s+|turned\s+|turns\s+|just turned\s+)?"
    r"(\d{1,2})\b(?!\s*(?:months?|mos?|weeks?|wks?|days?)\b)"
    r"|\b(\d{1,2})\s*(?:yo|y/o|yrs?|years?)?(?:\s*-?\s*old)?\s+(?:son|daughter)\b"
)


def _a_child_named(text: str, words: Iterable[Word]) -> Word | None:
    """The first of ``words`` that names a child who is the patient now: not a childhood
    told ("as a kid"), a mother's baby ("postpartum depression, baby is 2 months"), the
    children a family plans ("done having kids, want to get snipped") nor a grown one
    ("college kid"); a son or a daughter of a parent who searches ("my son has asthma":
    three in four such searches in the blind probes were for a child), unless the words
    say they are grown ("my son plays on a mens basketball team")."""
    said = text.lower()
    grown = _GROWN_OFFSPRING.search(said) or any(
        int(a or b) >= ADULT for a, b in _OFFSPRINGS_AGE.findall(said)
    )
    at_school = bool(_AT_SCHOOL.search(said))
    return next(
        (
            w
            for w in words
            if (
                normalize_term(w.text) in CHILD_NOUNS
                or (at_school and normalize_term(w.text) in OFFSPRING)
                or (not grown and _a_parents(text, w))
            )
            and not a_childhood(text, w.span[0])
            and not a_mothers_baby(text, w.text)
            and not _A_FAMILY_PLANNED.search(text[: w.span[0]].lower())
            and (text[: w.span[0]].lower().split() or [""])[-1] not in GROWN
        ),
        None,
    )


def _a_parents(text: str, word: Word) -> bool:
    """ "my son", "our daughter": a son or daughter the asker is the parent of."""
    if normalize_term(word.text) not in OFFSPRING:
        return False
    before = text[: word.span[0]].lower().split()
    return bool(before) and before[-1] in OWNERS


def _generic_doctor(
    text: str,
    parts: tuple[Part, ...],
    filler: tuple[Word, ...],
    unplaced: list[Word],
    lexicon: Lexicon,
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """Read a lone "doctor" as primary care when nothing else says what kind; a child named
    with nothing else asked ("who takes medicaid for kids", "doctor for kids") asks for a
    children's doctor: a pediatrician or a family doctor, who sees children too."""
    entry = lexicon.phrases.get("primary care")
    if entry is None or unplaced or any(p.kind in _CLINICAL for p in parts):
        return parts, filler
    kid = _a_child_named(text, filler)
    childrens = lexicon.phrases.get("sick child")
    if kid is not None and childrens is not None:
        return _with_word_read_as(parts, kid, childrens), tuple(w for w in filler if w is not kid)
    word = next((w for w in filler if _a_doctor_word(w.text, lexicon)), None)
    if word is None:
        # "busco doctora", "lady doctor near me": a woman, and a doctor like any other. The
        # words say two things, so both parts share their span (see Interpretation).
        gender = (p for p in parts if p.filter == "gender")
        part = next((p for p in gender if _names_a_doctor(p.text)), None)
        if part is None:
            return parts, filler
        word = Word(part.text, part.span)
    return _with_word_read_as(parts, word, entry), tuple(w for w in filler if w is not word)


def _a_doctor_word(text: str, lexicon: Lexicon) -> bool:
    """ "doctor", "médico", the word in another script ("دكتور", "врач", "医生"), or a short
    form or spelling the lexicon knows ("doc", "docter")."""
    said = lexicon.data.scripts.get(text.lower(), ()) or (normalize_term(text),)
    return any(lexicon.data.abbreviations.get(w, w) in GENERIC_DOCTORS for w in said)


# "ginecóloga", "una cardióloga", "cirujana": a Spanish specialist named in the feminine.
_FEMININE_SPECIALIST = re.compile(r"(?:ologa|ologas|cirujana|cirujanas|medica|medicas)$")


def _a_woman_asked_for(parts: tuple[Part, ...], lexicon: Lexicon) -> tuple[Part, ...]:
    """ "busco una ginecóloga": a specialist named in the feminine is a woman asked for, as
    "doctora" is; the words say two things, so both parts share their span."""
    entry = lexicon.phrases.get("doctora")
    if entry is None or any(p.filter == "gender" for p in parts):
        return parts
    said = next(
        (
            p
            for p in parts
            if p.kind == "specialty"
            and any(_FEMININE_SPECIALIST.search(w) for w in normalize_term(p.text).split())
        ),
        None,
    )
    if said is None:
        return parts
    return _with_word_read_as(parts, Word(said.text, said.span), entry)


# "45 y/o female", "14yo M", "pt female", "female patient": the patient's sex, said the way
# a referral describes the patient, not the physician's the user prefers.
_AFTER_AN_AGE = re.compile(
    r"(?:\b\d{1,3}\s*-?\s*(?:y/?o|y\.o\.?|yrs?|years?|yr\.?)(?:\s*-?\s*old)?|\bpts?|\bpatient"
    r"|(?<!within )(?<!top )(?<!best )(?<!under )\b(?:1[3-9]|[2-9]\d))"  # "hairline 28 male"
    r"[\s,]*$"
)
_BEFORE_A_PATIENT = re.compile(r"^[\s,]*(?:pts?|patients?)\b")
# "elderly male", "older female": an age said in words before the sex.
_AGED = re.compile(
    r"\b(?:elderly|older|aging|aged|senior|geriatric|adult|young|teen|teenage|adolescent)[\s,]*$"
)
# "female 34", "male, 62 yo": the patient's age right after the sex (not "male 5 miles").
_AN_AGE_AFTER = re.compile(
    r"^[\s,]*\d{1,3}(?!\d|st\b|nd\b|rd\b|th\b)(?!\s*(?:mi|miles?|min|mins|km|minutes?)\b)"
)
_FOR = re.compile(r"\bfor\s+(?:a\s+|an\s+|my\s+|the\s+|his\s+|her\s+)?$")
# "lady calling asking ...", "woman on the phone has ...", "man with lupus": the caller or
# the patient doing or having something, not the physician asked for.
_WHO_CALLS = re.compile(
    r"^[\s,]*(?:calling|called|calls|on\s+the\s+(?:phone|line)|asking|asks|asked|wants|wanted"
    r"|needs|needing|says|said|has|had|with(?!\s+(?:experience|expertise|training|knowledge)))\b"
)


def _the_patients_sex(
    text: str, parts: tuple[Part, ...], filler: tuple[Word, ...], tokens: list[Token]
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """A gender after the patient's age or beside "pt" describes the patient: not a filter
    on the physicians ("35 y/o female acne" listed only women dermatologists)."""
    typed = any(p.kind == "specialty" for p in parts) or _names_a_doctor(text)
    said = [
        p
        for p in parts
        if p.filter == "gender"
        and not _names_a_doctor(p.text)
        and not _names_a_doctor(_next_word(text, p.span[1]))  # "older female doctor"
        and not _before_a_specialist(text, p, parts)  # "new pt female internist"
        and (
            _AFTER_AN_AGE.search(before := text[: p.span[0]].lower())
            or _AGED.search(before)
            or _BEFORE_A_PATIENT.match(after := text[p.span[1] :].lower())
            or _AN_AGE_AFTER.match(after)
            or _WHO_CALLS.match(after)  # "lady calling asking who gives allergy shots"
            or (_FOR.search(before) and _a_need_follows(text, p, parts))  # "for female SUI"
            # the text opens with who has the need, and no physician is named: "woman jaw
            # pain and nausea" ("female pelvic floor therapist" asks for a woman)
            or (not before.strip() and _a_need_follows(text, p, parts, _ILLS) and not typed)
        )
    ]
    parts, filler = _as_filler(said, parts, filler, tokens)
    return _as_filler(_the_sex_that_failed(text, parts), parts, filler, tokens)


# Doctors spoken of in the plural, as those met before: "male doctors keep brushing me off".
_DOCTORS = r"(?:doctors|drs|docs|physicians|providers)"
_MET_BEFORE = re.compile(rf"\s*{_DOCTORS}\b", re.IGNORECASE)  # "male doctors keep ..."
_MET = re.compile(rf"\b{_DOCTORS}$", re.IGNORECASE)  # the part itself ends in them


def _the_sex_that_failed(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """Beside a gender asked for, the other said of doctors in the plural is who failed
    them: "female fibro doctor please, male doctors keep brushing me off" asks for a woman
    (it had filtered on both, so on neither)."""
    sexes = [p for p in parts if p.filter == "gender" and not p.preferred]
    if len({tuple(p.ids) for p in sexes}) < 2:
        return []
    plural = [p for p in sexes if _MET_BEFORE.match(text[p.span[1] :]) or _MET.search(p.text)]
    return plural if len(plural) < len(sexes) else []


def _next_word(text: str, at: int) -> str:
    words = text[at:].split(maxsplit=1)
    return words[0] if words else ""


def _before_a_specialist(text: str, part: Part, parts: tuple[Part, ...]) -> bool:
    """ "new pt female internist", "pt wants male urologist": a gender right before the
    specialty asked for, with no age said before it, is the physician's; "67 yo female
    cardiology referral" keeps the patient's."""
    before = text[: part.span[0]].lower()
    if _AGED.search(before) or re.search(r"\d", before[-12:]):
        return False
    after = [p for p in parts if p.span[0] >= part.span[1]]
    nearest = min(after, key=lambda p: p.span[0], default=None)
    return (
        nearest is not None
        and nearest.kind == "specialty"
        and not text[part.span[1] : nearest.span[0]].strip()
    )


_NEEDS_SAID = ("condition", "symptom", "procedure")
_ILLS = ("condition", "symptom")  # not a procedure: "female pelvic floor therapist"


def _a_need_follows(
    text: str, part: Part, parts: tuple[Part, ...], kinds: tuple[str, ...] = _NEEDS_SAID
) -> bool:
    """The next part, right after ``part``, is a need of one of ``kinds``."""
    after = [p for p in parts if p.span[0] >= part.span[1]]
    nearest = min(after, key=lambda p: p.span[0], default=None)
    return (
        nearest is not None
        and nearest.kind in kinds
        and not text[part.span[1] : nearest.span[0]].strip()
    )


_SEX_LETTERS = frozenset({"f", "m"})
_BARE_NUMBER_BEFORE = re.compile(r"\b\d{1,3}\s*$")


def _the_patients_sex_letter(
    text: str, filler: tuple[Word, ...], unplaced: list[Word]
) -> tuple[tuple[Word, ...], list[Word]]:
    """ "11 yo F", "62 y/o M", "54 F": the patient's sex in a referral's shorthand, read as
    such."""
    said = [
        w
        for w in unplaced
        if w.text.casefold() in _SEX_LETTERS
        and (
            _AFTER_AN_AGE.search(before := text[: w.span[0]].lower())
            or _BARE_NUMBER_BEFORE.search(before)
        )
    ]
    return filler + tuple(said), [w for w in unplaced if w not in said]


# "From: Alan Whitfield MD", "referred by dr patel", "referring: Sunrise Family Med": who
# sent a referral, not whom it asks for.
_SENT_BY = re.compile(
    r"(?:\bfrom|\breferred\s+by|\breferring(?:\s+(?:md|dr|provider|physician))?|\bsent\s+by"
    r"|\bordering(?:\s+(?:md|dr|provider|physician))?)\s*:?\s*$"
)


# "I'm at the front desk at doctor kim's office, we need an endocrinologist": the office
# that writes, beside what it asks for.
_THEIR_OFFICE = re.compile(r"\s*['’]?s\s+(?:office|clinic|practice)\b", re.IGNORECASE)


def _the_sender(
    text: str,
    parts: tuple[Part, ...],
    filler: tuple[Word, ...],
    tokens: list[Token],
    lexicon: Lexicon,
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """A name right after "from" or "referred by", beside what the referral asks for, is who
    sent it: a blind probe's faxed referral searched its sender's name and found nobody."""
    home = lexicon.word_set("own_primary_care")
    asked_by = [p for p in parts if p.kind == "specialty" and _not_asked(text, p, home)]
    others = [p for p in parts if p.kind in _CLINICAL and p not in asked_by]
    if asked_by and others:  # "referral to Dr. Chan per PCP": the PCP asked for Dr. Chan
        parts, filler = _as_filler(asked_by, parts, filler, tokens)
    if not any(p.kind in _CLINICAL and p.kind != "name" for p in parts):
        return parts, filler
    sent = [
        p
        for p in parts
        if p.kind == "name"
        and (_SENT_BY.search(text[: p.span[0]].lower()) or _THEIR_OFFICE.match(text[p.span[1] :]))
    ]
    return _as_filler(sent, parts, filler, tokens)


_WHOSE_END = r"\s+(?:my\s+|her\s+|his\s+|the\s+|their\s+)?$"
# Care named as who asked for the referral or gets a copy: "per PCP", "cc: cardiology".
_PER = re.compile(r"\b(?:per|cc\s*:?)" + _WHOSE_END)
# ... and primary care the patient returns to: "f/u w/ PCP after", "return to PCP" (a
# specialist to follow up with is the ask: "ER said follow up with neuro").
_BACK_TO = re.compile(
    r"\b(?:f\s*/?\s*u\s+(?:w\s*/?|with)|follow(?:\s*-?\s*up)?\s+(?:w\s*/?|with)|"
    r"(?:return|back)\s+to)" + _WHOSE_END
)
# ... unless the follow-up is the appointment to book: told to by an emergency room,
# urgent care or a hospital stay ("ER said follow up with pediatrician in 2 days"), or
# soon ("f/u with PCP within 48 hrs").
_SENT_FROM_ACUTE_CARE = re.compile(
    r"\b(?:e\.?r|ed|emergency|urgent\s*care|ucc|walk\s*-?\s*in|hospitalized|hospital\s+stay"
    r"|(?:in|from|out\s+of|left)\s+the\s+hospital|discharged?|d\s*/\s*c|dc'?d)\b"
)
_SOON = re.compile(
    r"^\s*(?:in|within|w/?in|next|this|by)\s+(?:\d+|a|an|one|two|three|few|couple|the)\b"
    r"|^\s*(?:asap|tomorrow|soon)\b"
)
# "my pcp ... but i dont have one", "follow up with my doctor, need a new one"
_HAS_NONE = re.compile(
    r"\b(?:don\W?t|do\s+not|doesn\W?t|does\s+not|no\s+longer)\s+have\s+(?:one|a|an|any)\b"
    r"|\b(?:need|find|looking\s+for|want)\s+(?:a\s+)?(?:new\s+)?one\b"
)
# The sending office's name in a fax header: "FROM: Brookside Family Practice".
_FROM_OFFICE = re.compile(r"\b(?i:from)\s*:?\s*(?:[A-Z][\w'&.-]*\s+){1,3}$")
# Primary care the patient already has: "my pcp just keeps raising my levothyroxine", "his
# pediatrician wont prescribe anymore", "mom's family doctor".
_OWN = re.compile(r"(?:\b(?:my|his|her|our|their|your|mi|su)|\w['’]s)\s+$")
# ... and primary care that sent the referral: "PCP referral for adult ADHD evaluation",
# "pediatrician referred us for tonsillectomy" (a specialist before "referral" is the ask:
# "ortho ref", "neurology referral").
_SENDS = re.compile(r"^\s*(?:referral|referred|ref|refd|sent)\b")
# ... and primary care that told, or cannot see, the patient: "pediatrician keeps saying
# wait", "pcp says see nephrology", "pcp booked solid, need eye dr asap".
_TOLD = re.compile(
    r"^\s*(?:says|said|say|keeps\s+saying|told|tells|thinks|thought|suggested|recommended"
    r"|ordered|wants\s+me|wanted\s+me|is\s+booked|booked|can\W?t\s+see|won\W?t|wont)\b"
)
# An office that calls or writes for the referral: "oncology office needs a neuro referral".
_OFFICE_ASKS = re.compile(
    r"^\s*(?:(?:office|clinic|practice)\s+(?:needs|wants|requests|requesting|is requesting|"
    r"asking|is asking|calling|called|sent|sending)|requests|requesting|is requesting)\b"
)  # ... or the specialist that asks: "Ortho requests consult: ... bone health mgmt"


def _not_asked(text: str, specialty: Part, home: frozenset[str]) -> bool:
    """The specialty is who asked, who gets a copy, the sending or calling office, the
    patient's own primary care (``home``: "my pcp", "his pediatrician") or the primary care
    the patient returns to, not whom the search asks for."""
    before = text[: specialty.span[0]].lower()
    after = text[specialty.span[1] :].lower()
    # primary care, not words about the patient ("my son", "6yo referred for ADHD eval")
    primary = set(specialty.codes) <= PRIMARY_CARE and not specialty.is_the_patient
    # "PCP referral for ...", where "IM referral for HTN" asks for an internist
    sends = normalize_term(specialty.text) in home and _SENDS.search(after)
    back = _BACK_TO.search(before) and not _the_visit_to_book(text, after)
    own = _OWN.search(before) and not _HAS_NONE.search(text.lower())
    sent = back or sends or own or _TOLD.search(after)
    sender = _FROM_OFFICE.search(text[: specialty.span[0]]) or _OFFICE_ASKS.search(after)
    return bool(_PER.search(before) or sender or (primary and sent))


EMERGENCY_MEDICINE = "207P00000X"


# "diagnosed at urgent care", "went to the ER", "sent home from the ER": a visit told
_VISITED = re.compile(
    r"\b(?:diagnosed|seen|saw|told|went|was|were|been|sent|discharged|released|treated"
    r"|drained|splinted|tested|checked)"  # "had some drained at urgent care"
    r"(?:\s+(?:home|me|him|her|us|them|over))?\s+(?:at|to|in|from|by)\s+(?:an?|the|my)?\s*$"
    r"|\b(?:from|after)\s+(?:an?|the|my|our|his|her)?\s*$",
    re.IGNORECASE,
)


_A_VISIT = re.compile(r"urgent|emergency|\ber\b|\bed\b|walk", re.IGNORECASE)  # not "bug bite"


def _urgent_care_told(text: str, parts: tuple[Part, ...], lexicon: Lexicon) -> list[Part]:
    """Urgent care beside another specialist asked for is part of the story: where the
    patient went or what happened ("urgent care ultrasound showed a swollen kidney, see
    urology", "cut my hand, ER stitched it, need hand surgeon"), not the care to book; so
    is a visit told beside a need ("bells palsy diagnosed at urgent care, need follow up").
    Beside care urgent care does not give, "walk in" says when, not who ("walkin physical
    therapy for knee")."""
    urgent = [p for p in parts if p.kind == "specialty" and EMERGENCY_MEDICINE in p.codes]
    needs = any(p.kind in _NEEDS for p in parts)
    visited = [
        p for p in urgent
        if needs and _A_VISIT.search(p.text) and _VISITED.search(text[: p.span[0]])
    ]  # fmt: skip
    urgent = [p for p in urgent if p not in visited]
    specialists = [
        p
        for p in parts
        if p.kind == "specialty"
        and p not in urgent
        and not p.is_the_patient
        and not set(p.codes) <= PRIMARY_CARE
    ]
    treating = lexicon.vocabulary.treating
    elsewhere = [
        p for p in parts if p.kind == "procedure" and EMERGENCY_MEDICINE not in treating(p.ids)
    ]
    return visited + (urgent if specialists or elsewhere else [])


# "glaucoma check up", "check up for my thyroid": a check-up of one need is that need's
# care, not the yearly visit to primary care that "checkup" alone asks for.
CHECK_UPS = frozenset({"checkup", "check up", "checkups", "check ups", "chequeo"})
_OF_THE_NEED = re.compile(
    r"^\s*(?:for|of|on|de|para)?\s*(?:my|his|her|the|a|an|mi|su|el|la)?\s*$", re.IGNORECASE
)


# Lab words read as asking primary care for the tests ("needs blood work"); beside a need
# they say where it showed ("anemia on my blood work", "calcium keeps coming back high on
# labs"): who treats the need is asked for, not who orders the tests.
LAB_WORK = frozenset(
    {
        "labs", "lab", "lab work", "labwork", "lab results", "blood work", "bloodwork",
        "blood test", "blood tests", "blood results",
    }
)  # fmt: skip


_ON_THE_TEST = re.compile(
    r"\b(?:on|in|from|at)\s+(?:(?:my|his|her|their|the|a|routine|recent|last|latest)\s+){0,2}$",
    re.IGNORECASE,
)
_A_RESULT = re.compile(
    r"^\s*(?:(?:is|are|was|were|came|come|keep|keeps)\s+)?"
    r"(?:abnormal|abn|off|back|showed|show|shows|said|says|results?|high|low|positive|bad"
    r"|monitor|monitored|monitoring|not normal)\b",
    re.IGNORECASE,
)


def _where_a_result_showed(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """ "anemia on my blood work", "thyroid blood test abnormal": where the need showed;
    "need bloodwork for my diabetes" still asks primary care for the tests."""
    if not any(p.kind in _NEEDS and p.ids for p in parts):
        return []
    return [
        p
        for p in parts
        if p.kind == "specialty"
        and normalize_term(p.text) in LAB_WORK
        and (_ON_THE_TEST.search(text[: p.span[0]]) or _A_RESULT.match(text[p.span[1] :]))
    ]


def _a_check_up_of_a_need(text: str, parts: tuple[Part, ...]) -> list[Part]:
    needs = [p for p in parts if p.kind in _NEEDS]
    return [
        p
        for p in parts
        if p.kind == "specialty"
        and normalize_term(p.text) in CHECK_UPS
        and any(_OF_THE_NEED.match(_between(text, p, n)) for n in needs)
    ]


def _between(text: str, one: Part, other: Part) -> str:
    first, second = sorted((one, other), key=lambda p: p.span)
    return text[first.span[1] : second.span[0]]


def _the_visit_to_book(text: str, after: str) -> bool:
    return bool(_SOON.search(after) or _SENT_FROM_ACUTE_CARE.search(text.lower()))


def _as_filler(
    read: list[Part], parts: tuple[Part, ...], filler: tuple[Word, ...], tokens: list[Token]
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """The parts ``read`` unread again: their words are filler."""
    if not read:
        return parts, filler
    spans = [p.span for p in read]
    words = (_word(t) for t in tokens if any(a <= t.start and t.end <= b for a, b in spans))
    filler = tuple(sorted((*filler, *words), key=lambda w: w.span))
    return tuple(p for p in parts if p not in read), filler


def _with_word_read_as(parts: tuple[Part, ...], word: Word, entry: Entry) -> tuple[Part, ...]:
    """The parts and ``word`` read as the lexicon ``entry`` it implies ("doctora": primary
    care; "accepting": accepting new patients; "toddler": the patient), in text order."""
    part = Part(
        entry.kind, entry.ids, entry.label, word.span, word.text, "synonym",
        codes=entry.codes, filter=entry.filter,
    )  # fmt: skip
    return tuple(sorted((*parts, part), key=lambda p: p.span))


def _names_a_doctor(text: str) -> bool:
    """ "doctora", "female dr", "woman physician": a gender said with a doctor word."""
    return any(w in GENERIC_DOCTORS or w == "dr" for w in normalize_term(text).split())


def _alternatives(
    tokens: list[Token],
    places: list[Candidate],
    known: NameCheck,
    lexicon: Lexicon,
    hospitals: Hospitals | None = None,
) -> list[tuple[Alternative, ...]]:
    """Each token's readings. Words that read as a place, a known name or a word of a
    hospital's name ("emory cardiology" is not memory, "grady" not a grade), or are
    capitalised mid-sentence like a proper noun ("back pain Sterling"), are not typos of
    medical words."""
    settled = located_tokens(places)
    title_case = all(t.capitalised or t.upper or not t.norm.isalpha() for t in tokens)
    settled |= {i for i, t in enumerate(tokens) if i and t.capitalised and not title_case}
    if hospitals:
        settled |= {i for i, t in enumerate(tokens) if hospitals.says_which(t.norm)}
    correct = {i for i, t in enumerate(tokens) if i not in settled and not known(t.norm)}
    # "hx of MI": an abbreviation in capitals, where it is not a place or a name
    capitals = {
        i: term
        for i, term in capital_readings(
            tokens, lexicon.data.capitals, lexicon.word_set("lab_tests")
        ).items()
        if i in correct
    }
    found = [
        alternatives(t, lexicon, correct=i in correct, capital=capitals.get(i))
        for i, t in enumerate(tokens)
    ]
    # A common surname or first name is spelled right, as an English word is: read as a
    # term it is one letter from only inside a longer phrase ("jones chiropractic" is Dr.
    # Jones's practice, not chiropractors for bones).
    return [
        tuple(a._replace(real_word=True) if a.edits and named else a for a in alts)
        if (named := is_common_name(t.norm))
        else alts
        for t, alts in zip(tokens, found, strict=True)
    ]


def best_cover(
    tokens: list[Token],
    alts: list[tuple[Alternative, ...]],
    candidates: list[Candidate],
    lexicon: Lexicon,
) -> tuple[list[Candidate], list[tuple[int, bool]]]:
    """The highest-scoring readings that cover the tokens without overlap.

    Returns the chosen candidates in text order, and the tokens no candidate took, each
    with True when it is a filler word. On a tie the reading found first stays, which is
    the one whose spans start earlier and run longer.
    """
    ignorable = lexicon.word_set("ignorable")
    by_start: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_start[candidate.start].append(candidate)
    size = len(tokens)
    best = [float("-inf")] * (size + 1)
    best[0] = 0.0
    step: list[Candidate | tuple[int, bool] | None] = [None] * (size + 1)
    for at in range(size):
        # A filler word with one typo ("doctr") is still filler; two typos is a guess, and
        # so is one from a word spelled right: "Spears" and "Knight" are surnames, not
        # "speaks" and "night", and stay for the name search; so is a common name ("Cantu
        # Pediatrics" is Dr. Cantu's practice, not "can't").
        norm = tokens[at].norm
        typo = norm not in english_counts() and not is_common_name(norm)
        is_filler = any(alt.word in ignorable and alt.edits <= typo for alt in alts[at])
        is_filler = is_filler or is_a_count(tokens[at].norm)  # "for my 3 kids"
        single = best[at] + (FILLER if is_filler else UNPLACED)
        if single > best[at + 1]:
            best[at + 1], step[at + 1] = single, (at, is_filler)
        for candidate in by_start[at]:
            total = best[at] + candidate.score
            if total > best[candidate.end] + 1e-9:
                best[candidate.end], step[candidate.end] = total, candidate
    return _walk_back(step, size)


def _walk_back(
    step: list[Candidate | tuple[int, bool] | None], size: int
) -> tuple[list[Candidate], list[tuple[int, bool]]]:
    """Follow the best steps back from the end: the chosen readings and skipped tokens."""
    chosen: list[Candidate] = []
    skipped: list[tuple[int, bool]] = []
    at = size
    while at > 0:
        taken = step[at]
        if isinstance(taken, Candidate):
            chosen.append(taken)
            at = taken.start
        else:
            assert taken is not None  # every position is reachable one token at a time
            skipped.append(taken)
            at = taken[0]
    return chosen[::-1], skipped[::-1]


def _parts(text: str, tokens: list[Token], chosen: list[Candidate]) -> list[Part]:
    parts = []
    for c in chosen:
        span = (tokens[c.start].start, tokens[c.end - 1].end)
        parts.append(
            Part(
                kind=c.kind,
                ids=c.ids,
                label=c.label,
                span=span,
                text=text[span[0] : span[1]],
                match=c.match,
                codes=c.codes,
                filter=c.filter,
                place=c.place,
                candidates=c.places,
                near_me=c.near_me,
                radius_miles=c.radius,
            )
        )
    return parts


def _settle(
    parts: list[Part], chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[Part, ...]:
    """Resolve context phrases and narrow multi-region terms, using the whole text."""
    systems = ambiguity.body_systems(chosen, lexicon)
    regions = _regions(tokens, lexicon)
    region = next(iter(regions)) if len(regions) == 1 else None
    settled = []
    for part, candidate in zip(parts, chosen, strict=True):
        if part.kind == "context" and candidate.entry is not None:
            context = lexicon.data.contexts[int(candidate.entry.ref)]
            fitting = [context.by_body_system[s] for s in systems if s in context.by_body_system]
            meant = fitting[0] if fitting else context.concept
            if meant == POSTSURGICAL_PAIN and not _PAIN_SAID.search(_text_of(tokens)):
                meant = None  # "hernia came back after surgery", "swelling after surgery"
            if meant:  # else it stays a context, which means nothing here
                concept = lexicon.vocabulary.concepts[meant]
                part = replace(part, kind=concept.kind, ids=(concept.id,), label=concept.name)
        if part.kind in ("condition", "procedure") and len(part.ids) > 1:
            ids, label = narrowed(part.ids, part.label, region, lexicon)
            part = replace(part, ids=ids, label=label)
        settled.append(part)
    return tuple(settled)


def _without_unfitting_contexts(
    parts: tuple[Part, ...], chosen: list[Candidate], tokens: list[Token]
) -> tuple[tuple[Part, ...], list[Candidate], tuple[Word, ...]]:
    """A phrase that means something only beside a body system it lists, and is beside none
    ("psoriasis, want to ask about the injection meds"), is no need: its words are filler."""
    unfit = [at for at, part in enumerate(parts) if part.kind == "context"]
    if not unfit:
        return parts, chosen, ()
    words = tuple(w for at in unfit for w in _words_in(tokens, parts[at].span))
    kept = [at for at in range(len(parts)) if at not in unfit]
    return tuple(parts[at] for at in kept), [chosen[at] for at in kept], words


def _signs_of_a_panic_attack(
    parts: tuple[Part, ...], tokens: list[Token], lexicon: Lexicon
) -> tuple[tuple[Part, ...], tuple[Word, ...]]:
    """Beside a panic attack named, the needs its signs read as are the attack's: "panic
    attacks at work heart racing cant breathe" had listed cardiologists, and "i think i have
    anxiety, panic attacks ... chest gets tight" family doctors, who treat all three."""
    panic = lexicon.data.panic
    if panic is None:
        return parts, ()
    attacks = {p.span for p in parts if any(term in normalize_term(p.text) for term in panic.terms)}
    if not any(p.kind == "condition" and p.span in attacks for p in parts):
        return parts, ()
    signs = [
        p
        for p in parts
        if p.kind in ("condition", "symptom")
        and p.ids
        and set(p.ids) <= panic.signs
        and p.span not in attacks
    ]
    if not signs:
        return parts, ()
    words = tuple(w for p in signs for w in _words_in(tokens, p.span))
    return tuple(p for p in parts if p not in signs), words


_PREGNANT = frozenset({"pregnancy-care", "high-risk-pregnancy", "postpartum-care"})


def _the_parts_own_condition(
    text: str, parts: tuple[Part, ...], lexicon: Lexicon
) -> tuple[Part, ...]:
    """A body part and a general condition said apart ("not my back, my hip. hurts going up
    stairs and xray says arthritis"): the part's own condition, as "arthritis in my hip"
    reads (hip osteoarthritis, the orthopedists'; arthritis anywhere had listed
    rheumatologists). Only a condition the body part itself suggests."""
    for body in (p for p in parts if p.kind == "body_part"):
        part = _body_part_in(body, lexicon)
        for condition in (p for p in parts if p.kind == "condition") if part else ():
            said = normalize_term(condition.text)
            own = (lexicon.phrases.get(f"{term} {said}") for term in part.terms)
            entry = next((e for e in own if e and e.kind == "condition"), None)
            if entry is None or not set(entry.ids) <= set(body.ids):
                continue
            start = min(body.span[0], condition.span[0])
            end = max(body.span[1], condition.span[1])
            merged = replace(
                condition, ids=entry.ids, label=entry.label, span=(start, end),
                text=text[start:end],
            )  # fmt: skip
            first = min(body, condition, key=lambda p: p.span[0])
            kept = (p for p in parts if p is first or p not in (body, condition))
            return tuple(merged if p is first else p for p in kept)
    return parts


# "pain 8 months after hernia surgery", "hurting since my mastectomy"
_AFTER_AN_OPERATION = re.compile(
    r"\b(?:after|since|following|from)\s+(?:(?:my|his|her|the|a|an)\s+)?$"
)
POSTSURGICAL_PAIN = "chronic-postsurgical-pain"
# An operation's aftermath is its pain only where pain is said: "after surgery" beside a
# hernia that came back, a swelling or a follow-up is the story, not a pain problem.
_PAIN_SAID = re.compile(
    r"\b(?:pain|painful|pains|hurt|hurts|hurting|ache|aches|aching|sore|burning|throbbing"
    r"|dolor|didn\W?t help|did not help|failed)\b",
    re.IGNORECASE,
)


def _text_of(tokens: list[Token]) -> str:
    return " ".join(t.norm for t in tokens)


def _pain_after_an_operation(
    text: str, parts: tuple[Part, ...], lexicon: Lexicon
) -> tuple[Part, ...]:
    """Pain said of an operation it came after ("still in pain 8 months after hernia
    surgery") is chronic post-surgical pain, the pain doctors' as well as the surgeon's: read
    as pain and hernia repair it asked for hernia surgeons alone and found nobody near
    Atlanta. The operation stays asked for; back surgery has its own words (``contexts``)."""
    concept = lexicon.vocabulary.concepts.get(POSTSURGICAL_PAIN)
    after = [
        p for p in parts
        if p.kind == "procedure" and _AFTER_AN_OPERATION.search(text[: p.span[0]].lower())
    ]  # fmt: skip
    if concept is None or not after:
        return parts
    first = after[0].span
    pains = [p for p in parts if p.kind == "symptom" and p.label == "Pain" and p.span < first]
    return tuple(
        replace(p, kind="condition", ids=(concept.id,), label=concept.name, codes=())
        if p in pains
        else p
        for p in parts
    )


# An illness whose pain can outlast it, and the condition that pain is: the nerve pain
# shingles leaves is neurologists' and pain doctors', where shingles is primary care's.
PAIN_LEFT_BY = {"shingles": "postherpetic-neuralgia"}
# Words that put the illness before the pain: "had shingles", "3 months ago", "still".
_OUTLASTED = re.compile(
    r"\b(?:had|after|since|still|ago|last\s+(?:year|month|week)|months|lingering|left\s*over"
    r"|wont\s+(?:go\s+away|stop)|won'?t\s+(?:go\s+away|stop)|never\s+went\s+away)\b"
)
_PAINS = frozenset({"Pain", "Numbness"})


def _pain_an_illness_left(text: str, parts: tuple[Part, ...], lexicon: Lexicon) -> tuple[Part, ...]:
    """Pain said after an illness that can leave it ("had shingles 3 months ago still burning
    pain where the rash was", "stabbing pain in my ribs after shingles rash") is the pain it
    left: the illness was, and the pain is what is asked (read as shingles and pain it had
    listed family doctors and dermatologists). The pain without words that put the illness
    before it ("shingles rash is so painful") stays the illness's."""
    ill = [p for p in parts if p.kind == "condition" and p.ids[0] in PAIN_LEFT_BY]
    if not ill or not _OUTLASTED.search(text.lower()):
        return parts
    left = lexicon.vocabulary.concepts.get(PAIN_LEFT_BY[ill[0].ids[0]])
    pains = [
        p
        for p in parts
        if (p.kind == "symptom" and p.label.split(" in ")[0] in _PAINS)
        or (p.kind == "body_part" and p.label.lower().endswith(" pain"))
    ]
    if left is None or not pains:
        return parts
    pain = replace(pains[0], kind="condition", ids=(left.id,), label=left.name, codes=())
    said = {id(p) for p in (*ill, *pains[1:])}  # one pain, however many words said it
    return tuple(pain if p is pains[0] else p for p in parts if id(p) not in said)


def _body_part_in(part: Part, lexicon: Lexicon):
    words = (lexicon.phrases.get(w) for w in normalize_term(part.text).split())
    entry = next((e for e in words if e and e.kind == "body_part"), None)
    return lexicon.body_parts.get(entry.ref) if entry else None


# How far along a pregnancy is, said without the word: "my bp went way up at 34 weeks",
# "im 30 wks and my feet swell"; not a duration ("for 3 weeks", "2 weeks ago") nor a
# baby's age ("6 weeks old").
_WEEKS_ALONG = re.compile(
    r"\b(?:at|im|i'm|i am|she'?s|she is|currently)\s+([4-9]|[1-3]\d|4[0-2])\s*(?:weeks?|wks?)\b"
    r"(?!\s*(?:ago|old|postpartum|post|after|since|out)\b)",
    re.IGNORECASE,
)


def _in_pregnancy(text: str, parts: tuple[Part, ...], lexicon: Lexicon) -> tuple[Part, ...]:
    """A condition said beside a pregnancy, or the weeks after a birth, or how many weeks
    along ("at 34 weeks", ``_WEEKS_ALONG``), is what it is in pregnancy (``in_pregnancy``):
    "wife is 32 wks pregnant, face and feet really swollen and her bp was high" had listed
    family doctors, who treat each need, ahead of the obstetricians a high-risk pregnancy
    needs; so had "postpartum HTN f/u" and "my blood pressure went way up at 34 weeks"."""
    table = lexicon.data.in_pregnancy
    said = any(_PREGNANT & set(p.ids) for p in parts if p.kind == "condition")
    if not (said or _WEEKS_ALONG.search(text)):
        return parts
    concepts = lexicon.vocabulary.concepts
    read = []
    for part in parts:
        if part.kind == "condition" and any(i in table for i in part.ids):
            ids = tuple(dict.fromkeys(table.get(i, i) for i in part.ids))
            part = replace(part, ids=ids, label=concepts[ids[0]].name)
        read.append(part)
    return tuple(read)


# Conditions that also say when or how another need began: the weeks after a birth, an
# injury at work, a fall, a car accident ("headaches ever since car accident").
CIRCUMSTANCES = frozenset(
    {"postpartum-care", "work-injury", "fall-injury", "car-accident-injuries"}
)


def _how_it_began(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """ "3 months postpartum and I cant stop crying", "neck pain 5 yrs from a work injury":
    the circumstance says when or how a need began, and the need is the search. Alone
    ("6 week postpartum checkup", "workers comp doctor") it is the care asked for. So is
    a passing infection said after "since" or "after" beside another need ("cant sleep
    since covid", "legs got weak and tingly a couple weeks after the flu" had listed
    infectious disease specialists and family doctors)."""
    said = [
        p
        for p in parts
        if p.kind == "condition" and (set(p.ids) <= CIRCUMSTANCES or _after_an_infection(text, p))
    ]
    if not any(p.kind in _NEEDS or p.treats for p in parts if p not in said):
        return []
    return said


# Infections that pass, whose aftermath is another need's: said after "since"/"after".
PASSING_INFECTIONS = frozenset(
    {"covid-19", "influenza", "mononucleosis", "strep-throat", "pneumonia", "e-coli-infection"}
)
_SINCE = re.compile(
    r"\b(?:since|after|following)(?:\s+(?:i|he|she|we|they|my|his|her|the|a|an|had|having|"
    r"getting|got|catching|caught|bad|case|of|bout|being|sick|with))*\s*$"
)


def _after_an_infection(text: str, part: Part) -> bool:
    return (
        bool(part.ids)
        and set(part.ids) <= PASSING_INFECTIONS
        and bool(_SINCE.search(text[: part.span[0]].lower()))
    )


CLEARANCES = frozenset({"preoperative-clearance", "cardiac-clearance"})


def _cleared_for(parts: tuple[Part, ...], lexicon: Lexicon) -> list[Part]:
    """ "medical clearance b4 my knee surgery": the clearance is the visit to book, and the
    operation it is for (a procedure, a body part, a surgeon) is no ask: "cardiac clearance
    for hip replacement" lists cardiologists, not joint surgeons."""
    if not any(set(p.ids) & CLEARANCES for p in parts):
        return []
    specialties = lexicon.vocabulary.specialties
    return [
        p
        for p in parts
        if not set(p.ids) & CLEARANCES
        and (
            p.kind in ("procedure", "body_part")
            or (
                p.kind == "specialty"
                and p.codes
                and all(c in specialties and specialties[c].is_surgical for c in p.codes)
            )
            # "clearance for tonsil surgery": the part's surgeon the words made
            or (p.kind == "specialty" and p.label.endswith(" surgeon"))
        )
    ]


def _timing_only(chosen: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """A context phrase ("post op", "after surgery") beside a procedure named and no pain
    is when, not what: "post op f/u lap chole" is a gallbladder surgeon's follow-up, and
    read as chronic post-surgical pain it brought pain and rehab doctors. With pain
    ("pain since my knee replacement") the context keeps its meaning."""
    contexts = [c for c in chosen if c.kind == "context"]
    if not contexts or not any(c.kind == "procedure" for c in chosen):
        return chosen, []
    if any("pain" in c.label.lower() for c in chosen if c.kind != "context"):
        return chosen, []
    return [c for c in chosen if c.kind != "context"], contexts


_SAME_NEED_JOINS = ("", "and", "&", "+", "with", "w/", "or", "/")  # "PAD with claudication"


def _merge_repeats(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """One part for "sciatica pain down my left leg": neighbours that mean the same merge."""
    merged: list[Part] = []
    for part in parts:
        last = merged[-1] if merged else None
        if (
            last
            and (last.kind, last.ids, last.filter) == (part.kind, part.ids, part.filter)
            and text[last.span[1] : part.span[0]].strip(" ,").lower() in _SAME_NEED_JOINS
            # "son is 7 pediatrician": who the patient is, then the specialist asked for
            and last.is_the_patient == part.is_the_patient
        ):
            span = (last.span[0], part.span[1])
            # "chiropractor near me 60657": the place typed is where "me" is
            kept = part if last.near_me and not part.near_me else last
            part = replace(kept, span=span, text=text[span[0] : span[1]])
            merged.pop()
        merged.append(part)
    return tuple(merged)


def _a_name_said_again(parts: tuple[Part, ...]) -> list[Part]:
    """ "look up doctor smith ... she saw a doctor smith last year": one name, said twice
    (it had searched for physicians named "Smith or Smith" and found nobody)."""
    names = [p for p in parts if p.kind == "name"]
    return [p for at, p in enumerate(names) if any(n.ids == p.ids for n in names[:at])]


LANDMARK_WORDS = 2  # "ellington field houston", "galleria mall houston"


def _places_side_by_side(text: str, parts: tuple[Part, ...]) -> tuple[tuple[Part, ...], tuple]:
    """Two places typed side by side, or a word or two apart (not "hartford or boston",
    both asked for): a small far namesake before a city names a neighbourhood or landmark
    of it ("buckhead atlanta", "near ellington field houston": the city is the place, the
    name's words filler); a town near the city settles which one of its name is meant
    ("newton boston": Newton, MA). ``places.side_by_side`` says which."""
    places = [p for p in parts if p.kind == "location" and not p.near_me]
    dropped, settled = [], {}
    for first, then in zip(places, places[1:], strict=False):
        between = text[first.span[1] : then.span[0]].split()
        if set(between) & {"and", "or", "&", "/"} or len(between) > LANDMARK_WORDS:
            continue
        meant = side_by_side(first.place, first.candidates, then.place)
        if meant is None:
            dropped.append(first)
        elif meant[0] is not None and meant[0] != first.place:
            settled[id(first)] = replace(first, place=meant[0], candidates=(), label=meant[0].label)
    if not dropped and not settled:
        return parts, ()
    words = tuple(Word(first.text, first.span) for first in dropped)
    kept = (settled.get(id(p), p) for p in parts if p not in dropped)
    return tuple(kept), words


def _not_the_back_of_a_part(
    candidates: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], set[int]]:
    """ "pain in the back of my knee": "back" is the knee's side, not the back. A reading
    that ends on "back" right before "of" and a body part is dropped; the part still reads,
    and the word "back" is filler (returned: its token indexes)."""
    skippable = lexicon.word_set("skippable")

    def a_side_of_a_part(end: int) -> bool:
        if end >= len(tokens) or tokens[end - 1].norm != "back" or tokens[end].norm != "of":
            return False
        after = end + 1
        while after < len(tokens) and tokens[after].norm in skippable:
            after += 1
        entry = lexicon.phrases.get(tokens[after].norm) if after < len(tokens) else None
        return entry is not None and entry.kind == "body_part"

    sides = {i for i in range(1, len(tokens)) if a_side_of_a_part(i)}
    return [c for c in candidates if c.end not in sides], {i - 1 for i in sides}


# Public programs a carrier also sells plans under: "Humana Medicare Advantage", "Aetna
# Medicaid" are that carrier's plans, which its network serves, not Humana or Medicare.
PUBLIC_PROGRAMS = frozenset({"Medicare", "Medicaid"})


def _carriers_own_plan(text: str, parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A carrier typed right beside a public program is that carrier's plan: one insurance
    part, the carrier's ("uhc medicaid", "bcbs medicare advantage"). Said apart ("medicare
    or humana", "medicare, aetna"), both stay, either accepted."""
    merged: list[Part] = []
    for part in parts:
        last = merged[-1] if merged else None
        pair = (last, part) if last else ()
        insurance = bool(pair) and all(p.filter == "insurance" for p in pair)
        if insurance and text[last.span[1] : part.span[0]].strip(" -") == "":
            programs = [p for p in pair if set(p.ids) <= PUBLIC_PROGRAMS]
            carriers = [p for p in pair if not set(p.ids) & PUBLIC_PROGRAMS]
            if len(programs) == 1 and len(carriers) == 1:
                span = (last.span[0], part.span[1])
                part = replace(carriers[0], span=span, text=text[span[0] : span[1]])
                merged.pop()
        merged.append(part)
    return tuple(merged)


def _near_me_beside_a_place(parts: tuple[Part, ...]) -> list[Part]:
    """ "nearest neurologist to gary indiana", "closest cardiologist to naperville": the
    place typed is where the nearest is measured from (it had asked for the browser's
    location and searched everywhere)."""
    if not any(p.kind == "location" and not p.near_me for p in parts):
        return []
    return [p for p in parts if p.kind == "location" and p.near_me]


_OF_A_STATE = re.compile(r"\s+of(?:\s+the\s+state\s+of)?\s+", re.IGNORECASE)


def _a_plans_state(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """A state said after a carrier and "of" names the carrier's plan ("bcbs of texas",
    "blue shield of california", "medical mutual of ohio"), not where to search: "bcbs of
    texas ... sugar land" had searched all of Texas, and "blue shield of california
    gastroenterologist torrance" had read Torrance as a physician's name."""
    states = [p for p in parts if p.kind == "location" and p.place and p.place.kind == "state"]
    return [
        state
        for state in states
        if any(
            p.filter == "insurance"
            and p.span[1] <= state.span[0]
            and _OF_A_STATE.fullmatch(text[p.span[1] : state.span[0]])
            for p in parts
        )
    ]


def _regions(tokens: list[Token], lexicon: Lexicon) -> set[str]:
    norms = [t.norm for t in tokens]
    grams = norms + [f"{a} {b}" for a, b in zip(norms, norms[1:], strict=False)]
    return {lexicon.region_of[g] for g in grams if g in lexicon.region_of}


def _word(token: Token) -> Word:
    return Word(token.text, (token.start, token.end))


def _words_in(tokens: list[Token], span: tuple[int, int]) -> tuple[Word, ...]:
    """A part's words, one per token: what is set aside is accounted for word by word."""
    return tuple(_word(t) for t in tokens if span[0] <= t.start and t.end <= span[1])
