"""The same NPI twice in one load: the first wins, the later one is a rejection.

Within a profile file the reader reports a duplicate with the line it was first seen on.
Across the files of one load (and within an NPPES file) we only need to know *which
file* had it first, for up to the ~9 million NPIs of a full NPPES file, so each file gets
a sparse bitmap over the NPI body (the first nine digits; the tenth is their check
digit): a few MB for NPPES, kilobytes for a roster, not a dict of millions of strings.
Within one profile file the line an NPI was first accepted on is kept in two flat arrays
(``FirstLines``): 8 bytes per profile, where a dict of NPI strings took ~110-125.
"""

from __future__ import annotations

from array import array

from indexer.records import Category, Record, Rejection

_PAGE_BITS = 1 << 15  # 4 KB of bitmap per 32,768 consecutive NPI bodies
_UINT32 = (1 << 32) - 1


class NpiBitmap:
    """A set of valid NPIs, stored as bits in lazily allocated pages."""

    def __init__(self) -> None:
        self._pages: dict[int, bytearray] = {}

    def __contains__(self, npi: str) -> bool:
        page, bit = divmod(int(npi[:9]), _PAGE_BITS)
        bits = self._pages.get(page)
        return bits is not None and bool(bits[bit >> 3] & (1 << (bit & 7)))

    def add(self, npi: str) -> bool:
        """Add ``npi``; True when it was not there yet (one lookup for both questions)."""
        page, bit = divmod(int(npi[:9]), _PAGE_BITS)
        bits = self._pages.get(page)
        if bits is None:
            bits = self._pages[page] = bytearray(_PAGE_BITS // 8)
        mask = 1 << (bit & 7)
        new = not bits[bit >> 3] & mask
        bits[bit >> 3] |= mask
        return new


class SeenNpis:
    """Every NPI accepted so far in one load, by file. Share one across a load's readers."""

    def __init__(self) -> None:
        self._files: dict[str, NpiBitmap] = {}

    def check(self, record: Record, source: str, line: int) -> Record:
        """The record, or a duplicate-NPI rejection when an earlier row had its NPI."""
        if isinstance(record, Rejection):
            return record
        npi = record["npi"]
        first = next((name for name, seen in self._files.items() if npi in seen), None)
        if first is None:
            bitmap = self._files.get(source)
            if bitmap is None:  # the file's first NPI
                bitmap = self._files[source] = NpiBitmap()
            bitmap.add(npi)
            return record
        where = "earlier in this file" if first == source else f"in {first}"
        return Rejection(source, line, Category.DUPLICATE_NPI, f"first seen {where}", npi=npi)


class FirstLines:
    """NPI -> the line it was first accepted on, for "first seen at line N" messages.

    Membership is a bitmap; the lines sit in two arrays in file order. Looking a line up
    scans the array (C speed, a few ms at 3,000,000), which only a duplicate pays for.
    """

    def __init__(self) -> None:
        self._seen = NpiBitmap()
        # Real NPIs start with 1 or 2, so they fit 4 bytes; any other goes in a small dict.
        self._npis = array("I")
        self._lines = array("I")  # 4 bytes: a file of over 4 billion lines is not a roster
        self._wide: dict[int, int] = {}

    def setdefault(self, npi: str, line: int) -> int:
        """The line ``npi`` was first given with; ``line`` itself when it is new."""
        number = int(npi)
        if not self._seen.add(npi):
            first = self._first(number)
            if first is not None:
                return first
            # else the same 9-digit body with another check digit: not the same NPI
        if number > _UINT32:
            self._wide[number] = line
        else:
            self._npis.append(number)
            self._lines.append(line)
        return line

    def _first(self, number: int) -> int | None:
        if number > _UINT32:
            return self._wide.get(number)
        try:
            return self._lines[self._npis.index(number)]
        except ValueError:
            return None
