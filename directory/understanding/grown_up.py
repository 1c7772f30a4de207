"""A patient grown out of children's care: "my cf son is 19 and cant see the kids
pulmonologist anymore", "aged out of the childrens hospital, need a blood doctor", "his
pediatrician says he needs an adult doctor now". The children's specialist named is who
they had; the adults' counterpart is who they need (for the pediatrician, adult primary
care), and the children's specialists a condition map lists are not theirs
(``Interpretation.an_adult``). The words are ``model.LEAVING_CHILDRENS_CARE``.
"""

from __future__ import annotations

from dataclasses import replace

from directory.understanding.model import (
    CHILD_NOUNS,
    OFFSPRING,
    Part,
    leaving_childrens_care,
)
from directory.vocabulary import PEDIATRICS, Vocabulary

ADULT_PRIMARY_CARE = ("207Q00000X", "207R00000X")  # family and internal medicine
_LABEL = "Adult primary care doctor"


def as_grown_up(
    text: str, parts: tuple[Part, ...], vocabulary: Vocabulary
) -> tuple[tuple[Part, ...], list[Part]]:
    """(``parts`` with each children's specialist named swapped for the adults'
    counterpart, what a grown patient has left behind), where the words say the patient has
    grown out of children's care. Left behind: the children's hospital ("aged out of the
    childrens hospital"), where they were, not a hospital asked for; and the pediatrician a
    son or daughter was read as ("my son with sickle cell aged out"), who they are, not whom
    to see."""
    if not leaving_childrens_care(text):
        return parts, []
    childrens = vocabulary.childrens_codes | {PEDIATRICS}
    swapped: list[Part] = []
    left: list[Part] = []
    for part in parts:
        if (part.filter == "hospital" and _a_childrens_hospital(part)) or (
            part.kind == "specialty" and part.ids == (PEDIATRICS,) and _a_childs_word(part)
        ):
            left.append(part)
            continue
        if part.kind == "specialty" and set(part.ids) <= childrens and not _who(part):
            adults = _adults_of(part.ids, vocabulary)
            label = _name(adults, vocabulary)
            part = replace(part, ids=adults, codes=vocabulary.meant_by(adults), label=label)
        swapped.append(part)
    return tuple(swapped), left


def _adults_of(codes: tuple[str, ...], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The adults' specialties whose children's counterparts these are; adult primary care
    for the pediatrician and for a children's specialty with none."""
    found = [
        adult
        for code in codes
        if code != PEDIATRICS
        for adult, specialty in vocabulary.specialties.items()
        if code in specialty.children and adult not in ADULT_PRIMARY_CARE + ("208D00000X",)
    ]
    return tuple(dict.fromkeys(found)) or ADULT_PRIMARY_CARE


def _name(codes: tuple[str, ...], vocabulary: Vocabulary) -> str:
    if codes == ADULT_PRIMARY_CARE:
        return _LABEL
    return vocabulary.specialty_name(codes[0])


def _a_childrens_hospital(part: Part) -> bool:
    return "children" in part.text.lower().replace("'", "").replace("’", "")


def _who(part: Part) -> bool:
    """A pediatrician read from an age ("1 week old") or a son or daughter ("my son with
    sickle cell aged out"): who the patient is, not whom they had."""
    return any(c.isdigit() for c in part.text) or _a_childs_word(part)


def _a_childs_word(part: Part) -> bool:
    return part.text.lower().strip() in OFFSPRING | CHILD_NOUNS
