"""Search latency and capacity with search-event logging on vs off, in one run.

    .venv/bin/python bench/event_overhead.py --count 100000 --rounds 10 --seconds 60

Loads N demo profiles into ``bench-search-N`` (once; reused), starts two gunicorns with
the recommended settings, one with FLASK_SEARCH_EVENTS_ENABLED=false and one with events
on, and measures both in the same run so drift in a shared machine hits both alike:

* latency: every query of the fixed mix (API and result page), sequential, sent to the
  two apps alternately (the order flips every round); p50/p95 per setting;
* capacity: wrk (50 connections, ``--seconds`` each) against off, on, off, on; the
  requests/s of the two runs of each setting are averaged.

The issue's bar: p50 within 1 ms and capacity within 5%. Event indices the run creates
(``bench-search-N-events-*``) are deleted at the end.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import time
import urllib.request

from common import OUT, QUERIES, client, ensure_loaded, percentile, running_app
from load_test import LUA, ensure_wrk

SETTINGS = {"off": {"FLASK_SEARCH_EVENTS_ENABLED": "false"}, "on": {}}
PATHS = ("/api/v1/physicians?", "/search?")


def _get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def latency(bases: dict[str, str], rounds: int) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {name: [] for name in bases}
    order = list(bases)
    for round_ in range(rounds + 1):
        for query in QUERIES:
            for path in PATHS:
                for name in order:
                    elapsed = _get(f"{bases[name]}{path}{query}")
                    if round_:  # round 0 warms caches and pools
                        samples[name].append(elapsed)
        order.reverse()
    return samples


def capacity(wrk: str, base: str, seconds: int) -> float:
    """Requests/s with bench/load_test.py's wrk script over the same URL mix."""
    urls = OUT / "event-overhead-urls.txt"
    OUT.mkdir(parents=True, exist_ok=True)
    urls.write_text("".join(f"{path}{query}\n" for query in QUERIES for path in PATHS))
    command = [wrk, "-t2", "-c50", f"-d{seconds}s", "-s", str(LUA), base, "--", str(urls)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--seconds", type=int, default=60, help="wrk seconds per run (0: skip)")
    args = parser.parse_args()
    alias = ensure_loaded(args.count)
    wrk = ensure_wrk() if args.seconds else None
    try:
        with (
            running_app(alias, extra_env=SETTINGS["off"]) as off,
            running_app(alias, extra_env=SETTINGS["on"]) as on,
        ):
            bases = {"off": off, "on": on}
            samples = latency(bases, args.rounds)
            rates: dict[str, list[float]] = {"off": [], "on": []}
            if wrk:
                for name in ("off", "on", "off", "on"):
                    rates[name].append(capacity(wrk, bases[name], args.seconds))
            report(args, samples, rates)  # before shutdown: a slow worker exit loses nothing
    finally:
        client().indices.delete(index=f"{alias}-events-*", ignore_unavailable=True)


def report(args, samples: dict[str, list[float]], rates: dict[str, list[float]]) -> None:
    print(f"profiles {args.count:,}, {len(samples['on'])} requests per setting, sequential")
    for name in ("off", "on"):
        values = samples[name]
        print(
            f"events {name:>3}: p50 {percentile(values, 50):6.2f} ms  "
            f"p95 {percentile(values, 95):6.2f} ms  p99 {percentile(values, 99):6.2f} ms"
        )
    delta = percentile(samples["on"], 50) - percentile(samples["off"], 50)
    print(f"p50 difference (on - off): {delta:+.2f} ms (bar: within 1 ms)")
    if rates["on"]:
        off, on = (sum(rates[n]) / len(rates[n]) for n in ("off", "on"))
        print(f"capacity: off {off:,.0f} req/s, on {on:,.0f} req/s, {100 * (on / off - 1):+.1f}%")


if __name__ == "__main__":
    main()
