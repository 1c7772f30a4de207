"""Words that describe a need already named, not a need of their own.

* "sore on side of my tongue that wont heal", "sores in my mouth that wont heal": not
  healing says how long the sore has lasted. Alone ("cut on my leg that wont heal") it is
  the chronic wound, whose doctors are the wound and foot specialists.
* "throat cancer (oropharynx SCC)", "lung cancer squamous cell": the cell type of the
  cancer named, not a skin cancer. "scc on my nose" is still the skin's.
* "hit my head, passed out for a few seconds": knocked out by the head injury, not a
  faint of its own. Before it ("passed out and hit my head") the faint is the cause, a
  need of its own.
* "cant sleep because of itching all night", "itching so bad i cant sleep", "me pica tanto
  que no puedo dormir", "leg cramps at night cant sleep": sleep lost to another need,
  which is what a physician treats; a sleep doctor is for sleeplessness said alone or
  beside a need with no link between.
* "pelvic floor therapy for men after prostate surgery", "breast biopsy after a
  mammogram": the care asked for, then the operation or test it follows, which is history
  (its specialists had come first: urologists for the therapy).
"""

from __future__ import annotations

import re

from directory.understanding.model import Part

_NOT_HEALING = re.compile(
    r"(?:won\W?t|will\s+not|wont|isn\W?t|is\s+not|not|never)\s+heal(?:ing|ed)?", re.IGNORECASE
)
_CELL_TYPE = re.compile(
    r"(?:scc|squamous(?:\s+cell)?(?:\s+(?:carcinoma|cancer|ca))?)", re.IGNORECASE
)
_WOUNDS, _SKIN_CANCER = ("chronic-wounds",), ("skin-cancer",)
_FAINTING, _HEAD_INJURY = ("fainting",), ("concussion",)
_NEEDS = ("condition", "symptom", "body_part")


# What links sleeplessness to its cause, said between the two in either order.
_CAUSED = re.compile(
    r"\b(?:because|cause|cuz|bc|due\s+to|from|so\s+(?:bad|much)|keeps?\s+me|keeping\s+me"
    r"|wakes?\s+me|waking\s+me|tanto\s+que|por\s+(?:el|la|los|las)|no\s+me\s+deja)\b",
    re.IGNORECASE,
)
_INSOMNIA = ("insomnia",)
# A need felt at night, then sleeplessness: "burning pain in my feet at night cant sleep".
_AT_NIGHT = re.compile(r"\b(?:at|all|every|each)\s+(?:night|nite)\b", re.IGNORECASE)
_SLEEP = re.compile(r"\b(?:sleep|sleeping|slept|dormir|insomnia)\b", re.IGNORECASE)
# Between the care asked for and what it follows: "... for men after", "... post".
_FOLLOWS = re.compile(
    r"(?:\s+(?:for|in)\s+(?:\w+\s+){0,2}?)?\W*(?:after|post|following|s/p)\s+"
    r"(?:(?:my|his|her|their|the|a|an|recent)\s+)?",
    re.IGNORECASE,
)


def said_of_another_need(text: str, parts: tuple[Part, ...]) -> list[Part]:
    """The parts that only describe another part's need: not healing beside a sore named,
    a squamous cell type beside another cancer named, passing out after a head injury,
    sleep lost to another need."""
    found = []
    for part in parts:
        others = [p for p in parts if p is not part and p.kind in _NEEDS]
        if _sleep_lost_to(text, part, others) or _done_before(text, part, parts):
            found.append(part)
            continue
        named = [p for p in others if p.kind == "condition"]  # a sore on a shin is a wound
        if part.ids == _WOUNDS and _NOT_HEALING.fullmatch(part.text.strip()) and named:
            found.append(part)
        elif part.ids == _FAINTING and any(
            p.ids == _HEAD_INJURY and p.span[0] < part.span[0] for p in others
        ):
            found.append(part)
        elif part.ids == _SKIN_CANCER and _CELL_TYPE.fullmatch(part.text.strip()):
            if any(p.kind == "condition" and _a_cancer(p) for p in others):
                found.append(part)
    return found


def _a_cancer(part: Part) -> bool:
    return any(i.endswith("cancer") and i != "skin-cancer" for i in part.ids)


def _sleep_lost_to(text: str, part: Part, others: list[Part]) -> bool:
    """Sleeplessness (or a sleep doctor named by it: "no puedo dormir, doctor") linked by
    a cause to another need said beside it."""
    said = part.treats if part.kind == "specialty" and part.treats is not None else part
    if said.ids != _INSOMNIA:
        return False
    for other in others:
        if other.ids == _INSOMNIA:
            continue
        first, second = sorted((part, other), key=lambda p: p.span[0])
        if _CAUSED.search(text[first.span[1] : second.span[0]]):
            return True
        if second is part and _felt_at_night(text[first.span[0] : second.span[1]]):
            return True
    return False


def _felt_at_night(said: str) -> bool:
    """A need felt at night said before the sleep it costs ("leg cramps at night every
    night cant sleep"): "at night" before the sleep words, whichever part took it in."""
    night, sleep = _AT_NIGHT.search(said), _SLEEP.search(said)
    return night is not None and sleep is not None and night.end() <= sleep.start()


def _done_before(text: str, part: Part, parts: tuple[Part, ...]) -> bool:
    """An operation or test said right after another procedure and "after" ("pelvic floor
    therapy after prostate surgery"): what the care follows, not what is asked for."""
    if part.kind != "procedure":
        return False
    return any(
        p.kind == "procedure"
        and p.ids != part.ids
        and p.span[1] <= part.span[0]
        and _FOLLOWS.fullmatch(text[p.span[1] : part.span[0]])
        for p in parts
    )
