"""The home page and the results page (cards or the compact front-desk view)."""

from __future__ import annotations

from flask import Blueprint, make_response, render_template, request
from werkzeug.wrappers import Response

from app import events
from app.errors import SearchUnavailable
from app.extensions import search_service
from app.search.form import SearchForm
from app.search.params import RADIUS_CHOICES, RADIUS_DEFAULT, SORTS
from app.web import facets

bp = Blueprint("search", __name__)

EMPTY_SEARCH = "Type a condition, procedure, specialty or name, or enter a location."
EXAMPLES = ("back pain after surgery", "sciatica", "knee replacement")
VIEW_COOKIE = "results_view"
VIEWS = ("cards", "compact")
ONE_YEAR = 60 * 60 * 24 * 365


def validate_search(form: SearchForm) -> bool:
    """WTForms validation plus the one rule that spans fields: say what to look for."""
    valid = form.validate()
    if form.is_empty:
        form.q.errors = [*form.q.errors, EMPTY_SEARCH]
        return False
    return valid


def results_view() -> str:
    """``?view=compact`` (or ``cards``) wins; otherwise the last one this browser chose."""
    chosen = request.args.get("view") or request.cookies.get(VIEW_COOKIE)
    return chosen if chosen in VIEWS else "cards"


def remember_view(response: Response) -> Response:
    view = request.args.get("view")
    if view in VIEWS:
        response.set_cookie(VIEW_COOKIE, view, max_age=ONE_YEAR, httponly=True, samesite="Lax")
    return response


def page_context(form: SearchForm) -> dict:
    return {
        "form": form,
        "examples": EXAMPLES,
        "radius_choices": RADIUS_CHOICES,
        "radius_default": RADIUS_DEFAULT,
        "sort_choices": tuple(SORTS.items()),
        "filter_params": facets.FILTER_PARAMS,
        "clear_filters": dict.fromkeys(facets.FILTER_PARAMS),
    }


@bp.get("/")
def home():
    # A home page whose search box cannot work says so up front, not after a search.
    if not search_service().cluster_ready():
        raise SearchUnavailable("The physician directory is being loaded. Please try again soon.")
    return render_template("pages/home.html", **page_context(SearchForm(formdata=None)))


@bp.get("/search")
def results():
    form = SearchForm(request.args)
    view = results_view()
    context = page_context(form) | {"view": view, "page": None, "show_map": False}
    if not validate_search(form):
        context["heading"] = "Find a physician"
        return remember_view(make_response(render_template("pages/search.html", **context), 400))
    page = search_service().search_physicians(form.to_params())
    events.record_search(form, page, view)
    context |= {
        "page": page,
        "heading": facets.heading(form, page),
        "filters": facets.filter_groups(page, form),
        "active_filters": facets.active_filters(form),
        "page_numbers": facets.page_numbers(page.page, page.pages),
        "markers": facets.map_markers(page),
        "show_map": bool(page.results) and view == "cards",
    }
    return remember_view(make_response(render_template("pages/search.html", **context)))
