"""Curated clinical vocabulary: conditions, procedures and specialties.

The vocabulary is what lets a patient type "pain after back surgery", "pinched nerve" or "M96.1"
and land on physicians with the right NUCC taxonomy codes. It is read from three sources under
``data/``:

* ``nucc-provider-taxonomy.csv`` - every NUCC provider taxonomy code with its official names;
* ``specialties.json`` - patient-friendly names and search synonyms for common specialties;
* ``vocabulary/*.json`` - curated conditions and procedures (synonyms, ICD-10-CM codes, ranked
  specialties, related procedures/conditions and the plain-language library page text).

Both the indexer (to build the synonym and concept indices) and the web app (condition library
pages, specialty labels) use :func:`default_vocabulary`. :func:`load_vocabulary` checks the
structure of every vocabulary entry and raises :class:`ValueError` naming the file and entry on
a schema error or a duplicate id; cross-checks against external code sets live in the tests.
"""

from __future__ import annotations

import functools

from directory.vocabulary.files import (
    DATA_DIR,
    ENTRY_KEYS,
    KINDS,
    SECTION_KEYS,
    load_vocabulary,
)
from directory.vocabulary.model import (
    GENERALISTS,
    PEDIATRICS,
    PHYSICIAN,
    PHYSICIAN_GROUPING,
    PRIMARY_CARE,
    Concept,
    Specialty,
    SpecialtyRank,
    Vocabulary,
)

__all__ = [
    "DATA_DIR",
    "ENTRY_KEYS",
    "GENERALISTS",
    "PEDIATRICS",
    "PHYSICIAN",
    "KINDS",
    "PHYSICIAN_GROUPING",
    "PRIMARY_CARE",
    "SECTION_KEYS",
    "Concept",
    "Specialty",
    "SpecialtyRank",
    "Vocabulary",
    "default_vocabulary",
    "load_vocabulary",
]


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary under :data:`DATA_DIR`, loaded once per process."""
    return load_vocabulary()
