"""Shared by the benchmark scripts: a loaded alias of N demo profiles, and a running app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from directory.connection import client_from_settings  # noqa: E402
from directory.settings import settings  # noqa: E402

# A fixed mix: lay terms, codes, procedures, names, specialties; with ZIP, city, radius, facets.
QUERIES = [
    "q=failed+back+syndrome&location=06106&radius=25",
    "q=pain+after+back+surgery&location=Hartford%2C+CT&radius=50",
    "q=M96.1&location=44106&radius=25",
    "q=spinal+cord+stimulator&location=90012&radius=25&accepting_new_patients=true",
    "q=sciatica&location=77030&radius=10&language=Spanish",
    "q=siatica&location=60611&radius=25",
    "q=pinched+nerve&location=02115&radius=25&telehealth=true",
    "q=herniated+disc&location=30303&radius=50&sort=distance",
    "q=knee+replacement&location=06106&radius=25&insurance=Medicare",
    "q=heart+attack&location=44106&radius=25",
    "q=migraine&location=90012&radius=25&gender=female",
    "q=spine+surgeon&location=06106&radius=100",
    "q=Dr.+Soucier",
    "q=diabetes&location=77030&radius=25&accepting_new_patients=true&language=Spanish",
    "q=epidural+steroid+injection&location=Cleveland%2C+OH&radius=25",
    "q=pain+pump&location=02115&radius=50",
    "q=M54.16&location=60611&radius=25",
    "q=depression&location=30303&radius=25&sort=distance",
    "location=06106&radius=10",
    "q=cardiologist&location=90012&radius=25&page=2",
]


def client(timeout: float = 300):
    return client_from_settings(settings(), timeout=timeout)


def profiles_file(count: int, seed: int = 42, spread: str = "metros") -> Path:
    """bench/out/profiles[-national]-N-SEED.jsonl, generated once by the demo generator."""
    kind = "" if spread == "metros" else f"{spread}-"
    path = OUT / f"profiles-{kind}{count}-{seed}.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "indexer.demo", "--count", str(count), "--seed",
                   str(seed), "--spread", spread, "--out", str(path)]  # fmt: skip
        subprocess.run(command, check=True, cwd=ROOT)
    return path


def ensure_loaded(count: int, seed: int = 42, spread: str = "metros") -> str:
    """An alias with ``count`` demo profiles, loaded once and kept for later runs."""
    alias = f"bench-search-{count}" if spread == "metros" else f"bench-search-{spread}-{count}"
    es = client()
    if es.indices.exists_alias(name=alias) and es.count(index=alias)["count"] >= count:
        return alias
    path = profiles_file(count, seed, spread)
    env = {**os.environ, "PHYSICIAN_INDEX_ALIAS": alias}
    subprocess.run(
        [sys.executable, "-m", "indexer", "load", "--rebuild", str(path)],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return alias


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(
    alias: str,
    workers: int = 3,
    threads: int | None = None,
    port: int | None = None,
    extra_env: dict[str, str] | None = None,
):
    """gunicorn with the recommended settings (see docs/benchmarks.md), serving ``alias``."""
    port = port or free_port()
    env = {
        **os.environ,
        "PHYSICIAN_INDEX_ALIAS": alias,
        "SECRET_KEY": "bench-only",
        "FLASK_RATELIMIT_ENABLED": "false",
        **(extra_env or {}),
        # gunicorn.conf.py: the same settings as `make run`, this many workers and threads.
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
    }
    if threads is not None:  # else gunicorn.conf.py's: 4 for requests + 1 kept for /healthz
        env["GUNICORN_THREADS"] = str(threads)
    gunicorn = ROOT / ".venv" / "bin" / "gunicorn"
    proc = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/readyz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:  # a worker stuck in shutdown must not outlive us
            proc.kill()
            proc.wait()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[rank]
