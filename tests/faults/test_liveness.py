"""gunicorn as `make run` starts it (gunicorn.conf.py): liveness while the node is frozen,
and instances that don't share a control socket.

The frozen node is the shared node behind a delaying proxy that holds every answer for a
minute: searches give up after ELASTICSEARCH_TIMEOUT, and while they wait, /healthz must
still answer at once from every worker.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from contextlib import contextmanager

import pytest
from conftest import ROOT

from directory.settings import settings
from faults.fault_helpers import DelayingProxy

API = "/api/v1/physicians?q=back+pain"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 60) -> tuple[int, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - started


@contextmanager
def gunicorn(home, alias: str, es_url: str, **extra):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update(HOME=str(home), GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
               PHYSICIAN_INDEX_ALIAS=alias, ELASTICSEARCH_URL=es_url, SECRET_KEY="test",
               FLASK_RATELIMIT_ENABLED="false", **extra)  # fmt: skip
    command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"]
    log = open(home / f"gunicorn-{port}.log", "w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(f"{base}/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "no gunicorn"
                time.sleep(0.2)
        yield base, server
    finally:
        server.terminate()
        server.wait(30)
        log.close()


@pytest.mark.slow
def test_liveness_answers_at_once_while_every_search_waits_on_a_frozen_node(search_alias, tmp_path):
    shared = str(settings()["ELASTICSEARCH_URL"]).split(",")[0]
    with DelayingProxy(shared) as node, gunicorn(tmp_path, search_alias, node.url) as (base, _):
        assert get(base + API)[0] == 200
        node.delay = 60  # frozen: requests arrive, answers never come back in time
        statuses: Counter = Counter()
        searchers = [
            threading.Thread(target=lambda: statuses.update([get(base + API)[0]]))
            for _ in range(16)
        ]
        for searcher in searchers:
            searcher.start()
        probes = []
        for _ in range(6):  # a probe every half second while the searches hang
            probes.append(get(f"{base}/healthz", timeout=30))
            time.sleep(0.5)
        for searcher in searchers:
            searcher.join(60)
        node.delay = 0
        assert get(base + API)[0] == 200  # nothing left hanging once the node is back
    assert all(status == 200 for status, _ in probes), probes
    slowest = max(elapsed for _, elapsed in probes)
    assert slowest < 2, f"/healthz took {slowest:.1f}s while the node was frozen"
    assert set(statuses) <= {503, 504}, statuses  # shed at once, or timed out: never a 500
    assert statuses[503] > 0, statuses  # the in-flight limit did shed


def control(path) -> dict:
    command = [str(ROOT / ".venv" / "bin" / "gunicornc"), "-s", str(path), "-c", "show workers",
               "-j"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.slow
def test_two_instances_never_share_a_control_socket(search_alias, tmp_path):
    shared = str(settings()["ELASTICSEARCH_URL"]).split(",")[0]
    with gunicorn(tmp_path, search_alias, shared), gunicorn(tmp_path, search_alias, shared):
        assert not (tmp_path / ".gunicorn").exists()  # none at the per-user default path
    first, second = tmp_path / "first.ctl", tmp_path / "second.ctl"
    with gunicorn(tmp_path, search_alias, shared, GUNICORN_CONTROL_SOCKET=str(first)) as (_, a):
        with gunicorn(tmp_path, search_alias, shared, GUNICORN_CONTROL_SOCKET=str(second)):
            assert control(first) != control(second)  # each answers for its own workers
        assert first.exists() and control(first)  # stopping the second left the first its own
