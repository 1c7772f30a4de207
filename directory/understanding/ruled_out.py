"""A body part someone says was checked and is fine: "panic attacks, heart racing, but the
ER said my heart is fine" asks for help with panic, not for a cardiologist, and so does
"the cardiologist says my heart is fine" beside heartburn.

The readings of that body part's system (the heart racing as an arrhythmia, the heart as
heart problems) step aside when another need is still read; alone ("is my heart fine") they
stay, since then they are all the search says.

So does the care that told someone about the need ("bloodwork said my platelets are low",
"my pcp said i need a dermatologist", "biopsy showed melanoma"): it is who found it, not
whom to see. And so do what the words say is background to the ask: conditions under
control, the cause of a complication named ("T2DM ... diabetic retinopathy screening"), the
needs before "mostly" or "referral for:", a past medical history ("PMHx DM2, CAD."), a
specialist already seen ("cardiology already established") and a cancer in the family
("my dad had colon cancer").
"""

from __future__ import annotations

from directory.icd10cm import description
from directory.text import compact_icd10
from directory.understanding.candidates import Candidate
from directory.understanding.code_words import HISTORY
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import CHILD_NOUNS, PATIENT_WORDS
from directory.understanding.tokens import Token

_FINE = frozenset({"fine", "ok", "okay", "normal", "healthy"})
# Words between the part and "fine": "my heart checked out fine", "my heart is totally fine".
_BETWEEN = frozenset(
    {"is", "was", "are", "were", "checked", "out", "came", "back", "looks", "looked",
     "totally", "perfectly", "completely", "all", "seems", "s"}
)  # fmt: skip
_REACH = 4
_NEEDS = ("condition", "body_part", "symptom", "procedure", "specialty")


def set_aside(
    chosen: list[Candidate], out: list[Candidate]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, what was set aside): the readings ``out`` leave the search
    while another need is still read; alone they stay what the search says."""
    kept = [c for c in chosen if c not in out]
    if not out or not any(c.kind in _NEEDS for c in kept):
        return chosen, []
    return kept, out


# What a test or a doctor did about the need: "labs showed", "my pcp thinks", "came back".
_TOLD = frozenset(
    {"said", "says", "showed", "shows", "show", "found", "finds", "told", "tells", "thinks",
     "revealed", "reveals", "confirmed", "confirms", "demonstrated", "demonstrates",
     "gave", "gives", "prescribed", "prescribes", "mentioned", "mentions", "recommended",
     "recommends", "suggested", "suggests", "referred", "wants", "wanted"}
)  # fmt: skip
# An operation advised is no teller of the need: it is the need ("knee replacement
# recommended, want a second opinion").
_ADVISED = frozenset({"recommended", "recommends", "suggested", "suggests"})
# "urgent care just gives me antibiotics"
_JUST = frozenset({"just", "only", "always", "keeps", "kept", "already"})
_CARE = ("specialty", "procedure")
_SEEN_ON = frozenset({"on", "in"})
_AND = frozenset({"and", "but", "so", "plus"})
_WHOSE = frozenset({"my", "the", "his", "her", "their", "a", "an"})
_RESULTS = frozenset(
    {"high", "low", "abnormal", "positive", "elevated", "bad", "off", "weird", "funny", "up"}
)  # fmt: skip
# A test's result said right after it, its clause ending there: "EMG severe", "MRI negative".
_GRADES = frozenset(
    {"severe", "moderate", "mild", "positive", "negative", "normal", "abnormal", "confirmed",
     "mod"}
)  # fmt: skip
_PATIENT = PATIENT_WORDS | CHILD_NOUNS  # "my kid said her ear hurts": who the care is for


def ruled_out(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, what was ruled out): a reading that names the part said to be
    fine ("heart racing"), or one of its system that names no other part ("palpitations");
    "back pain but my knees are fine" keeps the back."""
    parts = [_part(token, lexicon) for token in tokens]
    fine: set[str] = set()
    for i, part in enumerate(parts):
        if part is None:
            continue
        if _said_not(i, tokens):  # "the ER said its anxiety, not my heart"
            fine.add(part.id)
            continue
        for after in tokens[i + 1 : i + 1 + _REACH]:
            if after.norm in _FINE:
                fine.add(part.id)
                break
            if after.norm not in _BETWEEN:
                break
    if not fine:
        return chosen, []
    systems = {lexicon.body_parts[p].body_system for p in fine}
    # "the cardiologist did tests and says my heart is fine": who checked it, not whom to see
    checked_by = {code for p in fine for code in lexicon.body_parts[p].specialties}

    def is_out(candidate: Candidate) -> bool:
        if candidate.kind == "specialty":
            return bool(set(candidate.ids) & checked_by)
        named = {p.id for p in parts[candidate.start : candidate.end] if p is not None}
        system = _system(candidate, lexicon)
        if named & fine and (candidate.kind == "body_part" or system in systems):
            return True
        return not named and system in systems

    return set_aside(chosen, [c for c in chosen if is_out(c)])


