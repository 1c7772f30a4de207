"""Scheduling notes for the synthetic demo profiles, derived from the NPI.

Not drawn from the demo's random generator: that would move every later profile and
the judged relevance set with it. A hash of the NPI picks the notes, so the same
profile always gets the same ones.
"""

from __future__ import annotations

import hashlib

from directory.accuracy.facts import empty_scheduling

AGES = ("18 and older", "All ages", "16 and older", "18 and older", "65 and older", "")
NOT_TREATED = ((), (), ("Scoliosis in children",), (), ("Workers' compensation injuries",))


def demo_scheduling(npi: str) -> dict:
    digest = hashlib.sha256(npi.encode()).digest()
    notes = empty_scheduling()
    notes["ages_seen"] = AGES[digest[0] % len(AGES)]
    notes["conditions_not_treated"] = list(NOT_TREATED[digest[1] % len(NOT_TREATED)])
    notes["referral_required"] = (True, False, None)[digest[2] % 3]
    notes["authorization_required"] = (True, None, None, False)[digest[3] % 4]
    if digest[4] % 3 == 0:
        notes["direct_address"] = f"intake.{npi}@direct.example.org"
    return notes
