"""Shared fixtures: a real Elasticsearch node, throwaway indices, the app.

The node is ensured once per session (``scripts/search-node start`` is
idempotent and reuses whatever answers at ELASTICSEARCH_URL). A test that needs
the node and cannot reach it fails: nothing here skips.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from app import create_app
from directory.connection import client_from_settings
from directory.settings import settings

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ["store_fixtures"]


@pytest.fixture(scope="session")
def es() -> Elasticsearch:
    shared = settings()
    client = client_from_settings(shared, timeout=60)
    if not client.ping():
        if os.environ.get("ELASTICSEARCH_URL"):
            pytest.fail(f"ELASTICSEARCH_URL={shared['ELASTICSEARCH_URL']} does not answer")
        subprocess.run([str(ROOT / "scripts" / "search-node"), "start"], check=True)
    assert client.ping(), "the search node did not come up"
    return client


def unique_alias(prefix: str) -> str:
    return f"test-{prefix}-{uuid.uuid4().hex[:8]}"


# The apps made for each alias: their search events are written in the background, and an
# event written after the alias's indices were dropped would create its events index again.
_APPS: dict[str, list] = {}


def drop_alias_indices(es: Elasticsearch, alias: str) -> None:
    for app in _APPS.pop(alias, []):
        sink = app.extensions.get("search_events")
        if sink is not None:
            assert sink.flush(timeout=30), f"{alias}: search events still unwritten"
    es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, expand_wildcards="all")


@pytest.fixture
def alias(es, request):
    """A unique alias name for one test; every index under it is deleted afterwards."""
    name = unique_alias(request.node.name[:20].lower().replace("_", "-").strip("-["))
    yield name
    drop_alias_indices(es, name)


def make_app(alias: str, **overrides):
    config = {
        "TESTING": True,
        "PHYSICIAN_INDEX_ALIAS": alias,
        "RATELIMIT_ENABLED": False,
        "WTF_CSRF_ENABLED": True,
        "CURATION_CHECK_SECONDS": 0,  # a curator's mapping is seen by the next search
    }
    config.update(overrides)
    app = create_app(config)
    _APPS.setdefault(alias, []).append(app)
    return app


SAMPLE_NPPES = ROOT / "data" / "samples" / "nppes-practitioners-sample.csv"
DEMO_TEST_COUNT = 3000
DEMO_TEST_SEED = 7


@pytest.fixture(scope="session")
def demo_profiles() -> list[dict]:
    """The same deterministic demo profiles `make run` loads, fewer of them."""
    from indexer.demo import claims_from_vocabulary, generate

    return list(generate(DEMO_TEST_COUNT, DEMO_TEST_SEED, claims_from_vocabulary()))


@pytest.fixture(scope="session")
def search_alias(es, demo_profiles):
    """A read-only physician index (+ vocabulary) with demo profiles and the NPPES sample.

    Shared by every read-only test in the session; tests that write use ``alias``.
    """
    from itertools import chain

    from directory.vocabulary import default_vocabulary
    from indexer.load import rebuild_all
    from indexer.sources.nppes import read_nppes

    name = unique_alias("search")
    records = chain(demo_profiles, read_nppes(SAMPLE_NPPES))
    tally = rebuild_all(es, name, records, default_vocabulary())
    assert tally.indexed > DEMO_TEST_COUNT, tally.as_text()
    yield name
    drop_alias_indices(es, name)


@pytest.fixture(scope="session")
def search_app(search_alias):
    return make_app(search_alias)


@pytest.fixture
def client(search_app):
    return search_app.test_client()
