"""What the parser returns: the parts it understood, and the words it could not place.

An :class:`Interpretation` is immutable and self-describing: every :class:`Part` keeps the
character span of the text it came from, so the page can show each part as a chip the user
can remove or change, and the API can return the same structure (:meth:`as_dict`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from directory.geography import Place
from directory.text import normalize_term
from directory.vocabulary import PEDIATRICS

PART_KINDS = (
    "condition",
    "procedure",
    "specialty",
    "body_part",
    "symptom",
    "name",
    "location",
    "filter",
    "npi",  # ids: the NPI (or the mistyped number, label "... (not a valid NPI)")
    "phone",  # ids: the phone or fax number, NNN-NNN-NNNN
)
MATCHES = ("exact", "synonym", "fuzzy", "code")
# "my baby", "mi hijo", "14 yo", "15 year old": words that describe the patient.
PATIENT_WORDS = frozenset({"my", "our", "mi", "mis", "yo", "old"})
# "toddler with a fever": a child named on its own beside a need (parse._child_beside_a_need)
CHILD_NOUNS = frozenset(
    "baby babies babys infant infants newborn newborns toddler toddlers kid kids child children "
    "childrens teen teens teenage teenaged teenager teenagers adolescent adolescents".split()
    # Spanish, folded ("niño" -> "nino"): "mi hijo de 15 años" is a child by the age said
    + "nino nina ninos ninas bebe bebes hijo hija hijos hijas".split()
)

# How old a child said in words is, in whole years ("6 month old" 0, "4yo" 4, "she's 3").
_WEEKS_OLD = re.compile(r"\d{1,2}\s*-?\s*(?:weeks?|wks?|semanas?)\b")
_MONTHS_OLD = re.compile(r"(\d{1,2})\s*-?\s*(?:months?|mos?|meses|mes)\b")
_YEARS_OLD = re.compile(r"(\d{1,2})\s*-?\s*(?:years?|yrs?|yo|y/o|años|anos|año|ano)\b")
# A referral's age with the patient's sex after it, "15F", "62yom" (tokens.age_said too).
SEX_AFTER_AGE = r"(?:yo|y)?[mf]"
# What follows the years in "2y9m", "3yr6mo": the months, which a child's age in years drops.
YEARS_AND_MONTHS = r"y(?:rs?|o)?\d{1,2}m(?:os?)?"
_YEARS_MONTHS_OLD = re.compile(rf"\b(\d{{1,2}}){YEARS_AND_MONTHS}\b")
_BARE_AGE = re.compile(rf"\b(\d{{1,2}})(?:{SEX_AFTER_AGE})?\b")  # "3", "15F", "12yom"
# The adjective alone, read as a pediatrician, says whom the need is for.
PEDIATRIC_WORDS = frozenset({"pediatric", "paediatric"})
# A son or a daughter may be grown ("my son has asthma"); at school ("my son failed the eye
# test at school") a child (parse._child_beside_a_need)
OFFSPRING = frozenset({"son", "sons", "daughter", "daughters"})
YOUNG_CHILD_NOUNS = frozenset(
    "baby babies babys infant infants newborn newborns toddler toddlers bebe bebes".split()
)
TEEN_NOUNS = frozenset(
    "teen teens teenage teenaged teenager teenagers adolescent adolescents".split()
)
SCHOOL_AGE = 8  # "my kid", "mi hijo": a child of no stated age
ADULT = 18  # a patient this old is no child: no pediatric reading of their age
# Words that say the patient is grown, whatever else is said of them.
GROWN_PATIENTS = frozenset({"adult", "adults", "husband", "wife", "boyfriend", "girlfriend"})
# An age said of the patient: "im 34", "28F", "30 yr old son", "pt 45 y/o".
_GROWN_AGE = re.compile(
    r"\b(?:i ?m|i am|age|aged|pt|patient)\s+(\d{2,3})\b|\b(\d{2,3})\s*(?:yo|y/o|y\.o\.|yr|yrs|"
    r"year|years|[mf])\b"
)
TEEN = 13  # a teenager from this age: their need goes first to specialists who see them

# Words that say the patient has left, or is leaving, children's care.
LEAVING_CHILDRENS_CARE = re.compile(
    r"\b(?:aged? out|ag(?:ed|ing) out|too old for (?:the |his |her |a )?(?:kids?|childrens?|"
    r"pediatric\w*|peds)|(?:just |has |he |she )turned (?:1[89]|2\d)\b|"
    r"(?:son|daughter|he|she|kid|child) (?:is|turns) (?:1[89]|2[0-6])\b|grown ?ups?\b|"
    r"adult (?:doctors?|drs?|care|clinic|clinics|providers?|physicians?|side|medicine|team)\b|"
    r"transition(?:ing|ed)? (?:him |her |them )?to adult|"
    r"(?:cant|can ?not|can't|no longer) (?:see|go to|stay with) (?:the |his |her |their |a |my )?"
    r"(?:kids?|childrens?|children s|pediatric\w*|peds)\b|"
    # "ya tiene 18 años, necesita doctor de adultos"
    r"(?:doctor|doctores|medico|medicos|médico|médicos) (?:de|para) adultos|"
    r"tiene (?:1[89]|2\d) (?:años|anos))"
)


def leaving_childrens_care(text: str) -> bool:
    """The words say the patient has left, or is leaving, children's care (grown_up.py)."""
    return bool(LEAVING_CHILDRENS_CARE.search(text.lower()))


