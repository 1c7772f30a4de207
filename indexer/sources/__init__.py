"""Readers that turn physician data files into canonical profile dicts.

``nppes`` reads the CMS NPPES NPI file; ``profiles`` reads our own JSON Lines and CSV.
This package module holds the small, pure normalisers both readers share: phones,
ZIPs, credentials, proper-casing of SHOUTED names and addresses, and the NUCC code set.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from directory import geography
from directory.accuracy.values import normalise_phone  # noqa: F401 (one rule, shared)

NUCC_TAXONOMY_CSV = Path(__file__).resolve().parents[2] / "data" / "nucc-provider-taxonomy.csv"

# Credentials whose conventional spelling is not all capitals, keyed by dot-less capitals.
_CREDENTIAL_SPELLING = {
    "PHD": "PhD", "PHARMD": "PharmD", "PSYD": "PsyD", "EDD": "EdD", "AUD": "AuD",
    "DRPH": "DrPH", "RPH": "RPh", "DSC": "DSc", "PAC": "PA-C", "MSC": "MSc",
}  # fmt: skip
_UPPER_WORDS = {"N", "S", "E", "W", "NE", "NW", "SE", "SW", "PO", "US", "II", "III", "IV", "LLC"}
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")  # "P.O." stays capitals
_ORDINAL = re.compile(r"(\d+)(ST|ND|RD|TH)", re.IGNORECASE)
_SURROGATE = re.compile("[\udc80-\udcff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ZIP = re.compile(r"(\d{5})(?:-?\d{4})?")


@cache
def known_taxonomy_codes(path: Path = NUCC_TAXONOMY_CSV) -> frozenset[str]:
    """Every NUCC Health Care Provider Taxonomy code, read once per process."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return frozenset(row["Code"].strip() for row in csv.DictReader(handle) if row["Code"])


def has_bad_encoding(text: str) -> bool:
    """True when ``text`` was decoded with surrogateescape from bytes that aren't UTF-8."""
    if text.isascii():  # most rows: one C pass instead of a regex search over the row
        return False
    try:
        text.encode()  # only a surrogate fails, and surrogateescape makes only ours
    except UnicodeEncodeError:
        return _SURROGATE.search(text) is not None
    return False


def normalise_zip(value: object) -> str:
    """'06106-1234', '061061234', 6106 -> '06106'; '' when it isn't a ZIP."""
    if value.__class__ is str and len(value) == 5 and value.isascii() and value.isdigit():
        return value if value != "00000" else ""  # already five digits: most rows
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100000:
        return f"{value:05d}"
    text = str(value or "").strip()
    match = _ZIP.fullmatch(text)
    return match[1] if match and match[1] != "00000" else ""


def locate(zip5: str, city: str, state: str) -> tuple[float, float] | None:
    """Coordinates for a practice: its ZIP, else the centroid of its city (ZIP retired)."""
    point = geography.zip_point(zip5) if zip5 else None
    if point is None and zip5 and city and state:
        place = geography.city_place(city, state)
        point = place.point if place else None
    return point


@lru_cache(maxsize=16384)  # a file's dates fall on a few thousand days
def iso_date(value: str) -> str | None:
    """'09/27/2016' or '2016-09-27' -> '2016-09-27'; None when it is not a real date."""
    text = value.strip()
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text).isoformat()
        if us_date := _US_DATE.fullmatch(text):
            return date(int(us_date[3]), int(us_date[1]), int(us_date[2])).isoformat()
    except ValueError:
        pass
    return None


# Clean, non-empty list values already seen -> their case-folded key. List values repeat
# across profiles (a few hundred condition ids, a dozen insurers), so one dict lookup per
# value replaces the checks. Bounded: past the limit, new values take the general path.
_FOLDED: dict[str, str] = {}
_FOLDED_LIMIT = 20_000


def dedupe(values: Iterable[object]) -> list[str]:
    """Stripped, non-empty values in first-seen order, compared case-insensitively.

    Values that are not text (None, objects, lists) are dropped. Hot path of every load:
    a list of known clean, distinct values is returned as it is, checked at C speed.
    """
    if values.__class__ is list:
        try:
            keys = list(map(_FOLDED.get, values))
        except TypeError:  # an unhashable item (an object or a list): the general path
            keys = [None]
        if None not in keys and len(set(keys)) == len(keys):
            return list(values)
    return _dedupe(values)


