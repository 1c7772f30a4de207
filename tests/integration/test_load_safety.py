"""Loads that must not lose the directory: safety gates, exit codes, rejects files, the
loader lock and duplicates across files, through ``python -m indexer`` on the real node."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT

from directory.indices import vocabulary_alias
from directory.vocabulary import default_vocabulary
from indexer import lifecycle
from indexer.cli import Exit, cli
from indexer.demo import claims_from_vocabulary, generate
from indexer.load import built_vocabulary_fingerprint, rebuild, vocabulary_fingerprint
from indexer.lock import LOCK_INDEX, LoaderLock
from indexer.synonyms import vocabulary_documents


@pytest.fixture(scope="module")
def profiles():
    return list(generate(600, 17, claims_from_vocabulary()))


def broken(profile: dict) -> dict:
    """A profile the loader must reject: its only practice ZIP is not a ZIP."""
    return {**profile, "locations": [{**profile["locations"][0], "zip": "ABCDE"}]}


def write(path, rows) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def load(alias, *args, rejects=None):
    """``python -m indexer load`` in-process; rejects go to the test's folder, not fixtures."""
    options = ["--rejects", str(rejects)] if rejects else []
    runner = CliRunner(env={"PHYSICIAN_INDEX_ALIAS": alias})
    return runner.invoke(cli, ["load", *options, *map(str, args)])


def ids(es, alias) -> set[str]:
    found = es.search(index=alias, size=10_000, _source=False, query={"match_all": {}})
    return {hit["_id"] for hit in found["hits"]["hits"]}


@pytest.fixture
def live(es, alias, profiles):
    """The alias serving the first 300 profiles, as a previous good load left it."""
    tally = rebuild(es, alias, iter(profiles[:300]), default_vocabulary())
    assert tally.indexed == 300, tally.as_text()
    return lifecycle.indices_of(es, alias)


def test_a_mostly_rejected_export_does_not_replace_the_directory(es, alias, live, profiles,
                                                                 tmp_path):  # fmt: skip
    export = write(tmp_path / "export.jsonl", profiles[:1] + [broken(p) for p in profiles[1:301]])
    result = load(alias, export, rejects=tmp_path)
    assert result.exit_code == Exit.REFUSED, result.output
    assert "refused by a safety gate" in result.stderr
    assert "1 documents would replace 300" in result.stderr
    assert "300 of 301 rows rejected" in result.stderr
    assert "read 301 = indexed 1 + rejected 300 + skipped 0" in result.stdout
    assert lifecycle.indices_of(es, alias) == live and es.count(index=alias)["count"] == 300
    assert lifecycle.status(es, alias).orphans == ()
    rejects = (tmp_path / "export.rejects.jsonl").read_text().splitlines()
    assert sum(not line.startswith("#") for line in rejects) == 300
    assert es.get(index=LOCK_INDEX, id=alias, ignore=404)["found"] is False  # released


def test_overriding_the_gates_is_explicit_and_said_aloud(es, alias, live, profiles, tmp_path):
    export = write(tmp_path / "export.jsonl", profiles[:1] + [broken(p) for p in profiles[1:301]])
    result = load(alias, "--allow-shrink", "--allow-rejects", export, rejects=tmp_path)
    assert result.exit_code == Exit.REJECTS, result.output
    assert "WARNING: --allow-shrink given" in result.stderr
    assert "note: gate 'shrink' overridden: 1 documents would replace 300" in result.stdout
    assert "note: gate 'rejects' overridden" in result.stdout
    assert es.count(index=alias)["count"] == 1


def test_a_smaller_roster_needs_a_lower_limit(es, alias, live, profiles, tmp_path):
    smaller = write(tmp_path / "smaller.jsonl", profiles[:200])
    refused = load(alias, smaller, rejects=tmp_path)
    assert refused.exit_code == Exit.REFUSED and "below the 90% gate" in refused.stderr
    assert es.count(index=alias)["count"] == 300
    allowed = load(alias, "--min-kept", "60", smaller, rejects=tmp_path)
    assert allowed.exit_code == Exit.OK, allowed.output
    assert es.count(index=alias)["count"] == 200


