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


# Encounters and family histories whose words name the wrong doctor, by code prefix:
# a screening for a cancer is not its oncologist's ("Z12.4", the cervix's: the
# gynecologist's), a family history asks for the screening of what runs in the family
# ("Z80.0", a digestive cancer: the gastroenterologist), and an examination for a form
# ("Z02.4", a driving licence) is primary care's. Their words had read an oncologist or,
# for histories and forms, nothing at all: a coordinator's code found nobody.
_PRIMARY_CARE = ("207Q00000X", "207R00000X")
_GI = ("207RG0100X", "208C00000X")
_OB_GYN = ("207V00000X",)
_UROLOGY = ("208800000X",)
ENCOUNTER_SPECIALISTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Z010", ("207W00000X",)),  # eyes and vision
    ("Z011", ("207Y00000X", "231H00000X")),  # ears and hearing
    ("Z012", ("1223G0001X", "122300000X")),  # dental
    ("Z014", _OB_GYN),  # gynecological
    ("Z02", (*_PRIMARY_CARE, "2083X0100X")),  # for a form: work, school, licence, insurance
    ("Z121", _GI),  # screening for cancer of the intestinal tract
    ("Z122", ("207RP1001X",)),  # of the lungs
    ("Z123", (*_OB_GYN, *_PRIMARY_CARE)),  # of the breast
    ("Z124", _OB_GYN),  # of the cervix
    ("Z125", _UROLOGY),  # of the prostate
    ("Z126", _UROLOGY),  # of the bladder
    ("Z1271", _UROLOGY),  # of the testis
    ("Z1272", _OB_GYN),  # of the vagina
    ("Z1273", _OB_GYN),  # of the ovary
    ("Z1279", _UROLOGY),  # of other genitourinary organs
    ("Z1281", ("1223G0001X", "207Y00000X")),  # of the mouth
    ("Z1282", ("2084N0400X",)),  # of the nervous system
    ("Z1283", ("207N00000X",)),  # of the skin
    ("Z128", _PRIMARY_CARE),  # of other sites
    ("Z129", _PRIMARY_CARE),  # site unspecified
    ("Z800", _GI),  # a family history of a digestive cancer
    ("Z801", ("207RP1001X",)),  # of the lungs and airways
    ("Z802", ("207RP1001X",)),
    ("Z803", (*_OB_GYN, *_PRIMARY_CARE)),  # of the breast
    ("Z8041", ("207VX0201X", *_OB_GYN)),  # of the ovary
    ("Z8042", _UROLOGY),  # of the prostate
    ("Z8043", _UROLOGY),  # of the testis
    ("Z8049", _OB_GYN),  # of other genital organs
    ("Z805", _UROLOGY),  # of the urinary tract
    ("Z806", ("207RH0003X", "207RH0000X")),  # leukemia
    ("Z807", ("207RH0003X", "207RH0000X")),  # lymphoma and other blood cancers
    ("Z80", ("207RX0202X", *_PRIMARY_CARE)),  # of other or unspecified organs
    ("Z81", ("2084P0800X",)),  # of mental and behavioral disorders
    ("Z820", ("2084N0400X",)),  # of epilepsy
    ("Z821", ("207W00000X",)),  # of blindness
    ("Z822", ("207Y00000X", "231H00000X")),  # of deafness
    ("Z823", ("2084N0400X",)),  # of stroke
    ("Z824", ("207RC0000X",)),  # of heart disease and sudden cardiac death
    ("Z825", ("207RP1001X", "207K00000X")),  # of asthma and lung disease
    ("Z826", ("207RR0500X",)),  # of arthritis and osteoporosis
    ("Z827", ("208000000X",)),  # of congenital malformations
    ("Z82", _PRIMARY_CARE),  # of disabilities and other chronic diseases
    ("Z830", ("207RI0200X",)),  # of HIV
    ("Z831", ("207RI0200X",)),  # of other infections
    ("Z832", ("207RH0000X",)),  # of blood and immune disorders
    ("Z833", (*_PRIMARY_CARE, "207RE0101X")),  # of diabetes
    ("Z8342", ("207RC0000X", "207RE0101X")),  # of familial hypercholesterolemia
    ("Z834", ("207RE0101X",)),  # of other endocrine and metabolic disorders
    ("Z835", ("207W00000X",)),  # of eye disorders
    ("Z836", ("207RP1001X",)),  # of respiratory disease
    ("Z837", _GI),  # of digestive disorders, colon polyps
    ("Z840", ("207N00000X",)),  # of skin disease
    ("Z841", ("207RN0300X",)),  # of kidney disorders
    ("Z842", _UROLOGY),  # of other genitourinary disorders
    ("Z84", (*_PRIMARY_CARE, *_OB_GYN)),  # of consanguinity, carrier status, other
    ("Z85", ("207RX0202X", "207RH0003X")),  # a personal history of cancer: its follow-up
)


def encounter_specialists(compact: str) -> tuple[str, ...]:
    """The NUCC codes of whom an encounter or family-history code asks for ("Z80.0": the
    gastroenterologist), by its longest listed prefix; () for other codes."""
    code = compact.upper()
    return next((codes for prefix, codes in _BY_LENGTH if code.startswith(prefix)), ())


_BY_LENGTH = sorted(ENCOUNTER_SPECIALISTS, key=lambda row: -len(row[0]))


def chapter_specialists(compact: str) -> tuple[str, ...]:
    """The NUCC codes of who first sees a need of the code's chapter; () for R, S-Z."""
    category = compact.upper()[:3]
    for first, last, codes in CHAPTER_SPECIALISTS:
        if first <= category <= last:
            return codes
    return ()
