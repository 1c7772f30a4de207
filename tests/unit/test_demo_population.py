"""The national demo: physicians where people live, not packed into seven metros."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from directory.geography import miles_between
from indexer import demo
from indexer.demo.population import Place, ZipPoint, zip_weights
from indexer.sources.profiles import validate_profile

# A toy state "AA": a city at (40, -80) with ZIPs around it, a village far away.
ZIPS = [
    ZipPoint("00001", 40.00, -80.00, "AA"),
    ZipPoint("00002", 40.01, -80.01, "AA"),
    ZipPoint("00003", 40.02, -80.02, "AA"),
    ZipPoint("00004", 43.00, -75.00, "AA"),
    ZipPoint("00005", 45.00, -70.00, "BB"),
]


def test_a_village_goes_to_its_nearest_zip_and_the_rest_is_spread_evenly():
    weights = zip_weights(ZIPS, [Place(43.001, -75.001, "AA", 800)], {"AA": 4800, "BB": 100})
    assert weights["00004"] == pytest.approx(800 + 1000)  # its own people + 4,000 / 4 ZIPs
    assert weights["00001"] == weights["00002"] == weights["00003"] == pytest.approx(1000)
    assert weights["00005"] == pytest.approx(100)  # a state with no place: even spread


def test_a_city_spreads_over_about_one_zip_per_ten_thousand_people():
    weights = zip_weights(ZIPS, [Place(40.0, -80.0, "AA", 30_000)], {"AA": 30_000, "BB": 0})
    assert [weights[z] for z in ("00001", "00002", "00003", "00004")] == pytest.approx(
        [10_000, 10_000, 10_000, 0]
    )


def test_places_counted_twice_are_scaled_down_to_the_states_census_count():
    city, section = Place(40.0, -80.0, "AA", 20_000), Place(40.02, -80.02, "AA", 20_000)
    weights = zip_weights(ZIPS, [city, section], {"AA": 20_000, "BB": 0})
    assert sum(weights.values()) == pytest.approx(20_000)
    assert weights["00004"] == 0  # nobody spread to the countryside when places over-count


def test_the_offline_data_gives_every_state_its_census_share():
    from indexer.demo.population import STATE_POPULATION, national_weights, residential_zips

    zips = residential_zips()
    weights = national_weights()  # what the national demo draws from
    by_state = Counter()
    for z in zips:
        by_state[z.state] += weights[z.zip5]
    assert sum(STATE_POPULATION.values()) == 331_449_281
    for state in ("CA", "TX", "WY", "CT"):
        assert by_state[state] == pytest.approx(STATE_POPULATION[state], rel=0.02)


@pytest.fixture(scope="module")
def national() -> list[dict]:
    return list(demo.generate(1500, 42, {}, spread="national"))


def test_national_profiles_are_valid_and_repeatable(national):
    for line, profile in enumerate(national, start=1):
        assert validate_profile(profile, "demo.jsonl", line) == profile
    again = demo.generate(200, 42, {}, spread="national")
    assert [json.dumps(p) for p in again] == [json.dumps(p) for p in national[:200]]


def test_national_physicians_are_spread_like_the_population(national):
    states = Counter(p["locations"][0]["state"] for p in national[5:])
    assert len(states) >= 35  # not seven metros
    assert states["CA"] > states["TX"] > states["CT"]  # 39.5M > 29.1M > 3.6M people
    centers = [m.center for m in demo.METROS]
    far = [p for p in national if all(miles_between(c, _home(p)) > 60 for c in centers)]
    assert len(far) > len(national) / 2


def test_a_national_physicians_practices_stay_in_one_region(national):
    for profile in national[5:]:
        points = [(loc["lat"], loc["lon"]) for loc in profile["locations"]]
        assert all(miles_between(points[0], point) < 250 for point in points)


def test_an_unknown_spread_is_a_clear_error():
    with pytest.raises(ValueError, match="spread must be one of metros, national"):
        demo.generate(10, 1, {}, spread="galactic")


def _home(profile: dict) -> tuple[float, float]:
    return profile["locations"][0]["lat"], profile["locations"][0]["lon"]
