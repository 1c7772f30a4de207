"""The correction form's city, state and ZIP against the offline ZIP data (pure)."""

from __future__ import annotations

import pytest

from app.staff.corrections import AddressCheck, check_address, proposed_changes
from directory import geography
from directory.accuracy import facts

HARTFORD = {"city": "Hartford", "state": "CT", "zip": "06106"}


def typed(**changes) -> dict:
    return HARTFORD | changes


@pytest.mark.parametrize("state", ["12", "ZZ", "C1", "XX"])
def test_a_state_that_is_no_state_is_the_state_fields_own_error_not_a_second_one(state):
    """'Enter a US state, like CT.' is the field's error, the loader's rule too
    (tests/integration/test_accuracy.py): the ZIP check adds no second message."""
    assert check_address(typed(zip="06105", state=state), HARTFORD).state is None


def test_a_real_state_that_is_not_the_zips_is_refused():
    check = check_address(typed(zip="06105", state="MA"), HARTFORD)
    assert check.state == "ZIP 06105 is in Connecticut (CT), not MA."
    assert check_address(typed(state="ct"), HARTFORD).state is None  # any case


def test_a_city_the_zips_post_office_does_not_know_is_doubted_with_its_names():
    check = check_address(typed(city="Boston", zip="06105"), HARTFORD)
    assert check.state is None
    assert check.city.startswith("The post office calls ZIP 06105 Hartford or West Hartford")
    assert "not Boston" in check.city and "Keep this city" in check.city


@pytest.mark.parametrize(
    ("city", "zip5", "state"),
    [
        ("West Hartford", "06105", "CT"),  # another name USPS accepts for the ZIP
        ("west hartford", "06107", "ct"),
        ("St. Louis", "63101", "MO"),  # spelled as USPS spells it, "Saint Louis"
        ("Vernon", "06066", "CT"),  # "Vernon Rockville"
        ("", "06105", ""),  # left blank: the ZIP's own, filled in
    ],
)
def test_names_the_post_office_gives_the_zip_pass(city, zip5, state):
    assert check_address({"city": city, "state": state, "zip": zip5}, HARTFORD) == AddressCheck()


def test_an_address_the_verifier_did_not_change_is_not_checked():
    """A source the data doubts (a village name, Weatogue's ZIP) must not block a phone fix."""
    simsbury = {"city": "SIMSBURY", "state": "CT", "zip": "06089"}
    assert not geography.is_zip_city("06089", "Simsbury")
    check = check_address({"city": "Simsbury", "state": "ct", "zip": "06089-1234"}, simsbury)
    assert check.state is None and check.city is None
    moved = check_address({"city": "Simsbury", "state": "CT", "zip": "06070"}, simsbury)
    assert moved.city is None  # 06070 is Simsbury's own ZIP


def test_a_city_or_state_left_blank_is_the_zips_never_blank_on_the_page():
    document = {
        "locations": [HARTFORD | {"name": "Spine Center", "address_line1": "85 Seymour St",
                                  "address_line2": "", "lat": 41.7498, "lon": -72.6947}],
    }  # fmt: skip
    form = {key: "" for key in ("address_line1", "address_line2")} | {
        "address_line1": "85 Seymour St", "city": "", "state": "", "zip": "06106",
    }  # fmt: skip
    changes = proposed_changes(form, document)
    assert "address" not in changes  # still Hartford, CT: nothing changed
    assert facts.read(document, "address")["city"] == "Hartford"
