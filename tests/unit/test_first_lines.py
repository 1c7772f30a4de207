"""The compact seen-NPI map: duplicates still name the line the NPI first appeared on."""

from __future__ import annotations

import tracemalloc

from indexer.demo import demo_npi
from indexer.duplicates import FirstLines


def test_a_new_npi_keeps_its_own_line_and_a_repeat_gets_the_first():
    lines = FirstLines()
    assert lines.setdefault("1234567893", 4) == 4
    assert lines.setdefault("1245319599", 5) == 5
    assert lines.setdefault("1234567893", 9) == 4
    assert lines.setdefault("1245319599", 12) == 5


def test_the_same_body_with_another_check_digit_is_another_npi():
    lines = FirstLines()
    assert lines.setdefault("1234567893", 1) == 1
    assert lines.setdefault("1234567890", 2) == 2  # not a duplicate of line 1
    assert lines.setdefault("1234567890", 3) == 2


def test_an_npi_beyond_four_bytes_is_kept_as_well():
    lines = FirstLines()  # real NPIs start with 1 or 2; a file may still hold others
    assert lines.setdefault("9876543212", 1) == 1
    assert lines.setdefault("9876543210", 2) == 2  # same body, another check digit
    assert lines.setdefault("9876543212", 3) == 1
    assert lines.setdefault("9876543210", 4) == 2


def _traced_size(build) -> int:
    tracemalloc.start()
    kept = build()
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kept is not None
    return size


def test_at_national_scale_it_takes_under_half_of_what_a_dict_took():
    npis = [demo_npi(counter, 77) for counter in range(400_000)]
    # Each row read from a file brings its own NPI string; a dict keeps every one alive.

    def compact() -> FirstLines:
        lines = FirstLines()
        for line, npi in enumerate(npis, start=1):
            lines.setdefault(str(int(npi)), line)
        return lines

    def plain() -> dict[str, int]:
        lines: dict[str, int] = {}
        for line, npi in enumerate(npis, start=1):
            lines.setdefault(str(int(npi)), line)
        return lines

    assert _traced_size(compact) < _traced_size(plain) / 2
    assert compact().setdefault(npis[250_000], 1) == 250_001