# An age said as one ("15 year old", "3 months old", "de 15 años", "12yo"), not a duration
# ("a cough for 3 weeks").
_AGE_SAID = re.compile(
    r"\b\d{1,2}\s*-?\s*(?:years?|yrs?|months?|mos?|weeks?|wks?)\s*-?\s*old\b"
    r"|\bde\s+\d{1,2}\s*(?:años|anos|año|ano|meses|semanas)\b|\b\d{1,2}\s*(?:yo|y/o)\b"
)


# "postpartum depression, baby is 2 months": the mother is the patient, not her baby.
_A_MOTHER = re.compile(
    r"\b(?:post\s*-?\s*partum|pregnan\w*|breast\s*feeding|gave birth|giving birth"
    r"|(?:after|since)\s+(?:having\s+|the\s+|my\s+|our\s+|a\s+|\d+(?:st|nd|rd|th)\s+"
    r"|first\s+|second\s+|third\s+|last\s+)*(?:baby|delivery|birth)"
    r"|\b(?:had|delivered)\s+(?:our|my|her|the|a)\s+(?:baby|newborn)"  # "wife had our baby"
    # "new mom crying all the time cant bond with baby", "since my c section", "baby blues"
    r"|new\s+(?:mom|mum|mother)|c\s*-?\s*section|bond(?:ing)?\s+with\s+(?:my\s+|the\s+|her\s+)?baby"
    r"|baby\s+blues)\b"
)
_BABIES = frozenset({"baby", "babies", "babys", "newborn", "infant"})


def a_mothers_baby(text: str, word: str) -> bool:
    """``word`` is the baby of a mother the text is about ("4 months after baby"), not a
    child who is the patient."""
    return normalize_term(word) in _BABIES and bool(_A_MOTHER.search(text.lower()))


def says_an_age(text: str) -> bool:
    """The words say an age in weeks, months or years ("6 month old", "de 15 años")."""
    text = text.lower()
    said = (_WEEKS_OLD, _MONTHS_OLD, _YEARS_OLD, _YEARS_MONTHS_OLD)
    return any(age.search(text) for age in said)


