"""Reading what a user typed in the location box: "06106", "Hartford, CT", "41.76,-72.68".

Offline first; an optional geopy geocoder is the only thing that ever goes online, and
only when the caller passes one. Text that names no place raises ``LocationNotFound``
with the known places spelled like it.
"""

from __future__ import annotations

import bisect
import difflib
import heapq
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import jellyfish
from geopy.exc import GeopyError
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from directory.geography.gazetteer import (
    City,
    cities_by_name,
    city_index,
    city_key,
    city_keys_by_state,
    city_place,
    county_place,
    county_places,
    other_names_by_name,
    sorted_zips,
    state_place,
    zip_place,
)
from directory.geography.place import Place
from directory.geography.states import state_after_comma, state_code

_ZIP = re.compile(r"(\d{5})(?:-\d{4})?")
OTHER_NAME_MIN_ZIPS = 3
_TRAILING_ZIP = re.compile(r"^(.*?)[\s,]*\b(\d{5})(?:-\d{4})?$")
_LATLON = re.compile(r"([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)")


class LocationNotFound(ValueError):
    """The text names no place we know; ``suggestions`` are labels worth offering instead."""

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        self.text = text
        self.suggestions = tuple(suggestions)
        message = f"We couldn't find '{text}'." if text.strip() else "Enter a ZIP or city, state."
        super().__init__(message)


def _split_city_state(text: str) -> tuple[str, str | None]:
    """'Hartford, CT' / 'hartford ct' / 'Hartford, Connecticut' -> ('Hartford', 'CT')."""
    cleaned = " ".join(text.replace(",", " , ").split()).strip(" ,")
    if "," in cleaned:
        city, _, state = cleaned.rpartition(",")
        return city.strip(" ,"), state_after_comma(state)
    words = cleaned.split()
    for size in (3, 2, 1):
        if len(words) > size and (code := state_code(" ".join(words[-size:]))):
            return " ".join(words[:-size]), code
    return cleaned, None


# Where the United States and its territories are, as boxes (south, north, west, east):
# the 48 states, Alaska (both sides of the 180th meridian), Hawaii, Puerto Rico and the
# Virgin Islands, Guam and the Northern Marianas, American Samoa.
_US_BOXES = (
    (24.4, 49.5, -125.0, -66.8),
    (51.0, 71.5, -180.0, -129.9),
    (51.0, 53.1, 172.4, 180.0),
    (18.8, 22.4, -160.3, -154.7),
    (17.6, 18.6, -67.3, -64.5),
    (13.2, 20.6, 144.6, 146.1),
    (-14.6, -11.0, -171.2, -168.1),
)


def _in_the_us(lat: float, lon: float) -> bool:
    return any(s <= lat <= n and w <= lon <= e for s, n, w, e in _US_BOXES)


def _parse_latlon(text: str) -> Place | None:
    match = _LATLON.fullmatch(text.strip())
    if match is None:
        return None
    lat, lon = float(match[1]), float(match[2])
    # Off the map, or a point outside the country (0,0; Sydney): nobody there to list, and
    # "0 physicians of 0, 0" said nothing about why.
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not _in_the_us(lat, lon):
        raise LocationNotFound(text)
    return Place(f"{lat:g}, {lon:g}", lat, lon, "latlon")


# "Cleveland, OH, USA": the country people add is ours; any other after a comma is not.
_OUR_COUNTRY = re.compile(r"[\s,]+(?:u\.?s\.?a?\.?|united states(?: of america)?)$", re.I)


# "6106": a New England ZIP whose leading zero a spreadsheet dropped.
_ZIP_WITHOUT_ITS_ZERO = re.compile(r"\d{4}")


