"""Location autocomplete: ZIPs and "City, ST" that start with what was typed (offline)."""

from __future__ import annotations

import bisect
import re
from functools import cache

from directory.geography.gazetteer import City, cities_by_name, city_key, sorted_zips, zip_table
from directory.geography.states import state_code


@cache
def _city_keys_sorted() -> tuple[str, ...]:
    return tuple(sorted(cities_by_name()))


def _prefixed(keys: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    start = bisect.bisect_left(keys, prefix)
    return keys[start : bisect.bisect_left(keys, prefix + "\uffff")]


def place_suggestions(text: str, limit: int = 8) -> tuple[tuple[str, str], ...]:
    """(value for the location box, label) for ZIPs and "City, ST" that start with ``text``.

    Offline, for autocomplete: "061" → 06101, 06102...; "spring" → every Springfield, the
    biggest first, so a name shared by several states offers each one; "hartford, c" → CT.
    """
    cleaned = " ".join(text.split())
    if re.fullmatch(r"\d{1,5}", cleaned):
        zips = _prefixed(sorted_zips(), cleaned)[:limit]
        return tuple((z, f"{z} · {zip_table()[z].city}, {zip_table()[z].state}") for z in zips)
    city, _, state = cleaned.partition(",")
    key, state = city_key(city), state.strip().upper()
    if len(key) < 2:
        return ()
    found = [c for k in _prefixed(_city_keys_sorted(), key) for c in cities_by_name()[k]]
    found = [c for c in found if c.state.startswith(state) or state_code(state) == c.state]
    finished = "," in cleaned  # "hart," or "hart, m": the name is typed in full
    found.sort(key=lambda c: (-_likely(c, key, finished), c.name, c.state))
    return tuple((f"{c.name}, {c.state}", f"{c.name}, {c.state}") for c in found[:limit])


# A name typed in full counts this many times its ZIPs against a longer name it starts: the
# rule that settles a bare city name (Hartford, CT over VT) settles it here too.
NAMED_IN_FULL = 3.0


def _likely(city: City, key: str, finished: bool) -> float:
    """How likely a place is the one meant, by its size (ZIPs, the table's measure of how
    many people live there). A place of exactly the name typed comes first unless a longer
    name is clearly bigger ("hart": Hartford, CT, 36 ZIPs, before Hart, MI, 1); once a comma
    ends the name, every place of that name comes first ("hart,": Hart, MI)."""
    if city_key(city.name) != key:
        return city.zip_count
    return float("inf") if finished else city.zip_count * NAMED_IN_FULL
