"""Compare up to four physicians side by side. Add and remove are POST forms with CSRF."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import DataRequired, ValidationError

from app.extensions import search_service
from app.web import shortlist_cookie
from app.web.shortlist_cookie import MAX_PHYSICIANS
from directory.npi import is_valid_npi

bp = Blueprint("shortlist", __name__, url_prefix="/shortlist")


def valid_npi(form, field) -> None:
    if not is_valid_npi(field.data or ""):
        raise ValidationError("Not an NPI.")


class ShortlistForm(FlaskForm):
    npi = HiddenField(validators=[DataRequired(), valid_npi])
    next = HiddenField()


def safe_next(target: str | None) -> str:
    """Only ever redirect back within this site."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return url_for("shortlist.compare")


def _submitted() -> tuple[str, str]:
    form = ShortlistForm()
    if not form.validate_on_submit():
        abort(400, description="That physician couldn't be added or removed. Please try again.")
    return form.npi.data, safe_next(form.next.data)


@bp.get("")
def compare():
    found = (search_service().get_physician(npi) for npi in shortlist_cookie.read())
    physicians = [p for p in found if p is not None]
    return render_template("pages/shortlist.html", physicians=physicians, limit=MAX_PHYSICIANS)


@bp.post("/add")
def add():
    npi, target = _submitted()
    current = shortlist_cookie.read()
    if npi not in current and len(current) >= MAX_PHYSICIANS:
        flash(f"Your shortlist holds {MAX_PHYSICIANS} physicians. Remove one to add another.")
        return redirect(target, 303)
    updated = tuple(dict.fromkeys((*current, npi)))
    flash(f"Added to your shortlist ({len(updated)} of {MAX_PHYSICIANS}).")
    return shortlist_cookie.write(redirect(target, 303), updated)


@bp.post("/remove")
def remove():
    npi, target = _submitted()
    remaining = tuple(n for n in shortlist_cookie.read() if n != npi)
    flash("Removed from your shortlist.")
    return shortlist_cookie.write(redirect(target, 303), remaining)


@bp.post("/clear")
def clear():
    flash("Your shortlist is empty.")
    return shortlist_cookie.write(redirect(url_for("shortlist.compare"), 303), ())
