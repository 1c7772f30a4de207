"""Search insights for curators: what people search for and do not find, by week."""

from __future__ import annotations

from elasticsearch import exceptions as es_errors
from flask import render_template, request

from app import events
from app.errors import SearchUnavailable
from app.events.insights import CHANNELS, REPORTS, WEEK_CHOICES
from app.events.redact import without_placeholders
from app.staff.auth import allow
from app.staff.store import db
from app.staff.views import CURATORS, bp
from directory.store.curation import curated_terms


def _choice(name: str, allowed, default):
    value = request.args.get(name, default)
    return value if value in allowed else default


@bp.get("/insights")
@allow(*CURATORS)
def insights():
    report = _choice("report", REPORTS, "top")
    channel = _choice("channel", CHANNELS, "all")
    weeks = int(_choice("weeks", {str(w) for w in WEEK_CHOICES}, "12"))
    noise = [term for term, (kind, _) in curated_terms(db()).items() if kind == "noise"]
    try:
        result = events.insights().report(report, weeks, channel, noise)
    except (es_errors.ConnectionError, es_errors.TransportError) as error:
        raise SearchUnavailable(
            "Search insights need Elasticsearch, which is not answering."
        ) from error
    return render_template(
        "staff/insights.html",
        result=result,
        report=report,
        channel=channel,
        weeks=weeks,
        reports=REPORTS,
        channels=CHANNELS,
        week_choices=WEEK_CHOICES,
        mappable=report in ("zero", "unplaced"),
        # Links search and map the words people typed, never "[phone]" or "061xx".
        searchable=without_placeholders,
    )
