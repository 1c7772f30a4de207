"""Command line for operators: ``python -m indexer ...`` (no Flask: the loader stands alone).

A thin shell: every command parses options, builds a client from the same
settings the app uses, and calls a function (``indexer.jobs`` for load and ensure,
``indexer.lifecycle`` for the rest). Outcomes are exit codes (:class:`Exit`,
documented in docs/data-format.md) and plain messages (``indexer.outcomes``): an
operator never sees a traceback for a node that went away.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import NoReturn

import click

from directory.connection import client_from_settings
from directory.npi import is_valid_npi
from directory.settings import settings
from directory.vocabulary import default_vocabulary
from indexer import gates, jobs, lifecycle
from indexer.curated import rebuild_curated_vocabulary
from indexer.formats import read_files, unreadable
from indexer.gates import DEFAULT_MAX_REJECTED, DEFAULT_MIN_KEPT, Gates
from indexer.lock import LoaderLock
from indexer.outcomes import Exit, report, run, stop
from indexer.progress import Progress, count_lines
from indexer.rejects import RejectsFiles
from indexer.tally import Tally

__all__ = ["Exit", "cli"]


def _client():
    # Bulk requests and refreshes of a big index take longer than a page's search budget.
    return client_from_settings(settings(), timeout=120)


def _alias(alias: str | None) -> str:
    return alias or str(settings()["PHYSICIAN_INDEX_ALIAS"])


def _check_readable(paths: tuple[Path, ...], fmt: str) -> None:
    problems = [p for p in (unreadable(path, fmt) for path in paths) if p]
    if problems:
        raise click.UsageError("; ".join(problems))


@click.group()
def cli() -> None:
    """Load physician profiles into Elasticsearch and manage the live index."""
    # The client logs every 404/409 it is given as a warning; we report outcomes ourselves.
    logging.getLogger("elasticsearch").setLevel(logging.ERROR)


FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["auto", "nppes", "profiles"]), default="auto"
)
PERCENT = click.FloatRange(0, 100)
MAX_REJECTED = click.option(
    "--max-rejected", type=PERCENT, default=DEFAULT_MAX_REJECTED * 100, show_default=True,
    envvar="LOAD_MAX_REJECTED_PERCENT",
    help="Refuse a load with more than this % of rows rejected.",
)  # fmt: skip
ALLOW_REJECTS = click.option(
    "--allow-rejects", is_flag=True, help="Override the rejects gate (logged)."
)


@cli.command()
@FILES
@FORMAT
@click.option("--rebuild/--upsert", "rebuild", default=True, help="New index + swap, or in place.")
@click.option("--dry-run", is_flag=True, help="Validate only; write nothing.")
@click.option("--alias", default=None, help="Index alias (default PHYSICIAN_INDEX_ALIAS).")
@click.option("--max-errors", default=100, show_default=True, help="Bulk errors tolerated.")
@click.option(
    "--rejects",
    "rejects_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the rejects files (default: beside each input).",
)
@click.option("--min-kept", type=PERCENT, default=DEFAULT_MIN_KEPT * 100, show_default=True,
              envvar="LOAD_MIN_KEPT_PERCENT",
              help="Refuse a load that keeps less than this % of the live index.")  # fmt: skip
@MAX_REJECTED
@click.option("--allow-shrink", is_flag=True, help="Override the shrink gate (logged).")
@ALLOW_REJECTS
@click.option("--show", default=200, show_default=True, help="Rejection lines to print.")
def load(files, fmt, rebuild, dry_run, alias, max_errors, rejects_dir, min_kept, max_rejected,
         allow_shrink, allow_rejects, show):  # fmt: skip
    """Load FILES (NPPES CSV, profile JSON Lines or CSV).

    \b
    Exit codes: 0 loaded, nothing rejected; 1 failed (alias as it was);
    2 usage; 3 loaded, but rows were rejected (see the rejects file);
    4 refused by a safety gate (an upsert's writes stand, its deletes are
    withheld); 5 another loader holds the alias.
    """
    policy = Gates(min_kept=min_kept / 100, max_rejected=max_rejected / 100,
                   allow_shrink=allow_shrink, allow_rejects=allow_rejects)  # fmt: skip
    if dry_run:
        _validate(files, fmt, as_json=False, policy=policy)
    _check_readable(files, fmt)  # refuses unreadable files before anything is written
    for flag, given in (("--allow-shrink", allow_shrink), ("--allow-rejects", allow_rejects)):
        if given:  # an override is never silent
            click.echo(f"WARNING: {flag} given: that safety gate will not stop this load", err=True)
    rejects = _rejects_files(files, fmt, rejects_dir)
    es, alias, vocabulary = _client(), _alias(alias), default_vocabulary()
    progress = Progress(total=sum(count_lines(p) for p in files))

    def work() -> Tally:
        return jobs.load_files(es, alias, files, fmt, rebuild=rebuild, policy=policy,
                               max_errors=max_errors, rejects=rejects, progress=progress,
                               vocabulary=vocabulary)  # fmt: skip

    def finish(tally: Tally | None) -> None:
        rejects.close()
        progress.done()
        if tally is not None:
            report(tally, rejects, show)

    kept = f"alias '{alias}' left as it was" if rebuild else "nothing deleted; a rerun converges"
    tally = run(work, kept=kept, action="load" if rebuild else "load --upsert", finish=finish)
    sys.exit(Exit.REJECTS if tally.rejected_total or tally.errors else Exit.OK)


def _rejects_files(files: tuple[Path, ...], fmt: str, folder: Path | None) -> RejectsFiles:
    try:
        rejects = RejectsFiles(files, fmt, folder)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    return rejects


@cli.command()
@FILES
@FORMAT
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@MAX_REJECTED
@ALLOW_REJECTS
def validate(files, fmt, as_json, max_rejected, allow_rejects):
    """Check FILES and report every rejected row with its line; writes nothing.

    Exits as a load of FILES would (the shrink gate aside: it needs the live index):

    \b
    0  every row would load
    3  rows were rejected: a load would skip them (see the rejects file) and exit 3
    4  a load would be refused by a safety gate: more than --max-rejected % of rows
       rejected (random bytes, a ';'-delimited CSV) or nothing to load (an empty file)
    2  usage: a bad option or an unreadable file
    """
    policy = Gates(max_rejected=max_rejected / 100, allow_rejects=allow_rejects)
    _validate(files, fmt, as_json=as_json, policy=policy)


def _validate(files, fmt, *, as_json: bool, policy: Gates) -> NoReturn:
    """Read FILES as a load would, report, and exit with the code the load would end with."""
    _check_readable(files, fmt)
    tally = Tally()
    for record in read_files(files, fmt):
        tally.add(record)
        if not as_json and not isinstance(record, dict) and not record.skipped:
            click.echo(f"rejected: {record}")
    refusals = policy.check(tally, live=None, kept=tally.accepted)  # no live index to shrink
    refused = [r.message for r in gates.blocking(refusals)]
    code = Exit.REFUSED if refused else Exit.REJECTS if tally.rejected_total else Exit.OK
    if as_json:
        verdict = {"refused": refused, "exit_code": int(code)}
        click.echo(json.dumps(tally.as_dict() | verdict, indent=2))
    else:
        click.echo(tally.as_text())
    for note in gates.override_notes(refusals):
        click.echo(f"note: {note}", err=True)
    if refused:
        click.echo(f"a load would be refused by a safety gate: {'; '.join(refused)}", err=True)
    elif tally.rejected_total:
        rows = f"{tally.rejected_total:,} row{'s' if tally.rejected_total > 1 else ''}"
        click.echo(f"{rows} rejected: a load would leave them out and exit 3", err=True)
    sys.exit(code)


@cli.command()
@click.option("--alias", default=None)
def status(alias):
    """Alias, live and previous index, document counts and age."""
    es, alias = _client(), _alias(alias)
    state = run(lambda: lifecycle.status(es, alias), kept="nothing changed", action="status")
    if not state.live_index:
        click.echo(f"alias '{state.alias}' does not exist")
        sys.exit(Exit.FAILED)
    click.echo(f"alias     {state.alias} -> {state.live_index} ({state.live_count:,} physicians)")
    click.echo(f"created   {state.created:%Y-%m-%d %H:%M:%S} UTC")
    if state.previous_index:
        click.echo(f"previous  {state.previous_index} ({state.previous_count:,} physicians)")
    if state.orphans:
        click.echo(f"orphans   {', '.join(state.orphans)} (removed by the next load)")


@cli.command()
@click.option("--alias", default=None)
def rollback(alias):
    """Point the alias back at the previous index, with the staff corrections and
    verifications in the store re-applied to it (refused when the store does not answer)."""
    es, alias = _client(), _alias(alias)

    def swap_back():
        with LoaderLock(es, alias, "rollback"):
            return jobs.rollback(es, alias)

    try:
        live, previous, notes = run(swap_back, kept="alias unchanged", action="rollback")
    except RuntimeError as error:
        stop(Exit.FAILED, str(error))
    click.echo(f"alias now serves {live}; {previous} kept as previous")
    for note in notes:
        click.echo(f"  note: {note}")


@cli.command()
@click.argument("npi")
@click.option("--alias", default=None)
def delete(npi, alias):
    """Remove one physician (by NPI) from the live index."""
    if not is_valid_npi(npi):
        raise click.BadParameter("an NPI is 10 digits ending in its check digit", param_hint="NPI")
    es, alias = _client(), _alias(alias)
    result = run(lambda: es.delete(index=alias, id=npi, ignore=[404], refresh=True),
                  kept="nothing deleted", action="delete")  # fmt: skip
    if result.get("result") != "deleted":
        stop(Exit.FAILED, f"NPI {npi} is not in '{alias}'")
    click.echo(f"deleted NPI {npi}")


@cli.command()
@click.option("--alias", default=None)
def vocabulary(alias):
    """Rebuild the vocabulary index with staff-curated terms (the staff pages run this)."""
    es, alias = _client(), _alias(alias)
    documents, curated = run(
        lambda: rebuild_curated_vocabulary(es, alias, default_vocabulary()),
        kept=f"'{alias}-vocabulary' left as it was", action="vocabulary",
    )  # fmt: skip
    click.echo(
        f"vocabulary: {documents} entries live behind '{alias}-vocabulary', {curated} curated"
    )


@cli.command()
@click.option("--alias", default=None)
def ensure(alias):
    """Load the bundled demo data if the alias is missing (used by `make run`); if it
    exists, rebuild its vocabulary index when data/vocabulary changed since."""
    es, alias = _client(), _alias(alias)
    kept = f"alias '{alias}' left as it was"
    if run(lambda: lifecycle.indices_of(es, alias), kept=kept):
        rebuilt = run(
            lambda: jobs.refresh_vocabulary(es, alias, default_vocabulary()),
            kept=f"'{alias}-vocabulary' left as it was", action="vocabulary",
        )  # fmt: skip
        if rebuilt is None:
            click.echo(f"alias '{alias}' exists; nothing to load")
        else:
            click.echo(
                f"alias '{alias}' exists; its vocabulary index was older than data/vocabulary:"
                f" rebuilt, {rebuilt[0]} entries, {rebuilt[1]} curated"
            )
        return
    files = jobs.demo_files()
    if not files:
        stop(Exit.USAGE, f"no demo data in {jobs.ROOT / 'data'}: run `make data` first")
    run(lambda: jobs.load_demo(es, alias, files), kept=kept,
        finish=lambda t: t and click.echo(t.as_text()))  # fmt: skip
