"""How a load ends when it does not complete: each maps to its own CLI exit code."""

from __future__ import annotations

from indexer.tally import Tally


class LoadFailed(RuntimeError):
    """The load did not complete; a rebuild left the alias untouched."""

    def __init__(self, message: str, tally: Tally | None = None):
        super().__init__(message)
        self.tally = tally


class LoadRefused(LoadFailed):
    """A safety gate refused the load (see ``indexer.gates``); nothing destructive happened.

    An upsert writes as it reads, so by the time its gates can count the rows it may
    already have changed the live index: ``changed`` says what, to be told first;
    ``kept`` (when given) says what the operator can rely on, instead of the command's.
    """

    def __init__(
        self, message: str, tally: Tally | None = None, *, changed: str = "", kept: str = ""
    ):
        super().__init__(message, tally)
        self.changed = changed
        self.kept = kept


class LoaderLocked(RuntimeError):
    """Another loader holds the alias: two loads must not destroy each other's work."""
