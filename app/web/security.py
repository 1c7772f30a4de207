"""Security headers on every response, and a friendly page for a stale form token.

The Content-Security-Policy allows no inline script or style at all: every script and
stylesheet is a static file. Leaflet positions map tiles through ``element.style``
(CSSOM), which ``style-src 'self'`` permits.
"""

from __future__ import annotations

from flask import Flask, Response
from flask_wtf.csrf import CSRFError

from app.errors import render_error

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "img-src 'self' data: https://*.tile.openstreetmap.org",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    # "Use my location" is the only browser feature the pages ask for.
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
}
STALE_FORM = (
    "This form has expired or was sent from somewhere else. Go back, reload the page and try again."
)


def security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.after_request(security_headers)
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        # The session only carries the CSRF token and flash messages; never sent cross-site.
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

    @app.errorhandler(CSRFError)
    def stale_form(error: CSRFError):
        return render_error(400, STALE_FORM)
