"""The app gunicorn serves (wsgi.py, gunicorn.conf.py): each worker is ready for its first
search, a setting it cannot run with stops the start with one sentence, and answers do not
name the server software."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

from conftest import ROOT
from gunicorn_helpers import COMMAND, environment, free_port, gunicorn

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


def test_a_setting_the_app_cannot_run_with_stops_the_start_in_one_sentence(tmp_path):
    es_url = str(settings()["ELASTICSEARCH_URL"])
    env = environment(tmp_path, free_port(), "physicians", es_url, GUNICORN_WORKERS="1",
                      STALE_PROFILE_POLICY="delete")  # fmt: skip
    run = subprocess.run(COMMAND, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0  # it stopped by itself, rather than booting workers again
    said = run.stdout + run.stderr
    assert "Traceback" not in said, said
    policy = "STALE_PROFILE_POLICY must be one of note, demote, hide, not 'delete'"
    assert f"Configuration error: {policy}" in said.splitlines(), said


def test_answers_name_no_server_software_and_no_version(tmp_path):
    es_url = str(settings()["ELASTICSEARCH_URL"])
    with gunicorn(tmp_path, "physicians", es_url, GUNICORN_WORKERS="1") as (base, _):
        with urllib.request.urlopen(f"{base}/healthz") as response:
            servers = response.headers.get_all("Server") or []
    assert len(servers) <= 1, servers
    assert not [s for s in servers if "gunicorn" in s.lower() or re.search(r"\d", s)], servers


def _sign_in_answer(base: str) -> str:
    """A refused sign-in, as a browser sends it: the form read, then posted, each on a
    connection of its own (so on any worker)."""
    browser = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with browser.open(f"{base}/staff/login") as page:
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.read().decode())[1]
    form = {"csrf_token": token, "email": "nobody@example.org", "password": "not the password"}
    data = urllib.parse.urlencode(form).encode()
    try:
        with browser.open(f"{base}/staff/login", data=data) as answer:
            return answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.read().decode()


def test_workers_started_without_a_secret_key_share_one(tmp_path, sqlite_store_url):
    """Run without SECRET_KEY, each of gunicorn's workers made its own: a form read from one
    worker and posted to another had 'expired', and a shortlist came back empty."""
    es_url = str(settings()["ELASTICSEARCH_URL"])
    extra = {"SECRET_KEY": "", "GUNICORN_WORKERS": "3", "DATABASE_URL": sqlite_store_url}
    with gunicorn(tmp_path, "physicians", es_url, **extra) as (base, _):
        answers = [_sign_in_answer(base) for _ in range(12)]
    assert not [a for a in answers if "This form has expired" in a]
    assert all("Sign in" in a for a in answers)
    log = next(tmp_path.glob("gunicorn-*.log")).read_text()
    assert "SECRET_KEY is not set" in log
