"""Rejects files: every rejected row, in its file's own format, ready to fix and reload.

For ``roster.jsonl`` the loader writes ``roster.rejects.jsonl`` (beside the input, or in
the ``--rejects`` folder): each rejected line as it was, after a ``# line N: reason``
comment (the JSON Lines reader skips ``#`` lines). For CSV files (our columns or
NPPES) it writes the header and each rejected row as it was, with two columns added
at the end, ``rejected_line`` and ``rejected_reason``, which the readers ignore.
Undecodable bytes are written back as they were read. Skipped rows (organizations,
deactivated NPIs) are not errors and are not written.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from indexer.formats import file_kind
from indexer.records import Record, Rejection

EXTRA_COLUMNS = ["rejected_line", "rejected_reason"]


def rejects_path(source: Path, folder: Path | None = None) -> Path:
    return (folder or source.parent) / f"{source.stem}.rejects{source.suffix}"


class RejectsFiles:
    """Open lazily, one per input file that has a rejected row; ``close()`` when done."""

    def __init__(self, inputs: Sequence[Path], fmt: str = "auto", folder: Path | None = None):
        self.targets = {str(path): rejects_path(path, folder) for path in inputs}
        clash = {str(t) for t in self.targets.values()} & {str(p) for p in inputs}
        if clash:
            raise ValueError(f"a rejects file would overwrite an input: {', '.join(clash)}")
        self.kinds = {str(path): file_kind(path, fmt) for path in inputs}
        self.written: Counter[Path] = Counter()
        self.without_row = 0  # rejections not written: no row to copy, or no place to write
        self.unwritable: dict[Path, str] = {}
        self._open: dict[str, tuple[TextIO, csv.writer | None, int]] = {}
        self._reloaded: dict[str, bool] = {}  # the input is itself a rejects file

    def tap(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass every record through, writing the rejected ones on the way."""
        for record in records:
            if isinstance(record, Rejection) and not record.skipped:
                self.add(record)
            yield record

    def add(self, rejection: Rejection) -> None:
        if rejection.row is None or rejection.source not in self.targets:
            self.without_row += 1
            return
        try:
            handle, writer, width = self._writer(rejection.source)
        except OSError as error:  # a read-only folder must not fail the load itself
            self.unwritable.setdefault(self.targets[rejection.source], str(error))
            self.without_row += 1
            return
        if writer is None:
            handle.write(f"# line {rejection.line}: {_one_line(rejection.reason)}\n")
            handle.write(f"{rejection.row}\n")
        else:
            writer.writerow(_in_columns(rejection, width, self._reloaded[rejection.source]))
        self.written[self.targets[rejection.source]] += 1

    def _writer(self, source: str) -> tuple[TextIO, csv.writer | None, int]:
        if source in self._open:
            return self._open[source]
        if self.targets[source] in self.unwritable:
            raise OSError(self.unwritable[self.targets[source]])
        target, kind = self.targets[source], self.kinds[source]
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(target, "w", encoding="utf-8", errors="surrogateescape", newline="")
        if kind == "jsonl":
            handle.write(
                f"# Rows of {source} that were not loaded, each after its line and reason.\n"
                "# Fix them and load this file again (lines starting with # are ignored).\n"
            )
            self._open[source] = (handle, None, 0)
        else:
            header = _header(Path(source))
            self._reloaded[source] = header[-2:] == EXTRA_COLUMNS
            width = len(header) - (len(EXTRA_COLUMNS) if self._reloaded[source] else 0)
            quoting = csv.QUOTE_ALL if kind == "nppes" else csv.QUOTE_MINIMAL
            writer = csv.writer(handle, quoting=quoting, lineterminator="\n")
            writer.writerow([*header[:width], *EXTRA_COLUMNS])
            self._open[source] = (handle, writer, width)
        return self._open[source]

    def close(self) -> None:
        for handle, _, _ in self._open.values():
            handle.close()
        self._open.clear()

    def __enter__(self) -> RejectsFiles:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _in_columns(rejection: Rejection, width: int, reloaded: bool) -> list[object]:
    """The rejected row under its header's columns, then its line and reason under theirs.

    A short row (a truncated line) is padded with blanks, so ``rejected_line`` never lands
    under a data column; a long row keeps the values that fit and its reason names the
    rest. A reloaded rejects file's old line and reason are replaced, not repeated.
    """
    row = list(rejection.row or ())
    read_as = width + (len(EXTRA_COLUMNS) if reloaded else 0)  # the fields the reader expected
    reason = rejection.reason
    if len(row) > read_as:
        reason += f" (beyond the last column: {', '.join(map(repr, row[read_as:]))})"
    row = row[:width] + [""] * (width - len(row))
    return [*row, rejection.line, reason]


def _header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        return next(csv.reader(handle), [])


def _one_line(text: str) -> str:
    return " ".join(text.split())
