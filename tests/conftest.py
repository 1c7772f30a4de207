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
from app.config import DEFAULTS, from_environment
from indexer.connection import client_from_settings

ROOT = Path(__file__).resolve().parent.parent


def _settings() -> dict:
    return {**DEFAULTS, **from_environment()}


@pytest.fixture(scope="session")
def es() -> Elasticsearch:
    settings = _settings()
    client = client_from_settings(settings, timeout=60)
    if not client.ping():
        if os.environ.get("ELASTICSEARCH_URL"):
            pytest.fail(f"ELASTICSEARCH_URL={settings['ELASTICSEARCH_URL']} does not answer")
        subprocess.run([str(ROOT / "scripts" / "search-node"), "start"], check=True)
    assert client.ping(), "the search node did not come up"
    return client


def unique_alias(prefix: str) -> str:
    return f"test-{prefix}-{uuid.uuid4().hex[:8]}"


def drop_alias_indices(es: Elasticsearch, alias: str) -> None:
    es.indices.delete(index=f"{alias}-*", ignore_unavailable=True, expand_wildcards="all")


@pytest.fixture
def alias(es, request):
    """A unique alias name for one test; every index under it is deleted afterwards."""
    name = unique_alias(request.node.name[:20].lower().replace("_", "-").strip("-["))
    yield name
    drop_alias_indices(es, name)


def make_app(alias: str, **overrides):
    config = {"TESTING": True, "PHYSICIAN_INDEX_ALIAS": alias, "RATELIMIT_ENABLED": False,
              "WTF_CSRF_ENABLED": True}
    config.update(overrides)
    return create_app(config)
