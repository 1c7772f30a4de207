"""Compare up to four physicians side by side. Add and remove are POST forms.

They carry no CSRF token: a token needs a session cookie, and the results pages that show
the buttons set no identifier. Instead the POST must come from our own pages
(``security.from_our_pages``: ``Sec-Fetch-Site`` / ``Origin``), and the shortlist itself is
only a signed cookie of NPIs (``shortlist_cookie``).

Feedback goes where the person is looking: without JavaScript the redirect lands on the
physician's card and the message shows under its button (a flash tagged with the NPI);
with JavaScript ``shortlist.js`` posts the same form, asks for JSON and writes the
message into the live region under the button, so nothing moves and it is announced.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from wtforms import Form, HiddenField
from wtforms.validators import DataRequired, ValidationError

from app.extensions import csrf, search_service
from app.search.results import PhysicianProfile
from app.web import search_context, shortlist_cookie
from app.web.security import NOT_FROM_OUR_PAGES, a_path_here, from_our_pages
from app.web.shortlist_cookie import MAX_PHYSICIANS
from directory.npi import is_valid_npi

bp = Blueprint("shortlist", __name__, url_prefix="/shortlist")
csrf.exempt(bp)  # checked by origin instead: see the module docstring


def valid_npi(form, field) -> None:
    if not is_valid_npi(field.data or ""):
        raise ValidationError("Not an NPI.")


class ShortlistForm(Form):
    npi = HiddenField(validators=[DataRequired(), valid_npi])
    next = HiddenField()


def safe_next(target: str | None) -> str:
    """Only ever redirect back within this site (security.a_path_here)."""
    return target if a_path_here(target) else url_for("shortlist.compare")


def _submitted() -> tuple[str, str]:
    if not from_our_pages():
        abort(400, description=NOT_FROM_OUR_PAGES)
    form = ShortlistForm(request.form)
    if not form.validate():
        abort(400, description="That physician couldn't be added or removed. Please try again.")
    return form.npi.data, safe_next(form.next.data)


def shortlisted() -> list[PhysicianProfile]:
    """The shortlisted physicians still listed, in the order they were added: a referral
    sheet or export never sends a patient to a physician who has left the directory."""
    return [p for p in _profiles() if p.active]


def _profiles() -> list[PhysicianProfile]:
    found = (search_service().get_physician(npi) for npi in shortlist_cookie.read())
    return [p for p in found if p is not None]


@bp.get("")
def compare():
    carried = search_context.search_form(search_context.search_back())
    profiles = _profiles()
    listed = [p for p in profiles if p.active]
    page = render_template(
        "pages/shortlist.html",
        physicians=listed,
        departed=[p for p in profiles if not p.active],
        limit=MAX_PHYSICIANS,
        carried_form=carried,
    )
    kept = tuple(p.npi for p in listed)
    if kept == shortlist_cookie.read():
        return page
    # Gone from the directory since they were added: off the list, said once on this page.
    return shortlist_cookie.write(make_response(page), kept)


def full_message() -> str:
    return (
        f"Your shortlist is full ({MAX_PHYSICIANS} of {MAX_PHYSICIANS}). "
        "Remove a physician from it to add this one."
    )


def _answer(npi: str, target: str, message: str, npis: tuple[str, ...], full: bool = False):
    """JSON for shortlist.js, else a redirect with the message tagged for this NPI's card."""
    if request.accept_mimetypes.best_match(("text/html", "application/json")) == (
        "application/json"
    ):
        body = {
            "message": message,
            "listed": npi in npis,
            "count": len(npis),
            "limit": MAX_PHYSICIANS,
            "full": full,
        }
        return shortlist_cookie.write(jsonify(body), npis)
    flash(message, f"shortlist:{npi}")
    return shortlist_cookie.write(redirect(target, 303), npis)


@bp.post("/add")
def add():
    npi, target = _submitted()
    current = shortlist_cookie.read()
    profile = search_service().get_physician(npi)
    if profile is None or not profile.active:
        # A valid NPI nobody lists, or a physician no longer listed: nothing to compare or
        # send, and it would take one of the four places.
        return _answer(npi, target, "That physician is not listed in the directory.", current)
    if npi not in current and len(current) >= MAX_PHYSICIANS:
        return _answer(npi, target, full_message(), current, full=True)
    updated = tuple(dict.fromkeys((*current, npi)))
    message = f"Added to your shortlist ({len(updated)} of {MAX_PHYSICIANS})."
    return _answer(npi, target, message, updated)


@bp.post("/remove")
def remove():
    npi, target = _submitted()
    remaining = tuple(n for n in shortlist_cookie.read() if n != npi)
    message = f"Removed from your shortlist ({len(remaining)} of {MAX_PHYSICIANS})."
    return _answer(npi, target, message, remaining)


@bp.post("/clear")
def clear():
    if not from_our_pages():
        abort(400, description=NOT_FROM_OUR_PAGES)
    flash("Your shortlist is empty.")
    return shortlist_cookie.write(redirect(url_for("shortlist.compare"), 303), ())
