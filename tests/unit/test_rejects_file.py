"""Rejects files hold every rejected row in its own format, ready to fix and load again."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from indexer.formats import detect_format, read_any, read_files
from indexer.records import Category, Rejection
from indexer.rejects import RejectsFiles, rejects_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def write_rejects(paths: list[Path], folder: Path) -> RejectsFiles:
    with RejectsFiles(paths, folder=folder) as rejects:
        for _ in rejects.tap(read_files(paths)):
            pass
    return rejects


def rejections(path: Path) -> list[Rejection]:
    return [r for r in read_any(path) if isinstance(r, Rejection) and not r.skipped]


def test_jsonl_rejects_keep_each_line_as_it_was_after_its_reason(tmp_path):
    source = FIXTURES / "profiles.jsonl"
    rejects = write_rejects([source], tmp_path)
    target = tmp_path / "profiles.rejects.jsonl"
    assert rejects.written == {target: 7}
    lines = target.read_text(encoding="utf-8").splitlines()
    original = source.read_text(encoding="utf-8-sig").splitlines()
    assert lines[2] == "# line 3: invalid JSON: Expecting ',' delimiter at column 48"
    assert lines[3] == original[2]  # the broken line, byte for byte
    assert "# line 4: duplicate NPI: first seen at line 1" in lines


def test_reading_a_rejects_file_gives_the_same_problems_again(tmp_path):
    source = FIXTURES / "profiles.jsonl"
    write_rejects([source], tmp_path)
    before = [(r.category, r.detail) for r in rejections(source)]
    again = [(r.category, r.detail) for r in rejections(tmp_path / "profiles.rejects.jsonl")]
    # Same problems, comments ignored; only the duplicate changes: its first is not here.
    assert [c for c, _ in again] == [c for c, _ in before if c is not Category.DUPLICATE_NPI]


def test_csv_rejects_add_the_line_and_reason_as_columns_the_reader_ignores(tmp_path):
    source = FIXTURES / "profiles.csv"
    write_rejects([source], tmp_path)
    with open(tmp_path / "profiles.rejects.csv", newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[-2:] == ["rejected_line", "rejected_reason"]
    assert [row[-2:] for row in rows] == [
        ["4", "duplicate NPI: first seen at line 2"],
        ["5", "short row: 9 columns, expected 28"],
    ]
    assert rows[0][: len(header) - 2][0] == "1234567893"
    # Reloaded, the duplicate's first copy isn't in this file: it is a profile again. The
    # short row came back padded to the header's columns, so it is judged on what it holds:
    # its ZIP was cut off.
    again = list(read_any(tmp_path / "profiles.rejects.csv"))
    assert [r["npi"] for r in again if isinstance(r, dict)] == ["1234567893"]
    assert [r.category for r in again if isinstance(r, Rejection)] == [Category.INVALID_ZIP]


def test_nppes_rejects_stay_an_nppes_file_with_their_undecodable_bytes(tmp_path):
    source = FIXTURES / "nppes-broken.csv"
    write_rejects([source], tmp_path)
    target = tmp_path / "nppes-broken.rejects.csv"
    assert detect_format(target) == "nppes"
    assert b'"WALTER\xff\xfe"' in target.read_bytes()  # written back exactly as read
    # Skipped rows are not written; a short row is written padded to the header's columns,
    # so reloaded it is judged on what it holds (its practice address was cut off).
    before = [r.category for r in rejections(source)]
    padded = [Category.INVALID_ZIP if c is Category.SHORT_ROW else c for c in before]
    assert Category.SHORT_ROW in before
    assert [r.category for r in rejections(target)] == padded


def test_a_reloaded_csv_rejects_file_gets_fresh_line_numbers_not_extra_columns(tmp_path):
    first = tmp_path / "one"
    write_rejects([FIXTURES / "profiles.csv"], first)
    second = tmp_path / "two"
    write_rejects([first / "profiles.rejects.csv"], second)
    with open(second / "profiles.rejects.rejects.csv", newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    assert header.count("rejected_line") == 1
    assert [len(row) for row in rows] == [len(header)] * len(rows)
    assert rows[-1][-2:] == ["3", "missing or invalid practice ZIP: location 1"]


def test_rejects_go_beside_the_input_by_default_and_never_over_it(tmp_path):
    roster = tmp_path / "roster.jsonl"
    shutil.copy(FIXTURES / "profiles.jsonl", roster)
    assert rejects_path(roster) == tmp_path / "roster.rejects.jsonl"
    write_rejects([roster], None)
    assert (tmp_path / "roster.rejects.jsonl").exists()
    clash = tmp_path / "x.rejects.jsonl"
    clash.write_text("")
    assert rejects_path(tmp_path / "x.jsonl") == clash
    with pytest.raises(ValueError, match="would overwrite an input"):
        RejectsFiles([tmp_path / "x.jsonl", clash])


def _rejects_rows(path: Path) -> tuple[list[str], list[dict[str, str]], list[list[str]]]:
    with open(path, newline="", encoding="utf-8", errors="surrogateescape") as handle:
        header, *rows = list(csv.reader(handle))
    return header, [dict(zip(header, row, strict=False)) for row in rows], rows


def test_a_short_or_long_csv_row_keeps_its_line_and_reason_under_their_own_columns(tmp_path):
    header = "npi,last_name,first_name,specialty_codes,zip,source,last_verified"
    roster = tmp_path / "roster.csv"
    roster.write_text(
        f"{header}\n"
        "1000000004,Short,Row\n"  # cut off: three of seven columns
        "1000000012,Long,Row,207Q00000X,06106,roster,2024-05-01,spilled,over\n"
    )
    write_rejects([roster], tmp_path / "out")
    columns, rows, raw = _rejects_rows(tmp_path / "out" / "roster.rejects.csv")
    assert columns == [*header.split(","), "rejected_line", "rejected_reason"]
    assert [len(row) for row in raw] == [len(columns)] * 2  # every row has the header's columns
    short, long = rows
    assert (short["npi"], short["last_name"], short["first_name"]) == ("1000000004", "Short", "Row")
    assert short["rejected_line"] == "2"
    assert short["rejected_reason"] == "short row: 3 columns, expected 7"
    assert long["last_verified"] == "2024-05-01" and long["rejected_line"] == "3"
    # What did not fit is not lost: the reason names it.
    assert long["rejected_reason"].startswith("long row: 9 columns, expected 7")
    assert "'spilled', 'over'" in long["rejected_reason"]


def test_a_short_nppes_row_keeps_its_line_and_reason_under_their_own_columns(tmp_path):
    write_rejects([FIXTURES / "nppes-broken.csv"], tmp_path)
    columns, rows, raw = _rejects_rows(tmp_path / "nppes-broken.rejects.csv")
    assert {len(row) for row in raw} == {len(columns)}
    short = [row for row in rows if row["rejected_reason"].startswith("short row")]
    assert short and all(row["rejected_line"].isdigit() for row in short)
