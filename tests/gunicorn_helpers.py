"""gunicorn as `make run` starts it (gunicorn.conf.py, wsgi:app), for tests of the real server."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

from conftest import ROOT

COMMAND = [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "wsgi:app"]


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


def environment(home, port: int, alias: str, es_url: str, **extra) -> dict[str, str]:
    """The environment of one instance of our own, on ``port``, with ``extra`` settings."""
    env = {key: value for key, value in os.environ.items() if key != "XDG_RUNTIME_DIR"}
    env.update(HOME=str(home), GUNICORN_BIND=f"127.0.0.1:{port}", GUNICORN_WORKERS="2",
               PHYSICIAN_INDEX_ALIAS=alias, ELASTICSEARCH_URL=es_url, SECRET_KEY="test",
               FLASK_RATELIMIT_ENABLED="false")  # fmt: skip
    return env | extra


@contextmanager
def gunicorn(home, alias: str, es_url: str, **extra):
    """A running instance, once its /healthz answers: yields its base URL and process."""
    port = free_port()
    log = open(home / f"gunicorn-{port}.log", "w")
    server = subprocess.Popen(
        COMMAND, cwd=ROOT, env=environment(home, port, alias, es_url, **extra),
        stdout=log, stderr=log,
    )  # fmt: skip
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
