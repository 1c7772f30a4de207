"""Physician names in queries: the words of a name, name matches, name autocomplete.

Pure builders split from ``app.search.query``. A name is matched only where the text reads
as a name (``app.search.understanding``), so a fuzzy surname never outranks a concept.
"""

from __future__ import annotations

import re

from directory.text import normalize_term

# Names: all words of the name present beats a fuzzy near-miss.
NAME_ALL_WORDS = 20.0
NAME_FUZZY = 6.0
NAME_NOISE = re.compile(r"\b(dr|doctor|md|do|m d|d o|np|pa|phd|dpm|dc|pt|dpt)\b")


def name_words(text: str) -> str:
    """ "Dr. Soucier, MD" → "soucier": titles and credentials are not part of a name."""
    return " ".join(NAME_NOISE.sub(" ", normalize_term(text)).split())


def name_clauses(text: str) -> list[dict]:
    words = name_words(text)
    if not words:
        return []
    return [
        {"match": {"full_name": {"query": words, "operator": "and", "boost": NAME_ALL_WORDS}}},
        {
            "match": {
                "full_name": {
                    "query": words,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": NAME_FUZZY,
                }
            }
        },
    ]
