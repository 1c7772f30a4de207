"""Helpers for accuracy tests: small profiles we control, loaded the way the CLI loads them."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from directory.npi import npi_check_digit
from directory.vocabulary import default_vocabulary
from indexer.gates import Gates
from indexer.load import rebuild_all
from indexer.overrides import StoreOverlay

SPINE = "207XS0117X"  # orthopaedic surgery of the spine


def npi(number: int) -> str:
    stem = f"19{number:07d}"
    return stem + str(npi_check_digit(stem))


def days_ago(days: int) -> str:
    return (date.today() - timedelta(days=days)).isoformat()


def profile(number: int, *, verified_days_ago: int = 10, **changes) -> dict:
    """A canonical profile (as a reader yields it) in Hartford, verified some days ago."""
    base = {
        "npi": npi(number),
        "name": {"prefix": "Dr.", "first": "Test", "middle": "", "last": f"Accuracy{number}",
                 "suffix": ""},
        "credentials": ["MD"], "gender": None,
        "specialties": [{"code": SPINE, "primary": True}],
        "conditions": ["sciatica"], "procedures": [], "languages": ["English"],
        "insurance": ["Aetna", "Medicare"], "accepting_new_patients": False, "telehealth": False,
        "locations": [{"name": "Spine Center", "address_line1": "85 Seymour St",
                       "address_line2": "", "city": "Hartford", "state": "CT", "zip": "06106",
                       "phone": "860-555-0100", "fax": "860-555-0101",
                       "lat": 41.7498, "lon": -72.6947}],
        "hospital_affiliations": [], "education": [], "board_certifications": [], "bio": "",
        "source": "clinic-roster", "last_verified": days_ago(verified_days_ago), "active": True,
    }  # fmt: skip
    base.update(copy.deepcopy(changes))
    return base


def load(es, alias: str, profiles: list[dict], database_url: str) -> str:
    """A full rebuild with the store's corrections, as ``python -m indexer load`` runs it."""
    corrections = StoreOverlay(database_url)
    rebuild_all(es, alias, corrections.apply(profiles), default_vocabulary(),
            policy=Gates(allow_shrink=True))  # fmt: skip
    return corrections.finish(es, alias, "test rebuild")
