"""Reading the real NPPES file: who gets in, how they look, and what gets reported."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from directory.geography import miles_between
from indexer.records import Category, Rejection
from indexer.sources import parse_credentials, proper_case
from indexer.sources.nppes import read_nppes
from indexer.tally import Tally

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "nppes-practitioners-sample.csv"
BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "nppes-broken.csv"
PHONE = re.compile(r"\d{3}-\d{3}-\d{4}")


@pytest.fixture(scope="module")
def sample() -> dict[str, dict]:
    return {record["npi"]: record for record in read_nppes(SAMPLE) if isinstance(record, dict)}


@pytest.fixture(scope="module")
def broken() -> list:
    return list(read_nppes(BROKEN))


def test_every_sample_practitioner_is_accepted():
    summary = Tally()
    for record in read_nppes(SAMPLE):
        summary.add(record)
    assert summary.as_dict() == {
        "read": 1000, "accepted": 1000, "skipped": 0, "rejected": 0, "by_reason": {}
    }  # fmt: skip


def test_a_known_row_reads_like_a_person_wrote_it(sample):
    soucier = sample["1255334207"]
    assert soucier["name"] == {
        "prefix": "", "first": "Richard", "middle": "", "last": "Soucier", "suffix": ""
    }  # fmt: skip
    assert soucier["credentials"] == ["MD"]
    assert soucier["gender"] == "male"
    assert soucier["specialties"] == [
        {"code": "207RC0000X", "primary": True},
        {"code": "207RA0001X", "primary": False},
    ]
    [location] = soucier["locations"]
    assert location["address_line1"] == "114 Woodland St"
    assert (location["city"], location["state"], location["zip"]) == ("Hartford", "CT", "06105")
    assert location["phone"] == "860-714-4820"
    assert miles_between((location["lat"], location["lon"]), (41.76, -72.68)) < 5
    assert soucier["source"] == "NPPES"
    assert soucier["last_verified"] == "2016-09-27"
    assert soucier["conditions"] == [] and soucier["procedures"] == []
    assert soucier["accepting_new_patients"] is None


def test_names_cities_and_streets_are_proper_cased(sample):
    odea, mcgowen, diez = sample["1427051366"], sample["1285637405"], sample["1316940463"]
    assert odea["name"]["last"] == "O'Dea"
    assert odea["name"]["prefix"] == "Dr."
    assert mcgowen["name"]["last"] == "McGowen"
    assert mcgowen["locations"][0]["address_line2"] == "2nd Floor"
    assert diez["name"]["middle"] == "L"
    assert diez["locations"][0]["city"] == "East Hartford"
    assert diez["locations"][0]["address_line1"] == "893 Main St Ste 202"


def test_primary_taxonomy_follows_the_switch_not_the_slot(sample):
    bilgrami = sample["1710980735"]  # slot 1 is "N", slot 2 is "Y"
    assert bilgrami["specialties"][0] == {"code": "207RH0003X", "primary": True}


def test_without_a_primary_switch_the_first_taxonomy_is_primary(sample):
    letien = sample["1023011061"]  # both switches "X"
    assert [s["primary"] for s in letien["specialties"]] == [True, False]
    assert letien["specialties"][0]["code"] == "231H00000X"


def test_every_profile_has_one_primary_specialty_and_clean_contact_fields(sample):
    for profile in sample.values():
        assert sum(s["primary"] for s in profile["specialties"]) == 1
        for location in profile["locations"]:
            assert re.fullmatch(r"\d{5}", location["zip"])
            assert location["phone"] == "" or PHONE.fullmatch(location["phone"])
            assert -90 <= location["lat"] <= 90 and -180 <= location["lon"] <= 180


def test_reactivated_npis_are_kept(sample):
    assert "1184627184" in sample  # deactivated 03/16/2006, reactivated 03/20/2006


def test_retired_zip_falls_back_to_the_city(sample):
    [location] = sample["1649275348"]["locations"]  # ZIP 06012 is no longer in service
    assert location["zip"] == "06012"
    assert miles_between((location["lat"], location["lon"]), (41.76, -72.68)) < 5


def _rejections(records: list) -> dict[int, str]:
    return {r.line: r.reason for r in records if isinstance(r, Rejection)}


def test_broken_file_reports_each_problem_on_its_line(broken):
    assert _rejections(broken) == {
        3: "invalid NPI",
        4: "missing or invalid practice ZIP",
        5: "no known taxonomy",
        6: "bad encoding",
        7: "short row: 12 columns, expected 329",
        8: "skipped: deactivated",
        9: "skipped: organization (entity type 2)",
    }
    categories = {r.line: r.category for r in broken if isinstance(r, Rejection)}
    assert categories[7] is Category.SHORT_ROW and categories[8].skipped


def test_broken_file_still_accepts_the_good_rows(broken):
    accepted = [r for r in broken if isinstance(r, dict)]
    assert [p["npi"] for p in accepted] == ["1255334207", "1285637405", "1427051366", "1710980735"]
    # The BOM doesn't leak into the first column, and a quoted line break stays in its field.
    assert accepted[1]["locations"][0]["address_line2"] == "2nd Floor Rear Entrance"


def test_unknown_codes_are_dropped_when_a_known_one_remains(broken):
    bilgrami = next(r for r in broken if isinstance(r, dict) and r["npi"] == "1710980735")
    assert bilgrami["specialties"] == [{"code": "207RH0003X", "primary": True}]


def test_rejections_name_the_file_line_and_npi(broken):
    rejection = next(r for r in broken if isinstance(r, Rejection) and r.line == 3)
    assert str(rejection) == f"{BROKEN}:3: invalid NPI (NPI 1740283770)"


def test_summary_separates_skipped_from_rejected(broken):
    summary = Tally()
    for record in broken:
        summary.add(record)
    assert (summary.read, summary.accepted, summary.skipped_total, summary.rejected_total) == (
        11, 4, 2, 5,
    )  # fmt: skip
    assert summary.as_dict()["by_reason"]["short row"] == 1
    assert "short row: 12 columns, expected 329" in summary.as_text()


def test_a_file_that_is_not_nppes_is_one_rejection(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("npi,last_name\n1234567893,Lee\n")
    [rejection] = list(read_nppes(path))
    assert rejection.line == 1
    assert rejection.reason.startswith("header not recognised: missing NPPES columns")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M.D., PH.D", ["MD", "PhD"]),
        ("O. D.", ["OD"]),
        ("P.A.C.", ["PA-C"]),
        ("PT, DPT", ["PT", "DPT"]),
        ("D.C.", ["DC"]),
        ("MS CCC-SLP", ["MS", "CCC-SLP"]),
        ("M.D.1208", ["MD"]),
        ("", []),
    ],
)
def test_credentials_are_normalised(text, expected):
    assert parse_credentials(text) == expected


@pytest.mark.parametrize(
    ("shouted", "expected"),
    [
        ("O'BRIEN", "O'Brien"),
        ("MCDONALD", "McDonald"),
        ("SMITH-JONES", "Smith-Jones"),
        ("NEW HAVEN", "New Haven"),
        ("STE 200", "Ste 200"),
        ("P.O. BOX 488", "P.O. Box 488"),
        ("ST. MARY'S", "St. Mary's"),
        ("1421 ROUTE 39 SW", "1421 Route 39 SW"),
    ],
)
def test_proper_case(shouted, expected):
    assert proper_case(shouted) == expected


def _sample_row_with(tmp_path: Path, **changes: str) -> Path:
    """The sample's Soucier row with some columns (by NPPES name) changed, as its own file."""
    with open(SAMPLE, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        row = next(values for values in reader if values[0] == "1255334207")
    for name, value in changes.items():
        row[header.index(name)] = value
    path = tmp_path / "npidata.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL).writerows([header, row])
    return path


def test_a_last_update_in_the_future_is_rejected(tmp_path):
    path = _sample_row_with(tmp_path, **{"Last Update Date": "01/01/2099"})
    [rejection] = list(read_nppes(path))
    assert (rejection.line, rejection.category) == (2, Category.FUTURE_DATE)
    assert rejection.reason == "date in the future: Last Update Date 2099-01-01"


def test_a_practice_state_that_is_no_state_is_rejected(tmp_path):
    state = "Provider Business Practice Location Address State Name"
    [rejection] = list(read_nppes(_sample_row_with(tmp_path, **{state: "XX"})))
    assert (rejection.line, rejection.category) == (2, Category.INVALID_STATE)
    assert rejection.reason == "invalid practice state: 'XX' is not a US state or territory"
