"""A referral's shorthand: "pt c/o chest pain", "s/p CABG f/u", "r/o melanoma".

Coordinators paste the words of a referral. Its shorthand ("s/p", "r/o", "hx", "eval") is
filler (``referral_shorthand`` in data/lexicon.json), and "pt" followed by what describes a
patient ("pt c/o", "pt with", "pt 67 yo": ``patient_cues``) is the patient, not a physical
therapist, while "PT eval" and "pt for back pain" keep their therapist; so is a "pt" beside
another physician's specialty ("derm consult medicaid pt cleveland"). "ca" beside an
organ is its cancer ("breast ca"), unless the words read it as California ("Los Angeles, CA").
"""

from __future__ import annotations

from collections.abc import Sequence

from directory.understanding.candidates import Candidate, from_entry
from directory.understanding.lexicon import Lexicon
from directory.understanding.model import PATIENT_WORDS
from directory.understanding.places import located_tokens
from directory.understanding.tokens import Token
from directory.vocabulary import PEDIATRICS


def without_patient_readings(
    candidates: list[Candidate], tokens: Sequence[Token], lexicon: Lexicon
) -> list[Candidate]:
    """Drop every reading of a patient word ("pt") that the next word shows is the patient;
    with no reading left it is filler (the lexicon counts patient words as ignorable)."""
    patient, cues = lexicon.word_set("patient_words"), lexicon.word_set("patient_cues")
    meant = {
        i
        for i, token in enumerate(tokens[:-1])
        if token.norm in patient
        and (
            tokens[i + 1].norm in cues
            or tokens[i + 1].norm.isdigit()
            or (tokens[i + 1].norm[:1].isdigit() and not _how_often(tokens, i + 1))  # "pt 8yo"
            or _sent(tokens, i)  # "refer pt for remicade infusions"
            or _the_referred(tokens, i)  # "podiatry referral pt", "new fibromyalgia pt"
        )
        and not (token.upper and (tokens[i + 1].norm in ORDERS_AFTER or _how_often(tokens, i + 1)))
    }
    return without_one_word_readings(candidates, meant)


def _sent(tokens: Sequence[Token], at: int) -> bool:
    """ "scheduling pt for ESI", "refer pt for remicade", "where do we send a pt for botox":
    the patient referred or booked; not "book PT eval", the order for a therapist's visit,
    nor "book a pt", which may ask for a therapist."""
    token, after = tokens[at], tokens[at + 1].norm
    if token.upper or after in _VISITS or not at:
        return False
    before = tokens[at - 1].norm
    if before in _SENDING:
        return True
    return before in _THIS_ONE and at >= 2 and tokens[at - 2].norm in _REFERRING


def _the_referred(tokens: Sequence[Token], at: int) -> bool:
    """ "podiatry referral pt in salem", "scheduling new fibromyalgia pt": in lower case
    after a referral, or after "new" and the need, the patient; not "PT referral" nor "pt
    eval", the therapy ordered."""
    token = tokens[at]
    if token.upper or not at or tokens[at + 1].norm in _VISITS:
        return False
    before = [t.norm for t in tokens[max(0, at - 3) : at]]
    if before[-1] in _REFERRALS or "new" in before:
        return True
    # "surgeon for sleeve, pt in norwood": the patient's town after what was asked; "need a
    # pt in boston" asks for a therapist there
    return at >= 2 and tokens[at + 1].norm in _WHERE_FROM and before[-1] not in _ASKING


_WHERE_FROM = frozenset({"in", "from", "lives"})
_ASKING = frozenset({"a", "an", "the", "good", "find", "need", "best", "any", "nearest"})
_REFERRALS = frozenset({"referral", "referrals", "consult", "referred"})
_VISITS = frozenset({"eval", "evaluation", "visit", "visits", "session", "sessions", "appt"})


def _how_often(tokens: Sequence[Token], at: int) -> bool:
    """ "2-3x/wk", "3x", "2 times a week": how often the care is to be given, so "PT 2-3x/wk"
    is the order for therapy, while "pt 67 yo" is the patient."""
    words = [t.norm for t in tokens[at : at + 3]]
    return any(w in _TIMES or (w[:-1].isdigit() and w.endswith("x")) for w in words)


