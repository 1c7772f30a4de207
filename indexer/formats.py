"""Which reader a file needs (the NPPES layout or our own profile formats), and reading
the several files of one load as one stream."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from indexer.duplicates import SeenNpis
from indexer.records import Record

_NPPES_HEADER = (b'"NPI","Entity Type Code"', b"NPI,Entity Type Code")
PROFILE_SUFFIXES = (".jsonl", ".ndjson", ".csv")


def detect_format(path: Path) -> str:
    """ "nppes" when the header is the NPPES one, else "profiles"."""
    with open(path, "rb") as handle:
        head = handle.read(64).removeprefix(b"\xef\xbb\xbf")
    return "nppes" if head.startswith(_NPPES_HEADER) else "profiles"


def file_kind(path: Path, fmt: str = "auto") -> str:
    """ "nppes", "csv" (our profile columns) or "jsonl": how a row of ``path`` is written."""
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "nppes":
        return "nppes"
    return "csv" if path.suffix.lower() == ".csv" else "jsonl"


def unreadable(path: Path, fmt: str = "auto") -> str | None:
    """Why ``path`` can't be read as ``fmt`` (checked before a load starts), or None."""
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "profiles" and path.suffix.lower() not in PROFILE_SUFFIXES:
        return f"{path}: profile files are .jsonl, .ndjson or .csv (NPPES: by its header)"
    return None


def read_any(path: Path, fmt: str = "auto", *, seen: SeenNpis | None = None) -> Iterator[Record]:
    from indexer.sources.nppes import read_nppes
    from indexer.sources.profiles import read_profiles

    fmt = detect_format(path) if fmt == "auto" else fmt
    return read_nppes(path, seen=seen) if fmt == "nppes" else read_profiles(path, seen=seen)


def read_files(paths: Iterable[Path], fmt: str = "auto") -> Iterator[Record]:
    """Every file's records in turn; an NPI already loaded from an earlier file is a
    duplicate, rejected like one within a file."""
    seen = SeenNpis()
    for path in paths:
        yield from read_any(path, fmt, seen=seen)
