"""National Provider Identifier checks: 10 digits whose last is a Luhn check digit.

CMS computes the Luhn digit over the 9-digit NPI body prefixed with the card issuer
constant ``80840`` (health-care identifiers under ISO 7812), so a plain Luhn check of
the 10 digits alone would reject every real NPI.
"""

from __future__ import annotations

NPI_PREFIX = "80840"


_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)  # a digit doubled, minus 9 past 9


def _luhn_sum(payload: str) -> int:
    # Doubling starts at the rightmost payload digit: the check digit will sit to its right.
    # Slices and map instead of a loop per digit: the loader checks every NPI it reads.
    backwards = payload[::-1]
    doubled = sum(map(_DOUBLED.__getitem__, map(int, backwards[0::2])))
    return doubled + sum(map(int, backwards[1::2]))


def _is_ascii_digits(value: str, length: int) -> bool:
    return len(value) == length and value.isascii() and value.isdigit()


def npi_check_digit(first9: str) -> str:
    """The check digit that completes a 9-digit NPI body."""
    if not _is_ascii_digits(first9, 9):
        raise ValueError(f"an NPI body is 9 digits, got {first9!r}")
    return str((10 - _luhn_sum(NPI_PREFIX + first9) % 10) % 10)


def is_valid_npi(value: str) -> bool:
    """True for exactly 10 ASCII digits ending in the right check digit."""
    if not isinstance(value, str) or not _is_ascii_digits(value, 10):
        return False
    return npi_check_digit(value[:9]) == value[9]