_TIMES = frozenset({"times", "x", "per", "twice", "weekly", "daily"})
# Who is referred, scheduled or booked is the patient: "scheduling pt for ESI".
_SENDING = frozenset(
    {"refer", "referring", "schedule", "scheduling", "book", "booking", "send", "sending"}
)
# "send a pt", "refer this pt": sending or referring someone is sending the patient
_REFERRING = frozenset({"refer", "referring", "send", "sending", "sent", "referred"})
_THIS_ONE = frozenset({"a", "an", "the", "this", "our", "my", "that"})


# "PT s/p R TKA": in capitals before "s/p", an order for physical therapy after the
# operation; "pt s/p TKA" and "Pt s/p TKA" are the patient who had it.
ORDERS_AFTER = frozenset({"s p"})  # tokens fold "s/p" as the lexicon does


def without_one_word_readings(candidates: list[Candidate], positions: set[int]) -> list[Candidate]:
    """``candidates`` without those reading just one word at one of ``positions``."""
    if not positions:
        return candidates
    return [c for c in candidates if not (c.end - c.start == 1 and c.start in positions)]


# "ortho and PT", "PT/OT": a patient word joined to another specialty is asked for too.
JOINS = frozenset({"and", "or", "&", "/", "+", ","})


def patients_beside_a_doctor(
    text: str, chosen: Sequence[Candidate], tokens: Sequence[Token], lexicon: Lexicon
) -> set[int]:
    """Patient words ("pt") that a chosen reading made a physical therapist although the
    text asks for a physician of another specialty: "derm consult medicaid pt cleveland"
    is a dermatology referral for a patient. So is one right after the patient's plan or
    language, or labelling their name ("Pt: Jaylen W."), beside another need ("dx
    colonoscopy, medicaid pt"). A "pt" joined to that
    specialty ("ortho and PT", "PT/OT") or asked for something ("pt for knee") keeps its
    therapist."""
    patient = lexicon.word_set("patient_words")
    specialties = lexicon.vocabulary.specialties
    doctors = [
        c
        for c in chosen
        if c.kind == "specialty"
        and any(specialties[code].is_physician for code in c.ids)
        and not _about_the_patient(c, tokens)  # "PT referral ... 16F": the patient, 16
    ]
    needs = [c for c in chosen if c.kind in ("condition", "procedure") or c in doctors]
    found = set()
    for c in chosen:
        if c.kind != "specialty" or c.end - c.start != 1 or tokens[c.start].norm not in patient:
            continue
        if _asked_to_see(tokens, c.start):
            found.add(c.start)  # "kindly see pt for refractory GERD", "please evaluate pt for"
            continue
        if c.start and tokens[c.start - 1].norm in DESCRIBE_A_PATIENT:
            found.add(c.start)  # "home visits for homebound pt", "elderly pt for guardianship"
            continue
        if c.end < len(tokens) and tokens[c.end].norm == "for":
            continue
        if doctors and not any(_joined(text, tokens, c, d) for d in doctors):
            found.add(c.start)
        elif needs and (_after_a_filter(c, chosen) or _labels_the_patient(text, tokens, c)):
            found.add(c.start)  # "dx colonoscopy, medicaid pt", "Pt: Jaylen W. ... ADHD"
        elif (
            not tokens[c.start].upper
            and _treats_none_of(c, needs, lexicon)
            and not _therapy_after(tokens, c)  # "pt after rotator cuff surgery"
        ):
            found.add(c.start)  # "UVJ stone w/ hydro, pt in torrance": no therapist's stone
        elif _for_a_patient_with(c, chosen, tokens):
            found.add(c.start)  # "trigger point injections for fibro pt, bcbs"
    return found


def _about_the_patient(candidate: Candidate, tokens: Sequence[Token]) -> bool:
    """A pediatrician read from words about the patient ("16F", "6yo", "my kid"): who the
    care is for, no physician asked for."""
    return candidate.ids == (PEDIATRICS,) and any(
        tokens[i].norm[:1].isdigit() or tokens[i].norm in PATIENT_WORDS
        for i in range(candidate.start, candidate.end)
    )


