"""Search latency: the API end to end beside the same searches sent straight to Elasticsearch.

    .venv/bin/python bench/search_latency.py --count 100000 --rounds 10 [--spread national]

Loads N demo profiles into ``bench-search-N`` (once; reused later), records the exact
Elasticsearch requests the app makes for each query of the fixed mix (``bench/capacity.py``),
starts gunicorn with the recommended settings, then, one client, one query at a time:

* **app**: the API search, over a kept-alive connection (what a browser or a referral
  system's client does);
* **direct**: the same query's recorded Elasticsearch requests, sent straight to the node
  over a kept-alive connection from the same client.

Reported per request: end-to-end through the app, ES ``took``, **overhead** = end-to-end
minus ``took`` (issue 14's measure; it also holds the node's own HTTP and response writing,
which ``took`` leaves out), the direct end-to-end, and **app's own** = app minus direct for
the same query in the same round (what the app adds to a search). App CPU = user + system
CPU of the gunicorn processes per search. Parse is what reading each query's text costs
(``directory.understanding.interpret``), timed in this process on the same texts.
"""

from __future__ import annotations

import argparse
import http.client
import os
import time
import urllib.parse

import orjson
from capacity import API, app_pids, cpu_seconds, record_requests
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


def timed(connection: http.client.HTTPConnection, method: str, path: str, body: str = ""):
    """(milliseconds, decoded JSON) for one request on a kept-alive connection."""
    headers = {}
    if body:
        ndjson = "\n" in body.rstrip("\n")
        headers["Content-Type"] = "application/x-ndjson" if ndjson else "application/json"
    started = time.perf_counter()
    connection.request(method, path, body=body.encode() or None, headers=headers)
    response = connection.getresponse()
    raw = response.read()
    if response.status != 200:  # before decoding: an error page need not be JSON
        raise SystemExit(f"{path} answered {response.status}: {raw[:200]!r}")
    data = orjson.loads(raw)
    return (time.perf_counter() - started) * 1000, data


def connect(url: str) -> http.client.HTTPConnection:
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def measure(base: str, es_url: str, groups, rounds: int) -> dict[str, list[float]]:
    app, es = connect(base), connect(es_url)
    found: dict[str, list[float]] = {k: [] for k in ("app", "took", "overhead", "direct", "own")}
    for round_ in range(rounds + 1):
        for query, requests in zip(QUERIES, groups, strict=True):
            elapsed, body = timed(app, "GET", API + query)
            direct = sum(timed(es, r.method, r.path, r.body)[0] for r in requests)
            if round_ == 0:
                continue  # warm-up round: caches, connection pools
            found["app"].append(elapsed)
            found["took"].append(body["took_ms"])
            found["overhead"].append(elapsed - body["took_ms"])
            found["direct"].append(direct)
            found["own"].append(elapsed - direct)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--alias", help="an already loaded alias (default: bench-search-N)")
    parser.add_argument("--port", type=int, help="gunicorn's port (default: any free one)")
    parser.add_argument("--spread", choices=("metros", "national"), default="metros")
    args = parser.parse_args()
    alias = args.alias or ensure_loaded(args.count, spread=args.spread)
    es_url = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200").split(",")[0]
    groups = [group for group in record_requests(alias, QUERIES).groups if group]
    with running_app(alias, port=args.port) as base:
        for query in QUERIES * 3:  # every worker reads its lexicon before the clock starts
            timed(connect(base), "GET", API + query)
        pids = app_pids(base)
        cpu_before = cpu_seconds(pids)
        found = measure(base, es_url, groups, args.rounds)
        app_cpu = (cpu_seconds(pids) - cpu_before) * 1000 / (len(found["app"]) + len(QUERIES))
    print(
        f"profiles {args.count:,}, {len(found['app'])} searches ({len(QUERIES)} queries x "
        f"{args.rounds} rounds), one client, kept-alive connections"
    )
    rows = [
        ("end-to-end", found["app"]),
        ("es took", found["took"]),
        ("overhead", found["overhead"]),
        ("direct", found["direct"]),
        ("app's own", found["own"]),
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
