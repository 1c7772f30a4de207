"""The indexer under faults: back-pressure (429s), SIGKILL mid-upsert, malformed files.

Back-pressure runs on a node of our own (port 9260) whose write pool is one thread with
a queue of one, so concurrent bulk requests really are rejected; the rest use throwaway
aliases on the shared node. (SIGKILL mid-rebuild is in test_indexer.py.)
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, make_app
from elasticsearch import TransportError, helpers

from directory.vocabulary import default_vocabulary
from faults.fault_helpers import own_node
from indexer import lifecycle
from indexer.demo import claims_from_vocabulary, generate
from indexer.formats import read_any
from indexer.load import rebuild_all
from indexer.sources.profiles import read_profiles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BACKPRESSURE_PORT = 9260
ROSTER = 5000  # five bulk requests of 1,000: the kill lands after the first
TINY_WRITE_POOL = "thread_pool.write.size: 1\nthread_pool.write.queue_size: 1"


def write_rejections(es) -> int:
    stats = es.nodes.stats(metric="thread_pool")["nodes"].values()
    return sum(node["thread_pool"]["write"]["rejected"] for node in stats)


def ids_in(es, alias: str) -> set[str]:
    return {hit["_id"] for hit in helpers.scan(es, index=alias, _source=False)}


class Noise:
    """Another writer on the node: small bulk requests without retries, until enough 429s.

    The loaders alone collide only now and then; this makes the queue overflow for sure,
    then stops, so the test proves recovery without starving the loaders for minutes.
    """

    BODY = "".join(f'{{"index": {{}}}}\n{{"n": {n}}}\n' for n in range(50))
    ENOUGH = 200  # write rejections on the node

    def __init__(self, es):
        self.es = es
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        sent = 0
        while not self._stop.is_set():
            try:
                self.es.bulk(body=self.BODY, index="pressure-noise")
            except TransportError:
                pass  # a whole request refused is as good as its items refused
            sent += 1
            if sent % 10 == 0 and write_rejections(self.es) >= self.ENOUGH:
                return
            time.sleep(0.005)

    def __enter__(self) -> Noise:
        self.es.indices.create(index="pressure-noise")
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(30)


# One loader process: a real rebuild with small bulk requests, reporting what it counted.
LOADER = """
import json, sys
from elasticsearch import TransportError
from directory.connection import client_from_settings
from indexer.load import rebuild
from indexer.sources.profiles import read_profiles
from directory.vocabulary import default_vocabulary

url, alias, path = sys.argv[1:]
es = client_from_settings({"ELASTICSEARCH_URL": url}, timeout=120)
refused = 0
bulk = es.bulk

def counting_bulk(*args, **kwargs):  # counts the 429s this loader is given, then retries
    global refused
    try:
        response = bulk(*args, **kwargs)
    except TransportError as error:
        refused += error.status_code == 429
        raise
    refused += sum(next(iter(i.values()))["status"] == 429 for i in response["items"])
    return response

es.bulk = counting_bulk
report = rebuild(es, alias, read_profiles(path), default_vocabulary(), chunk_size=20)
errors = [e.reason for e in report.errors]
print(json.dumps({"indexed": report.indexed, "errors": errors, "refused": refused}))
"""


@pytest.mark.slow
def test_indexer_rides_out_429_rejections_and_loses_no_document(tmp_path):
    profiles = list(generate(4000, 31, claims_from_vocabulary()))
    loads = {f"pressure-{n}": profiles[n::4] for n in range(4)}
    with own_node(BACKPRESSURE_PORT, settings=TINY_WRITE_POOL) as node, node.client(120) as es:
        assert write_rejections(es) == 0
        # Four loaders at once against one write thread with one queue slot.
        loaders = {}
        for alias, batch in loads.items():
            path = tmp_path / f"{alias}.jsonl"
            path.write_text("".join(json.dumps(p) + "\n" for p in batch))
            command = [sys.executable, "-c", LOADER, node.url, alias, str(path)]
            loaders[alias] = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        with Noise(es):
            reports = {a: json.loads(p.communicate(timeout=300)[0]) for a, p in loaders.items()}

        assert write_rejections(es) > 0, "no 429 happened: the test proved nothing"
        assert sum(r["refused"] for r in reports.values()) > 0, "the loaders never saw a 429"
        for alias, batch in loads.items():
            assert (reports[alias]["indexed"], reports[alias]["errors"]) == (len(batch), [])
            assert ids_in(es, alias) == {p["npi"] for p in batch}  # every document, by NPI


def indexed(es, alias: str) -> int:
    """Documents written to the alias's index so far, searchable yet or not."""
    stats = es.indices.stats(index=alias, metric="indexing")
    return stats["_all"]["primaries"]["indexing"]["index_total"]


def settled_count(es, alias: str) -> int:
    """The count once the node has finished the bulk request the killed loader left in flight."""
    previous, deadline = -1, time.monotonic() + 60
    while time.monotonic() < deadline:
        es.indices.refresh(index=alias)
        count = es.count(index=alias)["count"]
        stats = es.indices.stats(index=alias, metric="indexing")["_all"]["primaries"]
        if count == previous and stats["indexing"]["index_current"] == 0:
            return count
        previous = count
        time.sleep(1)
    raise AssertionError(f"{alias} kept changing for a minute after the loader died")


