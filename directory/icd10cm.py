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


# Who first sees a need of each ICD-10-CM chapter (or block), for a code whose words the
# parser cannot read ("A06.0 acute amebic dysentery", "J62.8"): a coordinator's code
# should never find nobody. Chapters of signs, injuries, external causes and encounters
# (R, S-Z) say too little about whom to see, and have none.
CHAPTER_SPECIALISTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("A00", "B99", ("207RI0200X",)),  # infectious and parasitic diseases
    ("C00", "D49", ("207RX0202X", "207RH0003X")),  # neoplasms
    ("D50", "D89", ("207RH0000X", "207RH0003X")),  # blood and immune
    ("E00", "E89", ("207RE0101X",)),  # endocrine, nutritional and metabolic
    ("F01", "F99", ("2084P0800X",)),  # mental and behavioral
    ("G00", "G99", ("2084N0400X",)),  # nervous system
    ("H00", "H59", ("207W00000X",)),  # eye
    ("H60", "H95", ("207Y00000X",)),  # ear
    ("I00", "I99", ("207RC0000X",)),  # circulatory
    ("J00", "J99", ("207RP1001X",)),  # respiratory
    ("K00", "K14", ("1223G0001X",)),  # mouth and teeth
    ("K20", "K95", ("207RG0100X",)),  # digestive
    ("L00", "L99", ("207N00000X",)),  # skin
    # blocks of the musculoskeletal chapter that are the rheumatologist's or the bones'
    # medicine ("M02.30 reactive arthritis" had listed ten orthopedic surgeons)
    ("M02", "M14", ("207RR0500X",)),  # inflammatory arthropathies: reactive, RA, gout
    ("M30", "M36", ("207RR0500X",)),  # systemic connective tissue disorders
    ("M80", "M85", ("207RE0101X", "207RR0500X")),  # bone density and structure
    ("M00", "M99", ("207X00000X", "207RR0500X")),  # musculoskeletal
    ("N00", "N29", ("207RN0300X",)),  # kidney
    ("N30", "N53", ("208800000X",)),  # urinary and male genital
    ("N60", "N98", ("207V00000X",)),  # breast and female genital
    ("O00", "O9A", ("207V00000X",)),  # pregnancy
    ("P00", "P96", ("208000000X",)),  # the newborn
    ("Q00", "Q99", ("208000000X",)),  # congenital
)


def chapter_specialists(compact: str) -> tuple[str, ...]:
    """The NUCC codes of who first sees a need of the code's chapter; () for R, S-Z."""
    category = compact.upper()[:3]
    for first, last, codes in CHAPTER_SPECIALISTS:
        if first <= category <= last:
            return codes
    return ()
