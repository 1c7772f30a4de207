"""Referral sheets: a page made for printing, from a search or from the shortlist.

The sheet says what was searched for (condition, place, radius, filters) and when, and
for each physician the phone, fax, new-patient status with its as-of date, telehealth and
languages. A search sheet holds up to a stated number of results (one search, no paging);
a shortlist sheet holds the whole shortlist.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from flask import Blueprint, render_template, request, url_for

from app.errors import BadSearchRequest
from app.extensions import search_service
from app.search.form import SearchForm
from app.search.results import Location
from app.web import search_context
from app.web.export import nearest_location
from app.web.search_pages import validate_search
from app.web.shortlist import shortlisted

bp = Blueprint("referral", __name__)

SHEET_SIZES = (10, 25, 50)  # 50 is the most one search returns (PER_PAGE_MAX)
SHEET_DEFAULT = 25


@dataclass(frozen=True)
class SheetEntry:
    physician: object  # a PhysicianHit or a PhysicianProfile: the fields the sheet reads
    where: Location
    distance_miles: float | None
    location_count: int


def sheet_size() -> int:
    size = request.args.get("size", type=int)
    return size if size in SHEET_SIZES else SHEET_DEFAULT


@bp.get("/sheet")
def search_sheet():
    form = SearchForm(request.args)
    if not validate_search(form):
        raise BadSearchRequest({f.name: list(f.errors) for f in form if f.errors})
    size = sheet_size()
    params = replace(form.to_params(), page=1, per_page=size)
    page = search_service().search_physicians(params)
    entries = [
        SheetEntry(hit, hit.nearest_location, hit.distance_miles, len(hit.locations))
        for hit in page.results
    ]
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k not in ("size", "view")]
    back = search_context.local_search_path(f"{url_for('search.results')}?{urlencode(pairs)}")
    return render_template(
        "pages/sheet.html",
        entries=entries,
        summary=search_context.summarize(form, page),
        total=page.total,
        size=size,
        sizes=SHEET_SIZES,
        back=back,
        from_shortlist=False,
    )


@bp.get("/shortlist/sheet")
def shortlist_sheet():
    back = search_context.local_search_path(request.args.get("back"))
    form = search_context.search_form(back)
    origin = search_context.origin(form)
    physicians = [p for p in shortlisted() if p.locations]
    entries = [
        SheetEntry(p, *nearest_location(p.locations, origin), len(p.locations)) for p in physicians
    ]
    return render_template(
        "pages/sheet.html",
        entries=entries,
        summary=search_context.summarize(form) if form is not None else None,
        total=len(entries),
        size=None,
        sizes=(),
        back=back,
        from_shortlist=True,
    )
