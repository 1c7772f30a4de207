"""Corrections that survive reloads, undo, the 90-day queue and audit, on SQLite and PostgreSQL.

Staff edit through the real pages; the loader rebuilds through the real overlay; search
answers from a real node. Each test runs once per store engine (``database_url``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from accuracy_helpers import load, npi, profile
from click.testing import CliRunner
from conftest import ROOT
from staff_helpers import add_account, csrf_token, sign_in, staff_app

from directory.settings import settings
from directory.store import audit, overrides
from directory.store.db import make_engine, session_factory, transaction
from directory.store.models import FactVerification, ProfileOverride
from indexer import lifecycle
from indexer.cli import Exit, cli

VERIFIER = "verifier@example.org"
DOCTOR = npi(1)


@pytest.fixture
def database_url(migrated_database_url):
    """Every test here starts from a migrated store, on each engine in turn."""
    return migrated_database_url


@pytest.fixture
def directory(es, alias, database_url):
    """Three physicians loaded with the store's corrections, and a verifier signed in."""
    profiles = [profile(1), profile(2, verified_days_ago=200), profile(3, verified_days_ago=120)]
    load(es, alias, profiles, database_url)
    app = staff_app(alias, database_url)
    add_account(app, VERIFIER, "verifier")
    client = app.test_client()
    assert sign_in(client, VERIFIER).status_code == 302
    yield app, client, profiles
    close_store_connections(app)


def close_store_connections(app) -> None:
    """The app's pooled connections, closed before the test database is dropped."""
    app.extensions["store"].factory.kw["bind"].dispose()
    curation = app.extensions["search"].curation
    if "_engine" in vars(curation):
        curation._engine.dispose()


def _form(client, **changes) -> dict:
    """The correction form as the page fills it, with ``changes`` typed in."""
    page = client.get(f"/staff/profiles/{DOCTOR}").get_data(as_text=True)
    fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', page))
    data = {k: v for k, v in fields.items() if k != "npi"}
    data |= {"accepting_new_patients": "no", "insurance": "Aetna\nMedicare"}
    data |= {"referral_required": "", "authorization_required": "", "conditions_not_treated": ""}
    return data | {"csrf_token": csrf_token(client, f"/staff/profiles/{DOCTOR}")} | changes


def _public_phone(client) -> str:
    response = client.get("/api/v1/physicians", query_string={"q": "Accuracy1"})
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    [hit] = [h for h in body["results"] if h["npi"] == DOCTOR]
    return hit["nearest_location"]["phone"]


def _rows(database_url, model) -> list:
    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        rows = list(session.query(model).order_by(model.id))
    engine.dispose()
    return rows


def _actions(database_url) -> list[str]:
    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        found = [entry.action for entry in audit.recent(session)]
    engine.dispose()
    return found


def test_a_correction_is_live_at_once_survives_a_rebuild_and_retires_when_the_source_agrees(
    directory, es, alias, database_url
):
    app, client, profiles = directory
    response = client.post(
        f"/staff/profiles/{DOCTOR}",
        data=_form(client, phone="(860) 555-0199", reason="Practice called: new main line"),
    )
    assert response.status_code == 302
    page = client.get(f"/staff/profiles/{DOCTOR}").get_data(as_text=True)
    assert "Live in search now" in page
    assert _public_phone(client) == "860-555-0199"  # no load needed

    # The front desk finds the physician by the new number at once, no longer by the old one
    # (which the two colleagues still list).
    def at(number: str) -> set[str]:
        body = client.get("/api/v1/physicians", query_string={"q": number}).get_json()
        return {hit["npi"] for hit in body["results"]}

    assert at("(860) 555-0199") == {DOCTOR}
    assert at("860-555-0100") == {npi(2), npi(3)}

    # A full rebuild from the unchanged roster keeps the correction.
    note = load(es, alias, profiles, database_url)
    assert "1 applied, 0 retired" in note
    assert _public_phone(client) == "860-555-0199"
    [row] = _rows(database_url, ProfileOverride)
    assert (row.state, row.source_value, row.created_by) == ("live", "860-555-0100", VERIFIER)

    # The roster catches up: the correction is retired, and says when and why.
    profiles[0]["locations"][0]["phone"] = "860-555-0199"
    note = load(es, alias, profiles, database_url)
    assert "0 applied, 1 retired" in note
    [row] = _rows(database_url, ProfileOverride)
    assert row.state == "retired" and "the source now agrees" in row.end_note
    assert row.ended_at is not None and "test rebuild" in row.end_note
    assert _public_phone(client) == "860-555-0199"
    listing = client.get("/staff/corrections").get_data(as_text=True)
    assert "Retired" in listing and "the source now agrees" in listing
    assert _actions(database_url)[:2] == ["override.retire", "override.add"]


