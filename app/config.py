"""Default settings, and the environment variables operators use to change them.

Read once by the app factory (never at import time). Every setting can also be
overridden with a ``FLASK_``-prefixed variable or a test's ``overrides``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

DEFAULTS: dict[str, object] = {
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "ELASTICSEARCH_API_KEY": None,
    "ELASTICSEARCH_USERNAME": None,
    "ELASTICSEARCH_PASSWORD": None,
    "ELASTICSEARCH_CA_CERTS": None,
    # Seconds an Elasticsearch call may take before the page answers 503/504:
    # a front-desk user would rather retry than stare at a spinner.
    "ELASTICSEARCH_TIMEOUT": 5.0,
    "PHYSICIAN_INDEX_ALIAS": "physicians",
    # Address geocoding needs an online geocoder; off by default (offline ZIP/city only).
    "GEOCODER": None,
    "GEOCODER_USER_AGENT": "find-a-physician",
    "RATELIMIT_STORAGE_URI": "memory://",
    "API_RATE_LIMIT": "120/minute",
    "SUGGEST_RATE_LIMIT": "600/minute",
    "RATELIMIT_ENABLED": True,
    # X-RateLimit-* on limited responses, and a 429's Retry-After no earlier than the reset.
    "RATELIMIT_HEADERS_ENABLED": True,
    "RETRY_AFTER_SECONDS": 30,
    "SECRET_KEY": None,
    "WTF_CSRF_TIME_LIMIT": None,
}

# Plain (unprefixed) environment variables the README documents.
_ENVIRONMENT_KEYS = (
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_API_KEY",
    "ELASTICSEARCH_USERNAME",
    "ELASTICSEARCH_PASSWORD",
    "ELASTICSEARCH_CA_CERTS",
    "ELASTICSEARCH_TIMEOUT",
    "PHYSICIAN_INDEX_ALIAS",
    "GEOCODER",
    "RATELIMIT_STORAGE_URI",
    "SECRET_KEY",
)


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Settings given as plain environment variables (ELASTICSEARCH_URL, ...)."""
    environ = os.environ if environ is None else environ
    settings: dict[str, object] = {k: environ[k] for k in _ENVIRONMENT_KEYS if environ.get(k)}
    if "ELASTICSEARCH_TIMEOUT" in settings:
        settings["ELASTICSEARCH_TIMEOUT"] = float(settings["ELASTICSEARCH_TIMEOUT"])
    return settings
