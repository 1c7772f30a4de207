"""The demo's NPIs: valid check digits, never repeated, never a real physician's pattern clash.

Generated NPI bodies are "1" + 8 digits: OFFSET + (counter * MULTIPLIER + shift) mod SPACE.
MULTIPLIER is coprime with SPACE, so the map is a bijection and 3,000,000 profiles need no
set of NPIs already used; bodies below OFFSET are the hand-placed physicians' own.
"""

from __future__ import annotations

from directory.npi import npi_check_digit

NPI_OFFSET = 1000
NPI_SPACE = 10**8 - NPI_OFFSET
NPI_MULTIPLIER = 39_916_801


def demo_npi(counter: int, shift: int) -> str:
    """The ``counter``-th generated NPI: distinct for every counter below NPI_SPACE."""
    body = "1" + f"{NPI_OFFSET + (counter * NPI_MULTIPLIER + shift) % NPI_SPACE:08d}"
    return body + npi_check_digit(body)


def named_npi(number: int) -> str:
    """Hand-placed physicians' fixed NPIs, from bodies no generated NPI uses."""
    body = f"1{number:08d}"
    return body + npi_check_digit(body)
