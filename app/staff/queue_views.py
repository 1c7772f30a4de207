"""Verifiers' pages: the 90-day verification queue, finding a profile, recent corrections."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.extensions import elasticsearch, physician_alias
from app.staff.accuracy_views import VERIFIERS
from app.staff.auth import allow
from app.staff.queue import PAGE_SIZE, verification_queue
from app.staff.store import db
from app.staff.views import bp
from directory.accuracy import facts
from directory.accuracy.freshness import STALE_AFTER_DAYS
from directory.npi import is_valid_npi
from directory.store import overrides

MAX_PAGE = 200


@bp.get("/verification")
@allow(*VERIFIERS)
def verification_queue_page():
    page = request.args.get("page", "1")
    page = min(int(page), MAX_PAGE) if page.isdigit() and int(page) > 0 else 1
    total, entries = verification_queue(elasticsearch(), physician_alias(), page)
    return render_template(
        "staff/verification.html",
        total=total,
        entries=entries,
        page=page,
        pages=max(1, min(MAX_PAGE, -(-total // PAGE_SIZE))),
        days=STALE_AFTER_DAYS,
        labels=facts.GROUP_LABELS,
    )


@bp.get("/profiles")
@allow(*VERIFIERS)
def profile_lookup():
    npi = request.args.get("npi", "").strip()[:20]
    if is_valid_npi(npi):
        return redirect(url_for("staff.profile_facts", npi=npi))
    flash("Enter a 10-digit NPI." if not npi else f"“{npi}” is not an NPI.")
    return redirect(url_for("staff.verification_queue_page"))


@bp.get("/corrections")
@allow(*VERIFIERS)
def corrections_list():
    rows = overrides.history(db(), limit=300)
    return render_template("staff/corrections.html", rows=rows, facts=facts)
