"""The app gunicorn serves (wsgi.py): each worker is ready for its first search."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

from directory.settings import settings

# What a worker holds once wsgi.py is imported: the parser's lexicon, and the gazetteer's
# city index that "near Hartford, CT" reads. Without the warm-up both are built by the
# worker's first search, which then takes ~2 s of CPU instead of ~5 ms.
PROBE = (
    "import wsgi\n"
    "from directory.understanding import lexicon\n"
    "from directory.geography import gazetteer\n"
    "print(len(lexicon._LEXICONS), gazetteer.city_index.cache_info().currsize)\n"
)


def test_a_worker_builds_the_parsers_tables_before_its_first_search(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'store.sqlite3'}",
        "ELASTICSEARCH_URL": str(settings()["ELASTICSEARCH_URL"]),
        "SECRET_KEY": "test",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"]
