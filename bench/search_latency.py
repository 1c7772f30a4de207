"""Search latency: the API end to end beside Elasticsearch's own ``took``.

    .venv/bin/python bench/search_latency.py --count 100000 --rounds 10 [--spread national]

Loads N demo profiles into ``bench-search-N`` (once; reused later), starts gunicorn with
the recommended settings, then sends the fixed mixed query set (text + ZIP/city + radius
+ facets) sequentially from one client. App overhead = end-to-end minus ``took_ms``;
app CPU = user + system CPU of the gunicorn processes per search (bench/capacity.py).
Parse is what reading each query's text costs (``directory.understanding.interpret``, the
step that replaced the vocabulary round trip), timed in this process on the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import urllib.parse
import urllib.request

from capacity import app_pids, cpu_seconds
from common import QUERIES, ensure_loaded, percentile, running_app

from directory.understanding import interpret, lexicon_for
from directory.vocabulary import default_vocabulary


def parse_times(rounds: int) -> list[float]:
    """Milliseconds per parse of each query's text, after one warm-up round."""
    lexicon = lexicon_for(default_vocabulary())
    texts = [urllib.parse.parse_qs(query).get("q", [""])[0] for query in QUERIES]
    times = []
    for round_ in range(rounds + 1):
        for text in texts:
            started = time.perf_counter()
            interpret(text, lexicon=lexicon)
            if round_:
                times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--alias", help="an already loaded alias (default: bench-search-N)")
    parser.add_argument("--port", type=int, help="gunicorn's port (default: any free one)")
    parser.add_argument("--spread", choices=("metros", "national"), default="metros")
    args = parser.parse_args()
    alias = args.alias or ensure_loaded(args.count, spread=args.spread)
    end_to_end, took, overhead = [], [], []
    with running_app(alias, port=args.port) as base:
        pids = app_pids(base)
        for round_ in range(args.rounds + 1):
            if round_ == 1:
                cpu_before = cpu_seconds(pids)
            for query in QUERIES:
                started = time.perf_counter()
                with urllib.request.urlopen(f"{base}/api/v1/physicians?{query}") as response:
                    body = json.loads(response.read())
                elapsed = (time.perf_counter() - started) * 1000
                if round_ == 0:
                    continue  # warm-up round: caches, JIT, connection pools
                end_to_end.append(elapsed)
                took.append(body["took_ms"])
                overhead.append(elapsed - body["took_ms"])
        app_cpu = (cpu_seconds(pids) - cpu_before) * 1000 / len(end_to_end)
    print(
        f"profiles {args.count:,}, {len(end_to_end)} requests ({len(QUERIES)} queries x "
        f"{args.rounds} rounds), sequential"
    )
    rows = [
        ("end-to-end", end_to_end),
        ("es took", took),
        ("app overhead", overhead),
        ("parse", parse_times(args.rounds)),
    ]
    for name, values in rows:
        print(
            f"{name:>13}: p50 {percentile(values, 50):6.1f} ms  p95 {percentile(values, 95):6.1f}"
            f" ms  p99 {percentile(values, 99):6.1f} ms"
        )
    # Less noisy than the latencies on a shared box: what the gunicorn processes burnt.
    print(f"{'app CPU':>13}: {app_cpu:.1f} ms per search; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
