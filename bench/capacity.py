"""Capacity: searches/s through the app beside the same searches sent straight to Elasticsearch.

    .venv/bin/python bench/capacity.py --count 100000 --duration 20 --connections 16

1. Loads N demo profiles into ``bench-search-N`` (once; reused later).
2. Records the exact Elasticsearch requests the app makes for the query mix of
   ``bench/common.py`` (the app built in-process, its client's connections wrapped by
   ``bench/recorder.py``; one API search per query).
3. Replays those requests straight to Elasticsearch with wrk (``bench/replay.lua``).
4. Starts gunicorn (``gunicorn.conf.py``) and drives the API with wrk (``bench/urls.lua``):
   the same wrk threads, connections and duration, in the same run. ``--page`` drives the
   results page instead (what patients load), recording its requests the same way.

Direct searches/s = Elasticsearch requests/s × searches / requests recorded (a search
that needs two requests costs two). Prints both sides, the ratio and the load average;
``--pairs N`` alternates the two sides N times and prints the median ratio (on a shared
two-core box one pair moves by ±10 points).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from contextlib import ExitStack

from common import OUT, QUERIES, ROOT, ensure_loaded, running_app
from load_test import ensure_wrk
from recorder import RecordedRequest, Recorder, recording

API = "/api/v1/physicians?"
PAGE = "/search?"  # the results page people see: the same search, rendered
TICKS = os.sysconf("SC_CLK_TCK")


def app_pids(base: str) -> list[int]:
    """The gunicorn processes (arbiter and workers) serving ``base``, found by their bind."""
    bind = f"GUNICORN_BIND={base.split('://', 1)[-1]}".encode()
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as environ:
                    if bind in environ.read().split(b"\0"):
                        found.append(int(entry.name))
            except OSError:  # gone, or not ours
                continue
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes have used so far (/proc/PID/stat)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def es_cpu_seconds(es_url: str) -> float:
    """The search node's own CPU so far, as it reports it (_nodes/stats/process)."""
    url = es_url.rstrip("/") + "/_nodes/stats/process?filter_path=nodes.*.process.cpu"
    with urllib.request.urlopen(url, timeout=10) as response:
        nodes = json.loads(response.read())["nodes"]
    return sum(node["process"]["cpu"]["total_in_millis"] for node in nodes.values()) / 1000


def record_requests(alias: str, queries: list[str], path: str = API) -> Recorder:
    """The Elasticsearch requests of one search per query (``path``: the API or the
    results page), grouped by search."""
    from app import create_app

    app = create_app(
        {
            "PHYSICIAN_INDEX_ALIAS": alias,
            "RATELIMIT_ENABLED": False,
            "SEARCH_EVENTS_ENABLED": False,  # events go in a background batch, not per search
            "TESTING": False,
        }
    )
    client = app.test_client()
    for query in queries:  # warm-up: lexicon, curation version, connection pool
        client.get(path + query)
    with recording(app.extensions["elasticsearch"]) as recorder:
        for query in queries:
            recorder.mark()
            response = client.get(path + query)
            if response.status_code != 200:
                sys.exit(f"{path}{query} answered {response.status_code}; fix the mix first")
    return recorder