def test_an_upsert_of_nothing_but_rejects_does_not_exit_zero(es, alias, live, profiles, tmp_path):
    export = write(tmp_path / "all-bad.jsonl", [broken(p) for p in profiles[300:350]])
    result = load(alias, "--upsert", export, rejects=tmp_path)
    assert result.exit_code == Exit.REFUSED, result.output
    assert "50 of 50 rows rejected" in result.stderr
    assert "refused by a safety gate, nothing written and nothing deleted" in result.stderr
    assert es.count(index=alias)["count"] == 300


def test_a_refused_upsert_says_first_what_it_already_changed(es, alias, live, profiles, tmp_path):
    """An upsert writes as it reads: the gate can only hold back its deletes, and says so."""
    changed = [{**p, "bio": "Changed by the upsert"} for p in profiles[:3]]
    rows = [*changed, profiles[300], *(broken(p) for p in profiles[301:331])]
    result = load(alias, "--upsert", write(tmp_path / "mixed.jsonl", rows), rejects=tmp_path)
    assert result.exit_code == Exit.REFUSED, result.output
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith(
        f"load --upsert changed the live index: 4 profiles written in place are live in "
        f"'{alias}' now (1 created, 3 updated); a safety gate then withheld its deletions "
        "(none were due): 30 of 34 rows rejected"
    ), message
    es.indices.refresh(index=alias)
    assert es.get(index=alias, id=profiles[0]["npi"])["_source"]["bio"] == "Changed by the upsert"
    assert es.count(index=alias)["count"] == 301


def test_rejects_under_the_limit_load_the_rest_and_say_so(es, alias, live, profiles, tmp_path):
    rows = profiles[300:600] + [broken(p) for p in profiles[:2]]  # 2 of 302: under 1%
    result = load(alias, "--upsert", write(tmp_path / "more.jsonl", rows), rejects=tmp_path)
    assert result.exit_code == Exit.REJECTS, result.output
    assert "read 302 = indexed 300 + rejected 2 + skipped 0 + bulk errors 0" in result.stdout
    assert es.count(index=alias)["count"] == 600


def test_the_summary_says_how_many_rejection_lines_it_did_not_print(alias, profiles, tmp_path):
    rows = profiles[:20] + [broken(p) for p in profiles[20:270]]
    export = write(tmp_path / "export.jsonl", rows)
    result = load(alias, "--show", "10", "--allow-rejects", export, rejects=tmp_path)
    assert result.exit_code == Exit.REJECTS, result.output
    assert result.stdout.count("  rejected: ") == 10
    assert "... 240 more rejection lines not printed" in result.stdout
    assert "every one is in the rejects file" in result.stdout


def fix_zips(path) -> None:
    """What the roster's maintainer does: give every rejected row a real ZIP."""
    path.write_text(path.read_text().replace('"zip": "ABCDE"', '"zip": "06106"'))


def test_rejects_file_round_trip_fix_reload_nothing_lost(es, alias, profiles, tmp_path):
    roster = profiles[:400]
    rows = roster[:395] + [broken(p) for p in roster[395:]]
    first = load(alias, "--max-rejected", "2", write(tmp_path / "roster.jsonl", rows))
    assert first.exit_code == Exit.REJECTS, first.output
    rejects = tmp_path / "roster.rejects.jsonl"  # beside the input by default
    assert f"rejects file: {rejects} (5 rows to fix and load again)" in first.stdout
    fix_zips(rejects)
    again = load(alias, "--upsert", rejects, rejects=tmp_path / "second")
    assert again.exit_code == Exit.OK, again.output
    es.indices.refresh(index=alias)
    assert ids(es, alias) == {p["npi"] for p in roster}  # nothing lost