def _for_a_patient_with(
    patient: Candidate, chosen: Sequence[Candidate], tokens: Sequence[Token]
) -> bool:
    """ "trigger point injections for fibro pt": "for", a condition, then "pt", beside a
    procedure asked for, is the patient who has the condition; "PT for knee pain" and "knee
    pain pt" alone keep the therapist."""
    had = [
        c
        for c in chosen
        if c.kind == "condition" and c.end == patient.start and c.start
        and tokens[c.start - 1].norm == "for"
    ]  # fmt: skip
    return bool(had) and any(c.kind == "procedure" for c in chosen)


# Words a coordinator says of a patient right before "pt": "homebound pt", "our pt". ("my
# pt" is as often the patient's own physical therapist: "my pt said to see ortho".)
# A consult's verbs: what follows them is the patient ("please evaluate pt for ..."); "see"
# only after a request's courtesy ("kindly see pt"): "need to see pt for my shoulder" is a
# physical therapist.
_ASKED_TO_SEE = frozenset(
    {"evaluate", "eval", "evaluating", "assess", "examine", "consult", "treat", "manage"}
)
_KINDLY = frozenset({"kindly", "please", "pls", "plz"})


def _asked_to_see(tokens: Sequence[Token], at: int) -> bool:
    before = [t.norm for t in tokens[max(at - 2, 0) : at]]
    if before[-1:] and before[-1] in _ASKED_TO_SEE:
        return True
    return before[-1:] == ["see"] and len(before) == 2 and before[0] in _KINDLY


DESCRIBE_A_PATIENT = frozenset(
    {"homebound", "bedbound", "elderly", "geriatric", "established", "diabetic", "disabled"}
    | {"adolescent", "teen", "teenage"}
    | {"our", "this", "that", "same"}
)


def _therapy_after(tokens: Sequence[Token], patient: Candidate) -> bool:
    """ "pt after rotator cuff surgery", "pt post knee scope": therapy after an operation."""
    return patient.end < len(tokens) and tokens[patient.end].norm in ("after", "post")


def _treats_none_of(patient: Candidate, needs: Sequence[Candidate], lexicon: Lexicon) -> bool:
    """The conditions and procedures said beside "pt" are none that its therapist treats
    ("TTE + stress test for DOE, pt vietnamese speaking only"): the patient, not a physical
    therapist; "knee pain pt" keeps the therapist who treats knee pain, and "PT" in
    capitals ("PT s/p R TKA") is the order for therapy (the caller checks)."""
    concepts = lexicon.vocabulary.concepts
    said = [i for c in needs if c.kind in ("condition", "procedure") for i in c.ids]
    if not said or not all(i in concepts for i in said):
        return False
    therapist = set(patient.ids)
    return not any(r.code in therapist for i in said for r in concepts[i].specialties)


def _labels_the_patient(text: str, tokens: Sequence[Token], patient: Candidate) -> bool:
    """ "Pt: Jaylen W.", "pt: 67 yo": a referral's field for the patient, their name or age
    after the colon ("PT: eval and treat" orders therapy)."""
    after = text[tokens[patient.start].end :].lstrip()
    if not after.startswith(":"):
        return False
    following = after[1:].lstrip()[:1]
    return following.isdigit() or following.isupper()


def _after_a_filter(patient: Candidate, chosen: Sequence[Candidate]) -> bool:
    """ "medicaid pt", "spanish speaking pt": the patient's plan or language, said of them;
    so is a language or a plan right after ("pt portuguese speaking, spine referral")."""
    return any(
        c.kind == "filter"
        and (
            c.end == patient.start or (c.start == patient.end and c.filter in _THE_PATIENTS_FILTERS)
        )
        for c in chosen
    )


_THE_PATIENTS_FILTERS = frozenset({"language", "insurance"})


