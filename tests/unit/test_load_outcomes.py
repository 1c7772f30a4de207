"""What an operator is told after a load: the tally adds up, the gates refuse bad loads,
duplicates across files are named, and a stale loader lock is recognised. Pure code."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from directory.npi import is_valid_npi
from indexer.duplicates import NpiBitmap
from indexer.formats import read_files
from indexer.gates import Gates
from indexer.lock import stale_reason
from indexer.records import Category, Rejection
from indexer.sources.profiles import validate_profile
from indexer.tally import Tally

GOOD = {
    "name": {"last": "Lee"},
    "specialties": ["207Q00000X"],
    "locations": [{"zip": "06106"}],
    "source": "clinic-roster",
    "last_verified": "2024-05-01",
}


def profile(npi: str, **changes) -> dict:
    return {"npi": npi, **GOOD, **changes}


def write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def tally_of(accepted: int, rejected: int, skipped: int = 0) -> Tally:
    tally = Tally(mode="rebuild")
    for n in range(accepted):
        tally.add({"npi": str(n)})
    for n in range(rejected):
        tally.add(Rejection("r.csv", n + 2, Category.INVALID_ZIP, npi="1234567893"))
    for n in range(skipped):
        tally.add(Rejection("r.csv", n + 2, Category.ORGANIZATION))
    tally.indexed = accepted
    return tally


def test_the_summary_reconciles_what_was_read():
    tally = tally_of(accepted=1, rejected=300, skipped=4)
    text = tally.as_text()
    assert "read 305 = indexed 1 + rejected 300 + skipped 4 + bulk errors 0" in text
    assert "DOES NOT ADD UP" not in text
    assert tally.rejected_share == 300 / 301  # skipped rows are not errors


def test_a_mostly_rejected_rebuild_is_refused_and_an_override_is_said_aloud():
    tally = tally_of(accepted=1, rejected=300)
    [shrink, rejects] = Gates().check(tally, live=300, kept=1)
    assert (shrink.gate, shrink.overridden) == ("shrink", False)
    assert "1 documents would replace 300" in shrink.message
    assert "300 of 301 rows rejected" in rejects.message and "1% gate" in rejects.message
    allowed = Gates(allow_shrink=True, allow_rejects=True).check(tally, live=300, kept=1)
    assert all(r.overridden for r in allowed)


def test_the_gates_let_a_normal_load_through():
    tally = tally_of(accepted=995, rejected=5, skipped=400)
    assert Gates().check(tally, live=1000, kept=995) == []
    assert Gates().check(tally_of(10, 0), live=None, kept=10) == []  # a first load


def test_the_limits_are_configurable():
    tally = tally_of(accepted=80, rejected=4)
    assert [r.gate for r in Gates().check(tally, live=100, kept=80)] == ["shrink", "rejects"]
    assert Gates(min_kept=0.75, max_rejected=0.05).check(tally, live=100, kept=80) == []


def test_an_empty_result_is_refused_even_with_every_override():
    gates = Gates(allow_shrink=True, allow_rejects=True)
    [empty, rejects] = gates.check(tally_of(0, 3), live=10, kept=0)
    assert (empty.gate, empty.overridden) == ("empty", False)


def test_the_same_npi_in_two_files_is_a_duplicate_naming_the_first_file(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_jsonl(first, [profile("1234567893"), profile("1000000012")])
    write_jsonl(second, [profile("1000000020"), profile("1234567893", name={"last": "Other"})])
    records = list(read_files([first, second]))
    accepted = [r["npi"] for r in records if isinstance(r, dict)]
    assert accepted == ["1234567893", "1000000012", "1000000020"]
    [duplicate] = [r for r in records if isinstance(r, Rejection)]
    assert (duplicate.source, duplicate.line, duplicate.category) == (
        str(second), 2, Category.DUPLICATE_NPI,
    )  # fmt: skip
    assert duplicate.reason == f"duplicate NPI: first seen in {first}"


def test_npi_bitmaps_remember_exactly_what_was_added():
    seen = NpiBitmap()
    for npi in ("1234567893", "1999999992", "2000000008"):
        seen.add(npi)
    assert "1234567893" in seen and "2000000008" in seen
    assert "1234567901" not in seen and "1000000012" not in seen


def test_a_lock_whose_process_is_gone_is_stale():
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    now = time.time()
    gone = {"host": socket.gethostname(), "pid": int(child.stdout), "heartbeat": now}
    assert "no longer running" in stale_reason(gone, now)
    alive = {"host": socket.gethostname(), "pid": os.getpid(), "heartbeat": now}
    assert stale_reason(alive, now) is None


def test_a_lock_from_another_host_is_stale_only_when_its_heartbeat_stops():
    now = time.time()
    elsewhere = {"host": "loader-2.example", "pid": 1, "heartbeat": now - 30}
    assert stale_reason(elsewhere, now) is None
    silent = {**elsewhere, "heartbeat": now - 600}
    assert stale_reason(silent, now) == "no heartbeat for 600 s"


@pytest.mark.parametrize("npi", ["١٢٣٤٥٦٧٨٩٣", "１２３４５６７８９３", "12345678９3", "1234567890"])
def test_the_loader_uses_the_one_npi_check(npi):
    assert not is_valid_npi(npi)
    rejection = validate_profile(profile(npi), "roster.jsonl", 4)
    assert isinstance(rejection, Rejection) and rejection.category is Category.INVALID_NPI
