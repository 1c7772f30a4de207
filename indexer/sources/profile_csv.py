"""Read our flat CSV variant of the profile format: one row, one location.

Each row becomes the same loose object a JSON Lines line would (``csv_row_to_object``)
for ``validate_profile`` to judge, or a rejection when the row itself is unreadable:
wrong field count, bad bytes, a header without our columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer.records import Category, Rejection, npi_for_report
from indexer.sources import has_bad_encoding, numbered_rows, profile_accuracy

CSV_COLUMNS = (
    "npi", "prefix", "first_name", "middle_name", "last_name", "suffix", "credentials",
    "gender", "specialty_codes", "conditions", "procedures", "languages", "insurance",
    "accepting_new_patients", "telehealth", "location_name", "address_line1", "address_line2",
    "city", "state", "zip", "phone", "fax", "lat", "lon", "hospital_affiliations",
    "board_certifications", "bio", "source", "last_verified", "active",
    *profile_accuracy.CSV_COLUMNS,
)  # fmt: skip
CSV_REQUIRED = ("npi", "last_name", "specialty_codes", "zip", "source", "last_verified")
LIST_FIELDS = ("conditions", "procedures", "languages", "insurance")


def _header_problem(header: list[str]) -> str | None:
    missing = [name for name in CSV_REQUIRED if name not in header]
    if not missing:
        return None
    if len(header) == 1:
        return "expected comma-separated columns " + ", ".join(CSV_REQUIRED)
    return "missing columns " + ", ".join(missing)


def csv_objects(path: str | Path) -> Iterator[tuple[int, Any, tuple[str, ...] | None]]:
    source = str(path)
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        reader = csv.reader(handle)
        header = [name.strip().lower() for name in next(reader, [])]
        if problem := _header_problem(header):
            yield 1, Rejection(source, 1, Category.HEADER, problem), None
            return
        for line, values in numbered_rows(reader):
            yield line, _csv_object(header, values, source, line), _row(values)


def _row(values: list[str] | csv.Error) -> tuple[str, ...] | None:
    return None if isinstance(values, csv.Error) else tuple(values)


def _csv_object(header: list[str], values: list[str] | csv.Error, source: str, line: int) -> Any:
    if isinstance(values, csv.Error):
        return Rejection(source, line, Category.UNREADABLE_CSV, str(values))
    if has_bad_encoding("\x1f".join(values)):
        return Rejection(source, line, Category.BAD_ENCODING)
    if len(values) != len(header):
        short = len(values) < len(header)
        category = Category.SHORT_ROW if short else Category.LONG_ROW
        detail = f"{len(values)} columns, expected {len(header)}"
        npi = npi_for_report(dict(zip(header, values, strict=False)).get("npi", ""))
        return Rejection(source, line, category, detail, npi=npi)
    return csv_row_to_object(dict(zip(header, values, strict=True)))


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def csv_row_to_object(row: dict[str, str]) -> dict[str, Any]:
    """One flat CSV row (one location) -> the nested shape :func:`validate_profile` takes."""
    get = row.get
    location_keys = ("address_line1", "address_line2", "city", "state", "zip", "phone", "fax")
    location = {"name": get("location_name", ""), **{key: get(key, "") for key in location_keys}}
    if get("lat") and get("lon"):
        location.update(lat=get("lat"), lon=get("lon"))
    lists = ("credentials", *LIST_FIELDS, "hospital_affiliations", "board_certifications")
    return {
        "npi": get("npi", ""),
        "name": {
            "prefix": get("prefix", ""),
            "first": get("first_name", ""),
            "middle": get("middle_name", ""),
            "last": get("last_name", ""),
            "suffix": get("suffix", ""),
        },
        **{key: split_list(get(key)) for key in lists},
        "gender": get("gender"),
        "specialties": split_list(get("specialty_codes")),  # the first listed is primary
        "accepting_new_patients": get("accepting_new_patients"),
        "telehealth": get("telehealth"),
        "locations": [location],
        "bio": get("bio", ""),
        "source": get("source", ""),
        "last_verified": get("last_verified", ""),
        "active": get("active"),
        **profile_accuracy.from_csv_row(row),
    }
