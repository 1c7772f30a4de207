"""Liveness and readiness probes for load balancers and `make run`.

``/healthz`` (liveness) answers from the process alone: no network, no template, never
counted or held back by ``app.capacity``, so it stays fast while the search node is
frozen. ``/readyz`` (readiness) asks the cluster.
"""

from __future__ import annotations

from elasticsearch import exceptions as es_errors
from flask import Blueprint, current_app, jsonify

from app import capacity
from app.extensions import elasticsearch, physician_alias

bp = Blueprint("health", __name__)


@bp.record_once
def _keep_a_thread_for_liveness(state) -> None:
    capacity.init_app(state.app)


@bp.get("/healthz")
def healthz():
    """The process is up; says nothing about the cluster."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """Ready when the cluster answers and the physician alias exists."""
    alias = physician_alias()
    try:
        exists = elasticsearch().indices.exists_alias(name=alias)
    except (es_errors.ConnectionError, es_errors.TransportError) as error:
        reason = f"search cluster unreachable: {type(error).__name__}"
        return _not_ready(reason)
    if not exists:
        return _not_ready(
            f"index alias '{alias}' does not exist; load data with `python -m indexer`"
        )
    return jsonify(status="ready", alias=alias)


def _not_ready(reason: str):
    response = jsonify(status="unavailable", reason=reason)
    response.status_code = 503
    response.headers["Retry-After"] = str(current_app.config["RETRY_AFTER_SECONDS"])
    return response