def child_age(text: str) -> int:
    """The age in years of the child these words describe ("my toddler" 1, "teen" 13)."""
    text = text.lower()
    if found := _YEARS_MONTHS_OLD.search(text):  # "2y9m": 2
        return int(found[1])
    if _WEEKS_OLD.search(text):
        return 0
    if found := _MONTHS_OLD.search(text):
        return int(found[1]) // 12
    if found := _YEARS_OLD.search(text) or _BARE_AGE.search(text):
        return int(found[1])
    words = set(re.findall(r"[a-z]+", text))
    if words & YOUNG_CHILD_NOUNS:
        return 1
    if words & TEEN_NOUNS:
        return 13
    return SCHOOL_AGE


@dataclass(frozen=True)
class Part:
    """One understood piece of the text.

    ``ids`` are vocabulary concept ids (condition, procedure, and the concepts a body part or
    symptom suggests), NUCC codes (specialty), stored filter values (filter) or the name as
    typed (name). ``codes`` are the NUCC codes a search for the part asks for: a specialty's
    codes with its ``also`` codes, or the specialties that treat a body part or symptom.
    """

    kind: str  # one of PART_KINDS
    ids: tuple[str, ...]
    label: str  # for people: "Sciatica", "Spine surgeon", "Hartford, CT", "Spanish"
    span: tuple[int, int]  # characters [start, end) of the text this part came from
    text: str  # the text itself
    match: str  # one of MATCHES: how the words matched
    codes: tuple[str, ...] = ()
    filter: str | None = None  # filter parts: accepting_new_patients, telehealth, language, ...
    place: Place | None = None  # location parts: the place meant, when it is clear
    candidates: tuple[Place, ...] = ()  # location parts: every place of that name, biggest first
    near_me: bool = False  # location parts: "near me", the user's own location
    radius_miles: int | None = None  # filter part "radius_miles": "within 10 miles"
    # A specialty the words name by a condition ("sleep apnea doctor"): that condition, read
    # from the same words (understanding/treats.py), so who else treats it is found too.
    treats: Part | None = None
    # A filter part the words only prefer ("russian speaking preferred"): it orders, it
    # hides no one (understanding/preferences.py).
    preferred: bool = False

    @property
    def is_the_patient(self) -> bool:
        """A pediatrician read from words about the patient ("my kid", "6 month old"): who
        the care is for, a hint for who else may help, never the specialty searched for."""
        words = self.text.lower().split()
        return (
            self.kind == "specialty"
            and self.ids == (PEDIATRICS,)
            and (
                any(w in PATIENT_WORDS or w[:1].isdigit() for w in words)  # "3yo"
                # "kids doctor" is not; "pediatric scoliosis specialist" says whom the need is
                # for, as "kid" does ("peds", a noun, and "pediatric doctor" ask for one)
                or (len(words) == 1 and words[0] in CHILD_NOUNS | PEDIATRIC_WORDS | OFFSPRING)
            )
        )

    @property
    def names_a_child(self) -> bool:
        """A specialist read with a word for a child in it ("kids allergist", "lung doctor
        for my toddler"): the patient is a child, of no age said but the word's. Not a
        pediatrician ("kids doctor"): every one sees children."""
        if self.kind != "specialty" or self.ids == (PEDIATRICS,):
            return False
        return bool(set(normalize_term(self.text).split()) & CHILD_NOUNS)

    @property
    def ambiguous(self) -> bool:
        """A place name shared by several places, none clearly meant ("Springfield")."""
        return self.kind == "location" and self.place is None and len(self.candidates) > 1

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "ids": list(self.ids),
            "label": self.label,
            "span": list(self.span),
            "text": self.text,
            "match": self.match,
        }
        if self.codes:
            data["codes"] = list(self.codes)
        if self.filter:
            data["filter"] = self.filter
        if self.preferred:
            data["preferred"] = True
        if self.radius_miles is not None:
            data["radius_miles"] = self.radius_miles
        if self.treats is not None:
            data["treats"] = self.treats.as_dict()
        if self.kind == "location":
            data["place"] = _place_dict(self.place)
            data["candidates"] = [_place_dict(p) for p in self.candidates]
            data["near_me"] = self.near_me
        return data


