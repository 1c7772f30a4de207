"""Search events: what people search for and open, recorded without knowing who they are.

Views call ``record_search`` (the search page and the API) and ``record_open`` (a profile
opened from a results list), one line each. Both are wrapped so that nothing here can
slow or fail a search: at worst an event is dropped and counted. Result links carry
``from=<search id>&rank=N`` through the ``opened_from`` template helper.
"""

from __future__ import annotations

import logging
import re

from flask import Flask, current_app, g, request

from app.events.documents import OpenEvent, capture_search
from app.events.insights_service import InsightsService
from app.events.sink import EventSink
from directory.connection import client_from_settings

log = logging.getLogger(__name__)

DEFAULTS = {
    "SEARCH_EVENTS_ENABLED": True,
    # A separate cluster for events if set; else the search cluster.
    "SEARCH_EVENTS_URL": None,
    "SEARCH_EVENTS_RETENTION_DAYS": 180,
    "SEARCH_EVENTS_QUEUE_SIZE": 10_000,
    "SEARCH_EVENTS_TIMEOUT": 10.0,
    # How long the writer waits to fill a batch: fewer, larger bulk requests.
    "SEARCH_EVENTS_LINGER_SECONDS": 0.5,
    # Events go to <this>-events-YYYY.MM; unset: the physician alias.
    "SEARCH_EVENTS_ALIAS": None,
}
SEARCH_ID = re.compile(r"\d{6}[0-9a-f]{16}")
MAX_RANK = 10_000
# Crawlers search too; their user agent is read (never stored) only to leave them out.
CRAWLER = re.compile(r"bot|crawl|spider|slurp|curl|wget|python-requests", re.IGNORECASE)


def init_events(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.add_template_global(opened_from)
    settings = dict(app.config)
    if app.config["SEARCH_EVENTS_URL"]:
        settings["ELASTICSEARCH_URL"] = app.config["SEARCH_EVENTS_URL"]
    reader = app.extensions["elasticsearch"]
    if app.config["SEARCH_EVENTS_URL"]:
        reader = client_from_settings(settings)
    # The one seam that reads events (the search service reads physicians).
    alias = app.config["SEARCH_EVENTS_ALIAS"] or app.config["PHYSICIAN_INDEX_ALIAS"]
    app.extensions["insights"] = InsightsService(reader, alias)
    if not app.config["SEARCH_EVENTS_ENABLED"]:
        return
    timeout = float(app.config["SEARCH_EVENTS_TIMEOUT"])
    app.extensions["search_events"] = EventSink(
        client=lambda: client_from_settings(settings, timeout=timeout),
        alias=alias,
        queue_size=int(app.config["SEARCH_EVENTS_QUEUE_SIZE"]),
        retention_days=int(app.config["SEARCH_EVENTS_RETENTION_DAYS"]),
        linger_seconds=float(app.config["SEARCH_EVENTS_LINGER_SECONDS"]),
    )


def insights() -> InsightsService:
    return current_app.extensions["insights"]


def _sink() -> EventSink | None:
    sink = current_app.extensions.get("search_events")
    if sink is None or CRAWLER.search(request.headers.get("User-Agent", "")):
        return None
    return sink


def record_search(form, page, channel: str) -> None:
    """Record one results page; its result links then carry ``from`` and ``rank``."""
    try:
        sink = _sink()
        if sink is None:
            return
        event = capture_search(form, page, channel)
        sink.put(event)
        offset = (page.page - 1) * page.per_page
        g.search_event = (
            event.search_id,
            {hit.npi: offset + i for i, hit in enumerate(page.results, 1)},
        )
    except Exception:  # noqa: BLE001 - a search must never fail because of its event
        log.exception("search event not recorded")


def record_open(npi: str) -> None:
    """A profile opened from a results list (``?from=<search id>&rank=N``)."""
    try:
        search_id, rank = request.args.get("from", ""), request.args.get("rank", "")
        sink = _sink()
        if sink is None or not SEARCH_ID.fullmatch(search_id) or not rank.isdigit():
            return
        if 1 <= int(rank) <= MAX_RANK:
            sink.put(OpenEvent(search_id, int(rank)))
    except Exception:  # noqa: BLE001
        log.exception("profile-open event not recorded")


def opened_from(npi: str) -> dict:
    """``from``/``rank`` for a result link on a recorded results page, else nothing."""
    recorded = g.get("search_event")
    if not recorded or npi not in recorded[1]:
        return {}
    return {"from": recorded[0], "rank": recorded[1][npi]}
