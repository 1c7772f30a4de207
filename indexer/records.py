"""What a source reader yields for each row: a profile dict or the reason it was rejected.

Readers never raise on bad data; they yield a :class:`Rejection` carrying the file and
physical line so whoever maintains the file can find and fix it. :class:`LoadSummary`
tallies a stream of records into the counts an operator reads after a load.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

SKIPPED_PREFIX = "skipped:"

# A reason's category is its text up to the first ": " or " (": details such as column
# counts, JSON parser messages and line numbers vary per row and would split the counts.
_DETAIL = re.compile(r": | \(")


@dataclass(frozen=True)
class Rejection:
    """A row that did not become a profile, and why."""

    source: str
    line: int
    reason: str
    npi: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}: {self.reason}"
        return f"{where} (NPI {self.npi})" if self.npi else where

    @property
    def skipped(self) -> bool:
        """True for rows left out on purpose (organizations, deactivated NPIs), not errors."""
        return self.reason.startswith(SKIPPED_PREFIX)

    @property
    def category(self) -> str:
        """The reason without its per-row details, e.g. ``short row``."""
        if self.skipped:
            return self.reason
        return _DETAIL.split(self.reason, maxsplit=1)[0]


Record = dict[str, Any] | Rejection


@dataclass
class LoadSummary:
    """Counts of rows read, accepted, skipped and rejected (by reason category)."""

    read: int = 0
    accepted: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    first_example: dict[str, Rejection] = field(default_factory=dict)

    def add(self, record: Record) -> Record:
        """Count one record and hand it back, so it can sit inside a generator pipeline."""
        self.read += 1
        if isinstance(record, Rejection):
            self.rejected[record.category] += 1
            self.first_example.setdefault(record.category, record)
        else:
            self.accepted += 1
        return record

    @property
    def skipped_total(self) -> int:
        return sum(n for reason, n in self.rejected.items() if reason.startswith(SKIPPED_PREFIX))

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values()) - self.skipped_total

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "accepted": self.accepted,
            "skipped": self.skipped_total,
            "rejected": self.rejected_total,
            "by_reason": dict(self.rejected.most_common()),
        }

    def as_text(self) -> str:
        lines = [
            f"read {self.read:,}, accepted {self.accepted:,}, "
            f"skipped {self.skipped_total:,}, rejected {self.rejected_total:,}"
        ]
        for reason, count in self.rejected.most_common():
            lines.append(f"  {count:>9,}  {reason}  (first: {self.first_example[reason]})")
        return "\n".join(lines)
