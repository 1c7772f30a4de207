"""Scheduling notes for the synthetic demo profiles, derived from the NPI.

Not drawn from the demo's random generator: that would move every later profile and
the judged relevance set with it. A hash of the NPI picks the notes, so the same
profile always gets the same ones.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from directory.accuracy.facts import empty_scheduling
from directory.understanding.term_table import PEDIATRIC
from directory.vocabulary import default_vocabulary

AGES = ("18 and older", "All ages", "16 and older", "18 and older", "All ages", "")
# Whom a specialty's physicians see: children's doctors see children, geriatricians the old.
CHILDRENS_AGES = ("All ages", "Birth to 21", "Birth to 18", "All ages")
GERIATRIC_AGES = ("65 and older",)
GERIATRIC = frozenset({"207QG0300X", "207RG0300X", "2084P0805X"})
NOT_TREATED = ((), (), ("Scoliosis in children",), (), ("Workers' compensation injuries",))


@lru_cache(maxsize=1)
def _childrens_codes() -> frozenset[str]:
    """Pediatrics and every specialty that is another's children's counterpart."""
    specialties = default_vocabulary().specialties
    counterparts = {child for s in specialties.values() for child in s.children}
    return frozenset(counterparts | {c for c in specialties if c.startswith(PEDIATRIC)})


def demo_scheduling(npi: str, codes: tuple[str, ...] = ()) -> dict:
    """The notes for the physician with ``npi`` whose specialties are ``codes`` (the first
    is the primary): the ages seen follow the primary specialty."""
    digest = hashlib.sha256(npi.encode()).digest()
    notes = empty_scheduling()
    primary = codes[0] if codes else ""
    ages = AGES
    if primary in _childrens_codes():
        ages = CHILDRENS_AGES
    elif primary in GERIATRIC:
        ages = GERIATRIC_AGES
    notes["ages_seen"] = ages[digest[0] % len(ages)]
    notes["conditions_not_treated"] = list(NOT_TREATED[digest[1] % len(NOT_TREATED)])
    notes["referral_required"] = (True, False, None)[digest[2] % 3]
    notes["authorization_required"] = (True, None, None, False)[digest[3] % 4]
    if digest[4] % 3 == 0:
        notes["direct_address"] = f"intake.{npi}@direct.example.org"
    return notes
