"""The hospitals the directory's physicians are affiliated with, for the query parser.

"cardiologist at hartford hospital" is read with the names the index holds
(``directory.understanding.hospitals``). Each worker asks the index for them at most every
``check_seconds`` (a rebuild can bring new ones) and rebuilds its table only when they
changed. An index that cannot answer means no hospitals for now, never a failed search:
the search itself reports a down node.
"""

from __future__ import annotations

import logging
import threading
import time

from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_errors

from directory.understanding import Hospitals

log = logging.getLogger(__name__)

MAX_HOSPITALS = 5000  # far more than one health system's hospitals
RETRY_SECONDS = 30.0  # after the index did not answer


class AffiliatedHospitals:
    def __init__(self, es: Elasticsearch, alias: str, check_seconds: float = 300.0) -> None:
        self.es = es
        self.alias = alias
        self.check_seconds = check_seconds
        self._checked = -float("inf")
        self._names: tuple[str, ...] = ()
        self._hospitals: Hospitals | None = None
        self._lock = threading.Lock()

    def get(self) -> Hospitals | None:
        """The table of the hospitals the index holds, re-read when it is due."""
        with self._lock:
            if time.monotonic() - self._checked >= self.check_seconds:
                self._checked = time.monotonic()
                names = self._read()
                if names is not None and names != self._names:
                    self._names = names
                    self._hospitals = Hospitals.of(names) if names else None
            return self._hospitals

    def _read(self) -> tuple[str, ...] | None:
        aggs = {"hospitals": {"terms": {"field": "hospital_affiliations", "size": MAX_HOSPITALS}}}
        try:
            response = self.es.search(index=self.alias, size=0, aggs=aggs)
        except (es_errors.ConnectionError, es_errors.TransportError):
            self._checked = time.monotonic() - self.check_seconds + RETRY_SECONDS
            log.warning("hospital names unavailable; searching without them", exc_info=True)
            return None
        buckets = response.get("aggregations", {}).get("hospitals", {}).get("buckets", [])
        return tuple(sorted(b["key"] for b in buckets))
