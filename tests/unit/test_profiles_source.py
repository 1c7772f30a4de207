"""Our own profile files: JSON Lines and hand-edited CSV, good rows and the mistakes people make."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from directory.geography import state_code
from indexer.records import Category, Rejection
from indexer.sources.profiles import read_profiles, validate_profile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _minimal(**changes) -> dict:
    profile = {
        "npi": "1234567893",
        "name": {"last": "Lee"},
        "specialties": ["207Q00000X"],
        "locations": [{"zip": "06106"}],
        "source": "clinic-roster",
        "last_verified": "2024-05-01",
    }
    return {**profile, **changes}


def _by_line(records: list) -> dict[int, str]:
    return {r.line: r.reason for r in records if isinstance(r, Rejection)}


def test_jsonl_good_rows_come_through_normalised():
    records = list(read_profiles(FIXTURES / "profiles.jsonl"))
    lee, park = [r for r in records if isinstance(r, dict)]
    assert lee["npi"] == "1234567893"
    assert lee["credentials"] == ["MD"]
    assert lee["gender"] == "female"
    assert lee["specialties"] == [
        {"code": "208100000X", "primary": True},
        {"code": "208VP0014X", "primary": False},
    ]
    assert lee["conditions"] == ["sciatica", "herniated-disc"]  # duplicate dropped
    assert lee["accepting_new_patients"] is True  # "yes"
    [location] = lee["locations"]
    assert (location["zip"], location["phone"], location["fax"]) == (
        "06106", "860-555-0100", "860-555-0101",
    )  # fmt: skip
    assert (location["lat"], location["lon"]) == (41.7498, -72.6947)  # filled from the ZIP
    assert lee["education"][0]["year"] == 2001
    assert park["npi"] == "1002003022"  # a JSON number is still an NPI
    assert park["specialties"][0] == {"code": "207Q00000X", "primary": True}
    assert (park["locations"][0]["lat"], park["locations"][0]["city"]) == (41.5, "Cleveland")
    assert park["accepting_new_patients"] is None


def test_jsonl_mistakes_are_reported_by_line_despite_bom_and_crlf():
    assert _by_line(list(read_profiles(FIXTURES / "profiles.jsonl"))) == {
        3: "invalid JSON: Expecting ',' delimiter at column 48",
        4: "duplicate NPI: first seen at line 1",
        5: "invalid NPI",
        6: "missing or invalid practice ZIP: location 2",
        7: "no known taxonomy",
        9: "missing or invalid last_verified: expected YYYY-MM-DD",
        10: "invalid JSON: expected an object, got list",
    }


def test_csv_rows_become_the_same_profiles():
    records = list(read_profiles(FIXTURES / "profiles.csv"))
    lee, park = [r for r in records if isinstance(r, dict)]
    assert lee["credentials"] == ["MD", "PhD"]
    assert lee["specialties"][0] == {"code": "208100000X", "primary": True}  # first listed
    assert lee["languages"] == ["English", "Spanish"]
    assert (lee["accepting_new_patients"], lee["telehealth"]) == (True, False)
    assert lee["bio"] == "Treats back pain, neck pain."
    assert lee["locations"][0]["phone"] == "860-555-0100"
    assert (park["locations"][0]["city"], park["locations"][0]["state"]) == ("Cleveland", "OH")


def test_csv_duplicates_and_truncated_rows_are_reported():
    records = list(read_profiles(FIXTURES / "profiles.csv"))
    assert _by_line(records) == {
        4: "duplicate NPI: first seen at line 2",
        5: "short row: 9 columns, expected 28",
    }


def test_semicolon_csv_is_one_clear_rejection():
    [rejection] = list(read_profiles(FIXTURES / "profiles-semicolon.csv"))
    assert rejection.line == 1
    assert rejection.reason.startswith("header not recognised: expected comma-separated columns")


def test_bad_bytes_reject_only_their_line(tmp_path):
    path = tmp_path / "roster.jsonl"
    good = b'{"npi": "1234567893", "name": {"last": "Lee"}, "specialties": ["207Q00000X"], '
    good += b'"locations": [{"zip": "06106"}], "source": "x", "last_verified": "2024-05-01"}\n'
    path.write_bytes(b'{"npi": "1002003006", "name": {"last": "\xff"}}\n' + good)
    records = list(read_profiles(path))
    assert _by_line(records) == {1: "bad encoding"}
    assert records[1]["npi"] == "1234567893"


def test_unsupported_file_type_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="jsonl"):
        list(read_profiles(tmp_path / "roster.xlsx"))


def test_validate_fills_defaults_for_a_minimal_profile():
    profile = validate_profile(_minimal(), "t.jsonl", 1)
    assert profile["active"] is True
    assert profile["languages"] == [] and profile["telehealth"] is None
    assert profile["locations"][0]["city"] == "Hartford"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"npi": "1234567890"}, "invalid NPI"),
        ({"name": {"first": "Ann"}}, "missing required field: name.last"),
        ({"specialties": []}, "no known taxonomy"),
        ({"locations": []}, "missing required field: locations"),
        ({"locations": [{"zip": "00000"}]}, "missing or invalid practice ZIP: location 1"),
        ({"source": " "}, "missing required field: source"),
        ({"last_verified": "2024-02-30"}, "missing or invalid last_verified: expected YYYY-MM-DD"),
    ],
)
def test_validate_rejects_what_the_index_cannot_use(changes, reason):
    rejection = validate_profile(_minimal(**changes), "t.jsonl", 7)
    assert isinstance(rejection, Rejection)
    assert (rejection.line, rejection.reason) == (7, reason)


def test_validate_keeps_exactly_one_primary():
    both = [{"code": "207Q00000X", "primary": True}, {"code": "207QS0010X", "primary": "yes"}]
    profile = validate_profile(_minimal(specialties=both), "t.jsonl", 1)
    assert [s["primary"] for s in profile["specialties"]] == [True, False]


def test_validate_coerces_booleans_and_drops_unknown_codes():
    profile = validate_profile(
        _minimal(
            specialties=["999999999X", "207QS0010X"],
            telehealth="no",
            accepting_new_patients="maybe",
            active="false",
        ),
        "t.jsonl",
        1,
    )
    assert profile["specialties"] == [{"code": "207QS0010X", "primary": True}]
    assert (profile["telehealth"], profile["accepting_new_patients"]) == (False, None)
    assert profile["active"] is False


# Names and addresses as people type them: stray, doubled and odd spaces, tabs, line
# breaks, "|" (which the all-clean shortcut joins on), plain letters, numbers, nothing.
_TYPED = st.one_of(
    st.text(st.sampled_from(list("Ab. -'|") + [" ", "\t", "\n", "\u00a0", "\u200b"])),
    st.text(max_size=8),
    st.integers(),
    st.none(),
)


def _collapsed(value) -> str:
    return "" if value is None else " ".join(str(value).split())


@given(st.lists(_TYPED, min_size=10, max_size=10))
def test_names_and_addresses_are_cleaned_alike_however_they_are_typed(typed):
    """Clean values skip the per-value work; any other value must come out as if it had not."""
    name = dict(zip(("prefix", "first", "middle", "suffix"), typed[:4], strict=True))
    keys = ("name", "address_line1", "address_line2", "city", "state")
    location = {**dict(zip(keys, typed[4:9], strict=True)), "zip": "06106"}
    education = [{"degree": typed[9], "school": "Yale"}]
    profile = validate_profile(
        _minimal(name={**name, "last": "Lee"}, locations=[location], education=education),
        "t.jsonl",
        1,
    )
    expected = [_collapsed(v) for v in typed[4:9]]
    if expected[4] and state_code(expected[4]) is None:  # typed, but no state: rejected
        assert profile.category is Category.INVALID_STATE
        return
    assert [profile["name"][key] for key in name] == [_collapsed(v) for v in typed[:4]]
    [placed] = profile["locations"]
    expected[3] = expected[3] or "Hartford"  # a blank city or state comes from the ZIP
    expected[4] = state_code(expected[4]) or "CT"
    assert [placed[key] for key in keys] == expected
    assert profile["education"][0]["degree"] == _collapsed(typed[9])


def _days_from_today(days: int) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


_FAR = "2099-01-01"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"last_verified": _FAR}, f"date in the future: last_verified {_FAR}"),
        (
            {"freshness": {"phone": {"last_verified": _FAR}}},
            f"date in the future: freshness.phone.last_verified {_FAR}",
        ),
        (
            {"freshness": {"accepting_new_patients": {"last_verified": _FAR, "source": "call"}}},
            f"date in the future: freshness.accepting_new_patients.last_verified {_FAR}",
        ),
    ],
)
def test_a_verification_dated_in_the_future_is_rejected(changes, reason):
    """ "Accepting new patients as of January 1, 2099", and never due for verification."""
    rejection = validate_profile(_minimal(**changes), "t.jsonl", 7)
    assert isinstance(rejection, Rejection)
    assert (rejection.line, rejection.reason) == (7, reason)


def test_a_day_of_clock_skew_is_allowed_and_no_more():
    assert isinstance(validate_profile(_minimal(last_verified=_days_from_today(1)), "t", 1), dict)
    ahead = {"insurance": {"last_verified": _days_from_today(1)}}
    assert isinstance(validate_profile(_minimal(freshness=ahead), "t", 1), dict)
    too_far = validate_profile(_minimal(last_verified=_days_from_today(2)), "t", 1)
    assert isinstance(too_far, Rejection) and too_far.category is Category.FUTURE_DATE


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        # A ZIP staff could not enter in a correction cannot arrive from a file either,
        # even with a point of its own.
        (
            {"zip": "99999", "lat": 33.7, "lon": -117.95},
            "missing or invalid practice ZIP: location 1: 99999 is not in service",
        ),
        (
            {"zip": "99999", "city": "Hartford", "state": "CT"},
            "missing or invalid practice ZIP: location 1: 99999 is not in service",
        ),
        (
            {"zip": "92708", "city": "Fountain Valley", "state": "XX"},
            "invalid practice state: location 1: 'XX' is not a US state or territory",
        ),
    ],
)
def test_a_practice_the_map_cannot_hold_is_rejected(location, reason):
    rejection = validate_profile(_minimal(locations=[location]), "t.jsonl", 3)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == reason


def test_a_state_written_out_becomes_its_code():
    location = {"zip": "06106", "city": "Hartford", "state": "connecticut"}
    profile = validate_profile(_minimal(locations=[location]), "t.jsonl", 1)
    assert profile["locations"][0]["state"] == "CT"


def test_a_roster_row_with_a_state_that_is_no_state_is_reported_on_its_line(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "npi,last_name,specialty_codes,city,state,zip,source,last_verified\n"
        "1234567893,Lee,207Q00000X,Hartford,CT,06106,roster,2024-05-01\n"
        "1002003006,Park,207Q00000X,Fountain Valley,XX,92708,roster,2024-05-01\n"
        f"1002003014,Kim,207Q00000X,Hartford,CT,06106,roster,{_FAR}\n"
    )
    assert _by_line(list(read_profiles(roster))) == {
        3: "invalid practice state: location 1: 'XX' is not a US state or territory",
        4: f"date in the future: last_verified {_FAR}",
    }