# "diabetes and bp are under control", "her sugars are well controlled", "CAD, stable"
_CONTROLLED = frozenset({"controlled", "stable"})
_STATE = frozenset(
    {"is", "are", "was", "were", "been", "both", "well", "pretty", "fairly", "all", "s",
     "has", "have", "stayed", "staying", "now", "currently", "very"}
)  # fmt: skip


def controlled(
    chosen: list[Candidate], tokens: list[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, what the words say is under control): "my mom is 78, diabetes
    and bp are under control but lately she leaves the stove on" asks about her memory, and
    had listed endocrinologists. Alone ("is my diabetes under control") they stay."""
    ends = {c.end: c for c in chosen if c.kind == "condition"}
    out: list[Candidate] = []
    for i, token in enumerate(tokens):
        if token.norm in _CONTROLLED:
            at = i
        elif token.norm == "control" and i and tokens[i - 1].norm == "under":
            at = i - 1
        else:
            continue
        while at > 0 and tokens[at - 1].norm in _STATE:
            at -= 1
        while at in ends:  # each condition joined before it: "diabetes and bp"
            out.append(ends[at])
            at = ends[at].start
            while at > 0 and tokens[at - 1].norm in _AND:
                at -= 1
    return set_aside(chosen, out)


def causes(chosen: list[Candidate], lexicon: Lexicon) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, the causes of a complication named beside them): "T2DM needs
    dilated eye exam, diabetic retinopathy screening" asks for the eyes, and had listed
    endocrinologists first; "diabetic, ckd stage 4" for the kidneys (``complications``).
    Two complications said ("diabetic, kidney numbers worse and feet numb") are the cause's
    to manage together: it stays."""
    table = lexicon.data.complications
    named = {i for c in chosen if c.kind == "condition" for i in c.ids if i in table}
    if len(named) != 1:
        return chosen, []
    why = {cause for i in named for cause in table[i]}
    out = [c for c in chosen if c.kind == "condition" and c.ids and set(c.ids) <= why]
    return set_aside(chosen, out)


# "ingrown toenail infected and im diabetic", "diabetic with erectile dysfunction": the
# word says who the patient is beside the need, whose specialists know what diabetes changes;
# so does the type said with it ("ingrown toenail and im a type 1 diabetic").
_DIABETIC_SAID = frozenset({
    "diabetic", "diabetics", "type 1 diabetic", "type 1 diabetics", "type one diabetic",
    "type i diabetic", "type1 diabetic", "t1 diabetic",
})  # fmt: skip


def the_patient_is(
    chosen: list[Candidate], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, "diabetic" said of the patient beside another need): the
    podiatrist for an infected ingrown toenail, not the endocrinologists the word had
    listed first. Alone, beside a specialist ("type 2 diabetic needs endocrinologist") or
    beside what diabetes causes ("diabetic, kidney numbers worse and feet numb": ``causes``
    decides) diabetes is the need."""
    out = [c for c in chosen if c.kind == "condition" and c.term in _DIABETIC_SAID]
    others = [c for c in chosen if c.kind in _CONCERNS and c not in out]
    caused = lexicon.data.complications
    if not others or any(i in caused for c in others for i in c.ids):
        return chosen, []
    return set_aside(chosen, out)


_CONCERNS = ("condition", "body_part", "symptom", "procedure")  # a need, not who treats it


# A referral's past medical history: "PMHx DM2, CAD. r/o lumbar stenosis ... spine eval".
_HISTORY_OF = frozenset({"pmhx", "pmh", "phx", "comorbidities", "comorbid"})


def past_history(
    chosen: list[Candidate], tokens: list[Token], text: str
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the conditions of a past medical history up to the sentence's end):
    "PMHx DM2, CAD. r/o lumbar stenosis vs vascular claudication" asks about the spine,
    and had listed cardiologists first."""
    out: list[Candidate] = []
    for i, token in enumerate(tokens):
        if token.norm not in _HISTORY_OF:
            continue
        ends = (j for j in range(i + 1, len(tokens)) if _ends_a_sentence(text, tokens, j))
        stop = next(ends, len(tokens))
        # "pmhx pmhx dm2": each condition set aside once
        out += [
            c
            for c in chosen
            if c.kind == "condition" and i < c.start and c.end <= stop and c not in out
        ]
    return set_aside(chosen, out)


def _ends_a_sentence(text: str, tokens: list[Token], at: int) -> bool:
    """A full stop or semicolon between token ``at - 1`` and token ``at``."""
    between = text[tokens[at - 1].end : tokens[at].start]
    return "." in between or ";" in between


# After a specialty, what says the patient sees one already: "cardiology already
# established", "neuro following", "GI on board".
_SEEN = frozenset({"already", "established", "following", "involved", "onboard"})


def already_seen(
    chosen: list[Candidate], tokens: list[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the specialists the patient already sees or is leaving): "COPD + CHF,
    cardiology already established, needs pulm only" asks for a pulmonologist, and had
    listed cardiologists first; "aging out of pediatric endo, need adult endocrinologist"
    asks for the adult one."""
    norms = [t.norm for t in tokens]
    cues = _leaving(norms)
    left = {end + (norms[end : end + 1] != [] and norms[end] in _WHOSE_CARE) for _, end in cues}

    def is_out(c: Candidate) -> bool:
        if any(start <= c.start and c.end <= end for start, end in cues):
            return True  # "aging" of "aging out of" is no condition
        if c.kind != "specialty":
            return False
        return _seen_after(norms, c.end) or c.start in left or _to_adult(norms, c.end)

    return set_aside(chosen, [c for c in chosen if is_out(c)])


def _seen_after(norms: list[str], at: int) -> bool:
    if norms[at : at + 1] and norms[at] in _SEEN:
        return True
    return norms[at : at + 2] == ["on", "board"]


# Care the patient is leaving, as a teen grows up or a patient moves: "aging out of
# pediatric endo, need adult endocrinologist", "too old for my pediatrician", "transfer
# care from childrens hospital"; and "pediatric to adult PCP".
_LEAVING = (
    ("aging", "out", "of"), ("aged", "out", "of"), ("ageing", "out", "of"),
    ("too", "old", "for"), ("outgrew",), ("outgrown",), ("leaving",),
    ("transition", "from"), ("transitioning", "from"), ("transfer", "from"),
    ("transferring", "from"), ("transfer", "care", "from"), ("switching", "from"),
)  # fmt: skip
_WHOSE_CARE = frozenset({"my", "his", "her", "our", "their", "the", "a"})


def _leaving(norms: list[str]) -> list[tuple[int, int]]:
    """The spans of the words that say care is being left ("aging out of")."""
    return [
        (i, i + len(cue))
        for i in range(len(norms))
        for cue in _LEAVING
        if norms[i : i + len(cue)] == list(cue)
    ]


def _to_adult(norms: list[str], at: int) -> bool:
    """ "pediatric to adult PCP": the care before is the one left."""
    return norms[at : at + 2] == ["to", "adult"]


# Who a family history is of, and how it is said: "my dad had colon cancer", "family
# history of breast cancer", "fhx colon ca", "mom passed from ovarian cancer".
_RELATIVES = frozenset(
    {"dad", "father", "mom", "mother", "brother", "sister", "grandma", "grandmother",
     "grandpa", "grandfather", "aunt", "uncle", "parents", "parent", "sibling", "cousin",
     "papa", "mama", "abuela", "abuelo", "madre", "padre", "hermano", "hermana"}
)  # fmt: skip
_HAD = frozenset({"had", "died", "passed", "tuvo", "murio"})
_HISTORY = (("family", "history"), ("family", "hx"), ("fam", "hx"), ("fhx",), ("fh",))


def family_history(
    chosen: list[Candidate], tokens: list[Token], lexicon: Lexicon
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, cancers in the family): "blood in my stool, im 45 and my dad had
    colon cancer" asks about the bleeding (a gastroenterologist), not a cancer surgeon;
    alone ("family history of breast cancer, what screening") the history is the ask."""
    norms = [t.norm for t in tokens]
    out = [
        c for c in chosen
        if _a_cancer(c, norms, lexicon) and _in_the_family(norms, c.start)
    ]  # fmt: skip
    chosen, kin = set_aside(chosen, out)
    # A history code read as whom it asks for ("Z80.0": the gastroenterologist) says why
    # beside a need ("Z85.3 personal hx of breast cancer, new axillary mass"); alone it
    # is the ask
    why = [c for c in chosen if _a_history_code(c, tokens)]
    if not any(c.kind in _NAMED_NEEDS for c in chosen if c not in why):
        return chosen, kin  # "Z84.81 FH genetic disease carrier": a vague word is no need
    return [c for c in chosen if c not in why], kin + why


_NAMED_NEEDS = ("condition", "body_part", "procedure", "specialty")


def _a_history_code(candidate: Candidate, tokens: list[Token]) -> bool:
    if candidate.kind != "specialty" or candidate.match != "code":
        return False
    compact = compact_icd10(tokens[candidate.start].text)
    return compact is not None and bool(HISTORY.match(description(compact) or ""))


# The word itself read as the oncologist: "dad had colon polyps and cancer at 55".
_CANCER_WORDS = frozenset({"cancer", "cancers", "ca", "malignancy", "tumor", "tumors"})


def _a_cancer(candidate: Candidate, norms: list[str], lexicon: Lexicon) -> bool:
    if candidate.kind == "specialty":
        return set(norms[candidate.start : candidate.end]) <= _CANCER_WORDS
    if candidate.kind != "condition":
        return False
    concepts = lexicon.vocabulary.concepts
    return bool(candidate.ids) and all(
        i in concepts and concepts[i].body_system == "oncology" for i in candidate.ids
    )


def _in_the_family(norms: list[str], at: int) -> bool:
    before = norms[max(at - 4, 0) : at]
    if any(tuple(before[-len(h) - k : len(before) - k]) == h for h in _HISTORY for k in (0, 1)):
        return True  # "family history of", "fhx"
    before = norms[max(at - 6, 0) : at]
    for i, word in enumerate(before):
        told = before[i + 1 :]
        if word in _RELATIVES and any(w in _HAD for w in told) and not set(told) & _ME:
            return True  # "my dad had", "mom passed from", "dad had colon polyps and cancer"
    return False


_ME = frozenset({"i", "im", "ive", "me"})  # "my dad had a stroke and i have cancer"


# "but mostly", "the main thing is", "lo principal": what follows is the ask.
_MAINLY = frozenset({"mostly", "mainly", "primarily", "chiefly", "principalmente", "sobretodo"})
_MAIN = frozenset({"main", "biggest", "primary", "principal", "major"})
_ASK = frozenset({"thing", "concern", "problem", "issue", "reason", "complaint", "worry"})
_REFERRAL = frozenset({"referral", "referred", "referring", "reason", "rfr"})


def main_need(
    chosen: list[Candidate], tokens: list[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the needs said before "mostly", "the main thing is" or a referral's
    "referral for:"): "asthma and high blood pressure but the main thing is heartburn every
    night" asks about the heartburn, and the family doctors who treat all three had come
    first. "Mostly" before a body part alone says where the need said is ("swollen and
    stiff in the morning, mostly my hands", "rash mostly on my arms"), and sets none aside."""
    cue = next((i for i, t in enumerate(tokens) if _cue_of_the_ask(tokens, i)), None)
    if cue is None:
        return chosen, []
    needs = [c for c in chosen if c.kind in ("condition", "symptom", "body_part")]
    asked = [c for c in needs if c.start > cue]
    if not asked:
        return chosen, []
    if tokens[cue].norm in _MAINLY and all(c.kind == "body_part" and c.words == 1 for c in asked):
        return chosen, []  # "stiff in the morning, mostly my hands": where, not another ask
    return set_aside(chosen, [c for c in needs if c.end <= cue])


def _cue_of_the_ask(tokens: list[Token], at: int) -> bool:
    norm = tokens[at].norm
    if norm in _MAINLY:
        return True
    after = tokens[at + 1].norm if at + 1 < len(tokens) else ""
    if norm in _REFERRAL and after == "for":  # "HTN, DM2 — referral for: low back pain"
        return True
    if norm == "sobre":  # "sobre todo"
        return after == "todo"
    return norm in _MAIN and after in _ASK


def _said_not(at: int, tokens: list[Token]) -> bool:
    """ "not my heart", "not the heart", "nothing wrong with my heart"."""
    before = [t.norm for t in tokens[max(at - 4, 0) : at]]
    if before and before[-1] in _WHOSE:
        before.pop()
    return bool(before) and (before[-1] == "not" or before[-3:] == ["nothing", "wrong", "with"])


def _part(token: Token, lexicon: Lexicon):
    entry = lexicon.phrases.get(token.norm)
    return lexicon.body_parts.get(entry.ref) if entry and entry.kind == "body_part" else None


def _system(candidate: Candidate, lexicon: Lexicon) -> str | None:
    if candidate.kind in ("condition", "procedure") and candidate.ids:
        concept = lexicon.vocabulary.concepts.get(candidate.ids[0])
        return concept.body_system if concept else None
    return None


def told_by(
    chosen: list[Candidate], tokens: list[Token], text: str
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, the care that told of it): a specialty or a test right before
    "said", "showed", "came back", or where a result was seen ("high on my bloodwork"),
    steps aside when another need is read, and so does a result that "came back high"; a
    child's age ("my 3 year old said her ear hurts") stays who the care is for, and a
    reading across a comma ("help me eat right, doc says") is not one teller."""

    def word(i: int) -> str:
        return tokens[i].norm if 0 <= i < len(tokens) else ""

    def seen_on(c: Candidate) -> bool:  # "high on my bloodwork"; not "is on dialysis"
        return (word(c.start - 1) in _WHOSE and word(c.start - 2) in _SEEN_ON) or (
            word(c.start - 1) == "on" and word(c.start - 2) in _RESULTS  # "low on bloodwork"
        )

    def came_from(c: Candidate) -> bool:  # "the inhaler from urgent care"
        return word(c.start - 1) == "from" or (
            word(c.start - 1) in _WHOSE and word(c.start - 2) == "from"
        )

    def tells(c: Candidate) -> bool:
        said = [tokens[i].norm for i in range(c.start, c.end)]
        if c.kind not in _CARE or any(w in _PATIENT or w[:1].isdigit() for w in said):
            return False
        if "," in text[tokens[c.start].start : tokens[c.end - 1].end]:
            return False
        if c.kind == "procedure" and word(c.end) in _ADVISED:
            return False  # "scoliosis surgery recommended ...": the operation is what is asked
        told = word(c.end) in _TOLD or (word(c.end), word(c.end + 1)) == ("came", "back")
        told = told or (word(c.end) in _JUST and word(c.end + 1) in _TOLD) or came_from(c)
        after = text[tokens[c.end - 1].end : tokens[c.end].start] if c.end < len(tokens) else ""
        ends_there = c.end == len(tokens) or word(c.end) in _AND or "," in after
        return told or (seen_on(c) and ends_there) or graded(c)

    def graded(c: Candidate) -> bool:  # "bilat carpal tunnel, EMG severe, for release"
        if word(c.end) not in _GRADES:
            return False
        at = c.end + 1 + (word(c.end + 1) in _GRADES)  # "EMG/NCS mod-severe"
        after = text[tokens[at - 1].end : tokens[at].start] if at < len(tokens) else ""
        return at == len(tokens) or word(at) in _AND or bool({",", "."} & set(after))

    def a_result(c: Candidate) -> bool:  # "my liver numbers came back high"
        return (word(c.start), word(c.end - 1)) == ("came", "back") and word(c.end) in _RESULTS

    tellers = [c for c in chosen if tells(c)]
    ends = {c.end for c in tellers}
    # "came back" read as a need coming back, right after the test that came back
    out = tellers + [
        c
        for c in chosen
        if c not in tellers and ((c.start in ends and word(c.start) == "came") or a_result(c))
    ]
    return set_aside(chosen, out)


# "not sore", "no fever", "denies chest pain", "w/o pain": a sign said to be absent.
_NOT = frozenset({"not", "no", "denies", "denied", "without", "w o", "neg", "never"})
_SIGNS = ("symptom", "condition")


def denied(chosen: list[Candidate], tokens: list[Token]) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, the signs said to be absent or to bring the need on): "lump on
    my neck, not sore" asks about the lump, not for pain doctors, "i leak urine when i
    cough" about the leak, not a chronic cough, and "BMI 16.8, restrictive eating" is no
    obesity, while another need is still read; "no fever" alone stays what the search
    says."""
    out = [
        c
        for c in chosen
        if c.kind in _SIGNS
        and (_said_absent(c, tokens) or _when(c, tokens) or _low_bmi(c, tokens))
        or _no_infection(c, tokens)
    ]
    return set_aside(chosen, out)


# "infection" alone is read as its doctor, the infectious disease specialist
_INFECTION = frozenset({"infection", "infections", "infected"})


def _no_infection(candidate: Candidate, tokens: list[Token]) -> bool:
    """ "ear pain but doctor says no infection", "sinus pressure, not an infection": an
    infection said absent is no reason to see the infection's specialist."""
    if candidate.kind != "specialty" or candidate.end - candidate.start != 1:
        return False
    if tokens[candidate.start].norm not in _INFECTION or candidate.start == 0:
        return False
    before = [t.norm for t in tokens[max(0, candidate.start - 2) : candidate.start]]
    return before[-1] in _NOT or (before[-1] in {"an", "a"} and before[0] in _NOT)


def a_name_forgotten(
    chosen: list[Candidate], tokens: list[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is asked, the searcher forgetting a name): "doctor nguyen in houston, i forget
    the first name" looks a physician up; it is no memory loss, even alone. "mom forgets
    my name" still is."""
    norms = [t.norm for t in tokens]
    out = [
        c for c in chosen
        if c.kind == "condition" and norms[c.end - 1] in _FORGET
        and _a_name(norms[c.end : c.end + _NAME_REACH])
        and (_the_searcher(norms, c.start) or _a_name(norms[c.end : c.end + _NAME_REACH], 1))
    ]  # fmt: skip
    return [c for c in chosen if c not in out], out


_FORGET = frozenset({"forget", "forgot", "remember", "recall"})
_NAME_REACH = 4  # "i forget his first name"
_SEARCHERS = frozenset({"i", "we", "pt", "patient"})  # who looks the physician up
_CANT = frozenset({"dont", "don", "t", "cant", "can", "doesnt", "doesn", "didnt", "didn", "not"})


def _a_name(words: list[str], whole: int = 0) -> bool:
    """ "name" in ``words``; with ``whole``, a first or last name ("her first name")."""
    at = words.index("name") if "name" in words else -1
    return at >= whole and (not whole or words[at - 1] in {"first", "last"})


def _the_searcher(norms: list[str], at: int) -> bool:
    while at and norms[at - 1] in _CANT:
        at -= 1
    return at > 0 and norms[at - 1] in _SEARCHERS


_WHEN = frozenset({"when", "whenever", "if"})
_WHO = frozenset({"i", "he", "she", "we", "they", "you", "im"})


def _said_absent(candidate: Candidate, tokens: list[Token]) -> bool:
    return candidate.start > 0 and tokens[candidate.start - 1].norm in _NOT


def _when(candidate: Candidate, tokens: list[Token]) -> bool:
    """ "when i cough", "whenever he sneezes": what brings the need on."""
    at = candidate.start
    return at >= 2 and tokens[at - 1].norm in _WHO and tokens[at - 2].norm in _WHEN


OVERWEIGHT_BMI = 25  # "BMI 16.8": underweight, not the obesity "BMI 42" reads as


def _low_bmi(candidate: Candidate, tokens: list[Token]) -> bool:
    if candidate.end - candidate.start != 1 or tokens[candidate.start].norm != "bmi":
        return False
    after = [t.norm for t in tokens[candidate.end : candidate.end + 3] if t.norm not in _BETWEEN]
    number = next((w for w in after if w.isdigit()), None)
    return number is not None and int(number) < OVERWEIGHT_BMI


# "is it cancer??", "could it be cancer", "scared its cancer", "is breast pain a sign of
# cancer": what someone fears it is.
_ASKED = (
    ("is", "it"), ("is", "this"), ("is", "that"), ("it", "be"), ("sign", "of"), ("signs", "of"),
)  # fmt: skip
# A referral's suspicion of a cancer: "suspicion of cancer of the breast, mass palpable,
# need evaluation of surgeon" asks for the surgeon, not the oncologist. Only the word
# "cancer": "r/o primary aldosteronism" asks for the endocrinologist it names.
_SUSPECTED = (
    ("suspicion", "of"), ("suspicious", "for"), ("concern", "for"), ("concerning", "for"),
    ("r o",), ("rule", "out"), ("suspected",), ("possible",), ("probable",),  # "r/o": one word
)  # fmt: skip
_SAID = (("its",), ("it", "s"))  # only after a fear: "scared its cancer"
_AFRAID = frozenset({"scared", "afraid", "worried", "terrified", "fear", "hope"})
# "is this mole cancer", "is the lump on my neck cancer": the question, a few words apart.
_IS, _THIS, _APART = "is", frozenset({"it", "this", "that", "the", "my"}), 6
# "get my lungs checked for cancer", "screened for cancer": a screening, not an oncologist.
_LOOKED_FOR = frozenset({"checked", "check", "screened", "screening", "tested", "test"})
# ... unless the word before names one asked for: "is that a podiatrist", "time for hospice".
_NAMES_ONE = frozenset({"a", "an", "the", "for", "to", "see", "my", "your", "our", "with"})


def feared(chosen: list[Candidate], tokens: list[Token]) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, a specialty named as what someone fears it is): "mole on my
    back changed color, is it cancer??" asks who looks at the mole (the dermatologist),
    not for an oncologist, while another need is still read."""

    def asked_if(c: Candidate) -> bool:
        if c.kind != "specialty":
            return False
        before = tuple(t.norm for t in tokens[max(c.start - 2, 0) : c.start])

        def after_one_of(phrases: tuple[tuple[str, ...], ...]) -> bool:
            return any(before[-len(q) :] == q for q in phrases)

        if after_one_of(_ASKED):
            return True
        said = {t.norm for t in tokens[c.start : c.end]}
        if said <= _CANCER_WORDS and after_one_of(_SUSPECTED):
            return True
        if _asked_if_it_is(c, tokens):
            return True
        afraid = any(t.norm in _AFRAID for t in tokens[: c.start])
        return afraid and after_one_of(_SAID)

    return set_aside(chosen, [c for c in chosen if asked_if(c)])


def _asked_if_it_is(candidate: Candidate, tokens: list[Token]) -> bool:
    """ "is this mole cancer", "is the lump on my neck cancer", "get my lungs checked for
    cancer"; not "hearing test for 2yo" (the patient), "is that a podiatrist or er" or "is
    it time for hospice" (the care asked about)."""
    said = [t.norm for t in tokens[candidate.start : candidate.end]]
    if any(w in _PATIENT or w[:1].isdigit() for w in said):
        return False
    before = [t.norm for t in tokens[max(candidate.start - _APART, 0) : candidate.start]]
    if before[-2:-1] and before[-2] in _LOOKED_FOR and before[-1] == "for":
        return True
    if not before or before[-1] in _NAMES_ONE:
        return False
    return any(
        w == _IS and before[i + 1 : i + 2] and before[i + 1] in _THIS for i, w in enumerate(before)
    )
