"""Indexer throughput beside raw ``_bulk`` for the same documents, and the indexer's peak RSS.

    .venv/bin/python bench/index_throughput.py --count 100000 [--spread national]

1. Generates N demo profiles to bench/out/profiles-N.jsonl (cached).
2. Runs ``python -m indexer load --rebuild`` on it in a subprocess: wall time, docs/s,
   CPU seconds (user+sys of the child, per profile) and peak RSS (ru_maxrss of the child).
3. Runs the same command on the file's first 100 profiles: its wall time is the loader's
   fixed cost (start-up, index creation, serving settings, refresh, count, swap, the
   vocabulary index, staff corrections), which the raw side does not pay. It is printed
   on its own and taken out in a second ratio, so neither ratio hides it.
4. Pre-serialises the very same documents into _bulk NDJSON, byte for byte what the
   loader sends (untimed), then times sending them with no Python transformation into an
   index with the same settings, plus the refresh.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
from common import OUT, ROOT, client, profiles_file  # also puts the project on sys.path

from directory.vocabulary import default_vocabulary
from indexer.document import build_document
from indexer.formats import read_any
from indexer.load import CHUNK_SIZE, ndjson_line
from indexer.mapping import physician_index_body
from indexer.synonyms import physician_synonyms


def run_indexer(path: Path, alias: str) -> dict:
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    log = OUT / f"{alias}.log"
    started = time.perf_counter()
    with open(log, "w") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "indexer", "load", "--rebuild", str(path)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak RSS
    elapsed = time.perf_counter() - started
    if status:
        raise SystemExit(log.read_text())
    summary = next(line for line in log.read_text().splitlines() if line.startswith("rebuild:"))
    return {"elapsed": elapsed, "peak_rss_mb": usage.ru_maxrss / 1024, "summary": summary,
            "cpu": usage.ru_utime + usage.ru_stime}  # fmt: skip


def fixed_cost(path: Path, alias: str) -> dict:
    """The same load of the file's first 100 profiles: what a load costs besides its rows."""
    head = OUT / f"{path.stem}-head-100.jsonl"
    with open(path, "rb") as source, open(head, "wb") as out:
        out.writelines(itertools.islice(source, 100))
    try:
        return run_indexer(head, alias)
    finally:
        head.unlink()


def serialise(path: Path, target: Path, index: str) -> int:
    vocabulary = default_vocabulary()
    count = 0
    with open(target, "wb") as out:  # byte for byte what indexer.bulk sends
        for record in read_any(path):
            if isinstance(record, dict):
                doc = build_document(record, vocabulary)
                action = {"create": {"_index": index, "_id": doc["npi"]}}
                out.write(orjson.dumps(action, option=orjson.OPT_APPEND_NEWLINE))
                out.write(ndjson_line(doc))
                count += 1
    return count


def raw_bulk(es, ndjson: Path, index: str) -> float:
    vocabulary = default_vocabulary()
    es.indices.create(index=index, **physician_index_body(physician_synonyms(vocabulary)))
    started = time.perf_counter()
    with open(ndjson, "rb") as handle:
        while True:
            lines = [handle.readline() for _ in range(2 * CHUNK_SIZE)]
            body = b"".join(lines)
            if not body:
                break
            response = es.transport.perform_request(
                "POST", "/_bulk", body=body, headers={"content-type": "application/x-ndjson"}
            )
            if response.get("errors"):
                raise SystemExit("raw bulk reported errors")
    es.indices.refresh(index=index)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--alias", help="alias to load (default bench-index-N)")
    parser.add_argument("--spread", choices=("metros", "national"), default="metros")
    parser.add_argument("--keep", action="store_true", help="keep the loaded alias afterwards")
    args = parser.parse_args()
    es = client()
    path = profiles_file(args.count, args.seed, args.spread)
    alias = args.alias or f"bench-index-{args.count}"
    indexer = run_indexer(path, alias)
    docs = es.count(index=alias)["count"]
    fixed = fixed_cost(path, f"{alias}-fixed")
    es.indices.delete(index=f"{alias}-fixed-*", ignore_unavailable=True)
    raw_index = f"bench-raw-{args.count}"
    es.indices.delete(index=raw_index, ignore_unavailable=True)
    ndjson = OUT / f"bulk-{args.count}-{args.seed}.ndjson"
    serialise(path, ndjson, raw_index)
    raw_elapsed = raw_bulk(es, ndjson, raw_index)
    raw_docs = es.count(index=raw_index)["count"]
    indexer_rate, raw_rate = docs / indexer["elapsed"], raw_docs / raw_elapsed
    print(f"profiles              {args.count:,}")
    print(
        f"indexer               {docs:,} docs in {indexer['elapsed']:.1f}s = {indexer_rate:,.0f}"
        f" docs/s (process wall time incl. start-up), peak RSS {indexer['peak_rss_mb']:.0f} MB"
    )
    print(f"  {indexer['summary']}")
    print(f"  CPU (user+sys)      {indexer['cpu']:.1f}s = {indexer['cpu'] / args.count * 1000:.3f}"
          " ms/profile, start-up included")  # fmt: skip
    print(f"  fixed steps         {fixed['elapsed']:.1f}s wall, {fixed['cpu']:.1f}s CPU (a load of"
          " 100 profiles: start-up, create, settings, refresh, swap, vocabulary)")  # fmt: skip
    print(f"raw _bulk             {raw_docs:,} docs in {raw_elapsed:.1f}s = {raw_rate:,.0f} docs/s")
    print(f"indexer / raw         {indexer_rate / raw_rate:.0%}")
    streamed = docs / max(indexer["elapsed"] - fixed["elapsed"], 1e-9)
    print(f"  without fixed steps {streamed:,.0f} docs/s = {streamed / raw_rate:.0%} of raw")
    es.indices.delete(index=raw_index, ignore_unavailable=True)
    if not args.keep:
        es.indices.delete(index=f"{alias}-*", ignore_unavailable=True)
    ndjson.unlink()


if __name__ == "__main__":
    main()
