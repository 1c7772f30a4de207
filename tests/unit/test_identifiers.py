"""Numbers typed in the search box: which are NPIs, which are phones, which are neither."""

from __future__ import annotations

import pytest

from app.search.physician_names import hint_words
from directory.lookup import lookup_fields
from directory.understanding import interpret
from directory.understanding.identifiers import read_identifiers


@pytest.mark.parametrize(
    ("typed", "npi", "phone"),
    [
        ("1234567893", "1234567893", ""),
        ("npi 1234567893", "1234567893", ""),
        ("NPI# 1234-567-893", "1234567893", ""),
        ("(860) 555-0123", "", "860-555-0123"),
        ("860.555.0123", "", "860-555-0123"),
        ("8605550123", "", "860-555-0123"),
        ("+1 860 555 0123", "", "860-555-0123"),
        ("fax: 860-555-0123", "", "860-555-0123"),
    ],
)
def test_an_npi_or_a_phone_in_any_common_format(typed, npi, phone):
    (found,) = read_identifiers(typed)
    assert (found.npi, found.phone) == (npi, phone)


def test_a_mistyped_npi_is_told_apart_from_a_phone():
    (found,) = read_identifiers("1234567894")  # starts with 1: no area code does
    assert found.invalid_npi == "1234567894" and not found.npi and not found.phone
    assert "not valid" in interpret("1234567894").describe()


@pytest.mark.parametrize(
    "text",
    ["06106", "M54.16", "dermatologist 06106-1234", "555-0123", "cpt code 99213 06106"],
)
def test_zips_codes_and_local_numbers_are_not_identifiers(text):
    """'cpt code 99213 06106' (a visit code and a ZIP) searched for phone 992-130-6106."""
    assert read_identifiers(text) == ()


def test_two_five_digit_numbers_are_an_npi_when_the_word_says_so():
    (found,) = read_identifiers("npi 12345 67893")
    assert found.npi == "1234567893"


def test_the_heading_says_what_was_looked_up():
    assert interpret("npi 1234567893").describe() == "Physicians with NPI 1234567893"
    assert interpret("(860) 555-0123").describe() == "Physicians with phone or fax 860-555-0123"


@pytest.mark.parametrize(
    ("hint", "words"),
    [("r o", ""), ("s p", ""), ("pt", ""), ("f u", ""), ("Ng", "ng"), ("valenzuela", "valenzuela")],
)
def test_shorthand_and_initials_are_never_name_hints(hint, words):
    assert hint_words(hint) == words


def test_phones_and_practice_names_are_indexed_from_locations_and_hospitals():
    profile = {
        "locations": [{"name": "Schwartz Heart & Vascular", "phone": "(860) 555-0123", "fax": ""}],
        "hospital_affiliations": ["Hartford Hospital"],
        "scheduling": {"intake_fax": "860-555-0199"},
    }
    assert lookup_fields(profile) == {
        "phones": ["860-555-0123", "860-555-0199"],
        "practice_names": ["Schwartz Heart & Vascular", "Hartford Hospital"],
    }