def _joined(text: str, tokens: Sequence[Token], one: Candidate, other: Candidate) -> bool:
    first, second = (one, other) if one.start < other.start else (other, one)
    if second.start - first.end > 1:  # at most one word between: "ortho and PT"
        return False
    between = text[tokens[first.end - 1].end : tokens[second.start].start].strip()
    return between.casefold() in JOINS


CANCER = "ca"  # "breast ca", "ca colon", "hx prostate CA": a referral's cancer
MAX_ORGAN_WORDS = 3  # "non small cell lung ca"


def cancer_candidates(
    tokens: Sequence[Token], places: Sequence[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """ "ca" beside an organ read as its cancer ("breast ca" as "breast cancer", "ca of the
    pancreas" as "cancer of the pancreas"), and after shorthand ("r/o ca") as cancer. Where
    the words read as a place ("Los Angeles, CA", "in CA") the state stays a state."""
    settled = located_tokens(places)
    norms = [t.norm for t in tokens]
    shorthand = lexicon.word_set("referral_shorthand")
    found: list[Candidate] = []
    for at, norm in enumerate(norms):
        if norm != CANCER or at in settled:
            continue
        for size in range(1, MAX_ORGAN_WORDS + 1):
            before, after = norms[max(at - size, 0) : at], norms[at + 1 : at + 1 + size]
            keys = [(at - len(before), at + 1, f"{' '.join(before)} cancer")]
            keys += [(at, at + 1 + len(after), f"{' '.join(after)} cancer")]
            keys += [(at, at + 1 + len(after), f"cancer {' '.join(after)}")]
            for start, end, key in keys:
                entry = lexicon.phrases.get(key)
                if end - start == size + 1 and entry is not None and entry.kind == "condition":
                    found.append(
                        from_entry(start, end, entry, key, glue=0, penalty=0.0, match="synonym")
                    )
        if at and norms[at - 1] in shorthand and "cancer" in lexicon.phrases:
            entry = lexicon.phrases["cancer"]
            found.append(
                from_entry(at, at + 1, entry, "cancer", glue=0, penalty=0.0, match="synonym")
            )
    return found


# "splinted in ED", "seen in the ED", "ED f/u": the emergency department, where care was
# given, not erectile dysfunction.
_BEFORE_A_PLACE = frozenset({"in", "the", "from", "to", "at", "via", "per", "an"})
_AFTER_A_VISIT = frozenset(
    {"visit", "visits", "f u", "follow", "followup", "dc", "discharge", "note"}
)


def the_emergency_department(
    chosen: list[Candidate], tokens: Sequence[Token]
) -> tuple[list[Candidate], list[Candidate]]:
    """(what is still asked, "ED" read as the emergency department)."""
    out = [c for c in chosen if c.end - c.start == 1 and _an_ed_visit(tokens, c.start)]
    return [c for c in chosen if c not in out], out


def _an_ed_visit(tokens: Sequence[Token], at: int) -> bool:
    if tokens[at].norm != "ed":
        return False
    before = tokens[at - 1].norm if at else ""
    after = tokens[at + 1].norm if at + 1 < len(tokens) else ""
    return before in _BEFORE_A_PLACE or after in _AFTER_A_VISIT


def without_a_cancers_surgeon(candidates: list[Candidate]) -> list[Candidate]:
    """ "colon cancer surgery second opinion", "breast cancer surgeon": the cancer named and
    who operates on it, not a surgical oncologist for the colon. A reading that starts at
    "cancer" ("cancer surgery", "cancer surgeon") gives way to a cancer read whole up to that
    word; "cancer surgeon" alone is still the surgical oncologist."""
    cancers = {c.end for c in candidates if c.kind == "condition" and _names_a_cancer(c)}
    return [
        c
        for c in candidates
        if not (
            c.kind == "specialty"
            and (c.term or "").startswith("cancer ")
            and c.start + 1 in cancers
            and c.start + 1 < c.end
        )
    ]


def _names_a_cancer(candidate: Candidate) -> bool:
    return any("cancer" in i or i in _OTHER_CANCERS for i in candidate.ids)


_OTHER_CANCERS = frozenset({"lymphoma", "leukemia", "melanoma", "sarcoma", "myeloma"})