def test_csv_rejects_round_trip(es, alias, tmp_path):
    header = "npi,last_name,specialty_codes,zip,source,last_verified"
    good = [f"{npi},Lee,207Q00000X,06106,roster,2024-05-01" for npi in GOOD_NPIS]
    bad = [
        f"{BAD_NPI},Short,207Q00000X,06106,roster",
        f"{ZIPLESS},Nozip,207Q00000X,,roster,2024-05-01",
    ]
    roster = tmp_path / "roster.csv"
    roster.write_text("\n".join([header, *good, *bad]) + "\n")
    assert load(alias, "--allow-rejects", roster).exit_code == Exit.REJECTS
    rejects = tmp_path / "roster.rejects.csv"
    text = rejects.read_text()
    assert text.splitlines()[0] == header + ",rejected_line,rejected_reason"
    # The cut-off row came back with every column, blank where it was cut: fill it in.
    fixed = text.replace(
        ",Short,207Q00000X,06106,roster,,", ",Short,207Q00000X,06106,roster,2024-05-01,"
    )
    fixed = fixed.replace(",Nozip,207Q00000X,,", ",Nozip,207Q00000X,06106,")
    rejects.write_text(fixed)
    assert load(alias, "--upsert", rejects, rejects=tmp_path / "again").exit_code == Exit.OK
    es.indices.refresh(index=alias)
    assert ids(es, alias) == {*GOOD_NPIS, BAD_NPI, ZIPLESS}


GOOD_NPIS = ["1234567893", "1000000012", "1000000020"]
BAD_NPI, ZIPLESS = "1000000038", "1000000046"


def test_the_same_npi_in_two_files_of_an_upsert_is_reported_not_overwritten(
    es, alias, live, profiles, tmp_path
):
    first = write(tmp_path / "a.jsonl", [profiles[400]])
    second = write(tmp_path / "b.jsonl", [{**profiles[400], "bio": "Overwritten"}, profiles[401]])
    result = load(alias, "--upsert", "--max-rejected", "50", first, second, rejects=tmp_path)
    assert result.exit_code == Exit.REJECTS, result.output
    assert f"b.jsonl:1: duplicate NPI: first seen in {first}" in result.stdout
    doc = es.get(index=alias, id=profiles[400]["npi"])["_source"]
    assert doc["bio"] == profiles[400]["bio"]  # the first file wins, as in a rebuild


def test_a_second_loader_is_turned_away_with_its_own_exit_code(es, alias, live, profiles,
                                                                tmp_path):  # fmt: skip
    roster = write(tmp_path / "roster.jsonl", profiles[:300])
    with LoaderLock(es, alias, "load --rebuild"):
        refused = load(alias, roster, rejects=tmp_path)
        assert refused.exit_code == Exit.LOCKED, refused.output
        assert f"alias '{alias}' is being loaded by load --rebuild (process {os.getpid()}" in (
            refused.stderr
        )
        assert load(alias, "--upsert", roster).exit_code == Exit.LOCKED
        rollback = CliRunner(env={"PHYSICIAN_INDEX_ALIAS": alias}).invoke(cli, ["rollback"])
        assert rollback.exit_code == Exit.LOCKED
    assert lifecycle.indices_of(es, alias) == live  # nothing happened while it was held
    assert load(alias, roster, rejects=tmp_path).exit_code == Exit.OK  # free again


def plant_lock(es, alias, **holder) -> None:
    es.indices.create(index=LOCK_INDEX, ignore=400)
    es.index(index=LOCK_INDEX, id=alias, document=holder, refresh=True)


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(child.stdout)


def test_a_lock_left_by_a_crashed_loader_is_taken_over_and_said(es, alias, live, profiles,
                                                                 tmp_path):  # fmt: skip
    now = time.time()
    plant_lock(es, alias, host=socket.gethostname(), pid=dead_pid(), command="load --rebuild",
               started=now - 60, heartbeat=now - 5)  # fmt: skip
    result = load(alias, write(tmp_path / "roster.jsonl", profiles[:300]), rejects=tmp_path)
    assert result.exit_code == Exit.OK, result.output
    assert "took over the loader lock of load --rebuild" in result.stdout
    assert "is no longer running" in result.stdout


