"""The help page: how to search, the front-desk and coordinator tools, and who to call.

Linked from the same place in the header of every page (WCAG 3.2.6 consistent help).
"""

from __future__ import annotations

from flask import Blueprint, render_template

from app.web.export import EXPORT_MAX_ROWS
from app.web.referral import SHEET_SIZES
from app.web.shortlist_cookie import MAX_PHYSICIANS

bp = Blueprint("help", __name__)


@bp.get("/help")
def help_page():
    return render_template(
        "pages/help.html",
        export_limit=EXPORT_MAX_ROWS,
        sheet_max=max(SHEET_SIZES),
        shortlist_limit=MAX_PHYSICIANS,
    )
