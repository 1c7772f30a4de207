"""Command line for operators: ``python -m indexer ...`` (no Flask: the loader stands alone).

A thin shell: every command parses options, builds a client from the same
settings the app uses, and calls a function in ``indexer.load``/``lifecycle``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from directory.connection import client_from_settings
from directory.settings import settings
from directory.vocabulary import default_vocabulary
from indexer import lifecycle
from indexer.curated import rebuild_curated_vocabulary
from indexer.formats import read_any, unreadable
from indexer.load import LoadFailed, rebuild, upsert
from indexer.progress import Progress, count_lines
from indexer.records import LoadSummary

DEMO_FILES = (
    Path("data/demo/physicians.jsonl"),
    Path("data/samples/nppes-practitioners-sample.csv"),
)


def _client():
    # Bulk requests and refreshes of a big index take longer than a page's search budget.
    return client_from_settings(settings(), timeout=120)


def _alias(alias: str | None) -> str:
    return alias or str(settings()["PHYSICIAN_INDEX_ALIAS"])


def _records(paths: tuple[Path, ...], fmt: str):
    problems = [p for p in (unreadable(path, fmt) for path in paths) if p]
    if problems:
        raise click.UsageError("; ".join(problems))
    return _chain(paths, fmt)


def _chain(paths: tuple[Path, ...], fmt: str):
    for path in paths:
        yield from read_any(path, fmt)


@click.group()
def cli() -> None:
    """Load physician profiles into Elasticsearch and manage the live index."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", "nppes", "profiles"]), default="auto")
@click.option(
    "--rebuild/--upsert", "full", default=True, help="New index + alias swap, or in place."
)
@click.option("--dry-run", is_flag=True, help="Validate only; write nothing.")
@click.option("--alias", default=None, help="Index alias (default PHYSICIAN_INDEX_ALIAS).")
@click.option("--max-errors", default=100, show_default=True, help="Bulk errors tolerated.")
def load(files, fmt, full, dry_run, alias, max_errors):
    """Load FILES (NPPES CSV, profile JSON Lines or CSV)."""
    if dry_run:
        _validate(files, fmt)
        return
    records = _records(files, fmt)  # refuses unreadable files before anything is written
    es, alias = _client(), _alias(alias)
    vocabulary = default_vocabulary()
    progress = Progress(total=sum(count_lines(p) for p in files))
    try:
        if full:
            report = rebuild(es, alias, records, vocabulary, progress, max_errors=max_errors)
            # After the physicians: a failed load must not leave a vocabulary ahead of them.
            rebuild_curated_vocabulary(es, alias, vocabulary)
        else:
            report = upsert(es, alias, records, vocabulary, progress)
    except LoadFailed as error:
        progress.done()
        click.echo(f"load failed, alias '{alias}' left as it was: {error}", err=True)
        sys.exit(1)
    progress.done()
    click.echo(report.as_text())
    for rejection in report.rejections[:200]:
        if not rejection.skipped:
            click.echo(f"  rejected: {rejection}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", "nppes", "profiles"]), default="auto")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def validate(files, fmt, as_json):
    """Check FILES and report every rejected row with its line; writes nothing."""
    _validate(files, fmt, as_json)


def _validate(files, fmt, as_json: bool = False) -> None:
    summary = LoadSummary()
    for record in _records(files, fmt):
        summary.add(record)
        if not as_json and not isinstance(record, dict) and not record.skipped:
            click.echo(f"rejected: {record}")
    click.echo(json.dumps(summary.as_dict(), indent=2) if as_json else summary.as_text())


@cli.command()
@click.option("--alias", default=None)
def status(alias):
    """Alias, live and previous index, document counts and age."""
    state = lifecycle.status(_client(), _alias(alias))
    if not state.live_index:
        click.echo(f"alias '{state.alias}' does not exist")
        sys.exit(3)
    click.echo(f"alias     {state.alias} -> {state.live_index} ({state.live_count:,} physicians)")
    click.echo(f"created   {state.created:%Y-%m-%d %H:%M:%S} UTC")
    if state.previous_index:
        click.echo(f"previous  {state.previous_index} ({state.previous_count:,} physicians)")
    if state.orphans:
        click.echo(f"orphans   {', '.join(state.orphans)} (removed by the next load)")


@cli.command()
@click.option("--alias", default=None)
def rollback(alias):
    """Point the alias back at the previous index."""
    try:
        live, previous = lifecycle.rollback(_client(), _alias(alias))
    except RuntimeError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    click.echo(f"alias now serves {live}; {previous} kept as previous")


@cli.command()
@click.argument("npi")
@click.option("--alias", default=None)
def delete(npi, alias):
    """Remove one physician (by NPI) from the live index."""
    es, alias = _client(), _alias(alias)
    result = es.delete(index=alias, id=npi, ignore=[404], refresh=True)
    if result.get("result") != "deleted":
        click.echo(f"NPI {npi} is not in '{alias}'", err=True)
        sys.exit(1)
    click.echo(f"deleted NPI {npi}")


@cli.command()
@click.option("--alias", default=None)
def vocabulary(alias):
    """Rebuild the vocabulary index with staff-curated terms (the staff pages run this)."""
    es, alias = _client(), _alias(alias)
    documents, curated = rebuild_curated_vocabulary(es, alias, default_vocabulary())
    click.echo(
        f"vocabulary: {documents} entries live behind '{alias}-vocabulary', {curated} curated"
    )


@cli.command()
@click.option("--alias", default=None)
def ensure(alias):
    """Load the bundled demo data if the alias is missing (used by `make run`)."""
    es, alias = _client(), _alias(alias)
    if lifecycle.indices_of(es, alias):
        click.echo(f"alias '{alias}' exists; nothing to load")
        return
    files = [p for p in DEMO_FILES if p.exists()]
    vocabulary = default_vocabulary()
    report = rebuild(es, alias, _records(tuple(files), "auto"), vocabulary, Progress())
    rebuild_curated_vocabulary(es, alias, vocabulary)
    click.echo(report.as_text())
