"""The one count of a load (or a dry validation): what was read and what became of it.

Every record read is counted exactly once, as accepted or rejected or skipped, so the
summary can always show ``read = indexed + rejected + skipped + bulk errors``. The
first rejections are kept verbatim for the report; beyond that they are only counted
(the rejects file has them all).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from indexer.records import Category, Record, Rejection


@dataclass(frozen=True)
class BulkError:
    """A document Elasticsearch refused, by NPI."""

    npi: str
    reason: str


@dataclass
class Tally:
    mode: str = "validate"  # validate | rebuild | upsert
    index: str | None = None
    read: int = 0
    accepted: int = 0
    rejected: Counter[Category] = field(default_factory=Counter)
    examples: list[Rejection] = field(default_factory=list)
    first: dict[Category, Rejection] = field(default_factory=dict)
    indexed: int = 0
    deleted: int = 0
    results: Counter[str] = field(default_factory=Counter)  # created / updated / noop
    errors: list[BulkError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # gate overrides, takeovers: said aloud
    elapsed: float = 0.0

    KEEP_EXAMPLES = 1000

    def add(self, record: Record) -> Record:
        """Count one record and hand it back, so it can sit inside a generator pipeline."""
        self.read += 1
        if isinstance(record, Rejection):
            self.rejected[record.category] += 1
            self.first.setdefault(record.category, record)
            if not record.skipped and len(self.examples) < self.KEEP_EXAMPLES:
                self.examples.append(record)
        else:
            self.accepted += 1
        return record

    @property
    def skipped_total(self) -> int:
        return sum(n for category, n in self.rejected.items() if category.skipped)

    @property
    def rejected_total(self) -> int:
        """Rows that are errors (skipped rows are not)."""
        return sum(self.rejected.values()) - self.skipped_total

    @property
    def considered(self) -> int:
        """Rows that were meant to become profiles: the base of the reject share."""
        return self.read - self.skipped_total

    @property
    def rejected_share(self) -> float:
        return self.rejected_total / self.considered if self.considered else 0.0

    @property
    def docs_per_second(self) -> float:
        return self.indexed / self.elapsed if self.elapsed else 0.0

    def reconciles(self) -> bool:
        landed = self.accepted if self.mode == "validate" else self.indexed + len(self.errors)
        return self.read == landed + self.rejected_total + self.skipped_total

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "accepted": self.accepted,
            "skipped": self.skipped_total,
            "rejected": self.rejected_total,
            "by_reason": {c.value: n for c, n in self.rejected.most_common()},
        }

    def as_text(self) -> str:
        lines = [self._headline(), self._equation()]
        if self.results:
            results = ", ".join(f"{k} {v}" for k, v in sorted(self.results.items()))
            lines.append(f"  results: {results}")
        for category, count in self.rejected.most_common():
            lines.append(f"  {count:>9,}  {category}  (first: {self.first[category]})")
        lines += [f"  bulk error: NPI {e.npi}: {e.reason}" for e in self.errors[:50]]
        if len(self.errors) > 50:
            lines.append(f"  ... {len(self.errors) - 50} more bulk errors not printed")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)

    def _headline(self) -> str:
        if self.mode == "validate":
            return (
                f"read {self.read:,}, accepted {self.accepted:,}, "
                f"skipped {self.skipped_total:,}, rejected {self.rejected_total:,}"
            )
        return (
            f"{self.mode}: read {self.read}, indexed {self.indexed}, rejected "
            f"{self.rejected_total}, skipped {self.skipped_total}, bulk errors {len(self.errors)}, "
            f"deleted {self.deleted}, elapsed {self.elapsed:.1f}s, "
            f"{self.docs_per_second:,.0f} docs/s" + (f", index {self.index}" if self.index else "")
        )

    def _equation(self) -> str:
        validating = self.mode == "validate"
        landed = ("accepted", self.accepted) if validating else ("indexed", self.indexed)
        parts = [landed, ("rejected", self.rejected_total), ("skipped", self.skipped_total)]
        if self.mode != "validate":
            parts.append(("bulk errors", len(self.errors)))
        sums = " + ".join(f"{name} {n:,}" for name, n in parts)
        verdict = "" if self.reconciles() else "  (DOES NOT ADD UP: please report this)"
        return f"  read {self.read:,} = {sums}{verdict}"
