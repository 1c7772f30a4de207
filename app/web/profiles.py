"""A physician's profile: every practice location, what they treat, and where the data is from."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from app import events
from app.extensions import search_service
from directory.npi import is_valid_npi

bp = Blueprint("profiles", __name__)


def split_claimed(concepts) -> tuple[list, list]:
    """(on the physician's own profile, typical for their specialty), each sorted by name."""
    ordered = sorted(concepts, key=lambda c: c.name.lower())
    return [c for c in ordered if c.claimed], [c for c in ordered if not c.claimed]


def listed_physician(npi: str):
    """The physician a public page is about: 404 for a bad or unknown NPI, 410 once retired."""
    if not is_valid_npi(npi):
        abort(404, description="A physician's page address ends in their 10-digit NPI.")
    physician = search_service().get_physician(npi)
    if physician is None:
        abort(404, description=f"No physician with NPI {npi} is listed.")
    if not physician.active:
        abort(410, description=f"The physician with NPI {npi} is no longer listed here.")
    return physician


@bp.get("/physicians/<npi>")
def profile(npi: str):
    physician = listed_physician(npi)
    events.record_open(npi)
    return render_template(
        "pages/profile.html",
        physician=physician,
        conditions=split_claimed(physician.conditions),
        procedures=split_claimed(physician.procedures),
    )