def test_undo_is_one_click_and_restores_the_live_document(directory, database_url):
    app, client, _ = directory
    accepting = {"q": "sciatica", "accepting_new_patients": "yes"}
    before = client.get("/api/v1/physicians", query_string=accepting).get_json()["total"]
    client.post(
        f"/staff/profiles/{DOCTOR}",
        data=_form(client, accepting_new_patients="yes", reason="Office manager, by phone"),
    )
    profile_page = client.get(f"/physicians/{DOCTOR}").get_data(as_text=True)
    assert "Accepting new patients" in profile_page and "Not accepting" not in profile_page
    during = client.get("/api/v1/physicians", query_string=accepting).get_json()["total"]
    assert during == before + 1  # the filter sees the correction at once
    [row] = _rows(database_url, ProfileOverride)
    response = client.post(
        f"/staff/corrections/{row.id}/undo",
        data={"csrf_token": csrf_token(client, f"/staff/profiles/{DOCTOR}")},
    )
    assert response.status_code == 302
    assert "Correction undone. Live in search now." in client.get(
        f"/staff/profiles/{DOCTOR}"
    ).get_data(as_text=True)
    assert "Not accepting new patients" in client.get(f"/physicians/{DOCTOR}").get_data(
        as_text=True
    )
    [row] = _rows(database_url, ProfileOverride)  # kept as history, not deleted
    assert row.state == "undone" and row.ended_by == VERIFIER
    after = client.get("/api/v1/physicians", query_string=accepting).get_json()["total"]
    assert after == before
    assert _actions(database_url)[:2] == ["override.undo", "override.add"]


def test_the_queue_lists_profiles_not_verified_in_90_days_oldest_first(directory, database_url):
    app, client, _ = directory
    page = client.get("/staff/verification").get_data(as_text=True)
    assert "<strong>2</strong> due" in page
    assert page.index(npi(2)) < page.index(npi(3)) and DOCTOR not in page  # 200 days, then 120

    _verify_all(client, 2)
    page = client.get("/staff/verification").get_data(as_text=True)
    assert "<strong>1</strong> due" in page and npi(2) not in page

    [check] = _rows(database_url, FactVerification)
    client.post(
        f"/staff/verifications/{check.id}/undo",
        data={"csrf_token": csrf_token(client, "/staff/verification")},
    )
    assert npi(2) in client.get("/staff/verification").get_data(as_text=True)
    assert _actions(database_url)[:2] == ["verification.undo", "verification.add"]


def test_verifying_some_facts_leaves_the_profile_due_for_the_others(directory):
    app, client, _ = directory
    client.post(
        f"/staff/profiles/{npi(2)}/verify",
        data={
            "csrf_token": csrf_token(client, f"/staff/profiles/{npi(2)}"),
            "groups": ["phone"],
            "method": "Practice website",
        },
    )
    page = client.get("/staff/verification").get_data(as_text=True)
    row = page[page.index(npi(2)) :].split("</tr>")[0]
    assert "Locations" in row and "Phone and fax" not in row


