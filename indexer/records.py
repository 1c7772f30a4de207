"""What a source reader yields for each row: a profile dict or the reason it was rejected.

Readers never raise on bad data; they yield a :class:`Rejection` carrying the file,
the physical line, a :class:`Category` and a free-text detail, so whoever maintains the
file can find and fix it, and the loader can count, gate and act on categories without
parsing text back. A rejection also carries the original row, for the rejects file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Category(Enum):
    """Why a row did not become a profile. The value is what operators read."""

    HEADER = "header not recognised"
    BAD_ENCODING = "bad encoding"
    SHORT_ROW = "short row"
    LONG_ROW = "long row"
    UNREADABLE_CSV = "unreadable CSV"
    INVALID_JSON = "invalid JSON"
    INVALID_NPI = "invalid NPI"
    UNKNOWN_ENTITY = "unknown entity type"
    MISSING_FIELD = "missing required field"
    INVALID_ZIP = "missing or invalid practice ZIP"
    INVALID_STATE = "invalid practice state"
    NO_TAXONOMY = "no known taxonomy"
    INVALID_LAST_VERIFIED = "missing or invalid last_verified"
    INVALID_LAST_UPDATE = "missing or invalid Last Update Date"
    FUTURE_DATE = "date in the future"
    DUPLICATE_NPI = "duplicate NPI"
    # Left out on purpose: not errors, never in a rejects file, never gated.
    DEACTIVATED = "skipped: deactivated"
    ORGANIZATION = "skipped: organization (entity type 2)"

    @property
    def skipped(self) -> bool:
        return self in _SKIPPED

    def __str__(self) -> str:
        return self.value


_SKIPPED = frozenset({Category.DEACTIVATED, Category.ORGANIZATION})

# The original row: a JSON Lines line (text) or the fields of a CSV row.
Row = str | tuple[str, ...]


@dataclass(frozen=True)
class Rejection:
    """A row that did not become a profile, and why."""

    source: str
    line: int
    category: Category
    detail: str = ""
    npi: str | None = None
    row: Row | None = field(default=None, repr=False, compare=False)

    @property
    def reason(self) -> str:
        """What an operator reads: ``short row: 9 columns, expected 28``."""
        return f"{self.category.value}: {self.detail}" if self.detail else self.category.value

    @property
    def skipped(self) -> bool:
        """True for rows left out on purpose (organizations, deactivated NPIs), not errors."""
        return self.category.skipped

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}: {self.reason}"
        return f"{where} (NPI {self.npi})" if self.npi else where


Record = dict[str, Any] | Rejection


def npi_for_report(text: str) -> str | None:
    """The NPI column's value, worth naming in a report when it looks like a number."""
    text = text.strip()
    return text if text.isascii() and text.isdigit() else None
