"""``python -m directory.store upgrade | current | revision -m MESSAGE`` (no Flask needed)."""

from __future__ import annotations

import click

from directory.settings import settings
from directory.store import migrate
from directory.store.db import database_url, make_engine


def _url() -> str:
    return database_url(settings())


@click.group()
def cli() -> None:
    """The relational store's schema (DATABASE_URL, default instance/directory.sqlite3)."""


@cli.command()
def upgrade() -> None:
    """Apply every migration not applied yet (safe to run again)."""
    migrate.upgrade(_url())
    click.echo(f"store at revision {migrate.head_revision()}")


@cli.command()
def current() -> None:
    """Print the applied revision and the latest one."""
    engine = make_engine(_url())
    try:
        click.echo(f"applied {migrate.current_revision(engine)}, latest {migrate.head_revision()}")
    finally:
        engine.dispose()


@cli.command()
@click.option("-m", "--message", required=True)
def revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    migrate.revision(_url(), message)


if __name__ == "__main__":
    cli()