def test_a_refused_correction_says_why_and_changes_nothing(directory, database_url):
    app, client, _ = directory
    no_reason = client.post(f"/staff/profiles/{DOCTOR}", data=_form(client, phone="860-555-0177"))
    assert no_reason.status_code == 400
    assert "Say where the correction comes from" in no_reason.get_data(as_text=True)
    bad = client.post(
        f"/staff/profiles/{DOCTOR}",
        data=_form(client, phone="555-0177", direct_address="not an address", reason="x"),
    )
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert "10-digit US number" in text and "Enter a Direct address" in text
    no_token = client.post(
        f"/staff/profiles/{DOCTOR}",
        data={k: v for k, v in _form(client, phone="860-555-0177", reason="x").items()
              if k != "csrf_token"},
    )  # fmt: skip
    assert no_token.status_code == 400
    # An extension the directory would drop without a word ('Nothing changed') is refused.
    extension = client.post(
        f"/staff/profiles/{DOCTOR}",
        data=_form(client, phone="860-555-0100 ext 245", reason="Practice called"),
    )
    assert extension.status_code == 400
    assert "keeps no extensions" in extension.get_data(as_text=True)
    assert _rows(database_url, ProfileOverride) == []
    assert _public_phone(client) == "860-555-0100"
    assert client.get("/staff/profiles/1234567890").status_code == 404  # bad check digit
    assert client.get(f"/staff/profiles/{npi(99)}").status_code == 404  # not in the directory


def _public_address(client) -> dict:
    body = client.get("/api/v1/physicians", query_string={"q": "Accuracy1"}).get_json()
    [hit] = [h for h in body["results"] if h["npi"] == DOCTOR]
    return hit["nearest_location"]


@pytest.mark.parametrize("state", ["12", "ZZ", "MA"])
def test_an_address_whose_city_and_state_are_not_the_zips_is_refused(
    directory, database_url, state
):
    """The QA's "Boston, 12 06105": a state that is no state, or not the ZIP's, and a city
    the ZIP's post office does not know, never reach the public profile."""
    app, client, _ = directory
    form = _form(client, city="Boston", state=state, zip="06105", reason="Called the practice")
    response = client.post(f"/staff/profiles/{DOCTOR}", data=form)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    if state == "MA":  # a real state, not the ZIP's; and the city the post office doubts
        assert "06105 is in Connecticut" in page
        assert "The post office calls ZIP 06105 Hartford" in page and "not Boston" in page
    else:
        assert "Enter a US state, like CT." in page
    assert _rows(database_url, ProfileOverride) == []
    assert _public_address(client)["city"] == "Hartford"
    assert "Boston" not in client.get(f"/physicians/{DOCTOR}").get_data(as_text=True)


def test_a_city_the_zip_data_doubts_is_saved_once_the_verifier_keeps_it(directory, database_url):
    """Weatogue's ZIP for a practice that gives its town, Simsbury: the data is not always
    right about towns, so the verifier may keep the city after being asked."""
    app, client, _ = directory
    typed = {"city": "Simsbury", "state": "CT", "zip": "06089", "reason": "Practice website"}
    asked = client.post(f"/staff/profiles/{DOCTOR}", data=_form(client, **typed))
    assert asked.status_code == 400
    page = asked.get_data(as_text=True)
    assert "The post office calls ZIP 06089 Weatogue" in page and 'name="keep_city"' in page
    assert _rows(database_url, ProfileOverride) == []
    kept = client.post(f"/staff/profiles/{DOCTOR}", data=_form(client, keep_city="y", **typed))
    assert kept.status_code == 302
    location = _public_address(client)
    assert (location["city"], location["state"], location["zip"]) == ("Simsbury", "CT", "06089")


