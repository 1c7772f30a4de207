"""The curation loop end to end: a search that found no one finds the right physicians after
a curator maps its words, the mapping survives a full vocabulary rebuild, and undo takes it back."""

from __future__ import annotations

import json
import re

import pytest
from staff_helpers import add_account, csrf_token, sign_in, staff_app

from directory.store.curation import history
from directory.store.db import make_engine, session_factory
from directory.vocabulary import default_vocabulary
from indexer.curated import rebuild_curated_vocabulary
from indexer.load import rebuild

# Words nobody wrote down: no vocabulary term, lexicon entry or typo reads them.
WORDS = "tush twinge"
CONCEPT = "coccydynia"
TOTAL = re.compile(r'"total": (\d+)')


@pytest.fixture
def loop(es, alias, demo_profiles, sqlite_store_url):
    vocabulary = default_vocabulary()
    rebuild(es, alias, demo_profiles[:1000], vocabulary)
    rebuild_curated_vocabulary(es, alias, vocabulary, sqlite_store_url)
    app = staff_app(alias, sqlite_store_url)
    add_account(app, "curator@example.org", "curator")
    return app


def _map_the_words(client):
    """A signed-in curator maps WORDS to CONCEPT."""
    return client.post(
        "/staff/curation",
        data={
            "csrf_token": csrf_token(client, "/staff/curation"),
            "term": WORDS,
            "target": f"condition:{CONCEPT}",
            "reason": "Patients describe tailbone pain this way",
        },
    )


def _api_total(client, text: str) -> int:
    response = client.get("/api/v1/physicians", query_string={"q": text})
    assert response.status_code == 200
    return response.get_json()["total"]


def test_a_curated_mapping_turns_a_dead_end_into_the_right_physicians(loop, es, alias):
    client = loop.test_client()
    assert _api_total(client, WORDS) == 0
    assert _api_total(client, "coccydynia") > 0

    sign_in(client, "curator@example.org")
    assert loop.extensions["search_events"].flush(timeout=30)
    es.indices.refresh(index=f"{alias}-events")
    zero = client.get("/staff/insights?report=zero&weeks=4").get_data(as_text=True)
    assert f"/search?q={WORDS.replace(' ', '+')}" in zero  # the row links to the live search
    assert f"/staff/curation?term={WORDS.replace(' ', '+')}" in zero

    response = _map_the_words(client)
    assert response.status_code == 302
    assert "Live in search now" in client.get("/staff/curation").get_data(as_text=True)

    found = client.get("/api/v1/physicians", query_string={"q": WORDS}).get_json()
    assert found["total"] == _api_total(client, "coccydynia") > 0
    assert [t["id"] for t in found["resolved"]["terms"]] == [CONCEPT]

    # A full reload by the loader keeps the mapping: it reads curated terms from the store.
    rebuild_curated_vocabulary(es, alias, default_vocabulary(), loop.extensions["store"].url)
    assert _api_total(client, WORDS) == found["total"]

    export = client.get("/staff/curation/export.json")
    patch = json.loads(export.get_data(as_text=True))
    assert [m["term"] for m in patch["mappings"]] == [WORDS]
    ops = [op for ops in patch["files"].values() for op in ops]
    assert ops and ops[0]["value"] == WORDS

    with session_factory(make_engine(loop.extensions["store"].url))() as session:
        [row] = history(session)
    response = client.post(
        f"/staff/curation/{row.id}/undo",
        data={"csrf_token": csrf_token(client, "/staff/curation")},
    )
    assert response.status_code == 302
    assert "no longer means" in client.get("/staff/curation").get_data(as_text=True)
    assert _api_total(client, WORDS) == 0

    audit_page = client.get("/staff/audit")
    assert audit_page.status_code == 403  # curators do not read the audit log; admins do
    add_account(loop, "admin@example.org", "admin")
    admin = loop.test_client()
    sign_in(admin, "admin@example.org")
    log = admin.get("/staff/audit").get_data(as_text=True)
    assert "curation.add" in log and "curation.undo" in log and "curation.export" in log


def test_words_the_vocabulary_already_knows_are_not_mapped_again(loop):
    client = loop.test_client()
    sign_in(client, "curator@example.org")
    response = client.post(
        "/staff/curation",
        data={
            "csrf_token": csrf_token(client, "/staff/curation"),
            "term": "Sciatica",
            "target": "condition:coccydynia",
            "reason": "wrong on purpose",
        },
    )
    assert response.status_code == 400
    assert "already maps these words to Sciatica" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("term", "target", "said"),
    [
        # 'a' mapped to cardiologists turned "vitamin a" and "hepatitis a" into cardiologists
        ("a", "specialty:207RC0000X", "in too many searches to mean one thing"),
        ("the", "condition:coccydynia", "in too many searches to mean one thing"),
        ("06106", "condition:coccydynia", "read as one already"),
        ("M54.5", "condition:coccydynia", "read as one already"),
        # said "Live in search now" and changed nothing
        ("sciatica", "noise:", "would not change how they are read"),
    ],
)
def test_a_mapping_that_would_hijack_searches_or_do_nothing_is_refused(loop, term, target, said):
    client = loop.test_client()
    sign_in(client, "curator@example.org")
    token = csrf_token(client, "/staff/curation")
    data = {"csrf_token": token, "term": term, "target": target, "reason": "QA probe"}
    response = client.post("/staff/curation", data=data)
    assert response.status_code == 400
    assert said in response.get_data(as_text=True)
    with session_factory(make_engine(loop.extensions["store"].url))() as session:
        assert history(session) == []


def test_searches_after_a_curated_mapping_do_not_rebuild_the_parser(loop, monkeypatch):
    """With a curated mapping live, a ranking rule that asked for the lexicon without the
    curation's version rebuilt the parser's tables on every search (~200 ms of CPU each)."""
    from directory.understanding.lexicon import Lexicon

    client = loop.test_client()
    sign_in(client, "curator@example.org")
    assert _map_the_words(client).status_code == 302
    mixed = [WORDS, "blood pressure wont come down even on 3 meds", "lupus specialist"]
    for text in mixed:  # the first searches after the mapping build the curated lexicon once
        _api_total(client, text)
    builds = []
    real_build = Lexicon.build.__func__
    monkeypatch.setattr(
        Lexicon,
        "build",
        classmethod(lambda cls, *a, **k: builds.append(1) or real_build(cls, *a, **k)),
    )
    for text in mixed * 2:
        _api_total(client, text)
    assert builds == []
