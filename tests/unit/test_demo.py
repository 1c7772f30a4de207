"""The demo data generator: repeatable, valid, and shaped like a real directory."""

from __future__ import annotations

import inspect
import itertools
import json
from collections import Counter
from datetime import date, timedelta

import pytest

from directory.geography import miles_between
from directory.npi import is_valid_npi
from indexer import demo
from indexer.sources.profiles import validate_profile

CLAIMS = {
    "207XS0117X": (
        ["herniated-disc", "spinal-stenosis", "sciatica"],
        ["discectomy", "laminectomy"],
    ),
    "207Q00000X": (["sciatica", "hypertension", "diabetes"], ["physical-exam"]),
    "208VP0014X": (["lumbar-radiculopathy"], ["epidural-steroid-injection"]),
}
NAMED = len(demo.NAMED_PHYSICIANS)


@pytest.fixture(scope="module")
def profiles() -> list[dict]:
    return list(demo.generate(3000, 42, CLAIMS))


def _lines(count: int, seed: int) -> list[str]:
    return [json.dumps(p) for p in demo.generate(count, seed, CLAIMS)]


def test_same_seed_gives_identical_output():
    assert _lines(200, 42) == _lines(200, 42)


def test_another_seed_gives_other_physicians():
    assert _lines(200, 42)[NAMED:] != _lines(200, 7)[NAMED:]


