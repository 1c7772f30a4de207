"""Where demo physicians practise: packed into seven metros, or spread like the population.

``metros`` (the default, what ``make run`` and the tests load) keeps the original demo:
a metro drawn by its weight, practices anywhere within 30 miles of its center.
``national`` draws the main practice's ZIP by how many people live there
(``indexer.demo.population``) and further practices from the same 3-digit ZIP area;
a ZIP within 30 miles of a demo metro keeps that metro's hospitals and languages,
anywhere else gets local ones named after its city.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from directory import geography
from indexer.demo.catalog import METRO_RADIUS_MILES, METROS, Metro
from indexer.demo.population import national_weights
from indexer.demo.shape import weighted

SPREADS = ("metros", "national")
# Share of physicians who speak Spanish outside the demo metros, by state (default 8%).
SPANISH_BY_STATE = {"NM": 0.45, "TX": 0.4, "CA": 0.4, "AZ": 0.3, "FL": 0.3, "NV": 0.25,
                    "CO": 0.2, "NJ": 0.2, "NY": 0.2, "IL": 0.15}  # fmt: skip
_OTHER_SPANISH = 0.08


@cache
def metro_zips(metro: Metro) -> tuple[tuple[str, geography.ZipInfo], ...]:
    return geography.zips_within(metro.center, METRO_RADIUS_MILES)


@dataclass(frozen=True)
class MetroArea:
    """The original demo: every practice anywhere in one metro."""

    metro: Metro

    def pick_zip(self, rng: random.Random, index: int) -> tuple[str, geography.ZipInfo]:
        return rng.choice(metro_zips(self.metro))


def metro_area(rng: random.Random) -> MetroArea:
    return MetroArea(weighted(rng, METROS, tuple(m.weight for m in METROS)))


class _Draw:
    """A weighted draw over ZIPs, by bisecting cumulative weights."""

    def __init__(self, zips: list[str], weights: list[float]) -> None:
        self.zips = zips
        self._cumulative = list(itertools.accumulate(weights))

    def __call__(self, rng: random.Random) -> str:
        return self.zips[bisect.bisect_right(self._cumulative, rng.random() * self._cumulative[-1])]


@dataclass(frozen=True)
class NationalArea:
    metro: Metro
    home: str
    nearby: _Draw

    def pick_zip(self, rng: random.Random, index: int) -> tuple[str, geography.ZipInfo]:
        zip5 = self.home if index == 0 else self.nearby(rng)
        info = geography.zip_info(zip5)
        assert info is not None, zip5  # residential ZIPs all come from the ZIP table
        return zip5, info


def _local_metro(zip5: str) -> Metro:
    """Local colour for a ZIP outside the demo metros: its city, plausible hospitals."""
    info = geography.zip_info(zip5)
    assert info is not None, zip5
    for metro in METROS:
        if geography.miles_between(metro.center, (info.lat, info.lon)) <= METRO_RADIUS_MILES:
            return metro
    city = info.city.title()
    return Metro(
        city, info.state, (info.lat, info.lon), 0.0, (f"{_area_code(zip5)}",),
        (f"{city} Regional Medical Center", f"{city} Memorial Hospital"),
        SPANISH_BY_STATE.get(info.state, _OTHER_SPANISH), (), (),
    )  # fmt: skip


@cache
def _area_codes() -> dict[str, str]:
    return {row["zip_code"]: (row["area_codes"] or ["555"])[0] for row in geography.zip_rows()}


def _area_code(zip5: str) -> str:
    return _area_codes().get(zip5, "555")


class NationalSpread:
    """Draws a home ZIP by population; further practices stay in its 3-digit ZIP area."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        zips = sorted(weights)
        self._home = _Draw(zips, [weights[z] for z in zips])
        sections: dict[str, list[str]] = defaultdict(list)
        for zip5 in zips:
            sections[zip5[:3]].append(zip5)
        self._sections = {
            prefix: _Draw(members, [weights[z] for z in members])
            for prefix, members in sections.items()
        }
        self._metros: dict[str, Metro] = {}

    @classmethod
    def from_offline_data(cls) -> NationalSpread:
        return cls(national_weights())

    def __call__(self, rng: random.Random) -> NationalArea:
        home = self._home(rng)
        metro = self._metros.get(home)
        if metro is None:
            metro = self._metros[home] = _local_metro(home)
        return NationalArea(metro, home, self._sections[home[:3]])
