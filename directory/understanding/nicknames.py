"""Cities by the short names people type: "LA", "NYC", "philly", "ATL"; and a big city's
best-known neighbourhoods, which the offline gazetteer does not hold, as their city
("koreatown", "pilsen", "buckhead": a hamlet of that name is 60 miles from Atlanta's).

``place_nicknames`` in data/lexicon.json maps each short name to its "City, ST". A key
written in capitals counts only when typed in capitals, as "LA" (Los Angeles, while "la" is
Spanish "the" and "LA" after a city is Louisiana: "Shreveport, LA"); a key in lower case
counts however it is typed ("philly", "Philly"). A text all in capitals says nothing by its
capitals, as for clinical abbreviations (``capitals.shouted``). Typed last, after other
words, a short name in capitals counts in any case ("dermatologist in la"): a sentence does
not end on "the".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from directory import geography
from directory.geography import Place
from directory.understanding.capitals import shouted

if TYPE_CHECKING:  # tokens imports the lexicon, which reads this module's table
    from directory.understanding.tokens import Token


def read_nicknames(raw: Any, path: Path) -> dict[str, Place]:
    """The ``place_nicknames`` table: "LA" -> the place Los Angeles, CA."""
    where = f"{path}: place_nicknames"
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must map a short name to its 'City, ST'")
    table = {}
    for short, city in raw.items():
        name, _, state = city.partition(", ") if isinstance(city, str) else ("", "", "")
        one_word = isinstance(short, str) and short.isalpha()
        if not one_word or not (short.isupper() or short.islower()) or len(state) != 2:
            raise ValueError(f"{where}: {short!r} must be one word naming a 'City, ST'")
        place = geography.city_place(name.lower(), state)
        if place is None:
            raise ValueError(f"{where}: {short!r} names {city!r}, which is not a US city")
        table[short] = place
    return table


SPANISH_BEFORE = frozenset({"de", "del", "a", "al", "con", "para", "por", "que", "y", "o"})


def nickname_places(tokens: Sequence[Token], table: Mapping[str, Place]) -> dict[int, Place]:
    """Token index -> the city each short name typed stands for."""
    capitals_count = not shouted(tokens)
    found = {}
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        place = table.get(token.norm)
        if place is None and capitals_count and token.upper:
            place = table.get(token.text)
        # "dermatologist in la": where, typed last (not "dolor de la", Spanish "the")
        typed_last = i == last > 0 and token.text.islower() and capitals_count
        if place is None and typed_last and tokens[i - 1].norm not in SPANISH_BEFORE:
            place = table.get(token.text.upper())
        if place is not None:
            found[i] = place
    return found