def _dedupe(values: Iterable[object]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for value in values:
        if not isinstance(value, str):
            if value is None or isinstance(value, dict | list):
                continue
            value = str(value)
        clean = is_clean(value)
        text = value if clean else " ".join(value.split())
        key = text.casefold()
        if clean and text and len(_FOLDED) < _FOLDED_LIMIT:
            _FOLDED[text] = key
        if text and key not in seen:
            seen.add(key)
            kept.append(text)
    return kept


def is_clean(text: str) -> bool:
    """No leading/trailing, doubled or non-space whitespace: nothing for split/join to do."""
    return text.isprintable() and "  " not in text and text == text.strip()


def all_clean(values: list) -> bool:
    """True when every value is a string that :func:`is_clean` passes, checked in one go.

    Joined with "|": a string that is printable has no whitespace but the space (U+0020),
    so a value starting or ending with one shows as "| " or " |" (or at an end of the
    whole). False can also mean "ask one by one" (a value holding "|" next to a space).
    """
    try:
        joined = "|".join(values)
    except TypeError:  # a value that isn't a string
        return False
    return is_clean(joined) and "| " not in joined and " |" not in joined


def _credential(token: str) -> str:
    letters = re.sub(r"\d+$", "", token.replace(".", "").upper())  # "M.D.1208" is an MD
    return _CREDENTIAL_SPELLING.get(letters, letters)


def parse_credentials(text: str) -> list[str]:
    """'M.D., PH.D' -> ['MD', 'PhD']; 'O. D.' -> ['OD']; 'MS CCC-SLP' -> ['MS', 'CCC-SLP']."""
    return list(_parsed_credentials(text))


@lru_cache(maxsize=4096)  # a few dozen spellings cover almost every row of a file
def _parsed_credentials(text: str) -> tuple[str, ...]:
    found = []
    for part in re.split(r"[,;/]", text):
        words = part.split()
        if len(words) > 1 and all(len(w.strip(".")) == 1 for w in words):
            words = ["".join(words)]  # "O. D." is one credential, spaced out
        found.extend(_credential(word) for word in words)
    return tuple(dedupe(c for c in found if c))


@lru_cache(maxsize=65536)  # street and city words repeat across millions of NPPES rows
def _proper_piece(piece: str) -> str:
    if _INITIALISM.fullmatch(piece):
        return piece.upper()
    if piece.upper() in _UPPER_WORDS or any(ch.isdigit() for ch in piece):
        ordinal = _ORDINAL.fullmatch(piece)
        return ordinal[1] + ordinal[2].lower() if ordinal else piece.upper()
    lower = piece.lower()
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2:].capitalize()
    return lower.capitalize()


def proper_case(text: str) -> str:
    """SHOUTED names, cities and streets -> 'O'Brien', 'McDonald', 'Smith-Jones', 'Ste 200'."""
    pieces = re.split(r"([\s\-'/]+)", " ".join(text.split()))
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:  # separators sit at odd positions
            out.append(piece)
        elif len(piece) == 1 and index and pieces[index - 1] == "'":
            out.append(piece.lower())  # "Mary's", not "Mary'S"
        else:
            out.append(_proper_piece(piece) if piece else piece)
    return "".join(out)


def coerce_bool(value: object) -> bool | None:
    """true/false, yes/no, y/n, 1/0 -> bool; anything else (blank, 'maybe') -> None."""
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in {"true", "yes", "y", "1"}:
        return True
    if text in {"false", "no", "n", "0"}:
        return False
    return None


def primary_first(flagged: dict[str, bool]) -> list[dict[str, Any]]:
    """{code: flagged primary?} in source order -> specialties with exactly one primary, first.

    The first flagged code wins; when none is flagged the first code is primary.
    """
    if len(flagged) < 2:  # most physicians list one specialty
        return [{"code": code, "primary": True} for code in flagged]
    primary = next((code for code, is_primary in flagged.items() if is_primary), None)
    primary = primary or next(iter(flagged))
    others = [{"code": code, "primary": False} for code in flagged if code != primary]
    return [{"code": primary, "primary": True}, *others]


def numbered_rows(reader: Any) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(first physical line, values) for each non-blank row of a ``csv.reader``.

    A row the csv module can't parse comes through as its ``csv.Error`` instead, so the
    caller can report it and carry on with the next row.
    """
    line = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            values = exc
        if values != []:
            yield line, values
        line = reader.line_num + 1
