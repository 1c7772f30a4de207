"""Read the CMS NPPES NPI file (``npidata_pfile_*.csv``) as canonical physician profiles.

The full file is ~9 million rows of 330 SHOUTED columns, so rows stream through
``csv.reader`` one at a time and each becomes a profile or a :class:`Rejection` with
its physical line number. Only individual providers (entity type 1) with an active
NPI, a locatable practice ZIP and at least one known NUCC taxonomy become profiles.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from directory import geography
from directory.accuracy.freshness import latest_credible
from directory.npi import is_valid_npi
from indexer.duplicates import SeenNpis
from indexer.records import Category, Record, Rejection, npi_for_report
from indexer.sources import (
    has_bad_encoding,
    iso_date,
    known_taxonomy_codes,
    locate,
    normalise_phone,
    normalise_zip,
    numbered_rows,
    parse_credentials,
    primary_first,
    proper_case,
)

SOURCE_NAME = "NPPES"
TAXONOMY_SLOTS = 15
_PRACTICE = "Provider Business Practice Location Address"
COLUMN_NAMES = {
    "npi": "NPI",
    "entity_type": "Entity Type Code",
    "last": "Provider Last Name (Legal Name)",
    "first": "Provider First Name",
    "middle": "Provider Middle Name",
    "prefix": "Provider Name Prefix Text",
    "suffix": "Provider Name Suffix Text",
    "credential": "Provider Credential Text",
    "address_line1": "Provider First Line Business Practice Location Address",
    "address_line2": "Provider Second Line Business Practice Location Address",
    "city": f"{_PRACTICE} City Name",
    "state": f"{_PRACTICE} State Name",
    "zip": f"{_PRACTICE} Postal Code",
    "phone": f"{_PRACTICE} Telephone Number",
    "fax": f"{_PRACTICE} Fax Number",
    "enumerated": "Provider Enumeration Date",
    "last_update": "Last Update Date",
    "deactivated": "NPI Deactivation Date",
    "reactivated": "NPI Reactivation Date",
    "gender": "Provider Gender Code",
}
_GENDERS = {"M": "male", "F": "female", "X": "other"}


@dataclass(frozen=True)
class NppesColumns:
    """Where each field we use sits in a row, found once from the header by name."""

    width: int
    at: dict[str, int]
    taxonomy_slots: tuple[tuple[int, int], ...]  # (code column, primary switch column)

    @classmethod
    def from_header(cls, header: Sequence[str]) -> NppesColumns:
        index = {name.strip(): position for position, name in enumerate(header)}
        slots = [
            (
                f"Healthcare Provider Taxonomy Code_{n}",
                f"Healthcare Provider Primary Taxonomy Switch_{n}",
            )
            for n in range(1, TAXONOMY_SLOTS + 1)
        ]
        wanted = [*COLUMN_NAMES.values(), *(name for pair in slots for name in pair)]
        missing = [name for name in wanted if name not in index]
        if missing:
            shown = ", ".join(missing[:3]) + (" ..." if len(missing) > 3 else "")
            raise ValueError(f"missing NPPES columns {shown}")
        at = {field: index[name] for field, name in COLUMN_NAMES.items()}
        pairs = tuple((index[code], index[switch]) for code, switch in slots)
        return cls(width=len(header), at=at, taxonomy_slots=pairs)


def read_nppes(
    path: str | Path,
    taxonomy_codes: frozenset[str] | None = None,
    *,
    seen: SeenNpis | None = None,
) -> Iterator[Record]:
    """Stream profiles and rejections from an NPPES file, one row at a time.

    ``seen`` holds the NPIs of the load's earlier files (and this one's earlier rows).
    """
    source = str(path)
    seen = seen if seen is not None else SeenNpis()
    codes = taxonomy_codes if taxonomy_codes is not None else known_taxonomy_codes()
    latest = latest_credible(date.today())  # once per file
    # surrogateescape keeps undecodable bytes visible so that row alone can be rejected.
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        reader = csv.reader(handle)
        try:
            columns = NppesColumns.from_header(next(reader, []))
        except (ValueError, csv.Error) as exc:
            yield Rejection(source, 1, Category.HEADER, str(exc))
            return
        for line, values in numbered_rows(reader):
            if isinstance(values, csv.Error):
                yield Rejection(source, line, Category.UNREADABLE_CSV, str(values))
                continue
            record = nppes_row_to_profile(values, columns, codes, source, line, latest=latest)
            record = seen.check(record, source, line)
            if isinstance(record, Rejection) and not record.skipped:
                record = replace(record, row=tuple(values))  # for the rejects file
            yield record


def _is_deactivated(values: Sequence[str], at: dict[str, int]) -> bool:
    if not values[at["deactivated"]].strip():
        return False
    deactivated = iso_date(values[at["deactivated"]]) or ""
    reactivated = iso_date(values[at["reactivated"]])
    return reactivated is None or reactivated < deactivated


def _specialties(
    values: Sequence[str], columns: NppesColumns, codes: frozenset[str]
) -> list[dict[str, Any]]:
    flagged: dict[str, bool] = {}
    for code_at, switch_at in columns.taxonomy_slots:
        code = values[code_at].strip().upper()
        if code in codes:
            flagged[code] = flagged.get(code, False) or values[switch_at].strip().upper() == "Y"
    return primary_first(flagged)


def _practice_location(
    values: Sequence[str], at: dict[str, int]
) -> dict[str, Any] | tuple[Category, str]:
    """The practice location, or why it can't be put on the map.

    A ZIP no longer in service is placed at its city (the registry keeps old addresses).
    """
    zip5 = normalise_zip(values[at["zip"]])
    city = proper_case(values[at["city"]])
    typed = values[at["state"]].strip()
    state = geography.state_code(typed) or ""
    point = locate(zip5, city, state) if zip5 else None
    if point is None:
        return Category.INVALID_ZIP, ""
    if typed and not state:
        return Category.INVALID_STATE, f"{typed!r} is not a US state or territory"
    return {
        "name": "",
        "address_line1": proper_case(values[at["address_line1"]]),
        "address_line2": proper_case(values[at["address_line2"]]),
        "city": city,
        "state": state,
        "zip": zip5,
        "phone": normalise_phone(values[at["phone"]]),
        "fax": normalise_phone(values[at["fax"]]),
        "lat": point[0],
        "lon": point[1],
    }


def _name(values: Sequence[str], at: dict[str, int]) -> dict[str, str]:
    middle = proper_case(values[at["middle"]])
    if re.fullmatch(r"[A-Z]\.", middle):
        middle = middle[0]  # an initial: "L." -> "L"
    return {
        "prefix": proper_case(values[at["prefix"]]),
        "first": proper_case(values[at["first"]]),
        "middle": middle,
        "last": proper_case(values[at["last"]]),
        "suffix": proper_case(values[at["suffix"]]),
    }


def _row_problem(
    values: Sequence[str], columns: NppesColumns, npi: str
) -> tuple[Category, str] | None:
    """Why a row can't be read at all, checked before any field is trusted."""
    if has_bad_encoding("\x1f".join(values)):
        return Category.BAD_ENCODING, ""
    if len(values) != columns.width:
        short = len(values) < columns.width
        category = Category.SHORT_ROW if short else Category.LONG_ROW
        return category, f"{len(values)} columns, expected {columns.width}"
    if not is_valid_npi(npi):
        return Category.INVALID_NPI, ""
    if _is_deactivated(values, columns.at):
        return Category.DEACTIVATED, ""
    entity_type = values[columns.at["entity_type"]].strip()
    if entity_type == "2":
        return Category.ORGANIZATION, ""
    if entity_type != "1":
        return Category.UNKNOWN_ENTITY, repr(entity_type)
    return None


