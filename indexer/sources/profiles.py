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
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from directory import geography
from directory.npi import is_valid_npi
from indexer.duplicates import FirstLines, SeenNpis
from indexer.records import Category, Record, Rejection
from indexer.sources import (
    coerce_bool,
    dedupe,
    has_bad_encoding,
    is_clean,
    iso_date,
    known_taxonomy_codes,
    locate,
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
        record = obj if isinstance(obj, Rejection) else validate_profile(obj, source, line, codes)
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


def _items(value: Any) -> list[Any]:
    """A list field as a list: a lone string is ';'-separated, anything else is empty."""
    if isinstance(value, list):
        return value
    return split_list(value) if isinstance(value, str) else []


def _name(value: Any) -> dict[str, str]:
    parts = value if isinstance(value, dict) else {}
    return {key: _text(parts.get(key)) for key in ("prefix", "first", "middle", "last", "suffix")}


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
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if -limit <= number <= limit else None


def _location(item: Any) -> dict[str, Any] | None:
    """A normalised location, or None when it can't be placed on the map."""
    if not isinstance(item, dict):
        return None
    zip5 = normalise_zip(item.get("zip"))
    known = geography.zip_info(zip5) if zip5 else None
    city = _text(item.get("city")) or (known.city if known else "")
    state = _text(item.get("state")).upper() or (known.state if known else "")
    lat, lon = _coordinate(item.get("lat"), 90), _coordinate(item.get("lon"), 180)
    point = (lat, lon) if lat is not None and lon is not None else locate(zip5, city, state)
    if not zip5 or point is None:
        return None
    return {
        "name": _text(item.get("name")),
        "address_line1": _text(item.get("address_line1")),
        "address_line2": _text(item.get("address_line2")),
        "city": city,
        "state": state,
        "zip": zip5,
        "phone": normalise_phone(item.get("phone")),
        "fax": normalise_phone(item.get("fax")),
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
        if location is None:
            return Category.INVALID_ZIP, f"location {number}"
        found.append(location)
    return found


def _education(value: Any) -> list[dict[str, Any]]:
    entries = []
    for item in _items(value):
        if isinstance(item, dict) and _text(item.get("school")):
            year = item.get("year")
            year = int(year) if str(year).strip().isdigit() else None
            entries.append(
                {
                    "degree": _text(item.get("degree")),
                    "school": _text(item.get("school")),
                    "year": year,
                }
            )
    return entries


def _last_verified(value: Any) -> str | None:
    text = _text(value)
    return iso_date(text) if _ISO_DATE.fullmatch(text) else None


def validate_profile(
    obj: Any, source: str, line: int, taxonomy_codes: frozenset[str] | None = None
) -> dict[str, Any] | Rejection:
    """A loose profile object -> a canonical profile, or the first reason it isn't one. Pure."""
    if not isinstance(obj, dict):
        detail = f"expected an object, got {type(obj).__name__}"
        return Rejection(source, line, Category.INVALID_JSON, detail)
    npi = _text(obj.get("npi"))
    reject = partial(Rejection, source, line, npi=npi or None)
    if not is_valid_npi(npi):
        return reject(Category.INVALID_NPI)
    name = _name(obj.get("name"))
    if not name["last"]:
        return reject(Category.MISSING_FIELD, "name.last")
    codes = taxonomy_codes if taxonomy_codes is not None else known_taxonomy_codes()
    specialties = _specialties(obj.get("specialties"), codes)
    if not specialties:
        return reject(Category.NO_TAXONOMY)
    locations = _locations(obj.get("locations"))
    if isinstance(locations, tuple):
        return reject(*locations)
    if not _text(obj.get("source")):
        return reject(Category.MISSING_FIELD, "source")
    last_verified = _last_verified(obj.get("last_verified"))
    if last_verified is None:
        return reject(Category.INVALID_LAST_VERIFIED, "expected YYYY-MM-DD")
    freshness = profile_accuracy.freshness(obj.get("freshness"))
    if isinstance(freshness, str):
        return reject(Category.INVALID_LAST_VERIFIED, f"{freshness}: expected YYYY-MM-DD")
    profile = _canonical(obj, npi, name, specialties, locations, last_verified)
    return {
        **profile,
        "freshness": freshness,
        "scheduling": profile_accuracy.scheduling(obj.get("scheduling")),
    }


def _canonical(
    obj: dict, npi: str, name: dict, specialties: list, locations: list, last_verified: str
) -> dict[str, Any]:
    gender = _GENDERS.get(_text(obj.get("gender")).lower())
    credentials = parse_credentials(",".join(_text(c) for c in _items(obj.get("credentials"))))
    active = coerce_bool(obj.get("active"))
    return {
        "npi": npi,
        "name": name,
        "credentials": credentials,
        "gender": gender,
        "specialties": specialties,
        **{key: dedupe(_items(obj.get(key))) for key in LIST_FIELDS},
        "accepting_new_patients": coerce_bool(obj.get("accepting_new_patients")),
        "telehealth": coerce_bool(obj.get("telehealth")),
        "locations": locations,
        "hospital_affiliations": dedupe(_items(obj.get("hospital_affiliations"))),
        "education": _education(obj.get("education")),
        "board_certifications": dedupe(_items(obj.get("board_certifications"))),
        "bio": _text(obj.get("bio")),
        "source": _text(obj.get("source")),
        "last_verified": last_verified,
        "active": active is not False,
    }
