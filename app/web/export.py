"""A result list or the shortlist as a file for referral coordinators' spreadsheets.

Two formats, because a CSV has no types: Excel and LibreOffice both read ZIP 06106 in a
CSV as the number 6106, however it is quoted (the ``="06106"`` trick is an Excel formula
that LibreOffice shows as typed, and it defeats formula neutralisation). So:

* ``.xlsx`` (openpyxl): every cell is typed; ZIP, phone, fax and NPI are text cells, so
  Excel, LibreOffice and Numbers keep every leading zero. The one to open in a spreadsheet.
* ``.csv``: UTF-8 with a byte-order mark (Excel then reads accents right), for other
  software and for imports that set column types.

Both carry the same columns, stop at ``EXPORT_MAX_ROWS`` (the results page says so when a
search has more), and defuse cells a spreadsheet would run as a formula. Search exports
stream: the service pages through the results with search_after, one batch at a time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from flask import Blueprint, Response, request, stream_with_context, url_for

from app.errors import BadSearchRequest
from app.extensions import search_service
from app.search.form import SearchForm
from app.search.results import Location
from app.web import search_context, spreadsheet
from app.web.search_pages import validate_search
from app.web.shortlist import shortlisted
from directory.geography import miles_between

bp = Blueprint("export", __name__)

EXPORT_MAX_ROWS = 2000  # documented on /help and in README; the results page says when hit
COLUMNS = (
    "NPI", "Name", "Credentials", "Specialties", "Phone", "Fax", "Practice", "Address", "City",
    "State", "ZIP", "Distance (miles)", "Accepting new patients", "Telehealth", "Languages",
    "Insurance", "Hospital affiliations", "Last verified", "Profile",
    # Added with per-fact freshness and scheduling notes: after the old columns, so they keep
    # their places in spreadsheets people already built on the export.
    "New patients as of", "Ages seen", "Conditions not treated", "Referral required",
    "Authorisation required", "Intake phone", "Intake fax", "Direct address",
)  # fmt: skip
TEXT_COLUMNS = frozenset({"NPI", "Phone", "Fax", "ZIP", "Intake phone", "Intake fax"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _accuracy_cells(physician) -> tuple:
    notes = physician.accuracy.scheduling
    return (
        physician.accuracy.as_of("accepting_new_patients", physician.last_verified)
        if physician.accepting_new_patients is not None else "",
        notes.get("ages_seen") or "", "; ".join(notes.get("conditions_not_treated") or []),
        _flag(notes.get("referral_required")), _flag(notes.get("authorization_required")),
        notes.get("intake_phone") or "", notes.get("intake_fax") or "",
        notes.get("direct_address") or "",
    )  # fmt: skip


def record(physician, where: Location, distance: float | None) -> list:
    """One row: a search hit or a shortlisted profile, at the location shown for it."""
    values = (
        physician.npi, physician.name, " ".join(physician.credentials),
        "; ".join(s.name for s in physician.specialties), where.phone, where.fax, where.name,
        ", ".join(p for p in (where.address_line1, where.address_line2) if p), where.city,
        where.state, where.zip, None, _flag(physician.accepting_new_patients),
        _flag(physician.telehealth), "; ".join(physician.languages),
        "; ".join(physician.insurance), "; ".join(physician.hospital_affiliations),
        physician.last_verified, url_for("profiles.profile", npi=physician.npi, _external=True),
        *_accuracy_cells(physician),
    )  # fmt: skip
    row: list = [safe_cell(v) for v in values]
    row[COLUMNS.index("Distance (miles)")] = None if distance is None else round(distance, 1)
    return row


def _csv_line(values: Iterable) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    yield "\ufeff" + _csv_line(COLUMNS)
    for row in rows:
        yield _csv_line(row)


def _download(rows: Iterable[list], fmt: str, name: str, about: list[tuple[str, str]]):
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "csv":
        body = stream_with_context(csv_lines(rows))
    else:
        body = spreadsheet.workbook(COLUMNS, TEXT_COLUMNS, rows, about)
    return Response(body, content_type=MEDIA_TYPES[fmt], headers=headers)


def _about(summary, shown: int | None, total: int) -> list[tuple[str, str]]:
    rows = [("Exported", f"{date.today():%B} {date.today().day}, {date.today().year}")]
    rows += summary.rows() if summary else [("Search", "None: your shortlist")]
    count = f"{total:,} physicians"
    if shown is not None and shown < total:
        count = f"The first {shown:,} of {total:,} physicians (the export limit)"
    return [*rows, ("Physicians", count)]


@bp.get("/search.csv", defaults={"fmt": "csv"}, endpoint="search_csv")
@bp.get("/search.xlsx", defaults={"fmt": "xlsx"}, endpoint="search_xlsx")
def search_export(fmt: str):
    form = SearchForm(request.args)
    if not validate_search(form):
        raise BadSearchRequest({f.name: list(f.errors) for f in form if f.errors})
    params = replace(form.to_params(), page=1)
    # The first batch runs here, before streaming starts, so an outage is still a 503.
    total, hits = search_service().export_physicians(params, EXPORT_MAX_ROWS)
    rows = (record(hit, hit.nearest_location, hit.distance_miles) for hit in hits)
    about = _about(search_context.summarize(form), min(total, EXPORT_MAX_ROWS), total)
    return _download(rows, fmt, "physicians", about)


def nearest_location(locations, origin) -> tuple[Location, float | None]:
    if origin is None:
        return locations[0], None
    distances = [(miles_between(origin, (loc.lat, loc.lon)), loc) for loc in locations]
    distance, where = min(distances, key=lambda pair: pair[0])
    return where, distance


@bp.get("/shortlist.csv", defaults={"fmt": "csv"}, endpoint="shortlist_csv")
@bp.get("/shortlist.xlsx", defaults={"fmt": "xlsx"}, endpoint="shortlist_xlsx")
def shortlist_export(fmt: str):
    form = search_context.search_form(search_context.local_search_path(request.args.get("back")))
    origin = search_context.origin(form)
    physicians = [p for p in shortlisted() if p.locations]
    rows = [record(p, *nearest_location(p.locations, origin)) for p in physicians]
    summary = search_context.summarize(form) if form is not None else None
    response = _download(rows, fmt, "shortlist", _about(summary, None, len(rows)))
    # One person's list, read from their cookie: never kept by a shared cache (a CDN that
    # caches by extension would hand it to the next person asking for /shortlist.csv).
    response.headers["Cache-Control"] = "private, no-store"
    response.vary.add("Cookie")
    return response
