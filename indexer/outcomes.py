"""How a loader command ends: an exit code and a message an operator can act on.

Every way a command can stop early (another loader holds the alias, a safety gate
refused, the node went away, Ctrl-C) becomes one line that says what happened and what
was kept, never a traceback. The codes are documented in docs/data-format.md.
"""

from __future__ import annotations

import re
import sys
from enum import IntEnum

import click
from elasticsearch import ElasticsearchException

from directory.settings import settings
from indexer.errors import LoaderLocked, LoadFailed, LoadRefused
from indexer.rejects import RejectsFiles
from indexer.tally import Tally


class Exit(IntEnum):
    OK = 0  # loaded, nothing rejected
    FAILED = 1  # did not complete (node unreachable, too many bulk errors); alias as it was
    USAGE = 2  # bad command line or unreadable file (click's own code)
    REJECTS = 3  # loaded, but rows were rejected: see the rejects file
    REFUSED = 4  # a safety gate refused the load; the alias serves what it served
    LOCKED = 5  # another loader holds the alias; nothing was done


def stop(code: Exit, message: str) -> None:
    click.echo(message, err=True)
    sys.exit(code)


def run(work, *, kept: str, action: str = "load", finish=lambda tally: None):
    """Run a command; turn every way it can end early into a message and an exit code.

    ``kept`` says what the operator can rely on afterwards ("alias 'x' left as it was");
    ``finish`` reports what there is to report (the tally, if the command got that far).
    """
    try:
        result = work()
    except LoaderLocked as error:
        finish(None)
        stop(Exit.LOCKED, f"another loader is at work, nothing done: {error}")
    except LoadRefused as error:
        finish(error.tally)
        stop(Exit.REFUSED, _refused(action, kept, error))
    except LoadFailed as error:
        finish(error.tally)
        stop(Exit.FAILED, f"{action} failed, {kept}: {error}")
    except ElasticsearchException as error:
        finish(None)
        url = settings()["ELASTICSEARCH_URL"]
        node = f"the search node at {url} did not answer ({_short(error)})"
        stop(Exit.FAILED, f"{action} failed, {kept}: {node}; run it again once the node is back")
    except KeyboardInterrupt:
        finish(None)
        stop(Exit.FAILED, f"interrupted, {kept}")
    finish(result if isinstance(result, Tally) else None)
    return result


def _refused(action: str, kept: str, error: LoadRefused) -> str:
    """A refusal, saying first what the load had already changed, if anything."""
    if error.changed:  # "refused" alone would read as "nothing happened"
        return f"{action} changed the live index: {error.changed}: {error}"
    return f"{action} refused by a safety gate, {error.kept or kept}: {error}"


def _short(error: Exception) -> str:
    """``ConnectionError: [Errno 111] Connection refused``, not urllib3's whole story."""
    text = " ".join(str(error).split())
    errno = re.search(r"\[Errno \d+\] [^)'\"]+", text)
    return f"{type(error).__name__}: {errno.group(0) if errno else text[:160]}"


def report(tally: Tally, rejects: RejectsFiles | None, show: int) -> None:
    """The summary, up to ``show`` rejection lines, and where the rejects files went."""
    click.echo(tally.as_text())
    printed = tally.examples[:show]
    for rejection in printed:
        click.echo(f"  rejected: {rejection}")
    hidden = tally.rejected_total - len(printed)
    if hidden > 0:
        where = "; every one is in the rejects file" if rejects and rejects.written else ""
        click.echo(f"  ... {hidden:,} more rejection lines not printed (--show N){where}")
    if rejects and rejects.without_row:
        click.echo(f"  {rejects.without_row:,} rejections not in a rejects file (no row to copy)")
    for path, problem in (rejects.unwritable if rejects else {}).items():
        click.echo(f"  could not write the rejects file {path}: {problem}")
    for path, count in (rejects.written if rejects else {}).items():
        click.echo(f"rejects file: {path} ({count:,} rows to fix and load again)")
