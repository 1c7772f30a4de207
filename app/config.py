"""The web app's own defaults, layered under ``directory.settings``.

Read once by the app factory (never at import time). Every setting can also be
overridden with a ``FLASK_``-prefixed variable or a test's ``overrides``.
"""

from __future__ import annotations

WEB_DEFAULTS: dict[str, object] = {
    "RATELIMIT_STORAGE_URI": "memory-swept://",
    "API_RATE_LIMIT": "120/minute",
    "SUGGEST_RATE_LIMIT": "600/minute",
    # "Report an error" sends per address: generous for a front desk behind one NAT address,
    # still a wall for a script.
    "REPORT_RATE_LIMIT": "20/hour",
    # Whose calendar day starts a report's two-business-day clock.
    "REPORT_TIME_ZONE": "America/New_York",
    # Other sites' pages that may call the JSON API from the browser (CORS, app/cors.py): a
    # comma list of origins ("https://www.example-hospital.org"), "*" for any, "" for none.
    # Any by default: the API is public, anonymous and read-only, and takes no cookie, so a
    # page elsewhere reads nothing through a visitor's browser that it could not fetch.
    "API_CORS_ORIGINS": "*",
    "RATELIMIT_ENABLED": True,
    # X-RateLimit-* on limited responses, and a 429's Retry-After no earlier than the reset.
    "RATELIMIT_HEADERS_ENABLED": True,
    "RETRY_AFTER_SECONDS": 30,
    "SECRET_KEY": None,
    # Host names this site answers for (comma list; ".example.org" takes subdomains; "*"
    # any). Loopback only by default: set it to the public name when deploying.
    "TRUSTED_HOSTS": "localhost, 127.0.0.1",
    # Reverse proxies in front (nginx, a load balancer): trust that many X-Forwarded-*.
    "PROXY_COUNT": 0,
    # Requests per process working at once (app.capacity); gunicorn.conf.py sets threads-1.
    "MAX_REQUESTS_IN_FLIGHT": 0,
    "SHED_AFTER_SECONDS": 1.0,
    "WTF_CSRF_TIME_LIMIT": None,
    # A staff sign-in ends after this long without a staff page (a front desk's shared
    # computer left signed in), and this long after it began, active or not.
    "STAFF_IDLE_MINUTES": 30,
    "STAFF_SESSION_HOURS": 12,
    # How often each worker asks the store whether curators changed the vocabulary.
    "CURATION_CHECK_SECONDS": 10,
    # Map tiles: any {s}/{z}/{x}/{y} tile server (an in-house one, or "" for no background;
    # the pins and the list work either way). The Content-Security-Policy allows its host.
    "MAP_TILE_URL": "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png",
    "MAP_ATTRIBUTION": (
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    ),
}