def test_a_lock_held_on_another_host_counts_until_its_heartbeat_stops(es, alias, live, profiles,
                                                                       tmp_path):  # fmt: skip
    roster = write(tmp_path / "roster.jsonl", profiles[:300])
    now = time.time()
    holder = {"host": "loader-2.example", "pid": 4242, "command": "load --upsert", "started": now}
    plant_lock(es, alias, **holder, heartbeat=now)
    busy = load(alias, roster, rejects=tmp_path)
    assert busy.exit_code == Exit.LOCKED and "on loader-2.example" in busy.stderr
    plant_lock(es, alias, **holder, heartbeat=now - 3600)
    taken = load(alias, roster, rejects=tmp_path)
    assert taken.exit_code == Exit.OK and "no heartbeat for 3,60" in taken.stdout


def test_ensure_works_from_any_working_directory(es, alias, tmp_path):
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "indexer", "ensure"]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert es.count(index=alias)["count"] >= 1000  # the NPPES sample at least
    assert lifecycle.indices_of(es, vocabulary_alias(alias))  # vocabulary after physicians
    again = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert again.returncode == 0 and "exists; nothing to load" in again.stdout


def test_ensure_after_an_upgrade_rebuilds_a_vocabulary_index_older_than_the_files(es, alias):
    """A checkout pulled to a new vocabulary kept serving the old vocabulary index on
    `make run` ("nothing to load"): autocomplete and "did you mean" lacked the new words."""
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "indexer", "ensure"]
    assert subprocess.run(command, env=env, capture_output=True, text=True).returncode == 0
    current = vocabulary_fingerprint(default_vocabulary())
    assert built_vocabulary_fingerprint(es, alias) == current
    target = vocabulary_alias(alias)
    (older,) = lifecycle.indices_of(es, target)
    es.indices.put_mapping(index=older, body={"_meta": {"vocabulary_fingerprint": "older"}})
    upgraded = subprocess.run(command, env=env, capture_output=True, text=True)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "vocabulary index was older than data/vocabulary: rebuilt" in upgraded.stdout
    assert built_vocabulary_fingerprint(es, alias) == current
    assert lifecycle.indices_of(es, target) != [older]
    assert es.count(index=target)["count"] == len(list(vocabulary_documents(default_vocabulary())))
    again = subprocess.run(command, env=env, capture_output=True, text=True)
    assert "exists; nothing to load" in again.stdout


def test_delete_refuses_what_is_not_an_npi(alias):
    result = CliRunner(env={"PHYSICIAN_INDEX_ALIAS": alias}).invoke(cli, ["delete", "12345678"])
    assert result.exit_code == Exit.USAGE
    assert "an NPI is 10 digits" in result.output


def test_a_profile_verified_in_the_future_is_left_out_and_reported_on_its_line(
    es, alias, live, profiles, tmp_path
):
    """ "Accepting new patients as of January 1, 2099": impossible, so never loaded."""
    future = {**profiles[300], "last_verified": "2099-01-01"}
    rows = [*profiles[:300], future]  # 1 of 301: under the gate, so the rest loads
    result = load(alias, "--upsert", write(tmp_path / "roster.jsonl", rows), rejects=tmp_path)
    assert result.exit_code == Exit.REJECTS, result.output
    assert "roster.jsonl:301: date in the future: last_verified 2099-01-01" in result.stdout
    assert es.get(index=alias, id=future["npi"], ignore=404)["found"] is False
    rejects = (tmp_path / "roster.rejects.jsonl").read_text().splitlines()
    assert "# line 301: date in the future: last_verified 2099-01-01" in rejects
    checked = CliRunner().invoke(cli, ["validate", str(tmp_path / "roster.jsonl")])
    assert checked.exit_code == Exit.REJECTS
    assert "date in the future: last_verified 2099-01-01" in checked.stdout
