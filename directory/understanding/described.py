"""Words that describe a need already named, not a need of their own.

* "sore on side of my tongue that wont heal", "sores in my mouth that wont heal": not
  healing says how long the sore has lasted. Alone ("cut on my leg that wont heal") it is
  the chronic wound, whose doctors are the wound and foot specialists.
* "throat cancer (oropharynx SCC)", "lung cancer squamous cell": the cell type of the
  cancer named, not a skin cancer. "scc on my nose" is still the skin's.
* "hit my head, passed out for a few seconds": knocked out by the head injury, not a
  faint of its own. Before it ("passed out and hit my head") the faint is the cause, a
  need of its own.
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


def said_of_another_need(parts: tuple[Part, ...]) -> list[Part]:
    """The parts that only describe another part's need: not healing beside a sore named,
    a squamous cell type beside another cancer named, passing out after a head injury."""
    found = []
    for part in parts:
        others = [p for p in parts if p is not part and p.kind in _NEEDS]
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
