"""Template helpers for directory accuracy: "as of" dates, stale notes, scheduling notes."""

from __future__ import annotations

from datetime import date

from flask import Flask

from directory.accuracy import freshness
from directory.accuracy.facts import FACTS, GROUP_LABELS, SCHEDULING_KEYS


def new_patients_as_of(physician) -> str:
    """When "accepting new patients" was last verified (the profile's date when not given)."""
    return physician.accuracy.as_of("accepting_new_patients", physician.last_verified)


def stale_since(physician) -> str:
    """The date a stale profile was last verified ("" when it is fresh): said on every page."""
    verified_on = physician.accuracy.verified_on
    return verified_on if freshness.is_stale(verified_on, date.today()) else ""


def _shown(key: str, value) -> str:
    if FACTS[key].kind == "flag":
        return {True: "Yes", False: "No"}.get(value, "")
    if FACTS[key].kind == "list":
        return "; ".join(value or [])
    return str(value or "")


def scheduling_notes(physician) -> list[tuple[str, str]]:
    """(label, text) for each scheduling note that says something, in a fixed order."""
    notes = physician.accuracy.scheduling
    found = [(FACTS[key].label, _shown(key, notes.get(key))) for key in SCHEDULING_KEYS]
    return [(label, text) for label, text in found if text]


def init_app(app: Flask) -> None:
    for fn in (new_patients_as_of, stale_since, scheduling_notes):
        app.add_template_global(fn)
    app.add_template_global(tuple(GROUP_LABELS.items()), "fact_groups")
