"""Extensions, created unbound and bound to the app in the factory.

The Elasticsearch client lives in ``app.extensions["elasticsearch"]`` and the search
service bound to it and the physician alias in ``app.extensions["search"]``; creating
them does no I/O, so nothing touches the cluster until a request needs it.
"""

from __future__ import annotations

from elasticsearch import Elasticsearch
from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect
from geopy.geocoders import get_geocoder_for_service

from app.rate_limits import SweptMemoryStorage  # noqa: F401  (registers memory-swept://)
from app.search.curation import CuratedTerms
from app.search.service import SearchService
from directory.connection import client_from_settings
from directory.store.db import database_url

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_elasticsearch(app: Flask) -> None:
    app.extensions["elasticsearch"] = client_from_settings(app.config)


def init_search(app: Flask) -> None:
    """The one search service, bound to the client and alias once (after the client)."""
    curation = CuratedTerms(database_url(app.config), float(app.config["CURATION_CHECK_SECONDS"]))
    app.extensions["search"] = SearchService(
        app.extensions["elasticsearch"],
        app.config["PHYSICIAN_INDEX_ALIAS"],
        curation=curation,
        stale_policy=str(app.config.get("STALE_PROFILE_POLICY") or "note"),
    )


def init_geocoder(app: Flask) -> None:
    """An online geocoder for street addresses, only when GEOCODER names one (e.g. nominatim).

    ZIP codes, "City, ST" and "lat,lon" never need it: they resolve offline.
    """
    service = app.config.get("GEOCODER")
    if not service:
        return
    geocoder_class = get_geocoder_for_service(str(service))
    app.extensions["geocoder"] = geocoder_class(
        user_agent=app.config["GEOCODER_USER_AGENT"], timeout=3
    )


def elasticsearch() -> Elasticsearch:
    """The current app's client."""
    return current_app.extensions["elasticsearch"]


def search_service() -> SearchService:
    """The current app's search service: what every view searches with."""
    return current_app.extensions["search"]


def physician_alias() -> str:
    """The alias every physician query goes to."""
    return current_app.config["PHYSICIAN_INDEX_ALIAS"]
