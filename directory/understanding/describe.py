"""The interpretation as one sentence a person can check at a glance.

"Female, Spanish-speaking cardiologists for atrial fibrillation (AFib) near Cleveland, OH,
accepting new patients": who (specialties, gender, language), named whom, for what
(conditions, procedures, body parts, symptoms), where, and the remaining filters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from directory.understanding.degrees import LABEL as DEGREES
from directory.understanding.identifiers import describe_lookup
from directory.understanding.model import ADULT, Part
from directory.understanding.typos import english_counts
from directory.vocabulary import PHYSICIAN

if TYPE_CHECKING:
    from directory.understanding.model import Interpretation

CANDIDATES_SHOWN = 3  # "near Springfield (IL, MA, MO or another)"
# Nouns for people: "Allergist and immunologist" names two, "Foot and ankle surgeon" one.
_PERSON_ENDINGS = ("ist", "ian", "eon", "or", "er")


def describe(interpretation: Interpretation) -> str:
    parts = interpretation.parts
    lookup = describe_lookup(parts)  # "Physicians with NPI 1234567893": nothing else counts
    if lookup:
        return lookup
    filters = interpretation.filters
    patient = [p for p in parts if p.is_the_patient]
    if patient and any(p.kind != "specialty" or p.treats for p in parts if p not in patient):
        # "depression 15 year old": physicians for a child's depression, not pediatricians
        parts = tuple(p for p in parts if p not in patient)
    else:
        patient = []
    sentence = _who(parts, filters)
    names = [p.label for p in parts if p.kind == "name"]
    if names:
        sentence += f" named {_joined(names, 'or')}"
    topics = [
        p.treats or p
        for p in parts
        if p.kind in ("condition", "procedure", "body_part", "symptom") or p.treats
    ]
    # "sinusitis that keeps coming back": a symptom that asks for nothing by itself only
    # qualifies what else was said.
    if any(p.ids or p.codes for p in topics):
        topics = [p for p in topics if p.ids or p.codes or p.kind != "symptom"]
    if topics:
        labels = list(dict.fromkeys(_lower(p.label) for p in topics))
        age = interpretation.patient_age
        child = patient and age is not None and age < ADULT  # "62 yo man": no child
        sentence += f" for {'a child’s ' if child else ''}{_joined(labels, 'and')}"
    if filters.get("hospital"):  # "Cardiologists at Hartford Hospital"
        sentence += f" at {_joined(list(filters['hospital']), 'or')}"
    sentence += _where(interpretation.location, filters.get("radius_miles"))
    extras = _extras(filters)
    if extras:
        # After a place ("near Hartford, CT") a comma keeps the filters apart from the place.
        separator = ", " if interpretation.location else " "
        sentence = f"{sentence}{separator}{_joined(extras, 'and')}"
    preferred = _preferred(interpretation.preferred)
    if interpretation.speakers_first:  # written in Spanish: its speakers first
        preferred.insert(0, f"{interpretation.speakers_first} speakers")
    return f"{sentence}; {_joined(preferred, 'and')} first" if preferred else sentence


def _preferred(filters: dict) -> list[str]:
    """ "Russian speakers", "women", "those offering telehealth": what the words only
    prefer, ranked first."""
    said = []
    if filters.get("language"):
        said.append(f"{_joined(list(filters['language']), 'or')} speakers")
    said += [{"female": "women", "male": "men"}.get(g, g) for g in filters.get("gender", ())]
    return said + [f"those {extra}" for extra in _extras(filters)]  # "those taking Aetna"


def _who(parts: tuple[Part, ...], filters: dict) -> str:
    # "ob referral new OB": the same specialty typed twice is named once.
    heads = list(dict.fromkeys(_plural(p.label) for p in parts if p.kind == "specialty"))
    # "md near boston": physicians (MD/DO) only, not every clinician
    heads = heads or [DEGREES if PHYSICIAN in filters.get("clinician_type", ()) else "Physicians"]
    head = _joined([heads[0], *(_lower(h) for h in heads[1:])], "and")
    adjectives = [g.capitalize() for g in filters.get("gender", ())]
    if filters.get("language"):
        adjectives.append(f"{_joined(list(filters['language']), 'or')}-speaking")
    if not adjectives:
        return head
    return f"{', '.join(adjectives)} {_lower(head)}"


def _where(location: Part | None, radius: int | None) -> str:
    if location is None:
        return f" within {radius} miles" if radius else ""
    if location.near_me:
        return f" within {radius} miles of you" if radius else " near you"
    if location.place is not None and location.place.whole_state:
        return f" in {location.place.label}"  # a whole state: no radius
    if location.place is not None:
        name = location.place.label
    else:
        states = [c.label.rpartition(", ")[2] for c in location.candidates[:CANDIDATES_SHOWN]]
        more = " or another" if len(location.candidates) > CANDIDATES_SHOWN else ""
        name = f"{location.label} ({', '.join(states)}{more})"
    return f" within {radius} miles of {name}" if radius else f" near {name}"


def _extras(filters: dict) -> list[str]:
    extras = []
    if filters.get("accepting_new_patients"):
        extras.append("accepting new patients")
    if filters.get("telehealth"):
        extras.append("offering telehealth")
    if filters.get("insurance"):
        extras.append(f"taking {_joined(list(filters['insurance']), 'or')}")
    return extras


def _joined(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def mid_sentence(said: str) -> str:
    """A description set inside a sentence: "Endocrinologists near Houston, TX" ->
    "endocrinologists near Houston, TX"; an acronym stays ("ENT doctors"), and so does a
    language ("Haitian Creole-speaking physicians")."""
    if _SPEAKING.match(said):
        return said
    return said[:1].lower() + said[1:] if said[1:2].islower() else said


_SPEAKING = re.compile(r"[A-Z]\w*(?: [A-Z]\w*)?-speaking\b")


def people_called(label: str) -> str:
    """A specialty label as the people in a sentence: "Pediatrician" -> "pediatricians"."""
    return _lower(_plural(label))


def _plural(label: str) -> str:
    """ "Spine surgeon" -> "Spine surgeons"; "ENT doctor (ENT)" -> "ENT doctors (ENT)";
    "Allergist and immunologist" -> "Allergists and immunologists"; a NUCC name with its
    board in brackets, "Sports Medicine (Internal Medicine) Physician" -> "... Physicians";
    a code read last is kept after ("OB/GYN (ICD-10 Z12.4)" -> "OB/GYNs (ICD-10 Z12.4)")."""
    cut = label.rfind(" (")
    if cut > 0 and label.endswith(")") and any(c.isdigit() for c in label[cut:]):
        return _plural(label[:cut]) + label[cut:]
    head, bracket, rest = label.partition(" (")
    if rest.partition(")")[2].strip():  # words after the bracket: the last is the person
        before, _, last = label.rpartition(" ")
        return f"{before} {_plural_word(last)}"
    words = head.split(" ")
    for index, word in enumerate(words):
        person = word.endswith(_PERSON_ENDINGS) and words[index + 1 : index + 2] == ["and"]
        if index == len(words) - 1 or person:
            words[index] = _plural_word(word)
    return " ".join(words) + bracket + rest


def _plural_word(word: str) -> str:
    if word.endswith("wife"):  # "Midwife" -> "Midwives"
        return word[:-2] + "ves"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


# Possessives of everyday nouns, no names: "Children's doctors" mid-sentence is lower case.
_EVERYDAY_POSSESSIVES = frozenset({"children", "women", "men", "kids", "child"})


def _a_name(word: str) -> bool:
    """A possessive of a name ("Parkinson's", "Crohn's"), which keeps its capital."""
    stem = re.split(r"['’]", word, maxsplit=1)
    return len(stem) > 1 and stem[0].lower() not in _EVERYDAY_POSSESSIVES


def _ordinary(word: str) -> bool:
    return word[:1].isupper() and word[1:] == word[1:].lower() and word[1:2].isalpha()


def _ordinary_joined(word: str) -> bool:
    """ "High-Risk", "Well-Child": everyday words joined, not names ("Ehlers-Danlos")."""
    pieces = word.split("-")
    everyday = english_counts()
    return len(pieces) > 1 and all(_ordinary(w) and w.lower() in everyday for w in pieces)


def _lower(label: str) -> str:
    """Lower-case ordinary capitalised words, keeping acronyms and names ("Parkinson's")."""
    words = label.split(" ")
    kept = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        proper = _a_name(word) or _a_name(following)
        ordinary = _ordinary(word) or _ordinary_joined(word)
        bracketed = word.startswith("(") and word[1:2].isupper() and word[2:] == word[2:].lower()
        if (ordinary or bracketed) and not proper:
            word = word.lower()
        kept.append(word)
    return " ".join(kept)
