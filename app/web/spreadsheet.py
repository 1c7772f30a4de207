"""An Excel workbook (.xlsx) of rows, with types a spreadsheet cannot get wrong.

openpyxl in write-only mode: rows go straight to a temporary file, so memory stays flat
however many rows the export holds. Columns named in ``text_columns`` are text cells with
the text number format ("@"), so ZIP 06106 stays 06106 in Excel, LibreOffice and Numbers,
and a cell is never stored as a formula (openpyxl would read a leading "=" as one).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

MAX_WIDTH = 48


def _cell(sheet, value, text: bool, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with "=": never a formula
    if text:
        cell.number_format = "@"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _widths(sheet, columns: Sequence[str]) -> None:
    for index, name in enumerate(columns):
        letter = chr(ord("A") + index) if index < 26 else "A" + chr(ord("A") + index - 26)
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(10, len(name) + 4))


def workbook(
    columns: Sequence[str],
    text_columns: frozenset[str],
    rows: Iterable[Sequence],
    about: Iterable[tuple[str, str]],
) -> bytes:
    """A workbook with the rows on a "Physicians" sheet and ``about`` on "About this list"."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Physicians")
    _widths(sheet, columns)
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, name, False, bold=True) for name in columns])
    is_text = [name in text_columns for name in columns]
    for row in rows:
        sheet.append([_cell(sheet, value, text) for value, text in zip(row, is_text, strict=True)])
    notes = book.create_sheet("About this list")
    for label, value in about:
        notes.append([_cell(notes, label, False, bold=True), _cell(notes, value, False)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