def test_an_address_the_loader_would_reject_is_refused_from_staff_too(directory, database_url):
    """One rule for a practice's ZIP and state, whether a file or a verifier states it."""
    app, client, _ = directory
    bad = client.post(
        f"/staff/profiles/{DOCTOR}", data=_form(client, zip="99999", state="XX", reason="moved")
    )
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert "Enter a ZIP code in service" in text and "Enter a US state" in text
    assert _rows(database_url, ProfileOverride) == []


def test_a_second_correction_replaces_the_first_and_scheduling_notes_are_corrected_too(
    directory, database_url
):
    app, client, _ = directory
    client.post(f"/staff/profiles/{DOCTOR}",
                data=_form(client, intake_phone="860-555-0150", reason="Intake desk"))  # fmt: skip
    client.post(f"/staff/profiles/{DOCTOR}",
                data=_form(client, intake_phone="860-555-0151", ages_seen="18 and older",
                           referral_required="yes", reason="Intake desk, again"))  # fmt: skip
    states = [(r.fact, r.state) for r in _rows(database_url, ProfileOverride)]
    assert states == [
        ("intake_phone", "replaced"), ("ages_seen", "live"), ("referral_required", "live"),
        ("intake_phone", "live"),
    ] or sorted(states) == sorted([
        ("intake_phone", "replaced"), ("ages_seen", "live"), ("referral_required", "live"),
        ("intake_phone", "live"),
    ])  # fmt: skip
    compact = client.get("/search", query_string={"q": "Accuracy1", "view": "compact"})
    text = compact.get_data(as_text=True)
    assert "860-555-0151" in text and "18 and older" in text and "Referral required" in text
    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        assert [c.fact for c in overrides.live_corrections(session)[DOCTOR]] == [
            "ages_seen", "referral_required", "intake_phone",
        ] or len(overrides.live_corrections(session)[DOCTOR]) == 3  # fmt: skip
    engine.dispose()


def test_the_loader_command_applies_corrections_and_refuses_without_the_store(
    es, alias, sqlite_store_url, tmp_path
):
    roster = tmp_path / "roster.jsonl"
    roster.write_text("".join(json.dumps(profile(n)) + "\n" for n in (1, 2)), encoding="utf-8")
    engine = make_engine(sqlite_store_url)
    with transaction(session_factory(engine)) as session:
        overrides.correct(session, DOCTOR, "fax", "860-555-0188", "860-555-0101", "new fax",
                          "verifier@example.org")  # fmt: skip
    engine.dispose()
    env = {
        **os.environ,
        "DATABASE_URL": sqlite_store_url,
        "ELASTICSEARCH_URL": str(settings()["ELASTICSEARCH_URL"]),
    }
    command = [sys.executable, "-m", "indexer", "load", str(roster), "--alias", alias]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "staff corrections: 1 applied, 0 retired" in done.stdout
    assert es.get(index=alias, id=DOCTOR)["_source"]["locations"][0]["fax"] == "860-555-0188"

    env["DATABASE_URL"] = "postgresql://nobody@127.0.0.1:9/none"  # nothing listens there
    refused = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "staff corrections could not be read; nothing was loaded" in refused.stderr
    assert es.get(index=alias, id=DOCTOR)["_source"]["locations"][0]["fax"] == "860-555-0188"


def test_every_accuracy_post_needs_its_csrf_token(directory, database_url):
    app, client, _ = directory
    for path in (f"/staff/profiles/{DOCTOR}", f"/staff/profiles/{DOCTOR}/verify",
                 "/staff/corrections/1/undo", "/staff/verifications/1/undo"):  # fmt: skip
        response = client.post(path, data={"groups": ["phone"], "method": "Practice website"})
        assert response.status_code == 400, path
    assert _rows(database_url, FactVerification) == [] and _actions(database_url)[0] == "login"


def _public_fax(client) -> str:
    body = client.get("/api/v1/physicians", query_string={"q": "Accuracy1"}).get_json()
    [hit] = [h for h in body["results"] if h["npi"] == DOCTOR]
    return hit["nearest_location"]["fax"]


