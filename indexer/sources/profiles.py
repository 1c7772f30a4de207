"""Read our own physician profile files: JSON Lines (the canonical format) and flat CSV
(its rows come from ``profile_csv``).

Every row goes through :func:`validate_profile`, the one pure gate that turns a loose,
hand-edited object into a canonical profile (see docs/data-format.md) or a
:class:`Rejection` naming the file, line and problem. A file never aborts a load: bad
rows are reported and the good ones still come through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from directory import geography
from directory.accuracy.freshness import latest_credible
from directory.npi import is_valid_npi
from indexer.duplicates import FirstLines, SeenNpis
from indexer.records import Category, Record, Rejection
from indexer.sources import (
    all_clean,
    coerce_bool,
    dedupe,
    has_bad_encoding,
    is_clean,
    iso_date,
    known_taxonomy_codes,
    normalise_phone,
    normalise_zip,
    parse_credentials,
    primary_first,
    profile_accuracy,
)
from indexer.sources.profile_csv import LIST_FIELDS, csv_objects, split_list

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_GENDERS = {"male": "male", "m": "male", "female": "female", "f": "female", "other": "other"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_profiles(
    path: str | Path,
    taxonomy_codes: frozenset[str] | None = None,
    *,
    seen: SeenNpis | None = None,
) -> Iterator[Record]:
    """Stream profiles and rejections from a ``.jsonl``/``.ndjson`` or ``.csv`` file.

    ``seen`` holds the NPIs of the load's earlier files: a profile whose NPI is there is
    a duplicate, reported like one within this file.
    """
    codes = taxonomy_codes if taxonomy_codes is not None else known_taxonomy_codes()
    latest = latest_credible(date.today())  # once per file: the hot path compares strings
    suffix = Path(path).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        rows = _jsonl_objects(path)
    elif suffix == ".csv":
        rows = csv_objects(path)
    else:
        raise ValueError(f"{path}: profile files are .jsonl, .ndjson or .csv, not {suffix!r}")
    seen = seen if seen is not None else SeenNpis()
    first_seen = FirstLines()
    source = str(path)
    for line, obj, row in rows:
        record = obj
        if not isinstance(record, Rejection):
            record = validate_profile(obj, source, line, codes, latest=latest)
        record = _unless_duplicate(record, source, line, first_seen)
        record = seen.check(record, source, line)
        # The original row rides along with a rejection only: it is what the rejects file holds.
        yield replace(record, row=row) if isinstance(record, Rejection) else record


def _unless_duplicate(record: Record, source: str, line: int, seen: FirstLines) -> Record:
    """The first accepted profile of an NPI wins; a later one is reported, not merged."""
    if isinstance(record, Rejection):
        return record
    first = seen.setdefault(record["npi"], line)
    if first == line:
        return record
    detail = f"first seen at line {first}"
    return Rejection(source, line, Category.DUPLICATE_NPI, detail, npi=record["npi"])


# A JSON text never starts with "#": such lines are comments (the rejects file uses them).
COMMENT = "#"


def _jsonl_objects(path: str | Path) -> Iterator[tuple[int, Any, str | None]]:
    source = str(path)
    with open(path, encoding="utf-8-sig", errors="surrogateescape") as handle:
        for line, text in enumerate(handle, start=1):
            # Only a line starting with a space or "#" can be blank or a comment: the rest
            # (every profile) skip copying the line to strip it.
            if text[0].isspace() or text[0] == COMMENT:
                stripped = text.strip()
                if not stripped or stripped.startswith(COMMENT):
                    continue
            raw = text.rstrip("\r\n")
            if has_bad_encoding(text):
                yield line, Rejection(source, line, Category.BAD_ENCODING), raw
                continue
            try:
                yield line, orjson.loads(text), raw
            except orjson.JSONDecodeError:
                yield line, Rejection(source, line, Category.INVALID_JSON, _json_problem(text)), raw


def _json_problem(text: str) -> str:
    """The standard library's message says where and what ("Expecting ',' ... column 48")."""
    try:
        json.loads(text.strip())
    except json.JSONDecodeError as exc:
        return f"{exc.msg} at column {exc.colno}"
    return ""


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value if is_clean(value) else " ".join(value.split())
    if value is None or isinstance(value, dict | list):
        return ""
    return " ".join(str(value).split())


