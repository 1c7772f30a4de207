"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The server comes from TEST_DATABASE_URL (``make test`` exports it after
``scripts/ensure-postgres``); without it the fixture runs that script itself. A missing
PostgreSQL fails the tests: nothing here skips. Each test gets a fresh, migrated database.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from directory.store import migrate
from directory.store.db import make_engine, session_factory

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        result = subprocess.run(
            [str(ROOT / "scripts" / "ensure-postgres")], capture_output=True, text=True
        )
        if result.returncode != 0:
            pytest.fail(f"PostgreSQL is required for the store tests:\n{result.stderr}")
        url = result.stdout.strip().splitlines()[-1].partition("=")[2]
    engine = create_engine(url)
    with engine.connect() as connection:  # fails the run if it does not answer
        assert connection.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()
    return url


def _fresh_postgres_database(server_url: str):
    name = f"store_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=ENGINES)
def database_url(request, tmp_path):
    """An empty database on each engine in turn."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        yield from _fresh_postgres_database(request.getfixturevalue("postgres_server_url"))


@pytest.fixture
def store(database_url):
    """A migrated database's session factory."""
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def sqlite_store_url(tmp_path) -> str:
    """A migrated SQLite file, for app tests whose behaviour does not depend on the engine."""
    url = f"sqlite:///{tmp_path / 'app-store.sqlite3'}"
    migrate.upgrade(url)
    return url
