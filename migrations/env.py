"""Alembic environment: the store's metadata, the URL from the caller or DATABASE_URL."""

from __future__ import annotations

from alembic import context

from directory.settings import settings
from directory.store.db import database_url, make_engine
from directory.store.models import Base

config = context.config
URL = config.attributes.get("url") or database_url(settings())


def run_offline() -> None:
    context.configure(
        url=URL, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = make_engine(URL)
    try:
        with engine.connect() as connection:
            # Batch mode lets later migrations alter tables on SQLite (copy-and-move).
            context.configure(
                connection=connection, target_metadata=Base.metadata, render_as_batch=True
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
