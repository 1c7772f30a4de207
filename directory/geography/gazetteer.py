"""The offline gazetteer: ZIPs, cities and states with their coordinates.

Everything comes from the ``zipcodes`` package, indexed lazily once per process. A city
is the median point of its ZIPs; a state the median point of all of its ZIPs.
"""

from __future__ import annotations

import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from typing import Any, NamedTuple

import zipcodes

from directory.geography.place import Place
from directory.geography.states import STATE_NAMES, state_code

# Spelled-out and abbreviated forms of the same word, so "St. Louis" finds "Saint Louis",
# "Long Bch" Long Beach and "Spfld" Springfield (the post office's and letterheads' short
# forms: they are no English or medical words).
_CITY_WORDS = {
    "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point",
    "bch": "beach", "hts": "heights", "hgts": "heights", "spgs": "springs", "lk": "lake",
    "vly": "valley", "mtn": "mountain", "jct": "junction", "cty": "city", "twp": "township",
    "spfld": "springfield", "chgo": "chicago", "phila": "philadelphia", "bklyn": "brooklyn",
    "pgh": "pittsburgh", "indpls": "indianapolis", "cinti": "cincinnati",
}  # fmt: skip
# A compass point's letter begins a name of several words: "N Hollywood", "W Hartford".
_COMPASS = {"n": "north", "s": "south", "e": "east", "w": "west"}


class ZipInfo(NamedTuple):
    lat: float
    lon: float
    city: str
    state: str
    standard: bool  # a street-delivery ZIP, not a PO box or a single-building "unique" ZIP
    # Other names USPS accepts for the ZIP's town ("Vernon" for 06066, "Vernon Rockville").
    also_known_as: tuple[str, ...] = ()
    county: str = ""  # "Orange County"
    area_codes: tuple[str, ...] = ()  # the telephone area codes that serve it: ("617", "857")


class City(NamedTuple):
    name: str
    state: str
    lat: float
    lon: float
    zip_count: int

    def place(self, kind: str = "city") -> Place:
        """The place a search is made around: "Hartford, CT" at its ZIPs' median point."""
        return Place(f"{self.name}, {self.state}", self.lat, self.lon, kind)


def zip_rows() -> Iterator[dict[str, Any]]:
    """Every row of the ``zipcodes`` data, in ZIP order, a hundredth at a time.

    ``zipcodes.list_all()`` keeps all 42,000 rows as dicts for the life of the process
    (~140 MB in every web worker and loader); asking for them by 2-digit prefix lets each
    batch go once our compact table has what it needs.
    """
    for prefix in range(100):
        yield from zipcodes.similar_to(f"{prefix:02d}")


@cache
def zip_table() -> dict[str, ZipInfo]:
    # PO box and unique (hospital, university) ZIPs stay: real practices use them.
    table = {}
    for row in zip_rows():
        if not row["active"] or row["zip_code_type"] == "MILITARY":
            continue
        # Fifty ZIPs carry 0, 0 for unknown coordinates: a point in the Atlantic that drew
        # Bell Gardens, CA (one good ZIP, one 0, 0) halfway there, where nobody practises.
        if not float(row["lat"] or 0) or not float(row["long"] or 0):
            continue
        table[row["zip_code"]] = ZipInfo(
            float(row["lat"]),
            float(row["long"]),
            row["city"],
            row["state"],
            row["zip_code_type"] == "STANDARD",
            tuple(row.get("acceptable_cities") or ()),
            sys.intern(row.get("county") or ""),  # a few thousand names, 42,000 ZIPs
            tuple(sys.intern(code) for code in row.get("area_codes") or ()),
        )
    return table


@cache
def sorted_zips() -> tuple[str, ...]:
    return tuple(sorted(zip_table()))


def city_key(city: str) -> str:
    key = _spaced_key(city)
    return key if " " in key else _joined_names().get(key, key)


def _spaced_key(city: str) -> str:
    words = re.sub(r"[.'’]", "", city.lower()).replace("-", " ").split()
    if len(words) > 1 and words[0] in _COMPASS:
        words[0] = _COMPASS[words[0]]
    return " ".join(_CITY_WORDS.get(word, word) for word in words)


