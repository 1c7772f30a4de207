"""Cities by the short names people type: "LA", "NYC", "philly", "ATL"; and a big city's
best-known neighbourhoods and landmarks, which the offline gazetteer does not hold, as their
city ("koreatown", "buckhead": a hamlet of that name is 60 miles from Atlanta's; "back bay",
"upper east side", "wrigley field", in lower case and up to four words). A name a real town
also has ("lincoln park", "hyde park", "chelsea") is left to the gazetteer.

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
        words = short.split(" ") if isinstance(short, str) else []
        spelled = bool(words) and all(w.isalpha() for w in words)
        cased = short.islower() if len(words) > 1 else short.isupper() or short.islower()
        if not spelled or not cased or len(words) > LONGEST or len(state) != 2:
            raise ValueError(
                f"{where}: {short!r} must be a word, or up to {LONGEST} lower-case words,"
                " naming a 'City, ST'"
            )
        place = geography.city_place(name.lower(), state)
        if place is None:
            raise ValueError(f"{where}: {short!r} names {city!r}, which is not a US city")
        table[short] = place
    return table


SPANISH_BEFORE = frozenset({"de", "del", "a", "al", "con", "para", "por", "que", "y", "o"})
LONGEST = 4  # words in a neighbourhood's name: "little five points"


def nickname_places(
    tokens: Sequence[Token], table: Mapping[str, Place]
) -> dict[int, tuple[int, Place]]:
    """First token index -> (the index after the name, the city it stands for)."""
    capitals_count = not shouted(tokens)
    found: dict[int, tuple[int, Place]] = {}
    last = len(tokens) - 1
    covered = 0  # tokens before this are inside a name already read ("back bay")
    for i, token in enumerate(tokens):
        if i < covered:
            continue
        named = next(
            (
                (i + size, table[words])
                for size in range(LONGEST, 1, -1)
                if i + size <= len(tokens)
                and (words := " ".join(t.norm for t in tokens[i : i + size])) in table
            ),
            None,
        )
        if named is not None:
            end, place = named
            state = _state_after(tokens, end)
            if state == place.label[-2:]:  # "back bay MA": the state is the city's
                named = (end + 1, place)
            elif state or (end < len(tokens) and tokens[end].norm == "of"):
                named = None  # "silver lake, MI", "the loop of my ear"
        if named is not None:  # "back bay", "upper east side", "silver lake"
            found[i], covered = named, named[0]
            continue
        place = table.get(token.norm)
        if place is None and capitals_count and token.upper:
            place = table.get(token.text)
        # "dermatologist in la": where, typed last (not "dolor de la", Spanish "the")
        typed_last = i == last > 0 and token.text.islower() and capitals_count
        # ... or right after an English word for where ("psychiatrist in la that takes ...")
        cued = 0 < i and tokens[i - 1].norm in CUES and token.text.islower() and capitals_count
        if place is None and (typed_last or cued) and tokens[i - 1].norm not in SPANISH_BEFORE:
            place = table.get(token.text.upper())
        if place is not None:
            found[i] = (i + 1, place)
    return found


CUES = frozenset({"in", "near", "around", "downtown"})  # English words for where


def _state_after(tokens: Sequence[Token], at: int) -> str | None:
    """The state typed right after a neighbourhood's words ("silver lake MI", "silver lake,
    ohio"); a state in lower case counts only spelled out ("oh", "in", "me" are words)."""
    if at >= len(tokens):
        return None
    text = tokens[at].text
    if len(text) == 2 and not text.isupper():
        return None
    return geography.state_code(text)
