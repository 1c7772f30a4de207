"""The search a page came from, carried safely to profiles, the shortlist and print sheets.

A results page hands its own address on as ``back=/search?...`` so "Back to results", the
shortlist, the referral sheet and the exports keep the condition, place, radius and filters
without asking for them again (WCAG 3.3.7). ``back`` is only ever rebuilt as a path on this
site: anything that is not ``/search`` with a query string is dropped, never redirected to.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask import Flask, request, url_for
from werkzeug.datastructures import MultiDict

from app.search.form import SearchForm
from app.search.params import RADIUS_DEFAULT
from app.search.results import SearchPage
from app.web import facets
from app.web.helpers import once_per_request
from directory.vocabulary import default_vocabulary

MAX_BACK = 2000  # a results URL with every filter ticked stays well under this
# What werkzeug's url_for leaves unescaped in a query value (werkzeug.urls._urlencode).
SAFE = "!$'()*,/:;?@"


def local_search_path(value: str | None) -> str | None:
    """``/search?...`` rebuilt from its parsed parameters, or None for anything else."""
    if not value or len(value) > MAX_BACK or not value.isprintable() or "\\" in value:
        return None
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != url_for("search.results"):
        return None
    pairs = [(k, v) for k, v in parse_qsl(parts.query) if k and v and k != "back"]
    return f"{parts.path}?{urlencode(pairs)}" if pairs else None


def search_back() -> str | None:
    """The results page to go back to from this page, if it came from one.

    Worked out once per request: a results page asks for it twice per physician card."""
    return once_per_request("search_back", _search_back)


def _search_back() -> str | None:
    try:
        if request.endpoint == "search.results":
            return local_search_path(request.full_path)
        return local_search_path(request.args.get("back"))
    except UnicodeDecodeError:  # the error page for an undecodable query string uses this too
        return None


def with_back(endpoint: str, **values) -> str:
    """A link to ``endpoint`` that carries the search this page came from (each distinct
    link built once per request: every card of a results page links the same shortlist)."""
    built = once_per_request("links_with_back", dict)
    key = (endpoint, *sorted(values.items()))  # values are an NPI, a search id, a rank
    if key not in built:
        url, back = url_for(endpoint, **values), search_back()
        if back:  # ``back`` goes last, encoded once per request as url_for encodes values
            query = once_per_request("back_query", lambda: urlencode({"back": back}, safe=SAFE))
            url = f"{url}{'&' if '?' in url else '?'}{query}"
        built[key] = url
    return built[key]


def search_form(path: str | None) -> SearchForm | None:
    """The validated search form of a carried ``/search?...`` path."""
    if not path:
        return None
    form = SearchForm(MultiDict(parse_qsl(urlsplit(path).query)))
    return form if form.validate() and not form.is_empty else None


@dataclass(frozen=True)
class SearchSummary:
    """A search in words: for the one-line summary, print sheets and export notes."""

    what: str
    where: str
    radius_miles: int | None  # None with a place: a whole state
    filters: tuple[str, ...]

    @property
    def line(self) -> str:
        """'Sciatica · near 06106 · 25 mi'."""
        parts = [self.what] if self.what else []
        if self.where and self.radius_miles is None:
            parts.append(f"in {self.where}")
        elif self.where:
            parts += [f"near {self.where}", f"{self.radius_miles} mi"]
        return " · ".join(parts) or "All physicians"

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for a referral sheet."""
        rows = [("Looking for", self.what or "Any physician")]
        if self.where and self.radius_miles is None:
            rows.append(("In", self.where))
        elif self.where:
            rows += [("Near", self.where), ("Within", f"{self.radius_miles} miles")]
        rows.append(("Filters", ", ".join(self.filters) or "None"))
        return rows


def origin(form: SearchForm | None) -> tuple[float, float] | None:
    """Where a carried search measured distances from (``SearchParams.origin``)."""
    place = form.to_params().origin if form is not None else None
    return place.point if place is not None else None


def summarize(form: SearchForm, page: SearchPage | None = None) -> SearchSummary:
    """What was searched for, in the user's words where they typed them."""
    terms = page.resolution.terms if page is not None else ()
    what = " or ".join(dict.fromkeys(t.name for t in terms)) or (form.q.data or "")
    if not what:
        chosen = (form.condition.data, form.procedure.data)
        concepts = default_vocabulary().concepts
        what = " or ".join(concepts[c].name for c in chosen if c in concepts)
    where = (form.location.data or "") if form.place else ""
    radius = (form.radius.data or RADIUS_DEFAULT) if where else None
    typed = facets.typed_place(page)
    if not where and typed is not None:  # "therapist near 06106": the place came from the box
        where, radius = typed.label, page.effective.radius_miles
    place = form.place or typed
    if place is not None and place.whole_state:
        radius = None  # searched in the whole state
    filters = tuple(f.label for f in facets.active_filters(form))
    return SearchSummary(what, where, radius, filters)


def init_app(app: Flask) -> None:
    app.add_template_global(search_back)
    app.add_template_global(with_back)
    app.add_template_global(summarize, "summarize_search")