def _local_place(text: str) -> Place | None:
    text = _OUR_COUNTRY.sub("", text) or text
    if zip_match := _ZIP.fullmatch(text):
        return zip_place(zip_match[1])
    if _ZIP_WITHOUT_ITS_ZERO.fullmatch(text):
        return zip_place(f"0{text}")
    if latlon := _parse_latlon(text):
        return latlon
    if trailing := _TRAILING_ZIP.fullmatch(text):
        if _ZIP.search(trailing[1]):  # "06106,06107": which one? Not silently the last.
            return None
        return zip_place(trailing[2])
    city, state = _split_city_state(text)
    if state:  # "Hartford, CT", "Cook County, IL"
        return city_place(city, state) or county_place(city, state)
    if "," in text and city_key(city) and state_code(text) is None:
        # "Hartford, ZZ", "Paris, France": what follows the comma is no state of ours, so
        # not the biggest town of the name anywhere (Paris, TX); the form offers the towns.
        return None
    same_name = cities_by_name().get(city_key(city), ())
    # A bare "Boston" means the biggest Boston; the label shows which one we picked.
    if same_name:
        return city_place(same_name[0].name, same_name[0].state)
    # "The Woodlands", "Cleveland Heights": a town USPS files under another city's name;
    # a one-word name of a ZIP or two ("Mary", KY) is more likely a typo than that town.
    other = other_names_by_name().get(city_key(city), ())
    if other and (" " in city.strip() or other[0].zip_count >= OTHER_NAME_MIN_ZIPS):
        return city_place(other[0].name, other[0].state)
    if counties := county_places(city):  # "Orange County": the biggest
        return counties[0][0]
    # "Illinois", "IL": the whole state (a town of the name comes first: "New York").
    code = state_code(text)
    return state_place(code) if code else None


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


# A misspelled city is read as the one it clearly means: a name this long or longer, one slip
# away (a letter dropped, doubled, swapped or wrong; two from ``TWO_SLIPS`` letters), whose
# city has ``CLEARLY_BIGGER`` times the ZIPs of every other as close. In the location box, a
# name spelled as it sounds ("Alferetta", "Hueston") is also read, by its Metaphone key
# (jellyfish: the phonetic codes are a solved problem we should not write again).
MIN_RESPELLED = 5
TWO_SLIPS = 9
CLEARLY_BIGGER = 3
SOUND_SLIPS = 3  # a name spelled as it sounds is still this near in letters


def meant_place(text: str) -> Place | None:
    """The city a misspelled name clearly means: "Chicgo" is Chicago, IL (84 ZIPs), not
    Chico, CA (6); "Providance, RI" is Providence. None when no place is that close, or
    when two names are and neither clearly bigger ("Bostan": Boston or Bostic?)."""
    city, state = _split_city_state(text)
    if "," in text and state is None:  # "Paris, France": no state of ours after the comma
        return None
    found = meant_city(city, state, by_sound=True)
    return found.place() if found is not None else None


def meant_city(name: str, state: str | None = None, by_sound: bool = False) -> City | None:
    """The city behind a misspelled ``name`` (in ``state`` when given), as ``meant_place``:
    of the names as close, one with ``CLEARLY_BIGGER`` times the ZIPs of any other; of the
    towns of that name, the biggest, as the name typed right reads ("Beverly Hils":
    Beverly Hills, CA, before Beverly Hills, FL, which the page offers)."""
    key = city_key(name)
    if len(key.replace(" ", "")) < MIN_RESPELLED:
        return None
    slips = 1 if len(key) < TWO_SLIPS else 2
    keys = city_keys_by_state().get(state, ()) if state else _every_city_key()
    close = process.extract(key, keys, scorer=OSA.distance, score_cutoff=slips, limit=None)
    if by_sound:  # "Alferetta" is Alpharetta, "Hueston" Houston: as near as one slip
        sound = {
            found
            for found in _sounding_like(key, state)
            if found != key and OSA.distance(key, found) <= SOUND_SLIPS  # not "Koreatown": Gretna
        }
        close = [c for c in close if c[0] not in sound] + [(found, 1, 0) for found in sound]
    if not close or any(distance == 0 for _, distance, _ in close):
        return None  # a name we know ("Pittsburg", KS) is no slip of another's
    towns = {
        found: (city_index()[(found, state)],) if state else cities_by_name()[found]
        for found, _, _ in close
    }
    nearest = min(distance for _, distance, _ in close)
    ranked = sorted(
        (found for found, distance, _ in close if distance == nearest),
        key=lambda found: (-towns[found][0].zip_count, found),
    )
    best, rivals = towns[ranked[0]][0], [towns[found][0].zip_count for found in ranked[1:]]
    if rivals and best.zip_count < CLEARLY_BIGGER * max(rivals):
        return None
    return best


