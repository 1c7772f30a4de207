"""The relational store bound to the app: one engine per process, one session per request.

The engine is created on first use (no I/O in the factory), so public pages, which never
touch the store, never open it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

from flask import Flask, current_app, g
from sqlalchemy.orm import Session, sessionmaker

from directory.store.db import database_url, make_engine, session_factory


class StoreBinding:
    def __init__(self, url: str) -> None:
        self.url = url

    @cached_property
    def factory(self) -> sessionmaker[Session]:
        return session_factory(make_engine(self.url))


def init_store(app: Flask) -> None:
    app.extensions["store"] = StoreBinding(database_url(app.config))
    app.teardown_appcontext(_close_session)


def store() -> StoreBinding:
    return current_app.extensions["store"]


def db() -> Session:
    """This request's session (closed when the request ends; commit it yourself)."""
    if "store_session" not in g:
        g.store_session = store().factory()
    return g.store_session


def _close_session(_error: BaseException | None) -> None:
    session = g.pop("store_session", None)
    if session is not None:
        session.close()


@contextmanager
def changes() -> Iterator[Session]:
    """This request's session for a change: committed at the end, rolled back on error."""
    session = db()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
