"""Offline US places: ZIP and city coordinates, free-text location parsing, distances.

Used by the indexer (a practice ZIP becomes a point for geo search) and by the web
app's location box ("06106", "Hartford, CT", "41.76,-72.68"). Everything comes from the
``zipcodes`` package, indexed lazily once per process; an optional geopy geocoder is
the only thing that ever goes online, and only when the caller passes one.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import zipcodes
from geopy.distance import EARTH_RADIUS as EARTH_RADIUS_KM
from geopy.exc import GeopyError

STATE_NAMES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "PR": "Puerto Rico", "VI": "Virgin Islands", "GU": "Guam",
    "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
_STATE_BY_NAME = {name.lower(): code for code, name in STATE_NAMES.items()}
# Spelled-out and abbreviated forms of the same word, so "St. Louis" finds "Saint Louis".
_CITY_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}
_ZIP = re.compile(r"(\d{5})(?:-\d{4})?")
_TRAILING_ZIP = re.compile(r"^(.*?)[\s,]*\b(\d{5})(?:-\d{4})?$")
_LATLON = re.compile(r"([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)")
KM_PER_MILE = 1.609344  # the international mile, as geopy.units.miles divides by


@dataclass(frozen=True)
class Place:
    """A resolved location: what to show the user and where it is."""

    label: str
    lat: float
    lon: float
    kind: str  # "zip" | "city" | "latlon" | "address" | "state"

    @property
    def point(self) -> tuple[float, float]:
        return (self.lat, self.lon)


class LocationNotFound(ValueError):
    """The text names no place we know; ``suggestions`` are labels worth offering instead."""

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        self.text = text
        self.suggestions = tuple(suggestions)
        message = f"We couldn't find '{text}'." if text.strip() else "Enter a ZIP or city, state."
        super().__init__(message)


class ZipInfo(NamedTuple):
    lat: float
    lon: float
    city: str
    state: str
    standard: bool  # a street-delivery ZIP, not a PO box or a single-building "unique" ZIP


class _City(NamedTuple):
    name: str
    state: str
    lat: float
    lon: float
    zip_count: int


def zip_rows() -> Iterator[dict[str, Any]]:
    """Every row of the ``zipcodes`` data, in ZIP order, a hundredth at a time.

    ``zipcodes.list_all()`` keeps all 42,000 rows as dicts for the life of the process
    (~140 MB in every web worker and loader); asking for them by 2-digit prefix lets each
    batch go once our compact table has what it needs.
    """
    for prefix in range(100):
        yield from zipcodes.similar_to(f"{prefix:02d}")


@cache
def _zip_table() -> dict[str, ZipInfo]:
    # PO box and unique (hospital, university) ZIPs stay: real practices use them.
    table = {}
    for row in zip_rows():
        if not row["active"] or row["zip_code_type"] == "MILITARY":
            continue
        if not row["lat"] or not row["long"]:
            continue
        table[row["zip_code"]] = ZipInfo(
            float(row["lat"]),
            float(row["long"]),
            row["city"],
            row["state"],
            row["zip_code_type"] == "STANDARD",
        )
    return table


@cache
def _sorted_zips() -> tuple[str, ...]:
    return tuple(sorted(_zip_table()))


def _city_key(city: str) -> str:
    words = re.sub(r"[.'’]", "", city.lower()).replace("-", " ").split()
    return " ".join(_CITY_WORDS.get(word, word) for word in words)


@cache
def _city_index() -> dict[tuple[str, str], _City]:
    groups: dict[tuple[str, str], list[ZipInfo]] = defaultdict(list)
    for info in _zip_table().values():
        groups[(_city_key(info.city), info.state)].append(info)
    index = {}
    for key, infos in groups.items():
        index[key] = _City(infos[0].city, infos[0].state, *_median_point(infos), len(infos))
    return index


def _median_point(infos: list[ZipInfo]) -> tuple[float, float]:
    # Median, not mean: a few ZIPs carry far-off coordinates (Los Angeles's mean lands
    # 70 miles east, near Hemet), and one bad point must not move the whole city.
    return (
        round(statistics.median(i.lat for i in infos), 4),
        round(statistics.median(i.lon for i in infos), 4),
    )


@cache
def _cities_by_name() -> dict[str, tuple[_City, ...]]:
    """City key -> the cities of that name, the one with most ZIPs first."""
    by_name: dict[str, list[_City]] = defaultdict(list)
    for (key, _state), city in _city_index().items():
        by_name[key].append(city)
    return {k: tuple(sorted(v, key=lambda c: -c.zip_count)) for k, v in by_name.items()}


@cache
def _city_keys_by_state() -> dict[str, tuple[str, ...]]:
    by_state: dict[str, list[str]] = defaultdict(list)
    for key, state in _city_index():
        by_state[state].append(key)
    return {state: tuple(sorted(keys)) for state, keys in by_state.items()}


def state_code(text: str) -> str | None:
    """'CT', 'ct' or 'Connecticut' -> 'CT'; None when it is not a state."""
    cleaned = " ".join(text.replace(".", "").split())
    if cleaned.upper() in STATE_NAMES:
        return cleaned.upper()
    return _STATE_BY_NAME.get(cleaned.lower())


def zip_info(zip5: str) -> ZipInfo | None:
    """City, state and coordinates of a 5-digit ZIP, or None when we don't know it."""
    return _zip_table().get(zip5)


