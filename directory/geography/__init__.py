"""Offline US places: ZIP and city coordinates, free-text location parsing, distances.

Used by the indexer (a practice ZIP becomes a point for geo search) and by the web
app's location box ("06106", "Hartford, CT", "41.76,-72.68"). Everything comes from the
``zipcodes`` package, indexed lazily once per process; an optional geopy geocoder is
the only thing that ever goes online, and only when the caller passes one.

The parts: ``states`` (codes and names), ``place`` (what a location resolves to),
``gazetteer`` (ZIPs, cities and states with their points), ``distance`` (miles as
Elasticsearch measures them), ``reading`` (what a user typed → a place, or the places
spelled like it) and ``autocomplete`` (the location box's suggestions). Import from
here: ``from directory import geography``.
"""

from __future__ import annotations

from directory.geography.autocomplete import place_suggestions
from directory.geography.distance import KM_PER_MILE, miles_between, zips_within
from directory.geography.gazetteer import (
    ZipInfo,
    area_code_place,
    city_place,
    city_places,
    county_place,
    county_places,
    is_city_name,
    is_zip_city,
    state_place,
    zip_city_names,
    zip_in_service,
    zip_info,
    zip_place,
    zip_point,
    zip_rows,
)
from directory.geography.place import Place
from directory.geography.reading import (
    LocationNotFound,
    big_city_a_slip_from,
    meant_city,
    meant_place,
    resolve_place,
    suggest_places,
)
from directory.geography.states import STATE_NAMES, state_code

__all__ = [
    "KM_PER_MILE",
    "STATE_NAMES",
    "LocationNotFound",
    "Place",
    "ZipInfo",
    "area_code_place",
    "big_city_a_slip_from",
    "city_place",
    "city_places",
    "county_place",
    "county_places",
    "is_city_name",
    "is_zip_city",
    "meant_city",
    "meant_place",
    "miles_between",
    "place_suggestions",
    "resolve_place",
    "state_code",
    "state_place",
    "suggest_places",
    "zip_city_names",
    "zip_in_service",
    "zip_info",
    "zip_place",
    "zip_point",
    "zip_rows",
    "zips_within",
]