@cache
def _joined_names() -> dict[str, str]:
    """A city of several words typed as one ("sugarland", "westhartford") -> its key, where
    no town is called by the joined word itself."""
    keys = {_spaced_key(info.city) for info in zip_table().values()}
    joined: dict[str, str] = {}
    for key in sorted(keys):
        one = key.replace(" ", "")
        if " " in key and one not in keys:
            joined.setdefault(one, key)
    return joined


@cache
def city_index() -> dict[tuple[str, str], City]:
    groups: dict[tuple[str, str], list[ZipInfo]] = defaultdict(list)
    for info in zip_table().values():
        groups[(city_key(info.city), info.state)].append(info)
    return _cities(groups)


@cache
def other_names_index() -> dict[tuple[str, str], City]:
    """Towns USPS knows by another name ("Vernon, CT" is 06066, "Vernon Rockville"), where
    no town of that name has ZIPs of its own in the state. Only with their state: bare,
    such names ("Mary") would turn ordinary words into places."""
    primary = city_index()
    groups: dict[tuple[str, str], list[ZipInfo]] = defaultdict(list)
    for info in zip_table().values():
        for name in info.also_known_as:
            key = (city_key(name), info.state)
            if key not in primary:
                groups[key].append(info._replace(city=name))
    return _cities(groups)


def _cities(groups: dict[tuple[str, str], list[ZipInfo]]) -> dict[tuple[str, str], City]:
    index = {}
    for key, infos in groups.items():
        # the name spelled out where some ZIPs cut it: "East Los Angeles", not "E Los Angeles"
        name = max((info.city for info in infos), key=len)
        index[key] = City(name, infos[0].state, *median_point(infos), len(infos))
    return index


def median_point(infos: list[ZipInfo]) -> tuple[float, float]:
    # Median, not mean: a few ZIPs carry far-off coordinates (Los Angeles's mean lands
    # 70 miles east, near Hemet), and one bad point must not move the whole city.
    return (
        round(statistics.median(i.lat for i in infos), 4),
        round(statistics.median(i.lon for i in infos), 4),
    )


@cache
def cities_by_name() -> dict[str, tuple[City, ...]]:
    """City key -> the cities of that name, the one with most ZIPs first."""
    return _by_name(city_index())


def _by_name(index: dict[tuple[str, str], City]) -> dict[str, tuple[City, ...]]:
    """An index by (key, state) regrouped by key, the city with most ZIPs first."""
    by_name: dict[str, list[City]] = defaultdict(list)
    for (key, _state), city in index.items():
        by_name[key].append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.zip_count)) for k, v in by_name.items()}


@cache
def other_names_by_name() -> dict[str, tuple[City, ...]]:
    """Another name's key -> the towns USPS knows by it, most ZIPs first ("the woodlands"
    -> The Woodlands, TX): for the location box, where the whole text is a place."""
    return _by_name(other_names_index())


@cache
def city_keys_by_state() -> dict[str, tuple[str, ...]]:
    by_state: dict[str, list[str]] = defaultdict(list)
    for key, state in city_index():
        by_state[state].append(key)
    return {state: tuple(sorted(keys)) for state, keys in by_state.items()}


def zip_info(zip5: str) -> ZipInfo | None:
    """City, state and coordinates of a 5-digit ZIP, or None when we don't know it."""
    return zip_table().get(zip5)


def zip_city_names(zip5: str) -> tuple[str, ...]:
    """The names USPS gives a ZIP's town: its own first, then the others it accepts
    (06107: "West Hartford", "Hartford", "West Hartfrd"); () for a ZIP we don't know."""
    info = zip_table().get(zip5)
    return (info.city, *info.also_known_as) if info else ()


def is_zip_city(zip5: str, city: str) -> bool:
    """True when ``city`` is a name USPS gives ZIP ``zip5``'s town ("St. Louis" or
    "Saint Louis"); a village a ZIP's post office is not named for is not one."""
    key = city_key(city)
    return any(city_key(name) == key for name in zip_city_names(zip5))