def test_main_writes_byte_identical_files(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "claims_from_vocabulary", lambda: CLAIMS)
    first, second = tmp_path / "a" / "physicians.jsonl", tmp_path / "b.jsonl"
    assert demo.main(["--count", "150", "--seed", "3", "--out", str(first)]) == 0
    assert demo.main(["--count", "150", "--seed", "3", "--out", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert len(first.read_text(encoding="utf-8").splitlines()) == 150
    assert not list(tmp_path.glob("**/*.partial"))


def test_generate_streams():
    assert inspect.isgenerator(demo.generate(3_000_000, 1, CLAIMS))


def test_every_profile_passes_the_loaders_own_validation(profiles):
    for line, profile in enumerate(profiles, start=1):
        assert validate_profile(profile, "demo.jsonl", line) == profile


def test_npis_are_valid_and_unique(profiles):
    npis = [p["npi"] for p in profiles]
    assert all(is_valid_npi(npi) for npi in npis)
    assert len(set(npis)) == len(npis)


def test_npi_counter_map_never_repeats_or_hits_named_ones():
    named = {demo.named_npi(n) for n in range(1, NAMED + 1)}
    generated = {demo.demo_npi(i, 12345) for i in itertools.chain(range(20000), [10**8 - 1001])}
    assert len(generated) == 20001
    assert not generated & named


def test_exactly_one_primary_specialty(profiles):
    assert all(sum(s["primary"] for s in p["specialties"]) == 1 for p in profiles)


def test_locations_are_near_one_metro(profiles):
    centers = [m.center for m in demo.METROS]
    for profile in profiles:
        points = [(loc["lat"], loc["lon"]) for loc in profile["locations"]]
        assert any(all(miles_between(c, pt) <= 40 for pt in points) for c in centers)


def test_claims_come_from_the_specialty_mapping(profiles):
    for profile in profiles[NAMED:]:
        codes = [s["code"] for s in profile["specialties"]]
        conditions = {c for code in codes for c in CLAIMS.get(code, ((), ()))[0]}
        procedures = {p for code in codes for p in CLAIMS.get(code, ((), ()))[1]}
        assert set(profile["conditions"]) <= conditions
        assert set(profile["procedures"]) <= procedures


def test_nobody_claims_a_whole_long_list(profiles):
    family = [p for p in profiles[NAMED:] if p["specialties"][0]["code"] == "207Q00000X"]
    assert {len(p["conditions"]) for p in family} >= {2}  # 40-90% of three conditions


def test_hand_placed_physicians_come_first():
    whitford = next(demo.generate(1, 99, {}))
    assert whitford["npi"] == demo.named_npi(1)
    # Fictional: the real Dr. Richard Soucier (a Hartford cardiologist) is in the NPPES sample.
    assert (whitford["name"]["first"], whitford["name"]["last"]) == ("Nathan", "Whitford")
    assert whitford["credentials"] == ["MD"]
    assert whitford["specialties"][0] == {"code": "207XS0117X", "primary": True}
    assert "failed-back-surgery-syndrome" in whitford["conditions"]
    assert "revision-spine-surgery" in whitford["procedures"]
    assert whitford["locations"][0]["city"] == "Hartford"


def test_mix_looks_like_a_real_directory(profiles):
    rest = profiles[NAMED:]
    primary = Counter(p["specialties"][0]["code"] for p in rest)
    assert primary.most_common(3)[0][0] in {"207Q00000X", "207R00000X"}
    assert 0.08 < sum(len(p["specialties"]) > 1 for p in rest) / len(rest) < 0.22
    assert 0.6 < sum(len(p["locations"]) == 1 for p in rest) / len(rest) < 0.8
    assert 0.6 < sum(p["accepting_new_patients"] for p in rest) / len(rest) < 0.8
    assert all(p["languages"][0] == "English" for p in rest)


def test_credentials_match_the_specialty(profiles):
    for profile in profiles[NAMED:]:
        code = profile["specialties"][0]["code"]
        expected = {"225100000X": {"PT", "DPT"}, "111N00000X": {"DC"}}.get(code, {"MD", "DO"})
        assert profile["credentials"][0] in expected


def test_spanish_is_commoner_in_los_angeles_than_boston(profiles):
    def share(state: str) -> float:
        local = [p for p in profiles if p["locations"][0]["state"] == state]
        return sum("Spanish" in p["languages"] for p in local) / len(local)

    assert share("CA") > share("MA")


def test_regional_plans_stay_in_their_region(profiles):
    for profile in profiles:
        home = profile["locations"][0]["state"]
        if "Kaiser Permanente" in profile["insurance"]:
            assert home == "CA"
        if "ConnectiCare" in profile["insurance"]:
            assert home == "CT"


def test_last_verified_is_within_18_months_of_the_reference_date(profiles):
    dates = {p["last_verified"] for p in profiles}
    assert min(dates) >= "2023-07-01" and max(dates) <= demo.REFERENCE_DATE.isoformat()


def test_most_demo_profiles_keep_the_90_day_rule_and_some_do_not(profiles):
    """A demo where every card says "not verified" teaches nothing; one where none does
    hides the verification queue and the stale note."""
    ages = [(demo.REFERENCE_DATE - date.fromisoformat(p["last_verified"])).days for p in profiles]
    fresh = sum(age < 90 for age in ages) / len(ages)
    assert 0.7 <= fresh <= 0.9
    assert max(ages) > 365
    named = ages[: len(demo.NAMED_PHYSICIANS)]
    assert all(age < 90 for age in named), "the hand-placed physicians look current"


def test_the_demo_command_counts_verification_back_from_the_day_it_runs(tmp_path):
    out = tmp_path / "demo.jsonl"
    assert demo.main(["--count", "40", "--seed", "3", "--out", str(out)]) == 0
    newest = max(json.loads(line)["last_verified"] for line in out.read_text().splitlines())
    assert date.today() - date.fromisoformat(newest) < timedelta(days=90)
    fixed = tmp_path / "fixed.jsonl"
    demo.main(["--count", "40", "--seed", "3", "--out", str(fixed), "--as-of", "2025-01-01"])
    expected = [json.dumps(p, ensure_ascii=False, separators=(",", ":"))
                for p in demo.generate(40, 3, demo.claims_from_vocabulary())]  # fmt: skip
    assert fixed.read_text().splitlines() == expected


def test_the_frozen_claims_all_name_concepts_the_vocabulary_still_has():
    """A concept removed from the vocabulary would silently reshuffle the demo physicians
    the judged query sets name by NPI: removing one must be a decision, made here."""
    frozen = json.loads(demo.CLAIMS_FILE.read_text(encoding="utf-8"))["claims"]
    assert {code: tuple(pair) for code, pair in frozen.items()} == {
        code: (conditions, procedures)
        for code, (conditions, procedures) in demo.claims_from_vocabulary().items()
    }
    assert set(frozen) == {s.code for s in demo.SPECIALTIES}
