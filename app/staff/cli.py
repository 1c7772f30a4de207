"""``flask --app wsgi staff ...`` and ``flask --app wsgi db ...``: accounts and the schema.

A thin shell over ``directory.store``: each command opens one transaction, and every
account change is written to the audit log as "command line (<os user>)".
"""

from __future__ import annotations

import json
import sys

import click
from flask import Flask
from flask.cli import AppGroup

from app.staff.store import store
from directory.store import accounts, curation, migrate
from directory.store.audit import command_line_actor
from directory.store.curation_export import export_patch
from directory.store.db import transaction
from directory.store.models import ROLES

staff_cli = AppGroup("staff", help="Staff accounts and curation (see README: Staff area).")
db_cli = AppGroup("db", help="The relational store's schema.")


def _run(change):
    """Run ``change(session)`` in one transaction; refusals print a sentence, not a traceback."""
    try:
        with transaction(store().factory) as session:
            return change(session)
    except (accounts.AccountError, curation.CurationError) as error:
        click.echo(str(error), err=True)
        sys.exit(1)


def _password_option():
    return click.option(
        "--password",
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        help="Asked for when omitted (never pass it on a shared machine's command line).",
    )


@staff_cli.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--name", default="", help="Shown in the audit log (default: the e-mail).")
@_password_option()
def add(email, role, name, password):
    """Create a staff account."""
    account = _run(lambda s: accounts.add(s, email, name, role, password, command_line_actor()))
    click.echo(f"added {account.email} ({account.role})")


@staff_cli.command("disable")
@click.argument("email")
def disable(email):
    """Disable an account and end its sessions."""
    account = _run(lambda s: accounts.disable(s, email, command_line_actor()))
    click.echo(f"disabled {account.email}")


@staff_cli.command("reset")
@click.argument("email")
@_password_option()
def reset(email, password):
    """Set a new password (re-enables the account, clears a lockout, ends other sessions)."""
    account = _run(lambda s: accounts.reset(s, email, password, command_line_actor()))
    click.echo(f"reset {account.email}")


@staff_cli.command("list")
def list_accounts():
    """Every account with its role and state."""
    for account in _run(accounts.all_accounts):
        state = "active" if account.active else "disabled"
        click.echo(f"{account.email}\t{account.role}\t{state}")


@staff_cli.command("export-curation")
@click.option("--out", type=click.File("w"), default="-", help="File to write (default stdout).")
def export_curation(out):
    """Live curated terms as a JSON Patch for data/vocabulary/ and data/specialties.json."""
    patch = _run(lambda s: export_patch(curation.history(s)))
    json.dump(patch, out, indent=2)
    out.write("\n")


@db_cli.command("upgrade")
def upgrade():
    """Apply every migration not applied yet (make run does this before starting workers)."""
    migrate.upgrade(store().url)
    click.echo(f"store at revision {migrate.head_revision()}")


def register(app: Flask) -> None:
    app.cli.add_command(staff_cli)
    app.cli.add_command(db_cli)