def zip_in_service(text: str) -> ZipInfo | None:
    """The ZIP an address gives ("06106", "06106-1234") if USPS delivers to it today.

    One rule for a practice's ZIP, whoever states it: a verifier correcting a profile
    (``app/staff``) and a roster being loaded (``indexer``). A retired or invented ZIP
    ("99999") is neither on the map nor in any radius search.
    """
    return zip_info(text.strip()[:5])


def zip_point(zip5: str) -> tuple[float, float] | None:
    info = zip_table().get(zip5)
    return (info.lat, info.lon) if info else None


def zip_place(zip5: str) -> Place | None:
    info = zip_table().get(zip5)
    if info is None:
        return None
    return Place(f"{info.city}, {info.state} {zip5}", info.lat, info.lon, "zip")


def city_place(city: str, state: str) -> Place | None:
    """The centroid of a city's ZIPs; ``state`` may be a code or a name."""
    code = state_code(state)
    if not code:
        return None
    key = (city_key(city), code)
    found = city_index().get(key) or other_names_index().get(key)
    return found.place() if found is not None else None


def city_places(name: str) -> tuple[tuple[Place, int], ...]:
    """Every "City, ST" called ``name`` with its ZIP count, most ZIPs first ("Springfield" ->
    IL 35, MA 19, MO 16, ...): the candidates to offer when a bare name is ambiguous."""
    return tuple((c.place(), c.zip_count) for c in cities_by_name().get(city_key(name), ()))


def county_places(name: str) -> tuple[tuple[Place, int], ...]:
    """Every county called ``name`` ("orange county") with its ZIP count, most ZIPs first:
    "Orange County, CA" 100+, FL, NY, ... A county is the median point of its ZIPs."""
    return tuple(
        (c.place("county"), c.zip_count) for c in _counties_by_name().get(city_key(name), ())
    )


def county_place(name: str, state: str) -> Place | None:
    """The county called ``name`` in ``state`` ("Cook County", "IL"), or None."""
    return next((p for p, _ in county_places(name) if p.label.endswith(f", {state}")), None)


@cache
def _counties_by_name() -> dict[str, tuple[City, ...]]:
    groups: dict[tuple[str, str], list[ZipInfo]] = defaultdict(list)
    for info in zip_table().values():
        if info.county.lower().endswith((" county", " parish")):
            groups[(city_key(info.county), info.state)].append(info._replace(city=info.county))
    by_name: dict[str, list[City]] = defaultdict(list)
    for (key, _state), county in _cities(groups).items():
        by_name[key].append(county)
    return {k: tuple(sorted(v, key=lambda c: -c.zip_count)) for k, v in by_name.items()}


def area_code_place(code: str) -> Place | None:
    """A telephone area code as a place ("617": the median point of the street ZIPs it
    serves, named with its biggest city, "area code 617 (Boston, MA)"), or None."""
    return _area_code_places().get(code)


@cache
def _area_code_places() -> dict[str, Place]:
    groups: dict[str, list[ZipInfo]] = defaultdict(list)
    for info in zip_table().values():
        for code in info.area_codes if info.standard else ():
            groups[code].append(info)
    places = {}
    for code, infos in groups.items():
        towns = Counter(f"{info.city}, {info.state}" for info in infos)
        biggest = max(towns, key=lambda town: (towns[town], town))
        places[code] = Place(f"area code {code} ({biggest})", *median_point(infos), "area code")
    return places


def is_city_name(name: str) -> bool:
    """True when some US city is called ``name`` ("Mobile", "St. Louis")."""
    return city_key(name) in cities_by_name()


def state_place(code: str) -> Place | None:
    """A state as a place: the median point of its ZIPs, labelled with its name."""
    return _state_places().get(code)


@cache
def _state_places() -> dict[str, Place]:
    by_state: dict[str, list[ZipInfo]] = defaultdict(list)
    for info in zip_table().values():
        by_state[info.state].append(info)
    return {
        code: Place(name, *median_point(infos), "state")
        for code, infos in by_state.items()
        if (name := STATE_NAMES.get(code))
    }
