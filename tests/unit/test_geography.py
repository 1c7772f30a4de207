"""The location box: ZIPs, cities, coordinates, and helpful suggestions for typos."""

from __future__ import annotations

from difflib import get_close_matches

import pytest
from geopy.exc import GeocoderUnavailable

from directory.geography import (
    LocationNotFound,
    Place,
    city_place,
    miles_between,
    place_suggestions,
    resolve_place,
    suggest_places,
    zip_in_service,
    zip_place,
    zip_point,
)
from directory.geography.gazetteer import cities_by_name, city_places
from directory.geography.reading import close_matches

HARTFORD = (41.76, -72.68)


def test_zip_06106_is_hartford():
    place = zip_place("06106")
    assert place is not None
    assert place.label == "Hartford, CT 06106"
    assert place.kind == "zip"
    assert miles_between(place.point, HARTFORD) < 3


def test_unknown_zip_has_no_point():
    assert zip_point("00000") is None
    assert zip_place("00000") is None


def test_a_zip_without_coordinates_moves_no_city_into_the_ocean():
    """Bell Gardens, CA has one ZIP with its point and one with 0, 0: its median lay in the
    Atlantic, and every search near it found nobody."""
    bell_gardens = resolve_place("Bell Gardens, CA")
    assert miles_between((bell_gardens.lat, bell_gardens.lon), (34.05, -118.25)) < 15
    assert zip_point("90205") is None  # no coordinates: not a point at 0, 0


def test_military_zips_are_left_out():
    assert zip_point("96505") is None  # a DPO ZIP: no place a patient can drive to


@pytest.mark.parametrize(
    "text", ["Hartford, CT", "hartford ct", "Hartford, Connecticut", "  HARTFORD ,  ct "]
)
def test_city_and_state_in_any_form(text):
    place = resolve_place(text)
    assert place.label == "Hartford, CT"
    assert place.kind == "city"
    assert miles_between(place.point, HARTFORD) < 5


@pytest.mark.parametrize("text", ["06106", "06106-1234", "Hartford, CT 06106"])
def test_zip_forms(text):
    assert resolve_place(text).label == "Hartford, CT 06106"


def test_saint_and_st_are_the_same_city():
    assert city_place("St. Louis", "MO") == city_place("Saint Louis", "mo")
    assert city_place("St. Louis", "MO") is not None


def test_multi_word_city_without_comma():
    assert resolve_place("new haven ct").label == "New Haven, CT"


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("Hartford, ZZ", "Hartford, CT"),  # had silently searched Hartford, CT
        ("Paris, France", "Paris, TX"),  # had silently searched Paris, TX
        ("06106,06107", "Hartford, CT 06106"),  # had silently searched the last ZIP
    ],
)
def test_what_follows_the_comma_must_be_read_or_the_place_is_asked_for(text, offered):
    """A place typed with a region we cannot read is not replaced by a guess: the form
    offers the places spelled like it."""
    with pytest.raises(LocationNotFound) as caught:
        resolve_place(text)
    assert offered in caught.value.suggestions


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Springfield, Mass.", "Springfield, MA"),  # had been Springfield, IL
        ("Hartford, Conn", "Hartford, CT"),
        ("Los Angeles, Calif.", "Los Angeles, CA"),
        ("Cleveland, OH, USA", "Cleveland, OH"),
        ("Cleveland, Ohio, United States", "Cleveland, OH"),
    ],
)
def test_a_state_as_letterheads_write_it_and_our_country_are_read(text, label):
    assert resolve_place(text).label == label


def test_bare_city_picks_the_biggest_and_says_which():
    assert resolve_place("Boston").label == "Boston, MA"


def test_lat_lon():
    place = resolve_place("41.76,-72.68")
    assert place == Place("41.76, -72.68", 41.76, -72.68, "latlon")


@pytest.mark.parametrize("text", ["999,999", "91,0", "0,-181"])
def test_impossible_coordinates_are_rejected(text):
    with pytest.raises(LocationNotFound):
        resolve_place(text)


def test_typo_suggests_the_real_city():
    with pytest.raises(LocationNotFound) as caught:
        resolve_place("Hartfrd, CT")
    assert str(caught.value) == "We couldn't find 'Hartfrd, CT'."
    assert "Hartford, CT" in caught.value.suggestions
    assert len(caught.value.suggestions) <= 3


def test_suggestions_resolve_when_picked():
    for label in suggest_places("Hartfrd, CT") + suggest_places("00000"):
        assert resolve_place(label).label == label


def test_typo_without_state_searches_everywhere():
    assert suggest_places("Bostn")[0] == "Boston, MA"


def test_unknown_zip_is_not_found_but_suggests_nearby_zips():
    with pytest.raises(LocationNotFound) as caught:
        resolve_place("00000")
    assert caught.value.suggestions
    assert all(label[-5:].isdigit() for label in caught.value.suggestions)


def test_blank_input_asks_for_a_location():
    with pytest.raises(LocationNotFound, match="Enter a ZIP"):
        resolve_place("   ")


def test_hartford_to_boston_is_about_100_miles():
    hartford, boston = resolve_place("Hartford, CT"), resolve_place("Boston, MA")
    assert 90 <= miles_between(hartford.point, boston.point) <= 110


class _FakeLocation:
    address = "85 Seymour St, Hartford, CT 06106, USA"
    latitude = 41.7537
    longitude = -72.6797


class _FakeGeocoder:
    def __init__(self, answer=None, error=None):
        self.answer, self.error, self.asked = answer, error, []

    def geocode(self, text):
        self.asked.append(text)
        if self.error:
            raise self.error
        return self.answer


