"""The surnames in the directory, so the parser reads "Booth neurologist" as Dr. Booth.

A surname that is also a word ("Booth", "Watts", "Frost") was read as the vocabulary term
one letter away ("tooth", "warts", "front"), and the front desk's "surname + specialty"
found every specialist but the one asked for. The parser already takes names the directory
knows (``directory.understanding.names``: a known name that no term explains); this keeps
that set for one alias: the most common surnames, folded, refreshed every few minutes so a
reload shows up without a restart. A failed refresh keeps the last set (or none): names
help the reading, they never stop a search.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from directory.text import normalize_term

REFRESH_SECONDS = 600
RETRY_SECONDS = 30  # after a failed read (the node still starting): soon, not every search
MAX_SURNAMES = 100_000  # the most common; at national scale the rare rest stays unread
MIN_LETTERS = 3  # "de", "la" and "le" of "De La Cruz" are never read as names alone


def surname_words(surnames: list[str]) -> frozenset[str]:
    """ "De La Cruz", "O'Neill", "Smith-Jones" -> {"cruz", "oneill", "smith", "jones"}."""
    words = set()
    for surname in surnames:
        for word in normalize_term(surname.replace("-", " ")).split():
            if len(word) >= MIN_LETTERS and word.isalpha():
                words.add(word)
    return frozenset(words)


def surnames_query() -> dict:
    return {
        "size": 0,
        "aggs": {"surnames": {"terms": {"field": "last_name.keyword", "size": MAX_SURNAMES}}},
    }


class KnownNames:
    """``names()`` -> the folded surname words of the alias, read at most every few minutes."""

    def __init__(
        self,
        es: Elasticsearch,
        alias: str,
        refresh_seconds: float = REFRESH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.es, self.alias = es, alias
        self.refresh_seconds, self.clock = refresh_seconds, clock
        self._names: frozenset[str] = frozenset()
        self._read_at: float | None = None
        self._lock = threading.Lock()

    def names(self) -> frozenset[str]:
        read_at = self._read_at
        if read_at is not None and self.clock() - read_at < self.refresh_seconds:
            return self._names
        if not self._lock.acquire(blocking=read_at is None):
            return self._names  # another thread is reading them; this search uses the last
        try:
            self._names = self._read()
            self._read_at = self.clock()
        except (es_errors.TransportError, es_errors.ConnectionError, KeyError):
            # An outage or no index yet: keep the last names, try again soon.
            self._read_at = self.clock() - self.refresh_seconds + RETRY_SECONDS
        finally:
            self._lock.release()
        return self._names

    def _read(self) -> frozenset[str]:
        response = self.es.search(index=self.alias, **surnames_query())
        buckets = response["aggregations"]["surnames"]["buckets"]
        return surname_words([bucket["key"] for bucket in buckets])
