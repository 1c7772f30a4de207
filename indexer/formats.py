"""Which reader a file needs: the NPPES layout or our own profile formats."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from indexer.records import Record

_NPPES_HEADER = (b'"NPI","Entity Type Code"', b"NPI,Entity Type Code")


def detect_format(path: Path) -> str:
    """ "nppes" when the header is the NPPES one, else "profiles"."""
    with open(path, "rb") as handle:
        head = handle.read(64).removeprefix(b"\xef\xbb\xbf")
    return "nppes" if head.startswith(_NPPES_HEADER) else "profiles"


PROFILE_SUFFIXES = (".jsonl", ".ndjson", ".csv")


def unreadable(path: Path, fmt: str = "auto") -> str | None:
    """Why ``path`` can't be read as ``fmt`` (checked before a load starts), or None."""
    fmt = detect_format(path) if fmt == "auto" else fmt
    if fmt == "profiles" and path.suffix.lower() not in PROFILE_SUFFIXES:
        return f"{path}: profile files are .jsonl, .ndjson or .csv (NPPES: by its header)"
    return None


def read_any(path: Path, fmt: str = "auto") -> Iterator[Record]:
    from indexer.sources.nppes import read_nppes
    from indexer.sources.profiles import read_profiles

    fmt = detect_format(path) if fmt == "auto" else fmt
    return read_nppes(path) if fmt == "nppes" else read_profiles(path)