def test_street_address_goes_to_the_geocoder_when_one_is_given():
    geocoder = _FakeGeocoder(_FakeLocation())
    place = resolve_place("85 Seymour St, Hartford", geocoder=geocoder)
    assert place.kind == "address"
    assert place.label == _FakeLocation.address
    assert geocoder.asked == ["85 Seymour St, Hartford"]


def test_geocoder_is_not_asked_about_what_we_know_offline():
    geocoder = _FakeGeocoder(_FakeLocation())
    resolve_place("06106", geocoder=geocoder)
    assert geocoder.asked == []


def test_geocoder_outage_is_a_location_not_found():
    geocoder = _FakeGeocoder(error=GeocoderUnavailable("down"))
    with pytest.raises(LocationNotFound):
        resolve_place("85 Seymour St, Hartford", geocoder=geocoder)


def test_geocoder_finding_nothing_is_a_location_not_found():
    with pytest.raises(LocationNotFound):
        resolve_place("nowhere at all", geocoder=_FakeGeocoder(None))


def test_location_box_suggests_zips_by_prefix():
    found = place_suggestions("0610")
    assert found[0] == ("06101", "06101 · Hartford, CT")
    assert all(value.startswith("0610") for value, _ in found) and len(found) == 8


def test_a_city_name_in_several_states_offers_each_biggest_first():
    values = [value for value, _ in place_suggestions("springfield")]
    assert {"Springfield, MA", "Springfield, IL", "Springfield, MO"} <= set(values)
    assert values.index("Springfield, IL") < values.index("Springfield, OR")


def test_a_few_letters_offer_the_big_city_they_start_before_a_village_of_that_name():
    """ "hart" is most likely Hartford, CT on its way to being typed: 36 ZIPs against Hart,
    MI's one. The village is still offered, right after."""
    values = [value for value, _ in place_suggestions("hart")]
    assert values[:2] == ["Hartford, CT", "Hart, MI"]
    assert [value for value, _ in place_suggestions("farm")][:2] == [
        "Farmington, MI",
        "Farmington, CT",
    ]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("hartford", "Hartford, CT"),  # the full name, and the biggest of it
        ("spring", "Spring, TX"),  # a city of that very name, not dwarfed by Springfield
        ("hart,", "Hart, MI"),  # a comma says the name is typed in full
        ("hart, m", "Hart, MI"),
    ],
)
def test_a_name_typed_in_full_still_comes_first(typed, first):
    assert place_suggestions(typed)[0][0] == first


def test_place_suggestions_narrow_by_state_and_spell_out_saint():
    assert place_suggestions("hartford, c") == (("Hartford, CT", "Hartford, CT"),)
    assert place_suggestions("Hartford, Connecticut")[0][0] == "Hartford, CT"
    assert place_suggestions("st. lou")[0][0] == "Saint Louis, MO"
    assert place_suggestions("x") == () and place_suggestions("zzqx") == ()


@pytest.mark.parametrize(
    "typed", ["hartfrd", "springfeld", "st lous", "nwe yrok", "bostn", "x", "qqqqqqqq", "a" * 120]
)
def test_places_spelled_alike_are_the_ones_difflib_would_offer(typed):
    every_city = list(cities_by_name())
    assert close_matches(typed, every_city, 3) == get_close_matches(typed, every_city, n=3)


def test_a_town_usps_knows_by_another_name_is_found_with_its_state():
    """06066 is "Vernon Rockville" to USPS, "Vernon" to the people who live there."""
    place = resolve_place("Vernon, CT")
    assert place.label == "Vernon, CT" and zip_point("06066") == (place.lat, place.lon)
    assert resolve_place("Vernon Rockville, CT").label == "Vernon Rockville, CT"
    # Alone, such a name is not read as that town: "Mary" would otherwise be a place.
    assert "Vernon, CT" not in {place.label for place, _ in city_places("Vernon")}


@pytest.mark.parametrize("typed", ["Illinois", "illinois", "IL"])
def test_a_state_typed_in_the_location_field_is_the_whole_state(typed):
    place = resolve_place(typed)
    assert (place.label, place.kind, place.whole_state) == ("Illinois", "state", "IL")


def test_a_town_named_like_a_state_is_the_town():
    assert resolve_place("New York").kind == "city"
    assert resolve_place("Hartford, CT").whole_state is None


def test_a_county_typed_in_the_location_field_is_the_county():
    assert resolve_place("Cook County, IL").label == "Cook County, IL"
    assert resolve_place("Orange County").label == "Orange County, CA"  # the biggest
    assert resolve_place("Orange").kind == "city"  # the town, not the county


@pytest.mark.parametrize(
    ("typed", "found"),
    [("06106", True), (" 06106-1234 ", True), ("99999", False), ("06012", False), ("", False)],
)
def test_a_zip_in_service_is_one_usps_delivers_to_today(typed, found):
    """The one rule for staff corrections and loaded profiles alike."""
    assert (zip_in_service(typed) is not None) is found


def test_a_zip_that_lost_its_leading_zero_is_that_zip():
    """'6106', as a spreadsheet keeps 06106 (the README says so), was 'We couldn't find'."""
    assert resolve_place("6106").label == "Hartford, CT 06106"


@pytest.mark.parametrize("text", ["0,0", "-33.87,151.21", "51.5,-0.12", "9999"])
def test_a_point_outside_the_united_states_is_not_found(text):
    """'0,0' and Sydney were searched: '0 physicians within 25 miles of 0, 0'."""
    with pytest.raises(LocationNotFound):
        resolve_place(text)


@pytest.mark.parametrize("text", ["21.3,-157.8", "61.2,-149.9", "18.4,-66.1", "41.76,-72.68"])
def test_points_in_every_part_of_the_country_are_places(text):
    assert resolve_place(text).kind == "latlon"