def _texts(values: list) -> list[str]:
    """:func:`_text` of each value, checked in one go when all are clean (as ours are)."""
    return values if all_clean(values) else [_text(value) for value in values]


def _items(value: Any) -> list[Any]:
    """A list field as a list: a lone string is ';'-separated, anything else is empty."""
    if isinstance(value, list):
        return value
    return split_list(value) if isinstance(value, str) else []


_NAME_PARTS = ("prefix", "first", "middle", "last", "suffix")


def _name(value: Any) -> dict[str, str]:
    parts = value if isinstance(value, dict) else {}
    return dict(zip(_NAME_PARTS, _texts(list(map(parts.get, _NAME_PARTS))), strict=True))


def _specialties(value: Any, codes: frozenset[str]) -> list[dict[str, Any]]:
    flagged: dict[str, bool] = {}
    for item in _items(value):
        code, primary = (
            (item.get("code"), item.get("primary")) if isinstance(item, dict) else (item, None)
        )
        code = _text(code).upper()
        if code in codes:
            flagged[code] = flagged.get(code, False) or coerce_bool(primary) is True
    return primary_first(flagged)


def _coordinate(value: Any, limit: float) -> float | None:
    if value.__class__ is not float:  # ours are floats already
        try:
            value = float(value)
        except (TypeError, ValueError):
            return None
    return value if -limit <= value <= limit else None


_LOCATION_TEXTS = ("name", "address_line1", "address_line2", "city", "state")


def _location(item: Any) -> dict[str, Any] | tuple[Category, str]:
    """A normalised location, or why it can't be put on the map (a detail may be blank).

    The ZIP must be one USPS delivers to today, the rule staff corrections follow
    (``geography.zip_in_service``), even when the row brings its own lat/lon; a state,
    when given, must be a US state or territory (a name becomes its code).
    """
    if not isinstance(item, dict):
        return Category.INVALID_ZIP, ""
    get = item.get
    zip5 = normalise_zip(get("zip"))
    known = geography.zip_in_service(zip5) if zip5 else None
    if known is None:
        return Category.INVALID_ZIP, f"{zip5} is not in service" if zip5 else ""
    name, line1, line2, city, typed = _texts(list(map(get, _LOCATION_TEXTS)))
    state = geography.state_code(typed)
    if typed and state is None:
        return Category.INVALID_STATE, f"{typed!r} is not a US state or territory"
    lat, lon = _coordinate(get("lat"), 90), _coordinate(get("lon"), 180)
    point = (lat, lon) if lat is not None and lon is not None else (known.lat, known.lon)
    return {
        "name": name,
        "address_line1": line1,
        "address_line2": line2,
        "city": city or known.city,  # the ZIP tells what the row left out
        "state": state or known.state,
        "zip": zip5,
        "phone": normalise_phone(get("phone")),
        "fax": normalise_phone(get("fax")),
        "lat": point[0],
        "lon": point[1],
    }


def _locations(value: Any) -> list[dict[str, Any]] | tuple[Category, str]:
    """All locations, or the reason the profile can't be placed (every one must be)."""
    items = value if isinstance(value, list) else []
    if not items:
        return Category.MISSING_FIELD, "locations"
    found = []
    for number, item in enumerate(items, start=1):
        location = _location(item)
        if isinstance(location, tuple):
            category, problem = location
            return category, f"location {number}: {problem}" if problem else f"location {number}"
        found.append(location)
    return found


def _education(value: Any) -> list[dict[str, Any]]:
    entries = []
    for item in _items(value):
        if not isinstance(item, dict):
            continue
        degree, school = _texts([item.get("degree"), item.get("school")])
        if school:
            year = item.get("year")
            year = int(year) if str(year).strip().isdigit() else None
            entries.append({"degree": degree, "school": school, "year": year})
    return entries


