"""Settings both sides read: where the cluster is, which alias, how to geocode.

``settings()`` is the one merge of defaults and plain environment variables; the
app factory layers its web defaults under it and ``FLASK_``-prefixed variables and
a test's overrides over it, and the loader CLI and the benches use it as it is.
Read when called, never at import time.
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
    # The relational store (staff, audit log, curation): SQLite under instance/ when unset.
    "DATABASE_URL": None,
    # Profiles not verified in 90 days: "note" (say so), "demote" (rank lower), "hide" (leave out).
    "STALE_PROFILE_POLICY": "note",
}

# Plain (unprefixed) environment variables the README documents.
ENVIRONMENT_KEYS = (
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
    "DATABASE_URL",
    "MAP_TILE_URL",
    "MAP_ATTRIBUTION",
    "TRUSTED_HOSTS",
    "PROXY_COUNT",
    "MAX_REQUESTS_IN_FLIGHT",
    "STALE_PROFILE_POLICY",
)
_FLOATS = ("ELASTICSEARCH_TIMEOUT",)


class SettingError(ValueError):
    """A setting the program cannot run with: the message names it and what it may be.

    Raised when the app is built, so a bad value stops the start with that one sentence
    (``wsgi.py``) instead of failing on requests later.
    """


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Settings given as plain environment variables (ELASTICSEARCH_URL, ...)."""
    environ = os.environ if environ is None else environ
    found: dict[str, object] = {k: environ[k] for k in ENVIRONMENT_KEYS if environ.get(k)}
    for key in _FLOATS:
        if key in found:
            found[key] = float(found[key])
    return found


def settings(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Defaults, then the environment: what the loader, benches and tests connect with."""
    return {**DEFAULTS, **from_environment(environ)}
