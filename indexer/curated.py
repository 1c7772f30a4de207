"""The vocabulary index with staff curation: the loader reads curated terms from the store.

Every vocabulary rebuild (``load``, ``ensure``, ``vocabulary``) goes through
``rebuild_curated_vocabulary``, so a curator's mapping survives a full reload. The
rebuild holds the store's "vocabulary" job lock: a second rebuild waits, then reads
the store as it is by then, so the last swap always carries every mapping.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from elasticsearch import Elasticsearch
from sqlalchemy import inspect

from directory.settings import settings
from directory.store.curation import curated_terms
from directory.store.db import database_url, make_engine, session_factory
from directory.store.locks import job_lock
from directory.vocabulary import Vocabulary
from indexer.load import rebuild_vocabulary


@contextmanager
def _store(url: str) -> Iterator:
    """The store's session factory, or None before its first migration (a fresh checkout)."""
    engine = make_engine(url)
    try:
        migrated = inspect(engine).has_table("curated_terms")
        yield session_factory(engine) if migrated else None
    finally:
        engine.dispose()


def rebuild_curated_vocabulary(
    es: Elasticsearch, alias: str, vocabulary: Vocabulary, url: str | None = None
) -> tuple[int, int]:
    """Rebuild ``<alias>-vocabulary`` with the live curated terms: (documents, curated terms)."""
    with _store(url or database_url(settings())) as factory:
        lock = job_lock(factory, "vocabulary") if factory else nullcontext()
        with lock:
            curated = {}
            if factory:
                with factory() as session:
                    curated = curated_terms(session)
            return rebuild_vocabulary(es, alias, vocabulary, curated), len(curated)