def zip_point(zip5: str) -> tuple[float, float] | None:
    info = _zip_table().get(zip5)
    return (info.lat, info.lon) if info else None


def zip_place(zip5: str) -> Place | None:
    info = _zip_table().get(zip5)
    if info is None:
        return None
    return Place(f"{info.city}, {info.state} {zip5}", info.lat, info.lon, "zip")


def city_place(city: str, state: str) -> Place | None:
    """The centroid of a city's ZIPs; ``state`` may be a code or a name."""
    code = state_code(state)
    found = _city_index().get((_city_key(city), code)) if code else None
    if found is None:
        return None
    return Place(f"{found.name}, {found.state}", found.lat, found.lon, "city")


def city_places(name: str) -> tuple[tuple[Place, int], ...]:
    """Every "City, ST" called ``name`` with its ZIP count, most ZIPs first ("Springfield" ->
    IL 35, MA 19, MO 16, ...): the candidates to offer when a bare name is ambiguous."""
    return tuple(
        (Place(f"{c.name}, {c.state}", c.lat, c.lon, "city"), c.zip_count)
        for c in _cities_by_name().get(_city_key(name), ())
    )


def is_city_name(name: str) -> bool:
    """True when some US city is called ``name`` ("Mobile", "St. Louis")."""
    return _city_key(name) in _cities_by_name()


def state_place(code: str) -> Place | None:
    """A state as a place: the median point of its ZIPs, labelled with its name."""
    return _state_places().get(code)


@cache
def _state_places() -> dict[str, Place]:
    by_state: dict[str, list[ZipInfo]] = defaultdict(list)
    for info in _zip_table().values():
        by_state[info.state].append(info)
    return {
        code: Place(name, *_median_point(infos), "state")
        for code, infos in by_state.items()
        if (name := STATE_NAMES.get(code))
    }


def zips_within(
    center: tuple[float, float], radius_miles: float
) -> tuple[tuple[str, ZipInfo], ...]:
    """Standard ZIPs within ``radius_miles`` of ``center``, in ZIP order."""
    lat_span, lon_span = radius_miles / 69.0, radius_miles / 40.0  # generous degree boxes
    found = []
    for zip5 in _sorted_zips():
        info = _zip_table()[zip5]
        if not info.standard or abs(info.lat - center[0]) > lat_span:
            continue
        if abs(info.lon - center[1]) > lon_span:
            continue
        if miles_between(center, (info.lat, info.lon)) <= radius_miles:
            found.append((zip5, info))
    return tuple(found)


