"""Search text is stored without anything that looks like personal data.

What a privacy officer reads in the event log: each identifier, in the ways people write
it, becomes a placeholder, and the clinical text beside it (codes, ages, lab values) stays
readable for the curators.
"""

from __future__ import annotations

import pytest

from app.events.redact import redact, redact_value, redaction, without_placeholders


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Sciatica", "sciatica"),
        ("  Sjögren's   syndrome ", "sjogren's syndrome"),
        ("M96.1", "m96.1"),
        ("m54.16 pain after fusion", "m54.16 pain after fusion"),
        ("S32.001A", "s32.001a"),
        ("npi 1234567893", "npi 1234567893"),  # a valid NPI: a physician's public number
        ("knee pain jane.doe+x@mail.example.com", "knee pain [email]"),
        ("call me 860-555-1234", "call me [phone]"),
        ("call (860) 555 1234 please", "call [phone] please"),
        ("+1 860.555.1234", "[phone]"),
        ("8605551234 cardiology", "[phone] cardiology"),  # 10 digits, not a valid NPI
        ("dob 03/14/1975 diabetes", "dob [date] diabetes"),
        ("born 1975-03-14", "born [date]"),
        ("seen on March 14, 2024", "seen on [date]"),
        ("seen 14th march 2024", "seen [date]"),
        ("ssn 123-45-6789", "ssn [number]"),
        ("member id 99887766 cardiologist", "member id [number] cardiologist"),
        ("mrn 123456", "mrn [number]"),
        ("back pain near 06106", "back pain near 061xx"),
        ("neurologist near 12 Oak Tree Lane hartford", "neurologist near [address] hartford"),
        ("cardiologist 150 main st", "cardiologist [address]"),
        ("type 2 diabetes", "type 2 diabetes"),
        ("1 2 3", "1 2 3"),
    ],
)
def test_personal_looking_text_is_redacted_and_clinical_text_kept(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("card 4111 1111 1111 1111", "card [number]"),
        ("knee 4111-1111-1111-1111", "knee [number]"),
        ("visa 4111.1111.1111.1111", "visa [number]"),
        ("card 4111111111111111", "card [number]"),
        ("amex 3782 822463 10005", "amex [number]"),  # 15 digits, 4-6-5
        ("card 4222 2222 2222 2", "card [number]"),  # 13 digits
        ("card 6011 0009 9013 9424 123", "card [number]"),  # 19 digits
    ],
)
def test_card_numbers_are_redacted_however_they_are_grouped(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knee 123 45 6789", "knee [number]"),
        ("ssn 123.45.6789", "ssn [number]"),
        ("ssn-123-45-6789 knee", "[number] knee"),
        ("ssn:123456789", "ssn:[number]"),
    ],
)
def test_social_security_numbers_are_redacted_with_any_separator(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knee 1EG4-TE5-MK73", "knee [number]"),  # a Medicare Beneficiary Identifier
        ("knee 1EG4TE5MK73", "knee [number]"),
        ("mbi 1eg4 te5 mk73 knee", "mbi [number] knee"),
        ("member W123456789 cardiology", "member [number] cardiology"),
        ("hicn 123456789A", "hicn [number]"),  # the old Medicare number: an SSN and a letter
        ("id XYZ-123-456-789", "id [number]"),
    ],
)
def test_health_plan_and_member_ids_are_redacted(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knee +44 20 7946 0958", "knee [phone]"),
        ("+33 1 23 45 67 89 rhumatologue", "[phone] rhumatologue"),
        ("+49 30 12345 678 knee", "[phone] knee"),
        ("gp 020 7946 0958", "gp [phone]"),
        ("call 1-860-555-1234", "call [phone]"),
        ("(860)555-1234 fax", "[phone] fax"),
        ("call 555-0123 asthma", "call [phone] asthma"),
        ("860 555 1234", "[phone]"),
    ],
)
def test_phone_numbers_are_redacted_in_national_and_international_forms(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knee 02/2024", "knee [date]"),
        ("knee jan 5", "knee [date]"),
        ("seen january 5th", "seen [date]"),
        ("dob 5 jan", "dob [date]"),
        ("dob 5th of January, 1975", "dob [date]"),
        ("since mar 2023", "since [date]"),
        ("dob 14-mar-1975", "dob [date]"),
        ("dob 3/14 knee", "dob [date] knee"),
        ("dob 14.03.1975", "dob [date]"),
        ("dob 3-14-75", "dob [date]"),
        ("born 03 14 1975", "born [date]"),
        ("appt Sept. 12", "appt [date]"),
    ],
)
def test_dates_are_redacted_in_numeric_and_month_name_forms(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("knee john.smith@gmail", "knee [email]"),  # no top-level domain
        ("write to jane@ about knee", "write to [email] about knee"),
        ("knee 192.168.1.10", "knee [ip]"),
        ("from 10.0.0.1 knee", "from [ip] knee"),
        ("ip 2001:db8::1 knee", "ip [ip] knee"),
    ],
)
def test_email_like_tokens_and_ip_addresses_are_redacted(typed, stored):
    assert redact(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "M54.5 low back pain",
        "e11.65 a1c 9.1",
        "glaucoma h40.1131",
        "h401131 glaucoma",  # a code typed without its dot
        "s32.001a l4-5 fusion",
        "cpt g0101 0075t j1745",
        "65 yo male chest pain",
        "4yo ear infections",
        "3 mo old reflux",
        "65-year-old knee",
        "psa 8.2 rising",
        "a1c 9.1 10.2 11.5",
        "t-score -3.1 osteoporosis",
        "bp 140/90 on 3 meds",
        "pain 7/10 after 2-3 weeks",
        "strength 4/5 left leg",
        "20/20 vision",
        "platelets 150,000",
        "egfr 45 ldl 190",
        "dx 2019 type 2 diabetes",
        "covid-19 2021",
        "npi 1234567893",
        "npi 1234-567-893",  # grouped, still a physician's NPI: no US phone starts with 1
    ],
)
def test_medical_text_is_not_redacted(typed):
    assert redact(typed) == typed.lower()


def test_zip_codes_and_procedure_codes_side_by_side_stay_separate_numbers():
    # Two five-digit numbers are two codes or ZIPs, never one phone or card number; and a
    # ZIP beside an age or a count keeps both.
    assert redact("99213 99214 knee") == "992xx 992xx knee"
    assert redact("ortho 06106 65 yo") == "ortho 061xx 65 yo"
    assert redact("knee 06106-1234") == "knee 061xx"  # ZIP+4: the ZIP3 only


def test_no_digit_of_a_redacted_identifier_is_left_beside_its_placeholder():
    for typed in ("knee 192.168.1.10", "card 4111 1111 1111 1111", "1eg4-te5-mk73"):
        assert not any(character.isdigit() for character in redact(typed)), typed


def test_redaction_says_which_typed_characters_it_replaced():
    typed = "Knée 123 45 6789 and jan 5"
    found = redaction(typed)
    assert found.text == "knee [number] and [date]"
    assert [typed[start:end] for start, end in found.spans] == ["123 45 6789", "jan 5"]


def test_filter_values_keep_their_case_and_lose_identifiers():
    assert redact_value("language:Spanish") == "language:Spanish"
    assert redact_value("insurance:Aetna 4111 1111 1111 1111") == "insurance:Aetna [number]"


def test_a_link_to_the_live_search_leaves_placeholders_out():
    assert without_placeholders("[phone] asthma near 061xx") == "asthma near"
    assert without_placeholders("[number]") == ""
    assert without_placeholders("knee pain") == "knee pain"
