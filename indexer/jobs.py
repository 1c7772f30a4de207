"""What ``load``, ``ensure`` and ``rollback`` do once their options are parsed.

Each load streams the files through the store's corrections (so staff corrections
survive every load), builds the directory (``rebuild_all``: physicians, then the
vocabulary with curated terms) or updates it in place (``upsert``), and then retires
the corrections the source now agrees with. A rollback puts the store's corrections on
the previous index before it goes live again. Takes the client as a parameter; the
command line around it is ``indexer/cli.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from elasticsearch import Elasticsearch

from directory.vocabulary import Vocabulary, default_vocabulary
from indexer import lifecycle
from indexer.curated import rebuild_curated_vocabulary
from indexer.formats import read_files
from indexer.gates import Gates
from indexer.load import (
    built_vocabulary_fingerprint,
    rebuild_all,
    upsert,
    vocabulary_fingerprint,
)
from indexer.overrides import StoreOverlay
from indexer.progress import Progress
from indexer.rejects import RejectsFiles
from indexer.tally import Tally

ROOT = Path(__file__).resolve().parent.parent
DEMO_FILES = (
    ROOT / "data" / "demo" / "physicians.jsonl",
    ROOT / "data" / "samples" / "nppes-practitioners-sample.csv",
)


def load_files(
    es: Elasticsearch,
    alias: str,
    files: tuple[Path, ...],
    fmt: str,
    *,
    rebuild: bool,
    policy: Gates,
    max_errors: int,
    rejects: RejectsFiles,
    progress: Progress,
    vocabulary: Vocabulary,
) -> Tally:
    """``load FILES``: a rebuild (new index, swap) or an upsert, with corrections applied."""
    corrections = StoreOverlay()  # staff corrections survive every load
    records = corrections.apply(rejects.tap(read_files(files, fmt)))
    if rebuild:
        tally = rebuild_all(es, alias, records, vocabulary, progress, policy=policy,
                            max_errors=max_errors,
                            vocabulary_step=rebuild_curated_vocabulary)  # fmt: skip
    else:
        tally = upsert(es, alias, records, vocabulary, progress, policy=policy)
    why = f"load --{'rebuild' if rebuild else 'upsert'} of {', '.join(p.name for p in files)}"
    tally.notes.append(corrections.finish(es, alias, why))
    return tally


def rollback(es: Elasticsearch, alias: str) -> tuple[str, str, list[str]]:
    """``rollback``: the previous index goes live with the store's corrections on it.

    It was built before the staff work done since, so without them search would show a
    corrected phone's old number while the staff pages list the correction as live. They
    are put on the previous index before the swap (no moment of old data in search), and
    edits made meanwhile after it. Returns (now live, now previous, notes).
    """
    store = StoreOverlay(unread="rolling back without them would undo them in search")
    target = lifecycle.rollback_target(es, alias)
    notes = store.reapply(es, target, built=lifecycle.created_at(es, target))
    live, previous = lifecycle.rollback(es, alias)
    return live, previous, notes + store.caught_up(es, alias)


def refresh_vocabulary(
    es: Elasticsearch, alias: str, vocabulary: Vocabulary
) -> tuple[int, int] | None:
    """``ensure`` on a directory already loaded: the vocabulary index rebuilt (with the
    staff's curated terms) when data/vocabulary changed since it was built, as after an
    upgrade; the parser reads the files at start, and an older index would leave
    autocomplete and "did you mean" without the new words. None when it is current."""
    if built_vocabulary_fingerprint(es, alias) == vocabulary_fingerprint(vocabulary):
        return None
    return rebuild_curated_vocabulary(es, alias, vocabulary)


def demo_files() -> tuple[Path, ...]:
    """The bundled demo data that exists (``make data`` writes the physicians file)."""
    return tuple(p for p in DEMO_FILES if p.exists())


def load_demo(es: Elasticsearch, alias: str, files: Iterable[Path]) -> Tally:
    """``ensure``: build the directory from the demo files, with corrections applied."""
    corrections = StoreOverlay()
    records = corrections.apply(read_files(tuple(files)))
    tally = rebuild_all(es, alias, records, default_vocabulary(), Progress(),
                        command="ensure",
                        vocabulary_step=rebuild_curated_vocabulary)  # fmt: skip
    tally.notes.append(corrections.finish(es, alias, "ensure (demo data)"))
    return tally
