"""How a load ends when it does not complete: each maps to its own CLI exit code."""

from __future__ import annotations

from indexer.tally import Tally


class LoadFailed(RuntimeError):
    """The load did not complete; a rebuild left the alias untouched."""

    def __init__(self, message: str, tally: Tally | None = None):
        super().__init__(message)
        self.tally = tally


class LoadRefused(LoadFailed):
    """A safety gate refused the load (see ``indexer.gates``); nothing destructive happened."""


class LoaderLocked(RuntimeError):
    """Another loader holds the alias: two loads must not destroy each other's work."""
