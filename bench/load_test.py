"""Load test: 50 concurrent connections for 60 s of mixed searches against gunicorn.

    .venv/bin/python bench/load_test.py --count 100000 [--own-node 9280]

Loads N demo profiles into ``bench-search-N`` (once; reused later), starts gunicorn with
the recommended settings (3 workers x 4 threads, bench/common.py ``running_app``), checks
that every URL of the mix answers 200, then runs wrk with ``bench/urls.lua`` cycling
through the fixed query mix (bench/common.py QUERIES) as API calls and as result pages.
Prints requests/s, p50/p90/p99 latency and errors (non-2xx + socket errors); exits 1 if
there was any error. ``--own-node PORT`` runs the search node for the test on PORT
(scripts/search-node; data kept in search-node/run-PORT) instead of ELASTICSEARCH_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from common import OUT, QUERIES, ROOT, ensure_loaded, running_app

LUA = ROOT / "bench" / "urls.lua"


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk not found; installing the Debian package (apt-get install -y wrk)...")
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=False, capture_output=True)
        found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is required: `sudo apt-get install -y wrk` (Debian) or `brew install wrk`")
    return found


@contextmanager
def own_node(port: int, heap: str):
    """A search node just for the load test; stopped afterwards, its data kept for next time."""
    env = {**os.environ, "SEARCH_NODE_PORT": str(port), "SEARCH_NODE_HEAP": heap}
    script = str(ROOT / "scripts" / "search-node")
    subprocess.run([script, "start"], env=env, check=True)
    os.environ["ELASTICSEARCH_URL"] = f"http://127.0.0.1:{port}"
    try:
        yield
    finally:
        subprocess.run([script, "stop"], env=env, check=False)


def url_mix(kinds: list[str]) -> list[str]:
    prefixes = {"api": "/api/v1/physicians?", "page": "/search?"}
    return [prefixes[kind] + query for query in QUERIES for kind in kinds]


def warm_up(base: str, paths: list[str]) -> None:
    """Every URL of the mix must answer 200 before we measure anything."""
    for path in paths:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:
                assert response.status == 200
        except (urllib.error.HTTPError, AssertionError) as error:
            sys.exit(f"{path} does not answer 200 ({error}); fix the mix before load testing")


def run_wrk(wrk: str, base: str, urls_file, args) -> tuple[dict, str]:
    command = [
        wrk, f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
        f"--timeout={args.timeout}s", "--latency", "-s", str(LUA), base, "--", str(urls_file),
    ]  # fmt: skip
    print("$", " ".join(command), flush=True)
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return summary, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=10, help="wrk socket timeout, seconds")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--mix", default="api,page", help="api, page or api,page")
    parser.add_argument("--own-node", type=int, default=None, metavar="PORT")
    parser.add_argument("--heap", default="1g", help="heap of --own-node")
    args = parser.parse_args()
    wrk = ensure_wrk()
    node = own_node(args.own_node, args.heap) if args.own_node else _nothing()
    with node:
        alias = ensure_loaded(args.count)
        paths = url_mix(args.mix.split(","))
        OUT.mkdir(parents=True, exist_ok=True)
        urls_file = OUT / "load-test-urls.txt"
        urls_file.write_text("\n".join(paths) + "\n")
        with running_app(alias, workers=args.workers, threads=args.threads) as base:
            warm_up(base, paths)
            load_before = os.getloadavg()[0]
            started = time.time()
            summary, text = run_wrk(wrk, base, urls_file, args)
            load_after = os.getloadavg()[0]
    print(text)
    socket_errors = sum(summary[k] for k in ("connect", "read", "write", "timeout"))
    errors = summary["status"] + socket_errors
    rps = summary["requests"] / summary["duration_s"]
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(started))
    ms = {k: f"{summary[k + '_ms']:.0f} ms" for k in ("p50", "p90", "p99", "max")}
    print(
        f"profiles {args.count:,}; gunicorn {args.workers} workers x {args.threads} threads; "
        f"wrk {args.wrk_threads} threads, {args.connections} connections, {args.duration} s; "
        f"mix {len(paths)} URLs ({args.mix}); started {when}\n"
        f"requests {summary['requests']:,}  {rps:,.1f} req/s  p50 {ms['p50']}  "
        f"p90 {ms['p90']}  p99 {ms['p99']}  max {ms['max']}\n"
        f"errors {errors} (non-2xx {summary['status']}, socket {socket_errors}); "
        f"load average {load_before:.1f} before, {load_after:.1f} after; {os.cpu_count()} CPUs"
    )
    sys.exit(1 if errors else 0)


@contextmanager
def _nothing():
    yield


if __name__ == "__main__":
    main()
