"""The judged query sets: loading them, the fixed dev/test split, and filtering.

Two sets live beside this file:

* ``queries.json`` — the *everyday* set: queries typed the way patients, referral
  coordinators and front-desk staff type, judged before they were ever run
  (README.md has the protocol). Its ``half`` field is fixed by :func:`half_of`.
* ``judgments.json`` — the older *vocabulary* set, written beside the vocabulary.
  It is kept as a regression guard for exact vocabulary terms, and reported apart:
  it measures what was tuned, not what people type.
"""

from __future__ import annotations

import csv
import hashlib
import json
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVERYDAY = HERE / "queries.json"
VOCABULARY = HERE / "judgments.json"
NUCC_TAXONOMY = HERE.parent.parent / "data" / "nucc-provider-taxonomy.csv"
PERSONAS = ("patient", "coordinator", "front_desk")
HALVES = ("dev", "test")
SPINE_AND_PAIN = frozenset({"spine", "pain"})
DEFAULT_RADIUS = 25  # miles; the API's default and what "in <city>" is judged against


def normalise(text: str) -> str:
    """Lower case, single spaces: the text the split hashes."""
    return " ".join(text.lower().split())


def half_of(text: str) -> str:
    """``dev`` when the first byte of sha256(normalised text) is even, else ``test``."""
    return "dev" if hashlib.sha256(normalise(text).encode()).digest()[0] % 2 == 0 else "test"


def load_everyday(path: Path = EVERYDAY) -> list[dict]:
    return json.loads(path.read_text())["queries"]


def load_vocabulary(path: Path = VOCABULARY) -> list[dict]:
    """The old set, shaped like the new one (persona ``vocabulary``, answers assumed)."""
    return [
        {"persona": "vocabulary", "topic": "vocabulary", "answer_exists": True} | judged
        for judged in json.loads(path.read_text())["queries"]
    ]


def select(queries: list[dict], half: str = "all", persona: str | None = None) -> list[dict]:
    return [
        q for q in queries if half in ("all", q.get("half")) and persona in (None, q.get("persona"))
    ]


def judged_place(judged: dict) -> str | None:
    """Where the asker wants a physician: the place typed in the text, else the location field."""
    return judged.get("expected_place") or judged.get("location") or None


def judged_radius(judged: dict) -> int:
    return int(judged.get("radius") or DEFAULT_RADIUS)


def is_located(judged: dict) -> bool:
    return judged_place(judged) is not None


def is_spine_or_pain(judged: dict) -> bool:
    return judged.get("topic") in SPINE_AND_PAIN


@cache
def _nucc_codes() -> tuple[str, ...]:
    with NUCC_TAXONOMY.open(encoding="utf-8-sig", newline="") as handle:
        return tuple(row["Code"] for row in csv.DictReader(handle))


def expand_codes(wanted: list[str] | tuple[str, ...]) -> list[str]:
    """NUCC codes a judgment accepts, with ``207X*`` prefixes spelled out from the taxonomy."""
    codes: dict[str, None] = {}
    for code in wanted:
        if code.endswith("*"):
            codes.update(dict.fromkeys(c for c in _nucc_codes() if c.startswith(code[:-1])))
        else:
            codes[code] = None
    return list(codes)
