"""Scheduling notes and freshness from our profile files to the pages, and the stale policy.

Two physicians alike in every way that ranks: Accuracy10 (from a CSV roster, last verified
200 days ago, the lower NPI so it wins ties) and Accuracy11 (from JSON Lines, fresh). Each
policy is a setting: ``note`` keeps the order and says so, ``demote`` ranks the stale one
second, ``hide`` leaves it out of search but keeps its profile page.
"""

from __future__ import annotations

import csv
import json
from itertools import chain

import pytest
from accuracy_helpers import days_ago, npi, profile
from conftest import drop_alias_indices, make_app, unique_alias

from app.web.helpers import long_date
from directory.accuracy.freshness import PolicyError
from directory.vocabulary import default_vocabulary
from indexer.load import rebuild_all
from indexer.sources.profile_csv import CSV_COLUMNS
from indexer.sources.profiles import read_profiles

STALE, FRESH = npi(10), npi(11)
AS_OF = days_ago(5)


def _csv_row(p: dict) -> dict:
    where = p["locations"][0]
    return {
        "npi": p["npi"], "prefix": "Dr.", "first_name": "Test", "last_name": p["name"]["last"],
        "credentials": "MD", "specialty_codes": p["specialties"][0]["code"],
        "conditions": "sciatica", "languages": "English", "insurance": "Aetna; Medicare",
        "accepting_new_patients": "yes", "telehealth": "no", "location_name": where["name"],
        "address_line1": where["address_line1"], "city": "Hartford", "state": "CT",
        "zip": "06106", "phone": where["phone"], "fax": where["fax"],
        "source": p["source"], "last_verified": p["last_verified"],
        "ages_seen": "65 and older", "referral_required": "yes",
        "conditions_not_treated": "Scoliosis in children; Tumours",
        "intake_phone": "860 555 0142", "direct_address": "intake@direct.example.org",
    }  # fmt: skip


@pytest.fixture(scope="module")
def stale_alias(es, tmp_path_factory):
    folder = tmp_path_factory.mktemp("profiles")
    roster = folder / "roster.csv"
    with open(roster, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, CSV_COLUMNS, restval="")
        writer.writeheader()
        writer.writerow(_csv_row(profile(10, verified_days_ago=200)))
    fresh = profile(11, accepting_new_patients=True)
    fresh |= {
        "freshness": {"accepting_new_patients": {"last_verified": AS_OF, "source": "phone call"}},
        "scheduling": {"ages_seen": "18 and older", "authorization_required": True,
                       "intake_fax": "(860) 555-0143"},
    }  # fmt: skip
    jsonl = folder / "fresh.jsonl"
    jsonl.write_text(json.dumps(fresh) + "\n", encoding="utf-8")
    name = unique_alias("stale")
    records = list(chain(read_profiles(roster), read_profiles(jsonl)))
    assert [r["npi"] for r in records] == [STALE, FRESH]  # both files read, nothing rejected
    rebuild_all(es, name, records, default_vocabulary())
    yield name
    drop_alias_indices(es, name)


def _order(app, **extra) -> list[str]:
    query = {"q": "sciatica", **extra}
    body = app.test_client().get("/api/v1/physicians", query_string=query).get_json()
    return [hit["npi"] for hit in body["results"]]


@pytest.mark.parametrize(
    ("policy", "order"),
    [("note", [STALE, FRESH]), ("demote", [FRESH, STALE]), ("hide", [FRESH])],
)
def test_each_stale_policy_in_public_search(stale_alias, policy, order):
    app = make_app(stale_alias, STALE_PROFILE_POLICY=policy)
    assert _order(app) == order
    assert _order(app, location="06106", radius=10) == order
    client = app.test_client()
    cards = client.get("/search", query_string={"q": "sciatica"}).get_data(as_text=True)
    assert ("Not verified since " + long_date(days_ago(200)) in cards) == (policy != "hide")
    names = client.get("/api/v1/suggest", query_string={"q": "Accuracy1"}).get_json()
    shown = {s["id"] for s in names["suggestions"] if s["kind"] == "physician"}
    assert (STALE in shown) == (policy != "hide") and FRESH in shown
    export = client.get("/search.csv", query_string={"q": "sciatica"}).get_data(as_text=True)
    assert (STALE in export) == (policy != "hide")
    # A hidden profile is left out of search, not taken down: a saved link still works.
    page = client.get(f"/physicians/{STALE}")
    assert page.status_code == 200 and "Not verified since" in page.get_data(as_text=True)


def test_an_unknown_stale_policy_stops_the_app_with_a_sentence(stale_alias):
    with pytest.raises(PolicyError, match="must be one of note, demote, hide"):
        make_app(stale_alias, STALE_PROFILE_POLICY="delete")


def test_scheduling_notes_go_from_the_profile_files_to_the_front_desk(stale_alias):
    client = make_app(stale_alias).test_client()
    compact = client.get("/search", query_string={"q": "sciatica", "view": "compact"})
    text = compact.get_data(as_text=True)
    for note in ("65 and older", "Scoliosis in children; Tumours", "860-555-0142",
                 "intake@direct.example.org", "18 and older", "860-555-0143"):  # fmt: skip
        assert note in text, note
    assert f"as of {long_date(AS_OF)}" in text  # the fact's own date, not the profile's
    profile_page = client.get(f"/physicians/{FRESH}").get_data(as_text=True)
    assert "Before you book" in profile_page and "Authorisation required" in profile_page
    assert f"as of {long_date(AS_OF)}" in profile_page
    sheet = client.get("/sheet", query_string={"q": "sciatica"}).get_data(as_text=True)
    assert "Referral required" in sheet and "65 and older" in sheet
    export = client.get("/search.csv", query_string={"q": "sciatica"}).get_data(as_text=True)
    header, *rows = export.lstrip("\ufeff").splitlines()
    assert header.endswith(
        "New patients as of,Ages seen,Conditions not treated,Referral required,"
        "Authorisation required,Intake phone,Intake fax,Direct address"
    )
    body = client.get("/api/v1/physicians", query_string={"q": "sciatica"}).get_json()
    api = {hit["npi"]: hit for hit in body["results"]}
    assert api[FRESH]["new_patients_as_of"] == AS_OF
    assert api[FRESH]["scheduling"]["intake_fax"] == "860-555-0143"
    assert api[STALE]["verified_on"] == days_ago(200)
    fresh_row = next(row for row in rows if FRESH in row)
    assert fresh_row.endswith(f"{AS_OF},18 and older,,,yes,,860-555-0143,")