def check_replay(es_url: str, requests: list[RecordedRequest]) -> None:
    """Every recorded request answers 200 when sent again, before any clock starts."""
    for recorded in requests:
        content_type = "application/x-ndjson" if "\n" in recorded.body else "application/json"
        request = urllib.request.Request(
            es_url.rstrip("/") + recorded.path,
            data=recorded.body.encode() or None,
            method=recorded.method,
            headers={"Content-Type": content_type},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.status != 200:
                sys.exit(f"replaying {recorded.path} answered {response.status}")


def run_wrk(wrk: str, base: str, script: str, lines_file, args, meters: dict) -> dict:
    """One wrk run; ``meters`` name functions returning CPU seconds so far, measured around it."""
    command = [
        wrk, f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{args.duration}s",
        "--timeout=10s", "--latency", "-s", script, base, "--", str(lines_file),
    ]  # fmt: skip
    print("$", " ".join(command), flush=True)
    load = os.getloadavg()[0]
    before = {name: meter() for name, meter in meters.items()}
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    used = {name: meter() - before[name] for name, meter in meters.items()}
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    summary["errors"] = summary["status"] + sum(
        summary[k] for k in ("connect", "read", "write", "timeout")
    )
    summary["rps"] = summary["requests"] / summary["duration_s"]
    summary["load_before"] = load
    # CPU ms per request: unlike latency, barely moved by other work on a shared box.
    summary["cpu_ms"] = {name: 1000 * sec / summary["requests"] for name, sec in used.items()}
    return summary


def report(direct: dict, app: dict, recorder: Recorder, args) -> float:
    """Print one pair of runs; the app's searches/s as a share of the direct ones."""
    per_search = recorder.per_group()
    searches, es_requests = len(per_search), sum(per_search)
    endpoints = sorted({r.endpoint for r in recorder.requests})
    direct_sps = direct["rps"] * searches / es_requests
    print(
        f"\nprofiles {args.count:,}; {searches} searches made {es_requests} Elasticsearch "
        f"requests ({', '.join(endpoints)}; per search: {per_search}); gunicorn "
        f"{args.workers} workers x {args.threads or 'default'} threads; wrk {args.wrk_threads}"
        f" threads, {args.connections} connections, {args.duration} s each; {os.cpu_count()} CPUs"
    )
    # The direct side's requests/s and CPU per request, per search of the mix.
    per = es_requests / searches
    rows = (
        ("straight to Elasticsearch", direct, direct_sps, per),
        ("through the app", app, app["rps"], 1),
    )
    print("| side | searches/s | p50 | p99 | ES CPU/search | app CPU/search | errors | load |")
    print("|---|---|---|---|---|---|---|---|")
    for name, side, sps, scale in rows:
        cpu = {k: f"{v * scale:.1f} ms" for k, v in side["cpu_ms"].items()}
        print(
            f"| {name} | {sps:,.1f} | {side['p50_ms']:.0f} ms | {side['p99_ms']:.0f} ms | "
            f"{cpu['es']} | {cpu['app'] if side is app else '-'} | {side['errors']} | "
            f"{side['load_before']:.1f} |"
        )
    print(
        f"app / direct: capacity {app['rps'] / direct_sps:.0%}, "
        f"p99 {app['p99_ms'] / direct['p99_ms']:.1f}x"
    )
    return app["rps"] / direct_sps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--alias", help="an already loaded alias (default: bench-search-N)")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="default: gunicorn.conf.py")
    parser.add_argument("--no-events", action="store_true", help="search events off in the app")
    parser.add_argument(
        "--page", action="store_true", help="drive the results page (HTML) instead of the API"
    )
    parser.add_argument(
        "--pairs", type=int, default=1, help="direct and app runs, alternated, this many times"
    )
    args = parser.parse_args()
    wrk = ensure_wrk()
    alias = args.alias or ensure_loaded(args.count)
    es_url = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200").split(",")[0]
    path = PAGE if args.page else API
    recorder = record_requests(alias, QUERIES, path)
    OUT.mkdir(parents=True, exist_ok=True)
    replay_file, urls_file = OUT / "capacity-requests.tsv", OUT / "capacity-urls.txt"
    replay_file.write_text("".join(r.line + "\n" for r in recorder.requests))
    urls_file.write_text("".join(path + query + "\n" for query in QUERIES))
    check_replay(es_url, recorder.requests)
    extra_env = {"FLASK_SEARCH_EVENTS_ENABLED": "false"} if args.no_events else {}
    with ExitStack() as stack:
        base = stack.enter_context(
            running_app(alias, args.workers, args.threads, extra_env=extra_env)
        )
        for query in QUERIES * args.workers:  # warm each worker's lexicon before the clock
            urllib.request.urlopen(base + path + query, timeout=30).read()
        pids = app_pids(base)
        meters = {"es": lambda: es_cpu_seconds(es_url), "app": lambda: cpu_seconds(pids)}
        replay, urls = str(ROOT / "bench" / "replay.lua"), str(ROOT / "bench" / "urls.lua")
        ratios, errors = [], 0
        for _ in range(args.pairs):  # direct, app, direct, app...: the box drifts between runs
            direct = run_wrk(wrk, es_url, replay, replay_file, args, meters)
            app = run_wrk(wrk, base, urls, urls_file, args, meters)
            ratios.append(report(direct, app, recorder, args))
            errors += direct["errors"] + app["errors"]
    if len(ratios) > 1:
        print(f"app / direct over {len(ratios)} pairs: median {statistics.median(ratios):.0%}, "
              f"range {min(ratios):.0%}-{max(ratios):.0%}")  # fmt: skip
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