def _verify_all(client, number: int) -> None:
    response = client.post(
        f"/staff/profiles/{npi(number)}/verify",
        data={
            "csrf_token": csrf_token(client, f"/staff/profiles/{npi(number)}"),
            "groups": ["phone", "locations", "accepting_new_patients", "insurance"],
            "method": "Phone call to the practice",
        },
    )
    assert response.status_code == 302


def _rollback(alias: str, database_url: str):
    runner = CliRunner(env={"PHYSICIAN_INDEX_ALIAS": alias, "DATABASE_URL": database_url})
    return runner.invoke(cli, ["rollback"])


def test_a_rollback_keeps_the_store_s_corrections_and_verifications_live(
    directory, es, alias, database_url
):
    """The index rolled back to was built before today's staff work: the store re-applies it."""
    app, client, profiles = directory
    # A fax correction, live in the first index and kept by the second load, then undone.
    client.post(f"/staff/profiles/{DOCTOR}", data=_form(client, fax="860-555-0188", reason="x"))
    load(es, alias, profiles, database_url)
    [fax] = _rows(database_url, ProfileOverride)
    client.post(
        f"/staff/corrections/{fax.id}/undo",
        data={"csrf_token": csrf_token(client, f"/staff/profiles/{DOCTOR}")},
    )
    # Today's work on the second index: a new phone, and a stale profile verified.
    client.post(
        f"/staff/profiles/{DOCTOR}",
        data=_form(client, phone="(860) 555-0199", reason="Practice called: new main line"),
    )
    _verify_all(client, 2)
    assert (_public_phone(client), _public_fax(client)) == ("860-555-0199", "860-555-0101")
    assert npi(2) not in client.get("/staff/verification").get_data(as_text=True)

    result = _rollback(alias, database_url)
    assert result.exit_code == 0, result.output
    # The public sees what staff see as live, not what the older index was built with.
    assert (_public_phone(client), _public_fax(client)) == ("860-555-0199", "860-555-0101")
    assert "alias now serves" in result.stdout
    assert "staff corrections and verifications re-applied: 2 profiles" in result.stdout
    assert npi(2) not in client.get("/staff/verification").get_data(as_text=True)
    page = client.get(f"/staff/profiles/{DOCTOR}").get_data(as_text=True)
    assert "Live in search now" in page or "860-555-0199" in page


def test_a_rollback_without_the_store_is_refused_and_changes_nothing(
    directory, es, alias, database_url
):
    app, client, profiles = directory
    load(es, alias, profiles, database_url)
    before = lifecycle.indices_of(es, alias)
    result = _rollback(alias, "postgresql://nobody@127.0.0.1:9/none")  # nothing listens there
    assert result.exit_code == Exit.FAILED, result.output
    assert "Traceback" not in result.output
    assert "rollback failed, alias unchanged: the store did not answer" in result.stderr
    assert "rolling back without them would undo them in search" in result.stderr
    assert lifecycle.indices_of(es, alias) == before


def test_a_rollback_names_the_profiles_whose_correction_a_later_load_retired(
    directory, es, alias, database_url
):
    """The retiring load's source agreed with the correction; the index rolled back to
    holds an older source, so the operator is told which profiles to check."""
    app, client, profiles = directory
    load(es, alias, profiles, database_url)
    client.post(f"/staff/profiles/{DOCTOR}", data=_form(client, phone="860-555-0199", reason="x"))
    agreeing = [profile(1, locations=[{**profiles[0]["locations"][0], "phone": "860-555-0199"}]),
                *profiles[1:]]  # fmt: skip
    assert "1 retired" in load(es, alias, agreeing, database_url)
    result = _rollback(alias, database_url)
    assert result.exit_code == 0, result.output
    assert "1 profile had a correction retired after" in result.stdout
    assert f"check NPI {DOCTOR}" in result.stdout
