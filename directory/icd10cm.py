"""What an ICD-10-CM code says, in the CDC's words: "M79.671" is "Pain in right foot".

The vocabulary lists the codes of its concepts; a referral carries any of the ~75,000
others. ``data/icd10cm-descriptions.tsv.gz`` (written by ``scripts/icd10cm-descriptions``
from the code set the vocabulary's codes are checked against) holds every category and
subcategory of up to six characters; it is read once, on the first code looked up.
"""

from __future__ import annotations

import gzip
import threading

from directory.vocabulary import DATA_DIR

DESCRIPTIONS_FILE = DATA_DIR / "icd10cm-descriptions.tsv.gz"
STEM = 6  # a seventh character is the encounter ("S83.511A"): no other need

_table: dict[str, str] | None = None
_loading = threading.Lock()


def description(compact: str) -> str | None:
    """The description of a compact code ("M79671"), or of a seven-character code's stem,
    past its placeholder X ("T81.4XXA" is "Infection following a procedure"); None when the
    code set has no such code ("P90X" is a workout, not P90)."""
    table = _descriptions()
    stem = compact.upper()
    if len(stem) <= STEM:
        return table.get(stem)
    stem = stem[:STEM]
    while stem not in table and stem.endswith("X"):
        stem = stem[:-1]
    return table.get(stem)


def _descriptions() -> dict[str, str]:
    global _table
    if _table is None:
        with _loading:
            if _table is None:
                with gzip.open(DESCRIPTIONS_FILE, "rt", encoding="utf-8") as rows:
                    _table = dict(line.rstrip("\n").split("\t", 1) for line in rows)
    return _table
