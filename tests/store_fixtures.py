"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The server comes from TEST_DATABASE_URL (``make test`` exports it after
``scripts/ensure-postgres``); without it the fixture runs that script itself. A missing
PostgreSQL fails the tests: nothing here skips. Each test gets a fresh database: empty
(``database_url``, for the migration tests) or migrated (``migrated_database_url``).

The migrations run once per engine per session, into a template; each test's migrated
database is a copy of it (``CREATE DATABASE ... TEMPLATE`` on PostgreSQL, a file copy on
SQLite), the same schema as running them again, without Alembic's start-up per test.
"""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(scope="session", autouse=True)
def production_password_hasher():
    """Staff passwords hashed with argon2-cffi's CHEAPEST profile (its "only for testing"
    parameters) in place of RFC 9106's low-memory one: still argon2id through the same
    code, ~1 ms instead of 100-300 ms a hash on this box, where the staff tests hash and
    verify hundreds of times. Yields the production hasher for the test that checks it.
    """
    from argon2 import PasswordHasher, profiles

    from directory.store import accounts

    production = accounts._hasher
    cheapest = PasswordHasher.from_parameters(profiles.CHEAPEST)
    patch = pytest.MonkeyPatch()
    patch.setattr(accounts, "_hasher", cheapest)
    # An unknown address still costs one verification, now at the same (cheap) price.
    patch.setattr(accounts, "_DUMMY_HASH", cheapest.hash("not a real password, only for timing"))
    yield production
    patch.undo()


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


def _fresh_postgres_database(server_url: str, template: str | None = None):
    name = f"store_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    copy_of = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy_of}'))
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


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated to head once per session; tests get copies."""
    path = tmp_path_factory.mktemp("store-template") / "store.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")  # disposes its engine: the WAL is checkpointed
    return path


def _copy_sqlite(template: Path, path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        if (source := Path(f"{template}{suffix}")).exists():
            shutil.copyfile(source, f"{path}{suffix}")
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def migrated_postgres_template(postgres_server_url):
    """A PostgreSQL database migrated to head once per session, used only as a TEMPLATE."""
    for url in _fresh_postgres_database(postgres_server_url):
        migrate.upgrade(url)  # disposes its engine: no session left to block a copy
        yield make_url(url).database


@pytest.fixture(params=ENGINES)
def migrated_database_url(request, tmp_path):
    """A fresh database at the migrations' head on each engine in turn."""
    if request.param == "sqlite":
        template = request.getfixturevalue("migrated_sqlite_template")
        yield _copy_sqlite(template, tmp_path / "store.sqlite3")
    else:
        server = request.getfixturevalue("postgres_server_url")
        template = request.getfixturevalue("migrated_postgres_template")
        yield from _fresh_postgres_database(server, template)


@pytest.fixture
def store(migrated_database_url):
    """A migrated database's session factory."""
    engine = make_engine(migrated_database_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def sqlite_store_url(tmp_path, migrated_sqlite_template) -> str:
    """A migrated SQLite file, for app tests whose behaviour does not depend on the engine."""
    return _copy_sqlite(migrated_sqlite_template, tmp_path / "app-store.sqlite3")
