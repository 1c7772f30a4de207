"""Search latency: the API end to end beside Elasticsearch's own ``took``.

    .venv/bin/python bench/search_latency.py --count 100000 --rounds 10 [--spread national]

Loads N demo profiles into ``bench-search-N`` (once; reused later), starts gunicorn with
the recommended settings, then sends the fixed mixed query set (text + ZIP/city + radius
+ facets) sequentially from one client. App overhead = end-to-end minus ``took_ms``.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.request

from common import QUERIES, ensure_loaded, percentile, running_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--alias", help="an already loaded alias (default: bench-search-N)")
    parser.add_argument("--spread", choices=("metros", "national"), default="metros")
    args = parser.parse_args()
    alias = args.alias or ensure_loaded(args.count, spread=args.spread)
    end_to_end, took, overhead = [], [], []
    with running_app(alias) as base:
        for round_ in range(args.rounds + 1):
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
    print(
        f"profiles {args.count:,}, {len(end_to_end)} requests ({len(QUERIES)} queries x "
        f"{args.rounds} rounds), sequential"
    )
    for name, values in (("end-to-end", end_to_end), ("es took", took), ("app overhead", overhead)):
        print(
            f"{name:>13}: p50 {percentile(values, 50):6.1f} ms  p95 {percentile(values, 95):6.1f}"
            f" ms  p99 {percentile(values, 99):6.1f} ms"
        )


if __name__ == "__main__":
    main()
