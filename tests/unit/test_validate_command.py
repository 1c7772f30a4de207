"""``indexer validate`` in a script: its exit code says whether the file would load cleanly.

The same codes as ``load`` (docs/data-format.md): 0 clean, 3 rows rejected (a load would
go ahead and say so), 4 a load would be refused (mostly rejects, an unusable file, nothing
at all). Validate needs no search node: these run the command as an operator does.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory.npi import npi_check_digit
from indexer.cli import Exit, cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def npi(number: int) -> str:
    stem = f"17{number:07d}"
    return stem + str(npi_check_digit(stem))


def roster(path: Path, good: int, bad: int = 0) -> Path:
    rows = [
        {"npi": npi(n), "name": {"last": "Lee"}, "specialties": ["207Q00000X"],
         "locations": [{"zip": "06106"}], "source": "roster", "last_verified": "2024-05-01"}
        for n in range(good + bad)
    ]  # fmt: skip
    for row in rows[good:]:
        row["locations"] = [{"zip": "ABCDE"}]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def validate(*args) -> object:
    return CliRunner().invoke(cli, ["validate", *map(str, args)])


def test_a_clean_file_exits_zero(tmp_path):
    result = validate(roster(tmp_path / "clean.jsonl", good=5))
    assert result.exit_code == Exit.OK, result.output
    assert "rejected 0" in result.stdout


def test_a_few_rejected_rows_exit_3_as_a_load_would(tmp_path):
    result = validate(roster(tmp_path / "some.jsonl", good=200, bad=1))
    assert result.exit_code == Exit.REJECTS, result.output
    assert "rejected: " in result.stdout and "missing or invalid practice ZIP" in result.stdout
    assert "1 row rejected" in result.stderr


def test_random_bytes_exit_4_a_load_would_be_refused(tmp_path):
    noise = random.Random(25)
    line = bytes.maketrans(b"\r\n", b"xx")  # 25 lines of bytes, none of them UTF-8
    lines = (b"\xff" + noise.randbytes(40).translate(line) for _ in range(25))
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\n".join(lines) + b"\n")
    result = validate(junk)
    assert result.exit_code == Exit.REFUSED, result.output
    assert "rejected 25" in result.stdout
    assert "a load would be refused by a safety gate" in result.stderr
    assert "25 of 25 rows rejected" in result.stderr


def test_a_semicolon_csv_exits_4(tmp_path):
    result = validate(FIXTURES / "profiles-semicolon.csv")
    assert result.exit_code == Exit.REFUSED, result.output
    assert "header not recognised" in result.stdout
    assert "a load would be refused by a safety gate" in result.stderr


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.csv"])
def test_an_empty_file_exits_4(tmp_path, name):
    empty = tmp_path / name
    empty.write_text("")
    result = validate(empty)
    assert result.exit_code == Exit.REFUSED, result.output
    assert "no documents would be left" in result.stderr


def test_the_rejects_limit_is_the_loads(tmp_path):
    path = roster(tmp_path / "some.jsonl", good=95, bad=5)
    assert validate(path).exit_code == Exit.REFUSED
    assert validate("--max-rejected", "10", path).exit_code == Exit.REJECTS
    assert validate("--allow-rejects", path).exit_code == Exit.REJECTS


def test_json_output_stays_json_and_carries_the_verdict(tmp_path):
    result = validate("--json", FIXTURES / "profiles-semicolon.csv")
    assert result.exit_code == Exit.REFUSED
    summary = json.loads(result.stdout)
    assert summary["rejected"] == 1 and summary["exit_code"] == Exit.REFUSED
    assert any("1 of 1 rows rejected" in message for message in summary["refused"])


def test_a_dry_run_load_exits_like_validate(tmp_path):
    semicolons = FIXTURES / "profiles-semicolon.csv"
    result = CliRunner().invoke(cli, ["load", "--dry-run", str(semicolons)])
    assert result.exit_code == Exit.REFUSED, result.output
    clean = roster(tmp_path / "clean.jsonl", good=3)
    assert CliRunner().invoke(cli, ["load", "--dry-run", str(clean)]).exit_code == Exit.OK
