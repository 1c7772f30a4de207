"""What the results page shows about a search: filters, active filter chips, headings, pages.

Functions from the validated form and the ``SearchPage`` to small view models, so the
templates stay declarative and the views stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from flask import url_for

from app.search.filters import ANY_OF, FILTERS, YES, YES_VALUE, Filter
from app.search.form import SearchForm
from app.search.results import SearchPage

# Parameters the filter form replaces; everything else rides along as hidden inputs.
FILTER_PARAMS = (*(f.name for f in FILTERS), "page")
PAGE_WINDOW = 2


@dataclass(frozen=True)
class Option:
    name: str
    value: str
    label: str
    count: int
    checked: bool

    @cached_property  # the checkbox's id and its label's for=
    def field_id(self) -> str:
        safe = "".join(c if c.isalnum() else "-" for c in self.value.lower())
        return f"f-{self.name}-{safe}"[:80]


@dataclass(frozen=True)
class FilterGroup:
    name: str
    legend: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class ActiveFilter:
    name: str
    value: str
    label: str


def _multi(form: SearchForm) -> list[Filter]:
    return [f for f in form.filters if f.kind == ANY_OF]


def _yes(form: SearchForm) -> list[Filter]:
    # Yes/no filters share one fieldset ("Availability"): only "yes" is a useful filter.
    return [f for f in form.filters if f.kind == YES]


def filter_groups(page: SearchPage, form: SearchForm) -> tuple[FilterGroup, ...]:
    """The filter panel: Availability first, then one fieldset per multi-value filter."""
    groups = [_availability(page, form)]
    for declared in _multi(form):
        name = declared.name
        facet = page.facets.get(name)
        chosen = list(form[name].data or ())
        options = [
            Option(name, v.value, declared.display(v.label), v.count, v.selected)
            for v in (facet.values if facet else ())
        ]
        # A chosen value with no results left still shows, checked, so it can be unticked.
        seen = {o.value for o in options}
        options += [Option(name, v, _label(declared, v), 0, True) for v in chosen if v not in seen]
        if options:
            groups.append(FilterGroup(name, declared.label, tuple(options)))
    return tuple(g for g in groups if g.options)


def _label(declared: Filter, value: str) -> str:
    return declared.display(declared.value_label(value))


def _availability(page: SearchPage, form: SearchForm) -> FilterGroup:
    options = []
    for declared in _yes(form):
        facet = page.facets.get(declared.name)
        values = facet.values if facet else ()
        count = next((v.count for v in values if v.value == YES_VALUE), 0)
        checked = bool(form[declared.name].data)
        if count or checked:
            options.append(Option(declared.name, YES_VALUE, declared.label, count, checked))
    return FilterGroup("availability", "Availability", tuple(options))


def active_filters(form: SearchForm) -> tuple[ActiveFilter, ...]:
    """The chips above the results: every chosen value, each a link that removes it."""
    active = [ActiveFilter(f.name, YES_VALUE, f.label) for f in _yes(form) if form[f.name].data]
    for declared in _multi(form):
        for value in form[declared.name].data or ():
            active.append(ActiveFilter(declared.name, value, _label(declared, value)))
    return tuple(active)


def typed_place(page: SearchPage | None):
    """The place typed in the box ("therapist near 06106"), as the search used it."""
    effective = page.effective if page is not None else None
    return effective.place if effective is not None else None


def heading(form: SearchForm, page: SearchPage | None) -> str:
    """The page's one h1: what was searched for, and where."""
    place = form.place or typed_place(page)
    where = f" {place.where}" if place else ""
    what = ""
    if page is not None and page.resolution.terms:
        what = " or ".join(dict.fromkeys(t.name for t in page.resolution.terms))
    elif who := _who_only(page):  # "md": "Physicians (MD/DO) near …", not "… for “md”"
        return f"{who}{where}"
    elif form.q.data:
        what = f"“{form.q.data}”"
    if what:
        return f"Physicians for {what}{where}"
    return f"Physicians{where}" if where else "Find a physician"


def _who_only(page: SearchPage | None) -> str:
    """Who the text asks for when it says only that ("md", "spanish speaking", "accepting
    new patients"): every word read as a filter (or the place), nothing left unread."""
    reading = page.interpretation if page is not None else None
    if reading is None or reading.unplaced:
        return ""
    if any(p.kind not in ("filter", "location") for p in reading.parts):
        return ""
    # A radius says where, not who: the place after the heading says it.
    chosen = tuple(p for p in reading.of_kind("filter") if p.filter != "radius_miles")
    return replace(reading, parts=chosen).describe() if chosen else ""


def page_numbers(current: int, pages: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20: None marks a gap."""
    shown = {1, pages, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
    numbers: list[int | None] = []
    for number in sorted(n for n in shown if 1 <= n <= pages):
        if numbers and numbers[-1] is not None and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def map_markers(page: SearchPage) -> list[dict]:
    """One marker per physician at the practice location shown on the card."""
    return [
        {
            "lat": hit.nearest_location.lat,
            "lon": hit.nearest_location.lon,
            "name": hit.display_name,
            "address": hit.nearest_location.one_line,
            "url": url_for("profiles.profile", npi=hit.npi),
        }
        for hit in page.results
    ]
