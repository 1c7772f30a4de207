"""NPI check digits: real NPIs from the NPPES sample pass, typos and junk fail."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from directory.npi import is_valid_npi, npi_check_digit

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "nppes-practitioners-sample.csv"


def test_cms_worked_example():
    # CMS's own example in "Requirements for Check Digit for the NPI".
    assert npi_check_digit("123456789") == "3"
    assert is_valid_npi("1234567893")


@pytest.mark.parametrize("npi", ["1255334207", "1740283779", "1982607917", "1427051366"])
def test_real_npis_from_the_sample_are_valid(npi):
    assert is_valid_npi(npi)


def test_every_npi_in_the_sample_is_valid():
    with open(SAMPLE, newline="", encoding="utf-8-sig") as handle:
        npis = [row["NPI"] for row in csv.DictReader(handle)]
    assert len(npis) == 1000
    assert all(is_valid_npi(npi) for npi in npis)


@pytest.mark.parametrize(
    "value",
    [
        "1255334208",
        "125533420",
        "12553342070",
        "125533420X",
        " 1255334207",
        "",
        "１２５５３３４２０７",
    ],
)
def test_typos_and_junk_are_invalid(value):
    assert not is_valid_npi(value)


def test_non_strings_are_invalid():
    assert not is_valid_npi(1255334207)  # type: ignore[arg-type]
    assert not is_valid_npi(None)  # type: ignore[arg-type]


@given(st.from_regex(r"[12][0-9]{8}", fullmatch=True))
def test_check_digit_completes_any_body(body):
    assert is_valid_npi(body + npi_check_digit(body))


@given(st.from_regex(r"[12][0-9]{8}", fullmatch=True), st.integers(1, 9))
def test_a_single_changed_last_digit_is_caught(body, delta):
    digit = int(npi_check_digit(body))
    assert not is_valid_npi(body + str((digit + delta) % 10))


def test_check_digit_rejects_bad_bodies():
    with pytest.raises(ValueError):
        npi_check_digit("12345678")
