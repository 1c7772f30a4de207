"""National Provider Identifier checks: 10 digits whose last is a Luhn check digit.

CMS computes the Luhn digit over the 9-digit NPI body prefixed with the card issuer
constant ``80840`` (health-care identifiers under ISO 7812), so a plain Luhn check of
the 10 digits alone would reject every real NPI.
"""

from __future__ import annotations

NPI_PREFIX = "80840"


# Each digit's character -> the character of its double's digit sum (a digit doubled,
# minus 9 past 9): 5 -> 10 -> 1.
_DOUBLED = bytes.maketrans(b"0123456789", b"0246813579")


def _luhn_sum(payload: str) -> int:
    # Doubling starts at the rightmost payload digit: the check digit will sit to its right.
    # Summed as ASCII bytes (each digit is 48 + its value) so no digit becomes a Python
    # int one at a time: the loader checks every NPI it reads.
    backwards = payload.encode("ascii")[::-1]
    doubled = backwards[0::2].translate(_DOUBLED)
    return sum(doubled) + sum(backwards[1::2]) - 48 * len(backwards)


def _is_ascii_digits(value: str, length: int) -> bool:
    return len(value) == length and value.isascii() and value.isdigit()


def _check_digit(first9: str) -> int:
    return (10 - _luhn_sum(NPI_PREFIX + first9) % 10) % 10


def npi_check_digit(first9: str) -> str:
    """The check digit that completes a 9-digit NPI body."""
    if not _is_ascii_digits(first9, 9):
        raise ValueError(f"an NPI body is 9 digits, got {first9!r}")
    return str(_check_digit(first9))


def is_valid_npi(value: str) -> bool:
    """True for exactly 10 ASCII digits ending in the right check digit."""
    if not isinstance(value, str) or not _is_ascii_digits(value, 10):
        return False
    return _check_digit(value[:9]) == int(value[9])
