"""The accuracy rules, pure: corrections over a source, retirement, freshness, stale policies."""

from __future__ import annotations

from datetime import UTC, date, datetime

from accuracy_helpers import profile

from app.search.params import Resolution, SearchParams
from app.search.query import physician_search
from directory.accuracy import facts, freshness
from directory.accuracy.overlay import (
    Correction,
    Verification,
    accuracy_fields,
    overlay,
    source_profile,
)
from indexer.sources.profiles import validate_profile

SOURCE = profile(1, verified_days_ago=0) | {"last_verified": "2026-01-10"}
AT = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)


def _phone(value: str, id: int = 7) -> Correction:
    return Correction(id, "phone", value, AT, "v@example.org", "practice called")


def test_a_correction_replaces_the_source_value_and_remembers_it():
    result = overlay(SOURCE, [_phone("860-555-0199")])
    shown = result.profile
    assert shown["locations"][0]["phone"] == "860-555-0199"
    assert shown["accuracy"]["source_values"] == {"phone": "860-555-0100"}
    assert shown["accuracy"]["corrections"]["phone"]["by"] == "v@example.org"
    assert shown["freshness"]["phone"] == {
        "last_verified": "2026-03-01",
        "source": "staff correction",
    }
    assert shown["verified_on"] == "2026-01-10"  # the other facts are as old as the source
    assert result.applied == [7] and result.retired == []
    assert SOURCE["locations"][0]["phone"] == "860-555-0100"  # the source is not touched


def test_a_correction_the_source_now_states_is_retired_not_applied():
    result = overlay(SOURCE, [_phone("(860) 555-0100")])
    assert result.applied == [] and [r.id for r in result.retired] == [7]
    assert result.profile["accuracy"]["source_values"] == {}
    assert result.profile["freshness"]["phone"]["source"] == "clinic-roster"


def test_the_live_document_gives_back_its_source_so_a_later_edit_recomputes_cleanly():
    document = {**SOURCE, **accuracy_fields(overlay(SOURCE, [_phone("860-555-0199")]).profile)}
    again = source_profile(document)
    assert again["locations"][0]["phone"] == "860-555-0100"
    assert overlay(again).profile["freshness"] == overlay(SOURCE).profile["freshness"]


def test_a_verification_only_ever_makes_a_fact_fresher():
    checks = [
        Verification(1, ("phone", "insurance"), "2026-04-02", "Phone call to the practice"),
        Verification(2, ("locations",), "2025-01-01", "Practice website"),
    ]
    fresh = overlay(SOURCE, verifications=checks).profile["freshness"]
    assert fresh["phone"] == {"last_verified": "2026-04-02", "source": "Phone call to the practice"}
    assert fresh["locations"]["last_verified"] == "2026-01-10"  # older than the source: ignored


def test_per_fact_dates_from_the_file_default_to_the_profiles_own():
    obj = {**SOURCE, "freshness": {"insurance": {"last_verified": "2026-02-02"}}}
    loaded = validate_profile(obj, "roster.jsonl", 3)
    fresh = overlay(loaded).profile["freshness"]
    assert fresh["insurance"] == {"last_verified": "2026-02-02", "source": "clinic-roster"}
    assert fresh["phone"] == {"last_verified": "2026-01-10", "source": "clinic-roster"}
    bad = validate_profile({**SOURCE, "freshness": {"phone": {"last_verified": "2026-02-30"}}},
                           "roster.jsonl", 4)  # fmt: skip
    assert str(bad) == (
        "roster.jsonl:4: missing or invalid last_verified: "
        "freshness.phone.last_verified: expected YYYY-MM-DD (NPI 1900000013)"
    )


def test_values_agree_whatever_their_case_order_and_spacing():
    assert facts.agree("insurance", ["Aetna", "medicare"], ["Medicare ", "aetna"])
    assert not facts.agree("insurance", ["Aetna"], ["Aetna", "Cigna"])
    moved = {**facts.read(SOURCE, "address"), "name": "Renamed", "lat": 0.0}
    assert facts.agree("address", moved, facts.read(SOURCE, "address"))
    assert facts.clean("intake_phone", "1 (860) 555-0142 x12") == "860-555-0142"
    assert facts.clean("direct_address", "javascript:alert(1)") == ""
    assert facts.clean("referral_required", "Yes") is True


def test_stale_means_more_than_90_days():
    today = date(2026, 12, 2)
    assert not freshness.is_stale("2026-09-03", today)  # 90 days ago
    assert freshness.is_stale("2026-09-02", today)  # 91
    assert not freshness.is_stale("", today)  # indexed before freshness existed


def test_the_stale_policy_in_the_search_body():
    params, resolution = SearchParams(q="sciatica"), Resolution("sciatica")
    note = physician_search(params, resolution)
    assert physician_search(params, resolution, stale_policy="note") == note
    hide = physician_search(params, resolution, stale_policy="hide")
    assert hide["query"]["bool"]["filter"] == [{"term": {"active": True}}, freshness.FRESH_CLAUSE]
    demote = physician_search(params, resolution, stale_policy="demote")
    assert demote["query"] == {
        "function_score": {
            "query": note["query"],
            "functions": [{"filter": freshness.STALE_CLAUSE, "weight": 0.5}],
            "boost_mode": "multiply",
        }
    }
