"""Putting curation live: the loader's own ``vocabulary`` command rebuilds the index.

The web app never imports the loader (tests/unit/test_architecture.py); it runs the
loader as the program it is, with this app's cluster, alias and store. The command
takes the store's job lock, reads every live curated term and swaps the alias.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from app.staff.store import store

ROOT = Path(__file__).resolve().parents[2]
PASSED_SETTINGS = (
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_API_KEY",
    "ELASTICSEARCH_USERNAME",
    "ELASTICSEARCH_PASSWORD",
    "ELASTICSEARCH_CA_CERTS",
    "PHYSICIAN_INDEX_ALIAS",
)
TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Published:
    ok: bool
    message: str


def publish_vocabulary() -> Published:
    config = current_app.config
    env = {key: value for key, value in os.environ.items() if key not in PASSED_SETTINGS}
    env |= {key: str(config[key]) for key in PASSED_SETTINGS if config.get(key)}
    env["DATABASE_URL"] = store().url
    try:
        result = subprocess.run(
            [sys.executable, "-m", "indexer", "vocabulary"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return Published(False, f"The vocabulary rebuild took over {TIMEOUT_SECONDS}s.")
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        current_app.logger.error("vocabulary rebuild failed: %s", result.stderr[-2000:])
        return Published(False, f"The vocabulary rebuild failed: {last}")
    return Published(True, result.stdout.strip())
