"""The indexer against the real node: rebuilds never show a half-built index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from itertools import islice

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_NPPES

from directory.vocabulary import default_vocabulary
from indexer import lifecycle
from indexer.cli import cli
from indexer.demo import claims_from_vocabulary, generate
from indexer.load import LoadRefused, rebuild, upsert
from indexer.records import Category, Rejection


@pytest.fixture(scope="module")
def vocabulary():
    return default_vocabulary()


@pytest.fixture(scope="module")
def profiles():
    return list(generate(300, 11, claims_from_vocabulary()))


def live_count(es, alias) -> int:
    return es.count(index=alias)["count"]


def indexed_so_far(es, index) -> int:
    stats = es.indices.stats(index=index, metric="indexing")
    return stats["_all"]["primaries"]["indexing"]["index_total"]


def failing_after(records, n):
    yield from islice(records, n)
    raise RuntimeError("injected failure: source went away mid-load")


def test_rebuild_then_search(es, alias, vocabulary, profiles):
    report = rebuild(es, alias, iter(profiles), vocabulary)
    assert report.indexed == len(profiles) and not report.errors
    assert live_count(es, alias) == len(profiles)
    found = es.search(index=alias, query={"match": {"full_name": "Whitford"}})["hits"]["hits"]
    assert found and found[0]["_source"]["last_name"] == "Whitford"
    settings = es.indices.get_settings(index=alias)[report.index]["settings"]["index"]
    assert "refresh_interval" not in settings  # serving settings restored after the load


def test_failed_rebuild_leaves_the_alias_serving_the_old_index(es, alias, vocabulary, profiles):
    first = rebuild(es, alias, iter(profiles[:100]), vocabulary)
    with pytest.raises(RuntimeError, match="injected failure"):
        rebuild(es, alias, failing_after(iter(profiles), 150), vocabulary)
    assert lifecycle.indices_of(es, alias) == [first.index]
    assert live_count(es, alias) == 100
    assert lifecycle.generations(es, alias) == [first.index]  # the broken index is gone


def test_rebuild_refuses_an_empty_source(es, alias, vocabulary, profiles):
    first = rebuild(es, alias, iter(profiles[:10]), vocabulary)
    with pytest.raises(LoadRefused, match="no documents"):
        rebuild(es, alias, iter([Rejection("x.jsonl", 1, Category.INVALID_NPI)]), vocabulary)
    assert lifecycle.indices_of(es, alias) == [first.index]


def test_rollback_and_exactly_one_previous_index(es, alias, vocabulary, profiles):
    reports = [rebuild(es, alias, iter(profiles[: 10 * (n + 1)]), vocabulary) for n in range(3)]
    assert lifecycle.generations(es, alias) == sorted([reports[1].index, reports[2].index])
    live, previous = lifecycle.rollback(es, alias)
    assert (live, previous) == (reports[1].index, reports[2].index)
    assert live_count(es, alias) == 20


def test_upsert_is_idempotent_and_updates_in_place(es, alias, vocabulary, profiles):
    rebuild(es, alias, iter(profiles[:50]), vocabulary)
    first = upsert(es, alias, iter(profiles[:80]), vocabulary)
    assert first.results["created"] == 30 and first.results["noop"] == 50
    again = upsert(es, alias, iter(profiles[:80]), vocabulary)
    assert again.results == {"noop": 80}
    changed = dict(profiles[0], accepting_new_patients=not profiles[0]["accepting_new_patients"])
    third = upsert(es, alias, iter([changed]), vocabulary)
    assert third.results == {"updated": 1}
    doc = es.get(index=alias, id=changed["npi"])["_source"]
    assert doc["accepting_new_patients"] is changed["accepting_new_patients"]


def test_upsert_deletes_deactivated_physicians(es, alias, vocabulary, profiles):
    rebuild(es, alias, iter(profiles[:20]), vocabulary)
    gone = profiles[3]["npi"]
    report = upsert(
        es, alias, iter([Rejection("n.csv", 4, Category.DEACTIVATED, npi=gone)]), vocabulary
    )
    assert report.deleted == 1
    assert not es.exists(index=alias, id=gone)
    assert live_count(es, alias) == 19


def test_bulk_item_errors_are_reported_with_the_npi(es, alias, vocabulary, profiles):
    duplicate = dict(profiles[5])
    report = rebuild(es, alias, iter(profiles[:20] + [duplicate]), vocabulary)
    assert [e.npi for e in report.errors] == [duplicate["npi"]]
    assert "version_conflict" in report.errors[0].reason
    assert report.indexed == 20 and live_count(es, alias) == 20
    assert f"NPI {duplicate['npi']}" in report.as_text()


def test_validate_reports_the_nppes_sample_without_crashing():
    result = CliRunner().invoke(cli, ["validate", "--json", str(SAMPLE_NPPES)])
    assert result.exit_code == 0, result.output
    assert '"read": 1000' in result.output
    assert '"accepted": ' in result.output


def test_cli_load_status_and_rollback(es, alias, tmp_path, profiles):
    path = tmp_path / "profiles.jsonl"
    path.write_text("".join(__import__("json").dumps(p) + "\n" for p in profiles[:40]))
    env = {"PHYSICIAN_INDEX_ALIAS": alias}
    runner = CliRunner(env=env)
    for _ in range(2):
        loaded = runner.invoke(cli, ["load", "--rebuild", str(path)])
        assert loaded.exit_code == 0, loaded.output
        assert "indexed 40" in loaded.output
    status = runner.invoke(cli, ["status"])
    assert f"{alias} -> {alias}-" in status.output and "(40 physicians)" in status.output
    assert "previous" in status.output
    rolled = runner.invoke(cli, ["rollback"])
    assert rolled.exit_code == 0 and "alias now serves" in rolled.output
    deleted = runner.invoke(cli, ["delete", profiles[0]["npi"]])
    assert deleted.exit_code == 0
    assert live_count(es, alias) == 39


# Ten bulk requests of indexer.load.CHUNK_SIZE: the loader is killed as soon as its first
# documents reach the new index, with nine requests and the swap still ahead of it.
MID_REBUILD_COUNT = 10_000


@pytest.mark.slow
def test_sigkill_mid_rebuild_keeps_serving_and_the_rerun_cleans_up(es, alias, tmp_path, vocabulary):
    rebuild(es, alias, generate(50, 3, claims_from_vocabulary()), vocabulary)
    big = tmp_path / "big.jsonl"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "indexer.demo",
            "--count",
            str(MID_REBUILD_COUNT),
            "--seed",
            "5",
            "--out",
            str(big),
        ],
        check=True,
        cwd=ROOT,
    )
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    command = [sys.executable, "-m", "indexer", "load", "--rebuild", str(big)]
    loader = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        orphans = [
            g for g in lifecycle.generations(es, alias) if g not in lifecycle.indices_of(es, alias)
        ]
        # Refresh is off while loading, so count() says 0: ask the indexing stats instead.
        if orphans and indexed_so_far(es, orphans[0]) > 0:
            break
        time.sleep(0.2)
    else:
        pytest.fail("the loader never started writing its new index")
    loader.send_signal(signal.SIGKILL)
    loader.wait()
    assert live_count(es, alias) == 50  # still the old index, whole
    assert len(lifecycle.status(es, alias).orphans) == 1
    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert live_count(es, alias) == MID_REBUILD_COUNT
    assert lifecycle.status(es, alias).orphans == ()
