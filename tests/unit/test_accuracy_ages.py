"""The youngest age a physician sees, read from the front desk's "ages seen" note."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from accuracy_helpers import profile

from directory.accuracy.ages import YOUNGEST_FIELD, youngest_seen
from directory.accuracy.overlay import Correction, accuracy_fields, overlay


@pytest.mark.parametrize(
    ("note", "youngest"),
    [
        ("18 and older", 18),
        ("16+", 16),
        ("65 and older", 65),
        ("Ages 12 and up", 12),
        ("12 years and older", 12),
        ("5 to 17", 5),
        ("0-18", 0),
        ("All ages", 0),
        ("Birth to 21", 0),
        ("Newborns through teens", 0),
        ("Adults only", 18),
        ("Children and adolescents", 0),
        ("", None),
        (None, None),
        ("Call to ask", None),  # unread: nobody is ranked down on a guess
    ],
)
def test_the_note_in_staff_words_gives_the_youngest_age_seen(note, youngest):
    assert youngest_seen(note) == youngest


def test_a_corrected_ages_seen_note_changes_the_indexed_youngest_age_at_once():
    source = profile(1, verified_days_ago=0)
    source["scheduling"] = {**source.get("scheduling", {}), "ages_seen": "All ages"}
    at = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
    corrected = overlay(source, [Correction(3, "ages_seen", "18 and older", at, "v@x.org", "")])
    assert accuracy_fields(overlay(source).profile)[YOUNGEST_FIELD] == 0
    assert accuracy_fields(corrected.profile)[YOUNGEST_FIELD] == 18
