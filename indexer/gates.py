"""Safety gates: a load that would shrink the directory or is mostly rejects is refused.

One bad export from a roster system must not empty a hospital's directory. Before a
rebuild swaps the alias (and before an upsert deletes anything) the load is checked:

- **shrink**: the new index keeps at least ``min_kept`` of the live one (default 90%);
- **rejects**: at most ``max_rejected`` of the rows meant to be profiles were rejected
  (default 1%; skipped rows such as NPPES organizations don't count).

Each gate can be overridden with an explicit flag; an override is never silent: it is
returned as a note the CLI prints and the summary repeats. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.tally import Tally

DEFAULT_MIN_KEPT = 0.90
DEFAULT_MAX_REJECTED = 0.01


@dataclass(frozen=True)
class Refusal:
    gate: str  # "shrink" | "rejects" | "empty"
    message: str
    overridden: bool = False


@dataclass(frozen=True)
class Gates:
    min_kept: float = DEFAULT_MIN_KEPT
    max_rejected: float = DEFAULT_MAX_REJECTED
    allow_shrink: bool = False
    allow_rejects: bool = False

    def check(self, tally: Tally, *, live: int | None, kept: int) -> list[Refusal]:
        """Every gate the load fails: ``live`` documents now, ``kept`` after the load."""
        found = []
        if kept == 0:
            # Never overridable: an empty directory is never what anyone meant.
            found.append(Refusal("empty", "no documents would be left; refusing to serve none"))
        elif live and kept < self.min_kept * live:
            found.append(
                Refusal(
                    "shrink",
                    f"{kept:,} documents would replace {live:,} "
                    f"({kept / live:.0%}, below the {self.min_kept:.0%} gate; --allow-shrink)",
                    overridden=self.allow_shrink,
                )
            )
        if tally.rejected_share > self.max_rejected:
            found.append(
                Refusal(
                    "rejects",
                    f"{tally.rejected_total:,} of {tally.considered:,} rows rejected "
                    f"({tally.rejected_share:.1%}, above the {self.max_rejected:.0%} gate; "
                    "--allow-rejects)",
                    overridden=self.allow_rejects,
                )
            )
        return found


DEFAULT = Gates()


def blocking(refusals: list[Refusal]) -> list[Refusal]:
    return [r for r in refusals if not r.overridden]


def override_notes(refusals: list[Refusal]) -> list[str]:
    return [f"gate '{r.gate}' overridden: {r.message}" for r in refusals if r.overridden]