@pytest.mark.slow
def test_sigkill_mid_upsert_keeps_serving_and_a_rerun_converges(es, alias, tmp_path):
    roster = tmp_path / "roster.jsonl"
    generate_roster = [sys.executable, "-m", "indexer.demo", "--count", str(ROSTER), "--seed", "9"]
    subprocess.run([*generate_roster, "--out", roster], check=True, cwd=ROOT, capture_output=True)
    first = tmp_path / "first.jsonl"
    first.write_text("".join(roster.read_text().splitlines(keepends=True)[:100]))
    live = rebuild_all(es, alias, read_profiles(first), default_vocabulary()).index
    client = make_app(alias).test_client()

    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    command = [sys.executable, "-m", "indexer", "load", "--upsert", str(roster)]
    loader = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    deadline, before = time.monotonic() + 120, indexed(es, alias)
    # The node's own count of documents written, not a search's: a search sees them only
    # after a refresh, by which time a fast loader had written all five bulks.
    while indexed(es, alias) <= before:
        assert loader.poll() is None and time.monotonic() < deadline, "the upsert never wrote"
        time.sleep(0.01)
    loader.send_signal(signal.SIGKILL)
    loader.wait()

    after_kill = settled_count(es, alias)
    assert 100 < after_kill < ROSTER  # killed part-way
    search = client.get("/api/v1/physicians?q=back+pain")
    assert search.status_code == 200 and search.get_json()["results"]  # still serving
    assert client.get("/readyz").status_code == 200
    assert lifecycle.generations(es, alias) == [live]  # an upsert leaves nothing behind

    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert settled_count(es, alias) == ROSTER
    results = dict(re.findall(r"(created|noop|updated) (\d+)", rerun.stdout))
    # What the killed run wrote is not written twice: it is a no-op the second time.
    assert int(results["created"]) == ROSTER - after_kill
    assert int(results["noop"]) == after_kill
    assert lifecycle.status(es, alias).orphans == ()


def _junk(path: Path) -> Path:
    path.write_bytes(random.Random(7).randbytes(6000))  # ~25 "lines" of binary noise
    return path


def _accepted_npis(*paths: Path) -> list[str]:
    return [r["npi"] for path in paths for r in read_any(path) if isinstance(r, dict)]


def test_malformed_files_are_reported_line_by_line_and_good_rows_still_load(es, alias, tmp_path):
    junk = _junk(tmp_path / "roster-junk.jsonl")
    files = [
        FIXTURES / "profiles.jsonl",  # BOM, CRLF, broken JSON, duplicate NPI, bad ZIP...
        FIXTURES / "profiles.csv",  # truncated row; Dr. Lee again with other credentials
        FIXTURES / "nppes-broken.csv",  # bad bytes, short row, organisations, deactivated
        FIXTURES / "profiles-semicolon.csv",  # wrong delimiter: one rejection for the file
        junk,  # binary noise
    ]
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    # Most rows here are broken on purpose: past the rejects gate only when told so.
    command = [sys.executable, "-m", "indexer", "load", "--rebuild", "--allow-rejects",
               "--rejects", str(tmp_path / "rejects"), *map(str, files)]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 3, result.stderr  # completed, with rejects
    out = result.stdout

    for where in (
        "profiles.jsonl:3: invalid JSON",
        "profiles.jsonl:4: duplicate NPI: first seen at line 1",
        "profiles.jsonl:5: invalid NPI",
        "profiles.csv:5: short row: 9 columns, expected 28",
        "nppes-broken.csv:6: bad encoding",
        "nppes-broken.csv:7: short row",
        "profiles-semicolon.csv:1: header not recognised",
        "roster-junk.jsonl:1: bad encoding",
    ):
        assert f"rejected: {FIXTURES if 'junk' not in where else tmp_path}/{where}" in out, where
    # Same NPI, different data, two files: the first stays, the second is a rejected row.
    assert f"profiles.csv:2: duplicate NPI: first seen in {FIXTURES}/profiles.jsonl" in out
    assert "bulk errors 0" in out
    assert "Traceback" not in result.stderr
    assert "skipped: organization" not in re.findall(r"rejected: .*", out)  # not an error

    good = _accepted_npis(*files)
    assert len(good) == 8 and len(set(good)) == 7
    assert f"indexed {len(set(good))}," in out
    read, rejected = map(int, re.search(r"read (\d+) = indexed 7 \+ rejected (\d+) \+ "
                                        r"skipped 2 \+ bulk errors 0", out).groups())  # fmt: skip
    assert read == 7 + rejected + 2 and out.count("  rejected: ") == rejected
    assert sorted(p.name for p in (tmp_path / "rejects").iterdir()) == [
        "nppes-broken.rejects.csv", "profiles.rejects.csv", "profiles.rejects.jsonl",
        "roster-junk.rejects.jsonl",
    ]  # fmt: skip
    assert es.count(index=alias)["count"] == 7
    client = make_app(alias).test_client()
    lee = client.get("/api/v1/physicians/1234567893").get_json()
    assert lee["credentials"] == ["MD"]  # from profiles.jsonl, the first file


def test_a_file_with_nothing_usable_leaves_the_live_index_alone(es, alias, tmp_path):
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    good = [sys.executable, "-m", "indexer", "load", "--allow-rejects", "--rejects",
            str(tmp_path), str(FIXTURES / "profiles.csv")]  # fmt: skip
    assert subprocess.run(good, cwd=ROOT, env=env, capture_output=True).returncode == 3
    live = lifecycle.indices_of(es, alias)
    bad = [sys.executable, "-m", "indexer", "load", "--rejects", str(tmp_path),
           str(FIXTURES / "profiles-semicolon.csv"), str(_junk(tmp_path / "junk.csv"))]  # fmt: skip
    result = subprocess.run(bad, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 4  # refused by a safety gate
    refused = f"load refused by a safety gate, alias '{alias}' left as it was: no documents"
    assert refused in result.stderr and "Traceback" not in result.stderr
    assert lifecycle.indices_of(es, alias) == live and es.count(index=alias)["count"] == 2
    assert lifecycle.status(es, alias).orphans == ()