HAMLET_ZIPS = 3  # a town of fewer ZIPs than this is a hamlet
FAR_BIGGER = 5  # "huston": Houston, TX (178 ZIPs), not Ruston, LA (3)


@cache
def big_city_a_slip_from(name: str, min_zips: int) -> Place | None:
    """The big city (``min_zips`` ZIPs or more) one slip from a name only hamlets have:
    "huston" (Huston, ID) is a slip of Houston, TX; "phenix" of Phoenix, AZ. None for a
    name some town has (``HAMLET_ZIPS`` or more), or when another town as near is not
    ``FAR_BIGGER`` times smaller."""
    key = city_key(name)
    towns = cities_by_name().get(key, ())
    if len(key) < MIN_RESPELLED or any(town.zip_count >= HAMLET_ZIPS for town in towns):
        return None
    close = process.extract(key, _every_city_key(), scorer=OSA.distance, score_cutoff=1, limit=None)
    towns = [cities_by_name()[found][0] for found, distance, _ in close if distance == 1]
    near = sorted((town.zip_count for town in towns if town.zip_count >= HAMLET_ZIPS), reverse=True)
    if not near or near[0] < min_zips or (len(near) > 1 and near[0] < FAR_BIGGER * near[1]):
        return None  # "ashville": Nashville, TN (39 ZIPs) or Asheville, NC (11): neither
    return next(town for town in towns if town.zip_count == near[0]).place()


def _nearby_zip_labels(zip5: str, limit: int) -> tuple[str, ...]:
    zips = sorted_zips()
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
    key = city_key(city)
    if not key:
        return ()
    if state:
        keys = close_matches(key, city_keys_by_state().get(state, ()), limit)
        return tuple(f"{city_index()[(k, state)].name}, {state}" for k in keys)
    keys = close_matches(key, _every_city_key(), limit)
    return tuple(f"{cities_by_name()[k][0].name}, {cities_by_name()[k][0].state}" for k in keys)


@cache
def _every_city_key() -> tuple[str, ...]:
    return tuple(cities_by_name())


def _sounding_like(key: str, state: str | None) -> tuple[str, ...]:
    """The city keys (in ``state``, when given) that sound as ``key`` does."""
    return _sounds(state).get(jellyfish.metaphone(key), ())


@cache
def _sounds(state: str | None) -> dict[str, tuple[str, ...]]:
    keys = city_keys_by_state().get(state, ()) if state else _every_city_key()
    found: dict[str, list[str]] = {}
    for key in keys:
        found.setdefault(jellyfish.metaphone(key), []).append(key)
    return {sound: tuple(keys) for sound, keys in found.items()}


def close_matches(word: str, keys: Iterable[str], n: int, cutoff: float = 0.6) -> list[str]:
    """``difflib.get_close_matches(word, keys, n, cutoff)``, the same list, ~20x sooner.

    difflib scores all ~29,000 city names in Python (~30 ms for each place we can't
    find). rapidfuzz's ``fuzz.ratio`` is 2 x the longest common subsequence / the total
    length, never below difflib's ratio (its matching blocks are one common subsequence),
    so the names it keeps at the cutoff (less a point, for rounding) are a superset of
    difflib's; difflib itself then scores only those, exactly as get_close_matches does.
    """
    found = process.extract(
        word, list(keys), scorer=fuzz.ratio, score_cutoff=cutoff * 100 - 1, limit=None
    )
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate, _score, _index in found:
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= cutoff
            and matcher.quick_ratio() >= cutoff
            and matcher.ratio() >= cutoff
        ):
            scored.append((matcher.ratio(), candidate))
    return [candidate for _score, candidate in heapq.nlargest(n, scored)]
