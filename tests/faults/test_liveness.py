"""gunicorn as `make run` starts it (gunicorn.conf.py): liveness while the node is frozen,
and instances that don't share a control socket.

The frozen node is the shared node behind a delaying proxy that holds every answer for a
minute: searches give up after ELASTICSEARCH_TIMEOUT, and while they wait, /healthz must
still answer at once from every worker.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from collections import Counter

import pytest
from conftest import ROOT
from gunicorn_helpers import get, gunicorn

from directory.settings import settings
from faults.fault_helpers import DelayingProxy

API = "/api/v1/physicians?q=back+pain"


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