def _last_verified(text: str) -> str | None:
    return iso_date(text) if _ISO_DATE.fullmatch(text) else None


def _in_the_future(last_verified: str, freshness: dict, latest: str) -> str | None:
    """The first verification date later than ``latest``, named as the file names it."""
    if last_verified > latest:  # ISO dates compare as strings
        return f"last_verified {last_verified}"
    for group, entry in freshness.items():
        if entry["last_verified"] > latest:
            return f"freshness.{group}.last_verified {entry['last_verified']}"
    return None


# The top-level texts, read and cleaned together.
_TEXTS = ("npi", "gender", "bio", "source", "last_verified")


def validate_profile(
    obj: Any,
    source: str,
    line: int,
    taxonomy_codes: frozenset[str] | None = None,
    *,
    latest: str | None = None,
) -> dict[str, Any] | Rejection:
    """A loose profile object -> a canonical profile, or the first reason it isn't one.

    ``latest`` is the last verification date that is not in the future (ISO; default:
    ``freshness.latest_credible`` of today's date, the only thing not pure here)."""
    if not isinstance(obj, dict):
        detail = f"expected an object, got {type(obj).__name__}"
        return Rejection(source, line, Category.INVALID_JSON, detail)
    get = obj.get
    npi, gender, bio, origin, verified = _texts(list(map(get, _TEXTS)))
    reject = partial(Rejection, source, line, npi=npi or None)
    if not is_valid_npi(npi):
        return reject(Category.INVALID_NPI)
    name = _name(get("name"))
    if not name["last"]:
        return reject(Category.MISSING_FIELD, "name.last")
    codes = taxonomy_codes if taxonomy_codes is not None else known_taxonomy_codes()
    specialties = _specialties(get("specialties"), codes)
    if not specialties:
        return reject(Category.NO_TAXONOMY)
    locations = _locations(get("locations"))
    if isinstance(locations, tuple):
        return reject(*locations)
    if not origin:
        return reject(Category.MISSING_FIELD, "source")
    last_verified = _last_verified(verified)
    if last_verified is None:
        return reject(Category.INVALID_LAST_VERIFIED, "expected YYYY-MM-DD")
    freshness = profile_accuracy.freshness(get("freshness"))
    if isinstance(freshness, str):
        return reject(Category.INVALID_LAST_VERIFIED, f"{freshness}: expected YYYY-MM-DD")
    latest = latest or latest_credible(date.today())
    if future := _in_the_future(last_verified, freshness, latest):
        return reject(Category.FUTURE_DATE, future)
    texts = {"npi": npi, "gender": gender, "bio": bio, "source": origin}
    return _canonical(obj, texts, name, specialties, locations, last_verified, freshness)


def _canonical(
    obj: dict, texts: dict, name: dict, specialties: list, locations: list, last_verified: str,
    freshness: dict,
) -> dict[str, Any]:  # fmt: skip
    """The canonical profile, built once in its final key order from what the gate found."""
    get = obj.get
    return {
        "npi": texts["npi"],
        "name": name,
        "credentials": parse_credentials(",".join(_texts(_items(get("credentials"))))),
        "gender": _GENDERS.get(texts["gender"].lower()),
        "specialties": specialties,
        **dict(zip(LIST_FIELDS, map(_list, map(get, LIST_FIELDS)), strict=True)),
        "accepting_new_patients": coerce_bool(get("accepting_new_patients")),
        "telehealth": coerce_bool(get("telehealth")),
        "locations": locations,
        "hospital_affiliations": _list(get("hospital_affiliations")),
        "education": _education(get("education")),
        "board_certifications": _list(get("board_certifications")),
        "bio": texts["bio"],
        "source": texts["source"],
        "last_verified": last_verified,
        "active": coerce_bool(get("active")) is not False,
        "freshness": freshness,
        "scheduling": profile_accuracy.scheduling(get("scheduling")),
    }


def _list(value: Any) -> list[str]:
    return dedupe(value if value.__class__ is list else _items(value))