@dataclass(frozen=True)
class Word:
    """A word the parser set aside: filler it ignored, or a word nothing explained."""

    text: str
    span: tuple[int, int]

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}


@dataclass(frozen=True)
class Interpretation:
    """The whole text, read as parts plus the words that were not placed."""

    text: str
    # In text order, never overlapping, except words that say two things at once: a
    # "doctora" is a woman and a doctor, two parts with the same span (parse._generic_doctor).
    parts: tuple[Part, ...] = ()
    unplaced: tuple[Word, ...] = ()  # non-filler words nothing explained (reported, not fatal)
    filler: tuple[Word, ...] = ()  # recognised and ignored: "who treats", "my", "best", "left"
    # Other readings of an ambiguous word ("endo": endometriosis, when the part says
    # endocrinologist), same span: what the page and API offer as "or did you mean".
    alternatives: tuple[Part, ...] = ()
    # The words name the patient a man and no woman ("my son ... his acne", "72M"):
    # care only women receive is not his (men.a_man_is_the_patient).
    a_man: bool = False
    # The language the text is written in when not English ("dolor de espalda, necesito
    # medico": Spanish): its speakers rank first unless a language was asked for.
    written_in: str | None = None

    def of_kind(self, *kinds: str) -> tuple[Part, ...]:
        return tuple(p for p in self.parts if p.kind in kinds)

    @property
    def understood(self) -> bool:
        """True when at least one part was found."""
        return bool(self.parts)

    @property
    def concepts(self) -> tuple[Part, ...]:
        """The condition and procedure parts, and those a specialty's words name, in order."""
        return tuple(
            p.treats if p.treats is not None else p
            for p in self.parts
            if p.kind in ("condition", "procedure") or p.treats is not None
        )

    @property
    def concept_ids(self) -> tuple[str, ...]:
        """Conditions and procedures asked for, in text order, without repeats."""
        return tuple(dict.fromkeys(i for p in self.concepts for i in p.ids))

    @property
    def specialty_codes(self) -> tuple[str, ...]:
        """NUCC codes of the specialty parts (with their ``also`` codes), without repeats."""
        return tuple(dict.fromkeys(c for p in self.of_kind("specialty") for c in p.codes))

    @property
    def core_text(self) -> str:
        """The text without the filler words it starts and ends with ("fax number for
        Mantua Spine Center" -> "Mantua Spine Center"): what a practice's name may be."""
        spans = [p.span for p in self.parts] + [w.span for w in self.unplaced]
        if not spans:
            return ""
        return self.text[min(s[0] for s in spans) : max(s[1] for s in spans)]

    @property
    def patient_age(self) -> int | None:
        """How old the child the search is for is, in years, as far as the words say ("6
        month old" 0, "my 14 yo" 14, "my kid" SCHOOL_AGE); None when no child is the patient."""
        patient = next((p for p in self.parts if p.is_the_patient), None)
        if patient is None:  # "lung doctor for kids": a children's specialist, asked in words
            patient = next((p for p in self.parts if p.names_a_child), None)
        if patient is not None:  # its age, or else one the text says ("de 15 años")
            said = _AGE_SAID.search(self.text.lower())
            if said is None or any(c.isdigit() for c in patient.text):
                return child_age(patient.text)
            return child_age(said[0])
        # "peds cardiology - 3 mo infant": the specialty typed is read on its own, and the
        # child of the age beside it is still who the care is for ("pregnant with my first
        # baby" says no age: the patient is the mother)
        words = (*self.filler, *self.unplaced)
        child = {
            normalize_term(w.text) for w in words if not a_mothers_baby(self.text, w.text)
        } & CHILD_NOUNS
        age = child_age(self.text) if child and says_an_age(self.text) else ADULT
        if age >= ADULT:  # "baby eczema dermatologist", "teen acne dermatologist"
            age = min((child_age(words) for words in self._a_childs_need()), default=ADULT)
        return age if age < ADULT else None

    @property
    def an_adult(self) -> bool:
        """The words say the patient is grown ("adult autism evaluation", "my husband might
        be on the spectrum", "im 34 and think i have aspergers"): the children's specialists
        a condition map puts first are not theirs. Never when a child is the patient."""
        if leaving_childrens_care(self.text):  # "my cf son is 19 and cant see the kids ..."
            return True
        if self.patient_age is not None:
            return False
        words = set(re.findall(r"[a-z]+", self.text.lower()))
        if words & GROWN_PATIENTS:
            return True
        ages = (int(a or b) for a, b in _GROWN_AGE.findall(self.text.lower()))
        return any(ADULT <= age < 120 for age in ages)

    def _a_childs_need(self) -> list[str]:
        """A need said with a child word first or right before it ("baby eczema", "teen
        acne"; not "trying for a baby", which is the parents'): the words that say how old."""
        needs = [p for p in self.parts if p.kind in ("condition", "symptom", "body_part")]
        found = [p.text for p in needs if set(p.text.lower().split()[:1]) & CHILD_NOUNS]
        for word in (*self.filler, *self.unplaced):
            if word.text.lower() in CHILD_NOUNS and not a_mothers_baby(self.text, word.text):
                after = self.text[word.span[1] :]
                gap = len(after) - len(after.lstrip())
                if any(p.span[0] == word.span[1] + gap for p in needs):
                    found.append(word.text)
        return found

    @property
    def names(self) -> tuple[str, ...]:
        """Physician names typed ("Soucier", "John Smith"), without titles."""
        return tuple(p.label for p in self.of_kind("name"))

    @property
    def location(self) -> Part | None:
        """The location part, if any (the first one, when several were typed)."""
        found = self.of_kind("location")
        return found[0] if found else None

    @property
    def filters(self) -> dict[str, Any]:
        """Filter name -> value: True for accepting_new_patients and telehealth, a tuple of
        stored values for language, gender and insurance, an int for radius_miles."""
        return collect_filters(tuple(p for p in self.parts if not p.preferred))

    @property
    def preferred(self) -> dict[str, Any]:
        """The filters the words only prefer, in the shape of ``filters``: they order."""
        return collect_filters(tuple(p for p in self.parts if p.preferred))

    @property
    def speakers_first(self) -> str | None:
        """The language whose speakers rank first because the text is written in it, when
        no language was asked for or preferred in words."""
        if not self.written_in or self.filters.get("language"):
            return None
        return None if self.preferred.get("language") else self.written_in

    def describe(self) -> str:
        """One sentence for people: "Spine surgeons for sciatica near Hartford, CT 06106"."""
        from directory.understanding.describe import describe

        return describe(self)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: parts, unplaced and filler words, location, filters, description."""
        location = self.location
        return {
            "text": self.text,
            "description": self.describe(),
            "parts": [p.as_dict() for p in self.parts],
            "unplaced": [w.as_dict() for w in self.unplaced],
            "filler": [w.as_dict() for w in self.filler],
            "alternatives": [p.as_dict() for p in self.alternatives],
            "location": location.as_dict() if location else None,
            "filters": {
                name: list(value) if isinstance(value, tuple) else value
                for name, value in self.filters.items()
            },
            "written_in": self.written_in,
        }


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"label": place.label, "lat": place.lat, "lon": place.lon, "kind": place.kind}


def collect_filters(parts: tuple[Part, ...]) -> dict[str, Any]:
    """The ``filters`` mapping of :class:`Interpretation` from its filter parts."""
    filters: dict[str, Any] = {}
    for part in parts:
        if part.kind != "filter" or part.filter is None:
            continue
        if part.filter == "radius_miles":
            filters["radius_miles"] = part.radius_miles
        elif part.ids:
            held = filters.get(part.filter, ())
            filters[part.filter] = tuple(dict.fromkeys((*held, *part.ids)))
        else:
            filters[part.filter] = True
    return filters