def nppes_row_to_profile(
    values: Sequence[str],
    columns: NppesColumns,
    codes: frozenset[str],
    source: str,
    line: int,
    *,
    latest: str | None = None,
) -> Record:
    """One NPPES row -> a canonical profile, or the reason it isn't one.

    ``latest``: the last date that is not in the future (default: from today's date)."""
    npi = npi_for_report(values[columns.at["npi"]]) if len(values) > columns.at["npi"] else None
    reject = partial(Rejection, source, line, npi=npi)
    if problem := _row_problem(values, columns, npi or ""):
        return reject(*problem)
    at = columns.at
    name = _name(values, at)
    if not name["last"]:
        return reject(Category.MISSING_FIELD, "name.last")
    location = _practice_location(values, at)
    if isinstance(location, tuple):
        return reject(*location)
    specialties = _specialties(values, columns, codes)
    if not specialties:
        return reject(Category.NO_TAXONOMY)
    updated = iso_date(values[at["last_update"]])
    last_verified = updated or iso_date(values[at["enumerated"]])
    if last_verified is None:
        return reject(Category.INVALID_LAST_UPDATE)
    if last_verified > (latest or latest_credible(date.today())):
        column = COLUMN_NAMES["last_update" if updated else "enumerated"]
        return reject(Category.FUTURE_DATE, f"{column} {last_verified}")
    return {
        "npi": npi,
        "name": name,
        "credentials": parse_credentials(values[at["credential"]]),
        "gender": _GENDERS.get(values[at["gender"]].strip().upper()),
        "specialties": specialties,
        "conditions": [],
        "procedures": [],
        "languages": [],
        "insurance": [],
        "accepting_new_patients": None,
        "telehealth": None,
        "locations": [location],
        "hospital_affiliations": [],
        "education": [],
        "board_certifications": [],
        "bio": "",
        "source": SOURCE_NAME,
        "last_verified": last_verified,
        "active": True,
    }
