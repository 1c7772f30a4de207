"""The server-rendered pages for patients, referral coordinators and front-desk staff."""

from __future__ import annotations

from flask import Flask

from app.web import accuracy, assets, error_reports, helpers, search_context, security
from app.web.error_reports import bp as reports_bp
from app.web.export import EXPORT_MAX_ROWS
from app.web.export import bp as export_bp
from app.web.help import bp as help_bp
from app.web.library import bp as library_bp
from app.web.profiles import bp as profiles_bp
from app.web.referral import bp as referral_bp
from app.web.search_pages import bp as search_bp
from app.web.shortlist import bp as shortlist_bp

BLUEPRINTS = (
    search_bp,
    export_bp,
    profiles_bp,
    reports_bp,
    library_bp,
    shortlist_bp,
    referral_bp,
    help_bp,
)


def register_web(app: Flask) -> None:
    """Register the page blueprints, template helpers and security headers."""
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    assets.init_app(app)
    error_reports.init_app(app)
    helpers.init_app(app)
    accuracy.init_app(app)
    search_context.init_app(app)
    security.init_app(app)
    app.add_template_global(EXPORT_MAX_ROWS, "export_limit")
