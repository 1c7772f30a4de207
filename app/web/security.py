"""Security headers on every response, and a friendly page for a stale form token.

The Content-Security-Policy allows no inline script or style at all: every script and
stylesheet is a static file. Leaflet positions map tiles through ``element.style``
(CSSOM), which ``style-src 'self'`` permits.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app
from flask_wtf.csrf import CSRFError

from app.config import WEB_DEFAULTS
from app.errors import render_error


def tile_source(tile_url: str | None) -> str:
    """The CSP source for a tile URL template: 'https://{s}.tile.x.org/...' → 'https://*.tile.x.org'."""
    parts = urlsplit(tile_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    first, _, rest = parts.netloc.partition(".")
    if "{" in rest:  # a placeholder CSP cannot express: allow the scheme's hosts
        return f"{parts.scheme}:"
    return f"{parts.scheme}://{'*' if '{' in first else first}{'.' + rest if rest else ''}"


def content_security_policy(tile_url: str | None) -> str:
    images = " ".join(s for s in ("'self'", "data:", tile_source(tile_url)) if s)
    return "; ".join(
        (
            "default-src 'self'",
            f"img-src {images}",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


# The policy with the default tile server (tests compare against it).
CONTENT_SECURITY_POLICY = content_security_policy(str(WEB_DEFAULTS["MAP_TILE_URL"]))
HEADERS = {
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
    response.headers.setdefault(
        "Content-Security-Policy", current_app.extensions["content_security_policy"]
    )
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def init_app(app: Flask) -> None:
    app.extensions["content_security_policy"] = content_security_policy(
        app.config.get("MAP_TILE_URL")
    )
    app.after_request(security_headers)
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        # The session only carries the CSRF token and flash messages; never sent cross-site.
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

    @app.errorhandler(CSRFError)
    def stale_form(error: CSRFError):
        return render_error(400, STALE_FORM)
