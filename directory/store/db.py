"""Engines and sessions from a database URL; no Flask, so the loader can use them too."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parents[2]
INSTANCE_DIR = ROOT / "instance"
DEFAULT_SQLITE = INSTANCE_DIR / "directory.sqlite3"


def database_url(config: Mapping[str, object] | None = None) -> str:
    """DATABASE_URL if set, else the SQLite file under ``instance/`` (git-ignored)."""
    url = (config or {}).get("DATABASE_URL")
    return str(url) if url else f"sqlite:///{DEFAULT_SQLITE}"


def normalise_url(url: str) -> str:
    """Heroku-style ``postgres://`` and bare ``postgresql://`` use psycopg 3, the pinned driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # A pooled connection may have been closed by the server (restart, idle timeout).
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 15})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Several gunicorn workers share the file: readers never wait for the one writer.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    with factory() as session, session.begin():
        yield session
