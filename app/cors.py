"""Cross-origin reads of the public JSON API (CORS), so another site's page can call it.

A hospital's own web page embeds Find a Physician and asks ``/api/v1`` from the browser.
Only the API's anonymous GET answers say other origins may read them; pages, the staff
area and every form that changes something say nothing, so a browser keeps them to this
site. No cookie or credential is ever allowed across origins: the API reads none.
"""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

# Every /api/v1 endpoint is a public, anonymous GET (physicians, one physician, conditions,
# suggest, places, the OpenAPI document); the rest of the site is not matched.
PUBLIC_API = r"^/api/v1/.*"
READS = ["GET", "HEAD", "OPTIONS"]
# What a calling page may read besides the body: when to retry after a 429, its limits.
EXPOSED = ["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]
PREFLIGHT_CACHE_SECONDS = 86_400


def allowed_origins(value: object) -> str | list[str]:
    """``"https://a.org, https://b.org"`` -> both; ``"*"`` -> any; ``""`` -> none."""
    origins = value.split(",") if isinstance(value, str) else list(value or [])
    origins = [origin.strip().rstrip("/") for origin in origins if origin.strip()]
    return "*" if "*" in origins else origins


def init_cors(app: Flask) -> None:
    origins = allowed_origins(app.config.get("API_CORS_ORIGINS"))
    if not origins:
        return
    CORS(
        app,
        resources={PUBLIC_API: {"origins": origins}},
        methods=READS,
        expose_headers=EXPOSED,
        supports_credentials=False,
        send_wildcard=origins == "*",  # "*" itself, not the caller's origin: one cached answer
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
