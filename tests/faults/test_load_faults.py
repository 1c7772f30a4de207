"""Loaders under faults: the node goes away mid-load, and two loaders race for one alias.

The node that dies is our own (port 9250, stopped and started by the test). The race
runs on the shared node: loader A talks through a delaying proxy so it is still loading,
for certain, when loader B starts (no sleep decides who is first).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from conftest import ROOT

from directory.settings import settings
from directory.vocabulary import default_vocabulary
from faults.fault_helpers import DelayingProxy, own_node
from indexer import lifecycle
from indexer.cli import Exit
from indexer.demo import claims_from_vocabulary, generate
from indexer.load import rebuild_all
from indexer.lock import LOCK_INDEX

NODE_PORT = 9250
ALIAS = "load-faults"


def roster(path, count: int, seed: int):
    command = [sys.executable, "-m", "indexer.demo", "--count", str(count), "--seed", str(seed),
               "--out", str(path)]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
    return path


def loader(url: str, alias: str, *args, **popen):
    env = {**os.environ, "ELASTICSEARCH_URL": url, "PHYSICIAN_INDEX_ALIAS": alias}
    command = [sys.executable, "-m", "indexer", "load", *map(str, args)]
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **popen)  # fmt: skip


def wait_for(predicate, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def writing_new_index(es, alias: str) -> bool:
    live = set(lifecycle.indices_of(es, alias))
    new = [g for g in lifecycle.generations(es, alias) if g not in live]
    if not new:
        return False
    stats = es.indices.stats(index=new[0], metric="indexing")["_all"]["primaries"]
    return stats["indexing"]["index_total"] > 0


@pytest.mark.slow
def test_the_node_going_away_mid_load_is_a_clear_message_and_the_rerun_converges(tmp_path):
    big = roster(tmp_path / "big.jsonl", 20000, 5)
    with own_node(NODE_PORT) as node:
        with node.client() as es:
            first = rebuild_all(es, ALIAS, generate(100, 3, claims_from_vocabulary()),
                                default_vocabulary()).index  # fmt: skip
            run = loader(node.url, ALIAS, "--rejects", tmp_path, big)
            wait_for(lambda: writing_new_index(es, ALIAS), "the loader to write")
        node.stop()
        out, err = run.communicate(timeout=300)
        assert run.returncode == Exit.FAILED, (out, err)
        assert "Traceback" not in err and "Traceback" not in out
        assert f"load failed, alias '{ALIAS}' left as it was: the search node at" in err
        assert "run it again once the node is back" in err

        node.start()
        with node.client() as es:
            assert lifecycle.indices_of(es, ALIAS) == [first]  # still the old directory
            rerun = loader(node.url, ALIAS, "--rejects", tmp_path, big)
            out, err = rerun.communicate(timeout=600)
            assert rerun.returncode == Exit.OK, (out, err)
            assert "took over the loader lock" in out  # the dead loader's lock
            assert es.count(index=ALIAS)["count"] == 20000
            assert lifecycle.status(es, ALIAS).orphans == ()


@pytest.mark.slow
def test_two_loaders_on_one_alias_the_second_is_turned_away(es, alias, tmp_path):
    first, second = roster(tmp_path / "a.jsonl", 3000, 7), roster(tmp_path / "b.jsonl", 3000, 8)
    rebuild_all(es, alias, generate(2900, 7, claims_from_vocabulary()), default_vocabulary())
    shared = str(settings()["ELASTICSEARCH_URL"]).split(",")[0]
    with DelayingProxy(shared, delay=1.0) as slow:  # A: a second per answer, for as long as B runs
        a = loader(slow.url, alias, "--rejects", tmp_path, first)
        wait_for(lambda: es.get(index=LOCK_INDEX, id=alias, ignore=404).get("found"),
                 "loader A to take the lock")  # fmt: skip
        b = loader(shared, alias, "--rejects", tmp_path, second)
        b_out, b_err = b.communicate(timeout=120)
        assert a.poll() is None  # A is still loading while B was turned away
        slow.delay = 0
        a_out, a_err = a.communicate(timeout=300)
    assert b.returncode == Exit.LOCKED, (b_out, b_err)
    assert f"alias '{alias}' is being loaded by load --rebuild (process {a.pid}" in b_err
    assert a.returncode == Exit.OK, (a_out, a_err)
    assert es.count(index=alias)["count"] == 3000
    assert lifecycle.status(es, alias).orphans == ()  # nobody deleted anybody's index
    assert es.get(index=LOCK_INDEX, id=alias, ignore=404)["found"] is False
