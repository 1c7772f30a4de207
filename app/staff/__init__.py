"""The staff area at /staff: accounts, search insights, curation, error reports, the audit log.

``init_staff`` binds the store, the sign-in manager, the blueprints and the CLI.
"""

from __future__ import annotations

from flask import Flask

from app.staff.auth import login_manager
from app.staff.rows import RowIdConverter
from app.staff.store import init_store


def init_staff(app: Flask) -> None:
    from app.staff import (  # noqa: F401 (routes)
        accuracy_views,
        cli,
        curation_views,
        insights_views,
        queue_views,
        report_views,
        views,
    )

    app.config.setdefault("STAFF_LOGIN_RATE_LIMIT", "10 per minute")
    init_store(app)
    # No context processor: public templates must never load the signed-in user.
    login_manager.init_app(app, add_context_processor=False)
    app.url_map.converters["row_id"] = RowIdConverter  # before the routes that use it
    app.register_blueprint(views.bp)
    cli.register(app)