def miles_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle miles: the spherical model Elasticsearch's radius filter uses, so a
    physician shown at 9.9 miles is one the 10-mile filter counted in; within 0.5% of the
    ellipsoidal (geodesic) distance, and 10x faster on a results page.

    geopy's ``great_circle`` formula and radius written out: the same floats, without
    building two ``Point`` objects per call (a results page measures every location)."""
    lat1, lat2 = math.radians(a[0]), math.radians(b[0])
    sin_lat1, cos_lat1 = math.sin(lat1), math.cos(lat1)
    sin_lat2, cos_lat2 = math.sin(lat2), math.cos(lat2)
    delta_lon = math.radians(b[1]) - math.radians(a[1])
    cos_delta, sin_delta = math.cos(delta_lon), math.sin(delta_lon)
    angle = math.atan2(
        math.sqrt(
            (cos_lat2 * sin_delta) ** 2
            + (cos_lat1 * sin_lat2 - sin_lat1 * cos_lat2 * cos_delta) ** 2
        ),
        sin_lat1 * sin_lat2 + cos_lat1 * cos_lat2 * cos_delta,
    )
    return EARTH_RADIUS_KM * angle / KM_PER_MILE


def _split_city_state(text: str) -> tuple[str, str | None]:
    """'Hartford, CT' / 'hartford ct' / 'Hartford, Connecticut' -> ('Hartford', 'CT')."""
    cleaned = " ".join(text.replace(",", " , ").split()).strip(" ,")
    if "," in cleaned:
        city, _, state = cleaned.rpartition(",")
        return city.strip(" ,"), state_code(state)
    words = cleaned.split()
    for size in (3, 2, 1):
        if len(words) > size and (code := state_code(" ".join(words[-size:]))):
            return " ".join(words[:-size]), code
    return cleaned, None


def _parse_latlon(text: str) -> Place | None:
    match = _LATLON.fullmatch(text.strip())
    if match is None:
        return None
    lat, lon = float(match[1]), float(match[2])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise LocationNotFound(text)
    return Place(f"{lat:g}, {lon:g}", lat, lon, "latlon")


def _local_place(text: str) -> Place | None:
    if zip_match := _ZIP.fullmatch(text):
        return zip_place(zip_match[1])
    if latlon := _parse_latlon(text):
        return latlon
    if trailing := _TRAILING_ZIP.fullmatch(text):
        return zip_place(trailing[2])
    city, state = _split_city_state(text)
    if state:
        return city_place(city, state)
    same_name = _cities_by_name().get(_city_key(city), ())
    # A bare "Boston" means the biggest Boston; the label shows which one we picked.
    return city_place(same_name[0].name, same_name[0].state) if same_name else None


def _geocode(text: str, geocoder: Any) -> Place | None:
    try:
        found = geocoder.geocode(text)
    except GeopyError as exc:
        raise LocationNotFound(text, suggest_places(text)) from exc
    if found is None:
        return None
    return Place(found.address, float(found.latitude), float(found.longitude), "address")


def resolve_place(text: str, geocoder: Any = None) -> Place:
    """Turn what a user typed into a place, or raise :class:`LocationNotFound`."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise LocationNotFound(text)
    place = _local_place(cleaned)
    if place is None and geocoder is not None:
        place = _geocode(cleaned, geocoder)
    if place is None:
        raise LocationNotFound(text, suggest_places(cleaned))
    return place


def _nearby_zip_labels(zip5: str, limit: int) -> tuple[str, ...]:
    zips = _sorted_zips()
    at = bisect.bisect_left(zips, zip5)
    neighbours = sorted(
        zips[max(0, at - limit) : at + limit], key=lambda z: abs(int(z) - int(zip5))
    )
    labels = (zip_place(z) for z in neighbours[:limit])
    return tuple(place.label for place in labels if place)


def suggest_places(text: str, limit: int = 3) -> tuple[str, ...]:
    """Labels of known places spelled like ``text`` ('Hartfrd, CT' -> 'Hartford, CT')."""
    cleaned = " ".join(text.split())
    if zip_match := re.search(r"\b(\d{5})\b", cleaned):
        return _nearby_zip_labels(zip_match[1], limit)
    city, state = _split_city_state(cleaned)
    key = _city_key(city)
    if not key:
        return ()
    if state:
        keys = difflib.get_close_matches(key, _city_keys_by_state().get(state, ()), n=limit)
        return tuple(f"{_city_index()[(k, state)].name}, {state}" for k in keys)
    keys = difflib.get_close_matches(key, _cities_by_name().keys(), n=limit)
    return tuple(f"{_cities_by_name()[k][0].name}, {_cities_by_name()[k][0].state}" for k in keys)


@cache
def _city_keys_sorted() -> tuple[str, ...]:
    return tuple(sorted(_cities_by_name()))


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
        zips = _prefixed(_sorted_zips(), cleaned)[:limit]
        return tuple((z, f"{z} · {_zip_table()[z].city}, {_zip_table()[z].state}") for z in zips)
    city, _, state = cleaned.partition(",")
    key, state = _city_key(city), state.strip().upper()
    if len(key) < 2:
        return ()
    found = [c for k in _prefixed(_city_keys_sorted(), key) for c in _cities_by_name()[k]]
    found = [c for c in found if c.state.startswith(state) or state_code(state) == c.state]
    # The typed name itself first, then bigger places (more ZIPs) before smaller ones.
    found.sort(key=lambda c: (_city_key(c.name) != key, -c.zip_count, c.name, c.state))
    return tuple((f"{c.name}, {c.state}", f"{c.name}, {c.state}") for c in found[:limit])
