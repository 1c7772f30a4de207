"""CSV export of the current result list, for referral coordinators' spreadsheets.

Same parameters as ``/search``; streams up to ``MAX_ROWS`` rows page by page through the
service. Cells a spreadsheet would run as a formula are defused with a leading quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace

from flask import Blueprint, Response, request

from app.errors import BadSearchRequest
from app.extensions import search_service
from app.search.form import SearchForm
from app.search.params import PER_PAGE_MAX, SearchParams
from app.search.results import PhysicianHit, SearchPage
from app.search.service import SearchService
from app.web.search_pages import validate_search

bp = Blueprint("export", __name__)

MAX_ROWS = 1000
COLUMNS = (
    "npi", "name", "credentials", "primary_specialty", "distance_miles", "practice", "address",
    "city", "state", "zip", "phone", "fax", "accepting_new_patients", "telehealth",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def row(hit: PhysicianHit) -> list[str]:
    where = hit.nearest_location
    primary = hit.primary_specialty
    values = (
        hit.npi, hit.name, " ".join(hit.credentials), primary.name if primary else "",
        "" if hit.distance_miles is None else f"{hit.distance_miles:.1f}", where.name,
        ", ".join(p for p in (where.address_line1, where.address_line2) if p), where.city,
        where.state, where.zip, where.phone, where.fax, _flag(hit.accepting_new_patients),
        _flag(hit.telehealth),
    )  # fmt: skip
    return [safe_cell(v) for v in values]


def _line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


def csv_lines(pages: Iterator[SearchPage]) -> Iterator[str]:
    """The header, then one line per physician, stopping at ``MAX_ROWS``."""
    yield _line(COLUMNS)
    written = 0
    for page in pages:
        for hit in page.results[: MAX_ROWS - written]:
            yield _line(row(hit))
            written += 1
        if written >= MAX_ROWS or not page.results:
            return


def _pages(service: SearchService, params: SearchParams, first: SearchPage) -> Iterator[SearchPage]:
    yield first
    last = min(first.pages, -(-MAX_ROWS // params.per_page))
    for number in range(2, last + 1):
        yield service.search_physicians(replace(params, page=number))


@bp.get("/search.csv")
def search_csv():
    form = SearchForm(request.args)
    if not validate_search(form):
        raise BadSearchRequest({f.name: list(f.errors) for f in form if f.errors})
    params = replace(form.to_params(), page=1, per_page=PER_PAGE_MAX)
    service = search_service()
    # The first page runs before streaming starts, so an outage is still a proper 503.
    first = service.search_physicians(params)
    lines = csv_lines(_pages(service, params, first))
    headers = {"Content-Disposition": 'attachment; filename="physicians.csv"'}
    return Response(lines, mimetype="text/csv", headers=headers)
