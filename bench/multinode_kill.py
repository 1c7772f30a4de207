"""Kill one node of a three-node cluster while people search and an editor writes.

    .venv/bin/python bench/multinode_kill.py [--nodes 3] [--profiles 5000]
                                             [--scenarios replica,master,hang]

``SEARCH_NODE_NODES=2`` runs nodes in one JVM, so one node can't be killed alone.
Instead N ``scripts/search-node`` runners (own ports, own data folders) join as one
cluster: same ``SEARCH_NODE_CLUSTER``, fixed transport ports, ``discovery.seed_hosts``.
Every node is master-eligible; node A bootstraps the cluster
(``cluster.initial_master_nodes``, so it can start alone), and as the others join
Elasticsearch grows the voting configuration to all three, so the cluster keeps a quorum
(two of three votes) when any one node dies. The run prints the voting configuration.

The alias is loaded with one replica (``auto_expand_replicas: 0-1``). gunicorn (3 workers
x 4 threads, gunicorn.conf.py) gets every URL in ``ELASTICSEARCH_URL``. Per scenario,
searchers loop over bench/common.py QUERIES and a writer indexes new physicians one at a
time, remembering every acknowledged NPI; then:

  replica  SIGKILL a node that is not the elected master
  master   SIGKILL the elected master (the others must elect a new one)
  hang     SIGSTOP a node for --hang-seconds, then SIGCONT (a stalled, not dead, node)

The node is brought back, the cluster waited for green, and every acknowledged write is
looked up. Prints one line per scenario (for docs/reliability.md); exits 1 if an
acknowledged write was lost or a search failed in a kill scenario with three nodes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from cluster import (
    ALIAS,
    Node,
    master_of,
    voting_configuration,
    wait_for_new_master,
    wait_green,
)
from common import QUERIES, percentile, running_app
from elasticsearch import Elasticsearch

from directory.vocabulary import default_vocabulary
from indexer.demo import claims_from_vocabulary, generate
from indexer.document import build_document
from indexer.load import rebuild_all


@dataclass
class Run:
    searches: list[tuple[float, int, float]] = field(default_factory=list)  # (t, status, ms)
    acked: list[str] = field(default_factory=list)
    write_failures: list[tuple[float, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)


def searcher(base: str, run: Run, started: float, seed: int) -> None:
    rng = random.Random(seed)
    while not run.stop.is_set():
        query = rng.choice(QUERIES)
        t0 = time.monotonic()
        try:
            with urllib.request.urlopen(f"{base}/api/v1/physicians?{query}", timeout=30) as r:
                status = r.status
                r.read()
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        run.searches.append((t0 - started, status, (time.monotonic() - t0) * 1000))


def writer(es, docs: list[dict], run: Run, started: float) -> None:
    for doc in docs:
        if run.stop.is_set():
            return
        try:
            es.index(index=ALIAS, id=doc["npi"], document=doc, request_timeout=10)
            run.acked.append(doc["npi"])
        except Exception as error:  # noqa: BLE001 - any failure is "not acknowledged"
            run.write_failures.append((time.monotonic() - started, type(error).__name__))
            time.sleep(0.5)
        time.sleep(0.05)


def scenario(name, nodes, base, es, docs, args) -> dict:
    master = master_of(nodes)
    victim = master if name == "master" else next(n for n in nodes if n is not master)
    run = Run()
    started = time.monotonic()
    threads = [
        threading.Thread(target=searcher, args=(base, run, started, n)) for n in range(4)
    ] + [threading.Thread(target=writer, args=(es, docs, run, started))]
    for thread in threads:
        thread.start()
    time.sleep(args.kill_at)
    killed_at = time.monotonic() - started
    if name == "hang":
        victim.signal(signal.SIGSTOP)
        time.sleep(args.hang_seconds)
        victim.signal(signal.SIGCONT)
    else:
        victim.signal(signal.SIGKILL)
    elected = wait_for_new_master(nodes, victim) if victim is master else (master.name, 0.0)
    time.sleep(max(0.0, args.seconds - (time.monotonic() - started)))
    run.stop.set()
    for thread in threads:
        thread.join(60)
    if name != "hang":
        (victim.home / "node.pid").unlink(missing_ok=True)
        victim.start(nodes)
    green_after = wait_green(nodes)
    es.indices.refresh(index=ALIAS)
    found = es.mget(index=ALIAS, body={"ids": run.acked}, _source=False)["docs"]
    lost = [d["_id"] for d in found if not d["found"]]
    fault_ends = killed_at + (args.hang_seconds if name == "hang" else 5)
    result = summarise(name, victim is master, run, (killed_at, fault_ends), lost, green_after)
    result["master_after_fault"], elected_after = elected
    result["master_elected_after_s"] = round(elected_after, 1)
    return result


def summarise(name, was_master, run: Run, fault, lost, green_after) -> dict:
    killed_at, fault_ends = fault
    after = [s for s in run.searches if s[0] >= killed_at]
    during = [s for s in run.searches if killed_at <= s[0] < fault_ends]
    failed = [s for s in run.searches if s[1] != 200]
    statuses: dict[int, int] = {}
    for _, status, _ in failed:
        statuses[status] = statuses.get(status, 0) + 1
    window = [s[0] for s in failed]
    return {
        "scenario": name,
        "victim": "master" if was_master else "non-master",
        "searches": len(run.searches),
        "search_failures": len(failed),
        "failure_statuses": statuses,
        "failure_window_s": [round(min(window), 1), round(max(window), 1)] if window else None,
        "during_fault_ok": sum(s[1] == 200 for s in during),
        "during_fault_failed": sum(s[1] != 200 for s in during),
        "p50_ms_after_kill": round(percentile([s[2] for s in after], 50)),
        "p99_ms_after_kill": round(percentile([s[2] for s in after], 99)),
        "max_ms_after_kill": round(max((s[2] for s in after), default=0)),
        "writes_acked": len(run.acked),
        "writes_refused": len(run.write_failures),
        "acked_writes_lost": len(lost),
        "green_again_after_s": round(green_after, 1),
        "killed_at_s": round(killed_at, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=3)
    parser.add_argument("--profiles", type=int, default=5000)
    parser.add_argument("--scenarios", default="replica,master,hang")
    parser.add_argument("--seconds", type=float, default=40, help="traffic per scenario")
    parser.add_argument("--kill-at", type=float, default=10)
    parser.add_argument("--hang-seconds", type=float, default=20)
    args = parser.parse_args()

    nodes = [Node("ABCDE"[n], 9270 + n, 9370 + n, bootstrap=n == 0) for n in range(args.nodes)]
    for node in nodes:
        node.stop(nodes)
        subprocess.run(["rm", "-rf", str(node.home)], check=True)
    urls = ",".join(n.url for n in nodes)
    os.environ["ELASTICSEARCH_URL"] = urls
    results = []
    try:
        for node in nodes:
            node.start(nodes)
        green = wait_green(nodes)
        print(
            f"cluster formed; green after {green:.1f}s more; master {master_of(nodes).name}; "
            f"voting nodes {len(voting_configuration(nodes[0]))}"
        )
        es = Elasticsearch(urls.split(","), timeout=60, max_retries=2, retry_on_timeout=True)
        vocabulary = default_vocabulary()
        profiles = generate(args.profiles, 42, claims_from_vocabulary())
        report = rebuild_all(es, ALIAS, profiles, vocabulary)
        print(f"loaded {report.indexed} profiles; green after {wait_green(nodes):.1f}s (replicas)")
        extra = generate(3000, 4242, claims_from_vocabulary())
        extra = [build_document(p, vocabulary) for p in extra]
        with running_app(ALIAS) as base:
            for n, name in enumerate(args.scenarios.split(",")):
                docs = extra[n * 1000 : (n + 1) * 1000]
                result = scenario(name, nodes, base, es, docs, args)
                results.append(result)
                print(json.dumps(result), flush=True)
    finally:
        for node in nodes:
            node.stop(nodes)
    lost = sum(r["acked_writes_lost"] for r in results)
    killed = [r for r in results if r["scenario"] != "hang"]
    failed = args.nodes >= 3 and any(r["search_failures"] for r in killed)
    raise SystemExit(1 if lost or failed else 0)


if __name__ == "__main__":
    main()
