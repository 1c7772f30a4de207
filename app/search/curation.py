"""Staff-curated terms for the in-memory parser, read from the store only when they change.

A curator's mapping ("sore sit bone" → coccydynia) is stored in the relational store
and goes live in the vocabulary index at once; the parser running in every worker
learns it here: each worker asks the store for the curation version at most every
``check_seconds`` and rebuilds its lexicon only when the version moved. A store that
is missing or not migrated yet (a fresh checkout) means no curated terms, never an error.
"""

from __future__ import annotations

import logging
import threading
import time
from functools import cached_property

from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from directory.store.curation import curated_terms, curation_version
from directory.store.db import make_engine, session_factory

log = logging.getLogger(__name__)


class CuratedTerms:
    def __init__(self, url: str, check_seconds: float = 10.0) -> None:
        self.url = url
        self.check_seconds = check_seconds
        self._checked = -float("inf")
        self._version: object = None
        self._lock = threading.Lock()

    @cached_property
    def _engine(self):
        return make_engine(self.url)

    def version(self) -> object:
        """The store's curation version, re-read at most every ``check_seconds``."""
        with self._lock:
            if time.monotonic() - self._checked >= self.check_seconds:
                self._checked = time.monotonic()
                self._version = self._read(curation_version, None)
            return self._version

    def terms(self) -> dict:
        return self._read(curated_terms, {})

    def _read(self, query, default):
        try:
            if not inspect(self._engine).has_table("curated_terms"):
                return default
            with session_factory(self._engine)() as session:
                return query(session)
        except SQLAlchemyError:
            log.warning("curated terms unavailable; searching without them", exc_info=True)
            return default
