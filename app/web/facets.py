"""What the results page shows about a search: filters, active filter chips, headings, pages.

Functions from the validated form and the ``SearchPage`` to small view models, so the
templates stay declarative and the views stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from app.search.form import SearchForm
from app.search.results import SearchPage
from directory.vocabulary import default_vocabulary

LEGENDS = {
    "specialty": "Specialty",
    "language": "Languages spoken",
    "gender": "Physician's gender",
    "insurance": "Insurance accepted",
    "hospital": "Hospital affiliation",
}
# Yes/no facets share one fieldset: only "yes" is a useful filter.
AVAILABILITY = {
    "accepting_new_patients": "Accepting new patients",
    "telehealth": "Offers telehealth visits",
}
MULTI_FACETS = tuple(LEGENDS)
# Parameters the filter form replaces; everything else rides along as hidden inputs.
FILTER_PARAMS = (*MULTI_FACETS, *AVAILABILITY, "page")
PAGE_WINDOW = 2


@dataclass(frozen=True)
class Option:
    name: str
    value: str
    label: str
    count: int
    checked: bool

    @property
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


def _label(name: str, label: str) -> str:
    if name == "gender":
        return label.capitalize()
    if name == "specialty" and label[:1].isdigit():
        return default_vocabulary().specialty_name(label)  # a bare NUCC code
    return label


def filter_groups(page: SearchPage, form: SearchForm) -> tuple[FilterGroup, ...]:
    groups = [_availability(page, form)]
    for name in MULTI_FACETS:
        facet = page.facets.get(name)
        chosen = list(getattr(form, name).data or ())
        options = []
        for v in facet.values if facet else ():
            options.append(Option(name, v.value, _label(name, v.label), v.count, v.selected))
        # A chosen value with no results left still shows, checked, so it can be unticked.
        seen = {o.value for o in options}
        options += [Option(name, v, _label(name, v), 0, True) for v in chosen if v not in seen]
        if options:
            groups.append(FilterGroup(name, LEGENDS[name], tuple(options)))
    return tuple(g for g in groups if g.options)


def _availability(page: SearchPage, form: SearchForm) -> FilterGroup:
    options = []
    for name, label in AVAILABILITY.items():
        facet = page.facets.get(name)
        count = next((v.count for v in facet.values if v.value == "true"), 0) if facet else 0
        checked = bool(getattr(form, name).data)
        if count or checked:
            options.append(Option(name, "true", label, count, checked))
    return FilterGroup("availability", "Availability", tuple(options))


def active_filters(form: SearchForm, page: SearchPage | None) -> tuple[ActiveFilter, ...]:
    labels = {}
    if page is not None:
        labels = {
            (name, v.value): v.label for name, facet in page.facets.items() for v in facet.values
        }
    active = [
        ActiveFilter(name, "true", label)
        for name, label in AVAILABILITY.items()
        if getattr(form, name).data
    ]
    for name in MULTI_FACETS:
        for value in getattr(form, name).data or ():
            label = _label(name, labels.get((name, value), value))
            active.append(ActiveFilter(name, value, label))
    return tuple(active)


def heading(form: SearchForm, page: SearchPage | None) -> str:
    """The page's one h1: what was searched for, and where."""
    what = ""
    if page is not None and page.resolution.terms:
        what = " or ".join(dict.fromkeys(t.name for t in page.resolution.terms))
    elif form.q.data:
        what = f"“{form.q.data}”"
    where = f" near {form.place.label}" if form.place else ""
    if what:
        return f"Physicians for {what}{where}"
    return f"Physicians{where}" if where else "Find a physician"


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
