"""The versioned JSON API (``/api/v1``). Its JSON shapes live in ``app.search.serialize``."""

from __future__ import annotations

import orjson
from flask import Blueprint, Response, abort, current_app, request

from app import events
from app.errors import BadSearchRequest, problem
from app.extensions import limiter, search_service
from app.openapi import SEARCH_PARAMETERS, openapi_document
from app.search import serialize
from app.search.form import UNREADABLE_MESSAGE, SearchForm, clean_text, unreadable
from app.search.params import MAX_SHORT_TEXT, MAX_TEXT
from directory.geography import place_suggestions
from directory.npi import is_valid_npi

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# What the OpenAPI document promises is all the search accepts: a typo is an error.
KNOWN_PARAMETERS = frozenset(parameter["name"] for parameter in SEARCH_PARAMETERS)


def jsonify(data: dict) -> Response:
    """Flask's ``jsonify`` (sorted keys, a trailing newline) with orjson: the same JSON
    text apart from non-ASCII letters sent as UTF-8 rather than escapes, several times faster
    on a page of results."""
    body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    return current_app.response_class(body, mimetype="application/json")


def _api_limit() -> str:
    return current_app.config["API_RATE_LIMIT"]


def _suggest_limit() -> str:
    return current_app.config["SUGGEST_RATE_LIMIT"]


def _charged(response) -> bool:
    """Clients are charged for answers, not for our outages: a 5xx doesn't count."""
    return response.status_code < 500


@bp.get("/physicians")
@limiter.limit(_api_limit, deduct_when=_charged)
def physicians():
    unknown = sorted(set(request.args) - KNOWN_PARAMETERS)
    if unknown:
        raise BadSearchRequest({name: ["Unknown parameter."] for name in unknown})
    form = SearchForm(request.args)
    if not form.validate():
        raise BadSearchRequest(form.error_map())
    params = form.to_params()
    page = search_service().search_physicians(params)
    events.record_search(form, page, "api")
    return jsonify(serialize.search_page(page, params))


@bp.get("/physicians/<npi>")
@limiter.limit(_api_limit, deduct_when=_charged)
def physician(npi: str):
    if not is_valid_npi(npi):
        message = "An NPI is 10 digits ending in a check digit."
        return problem(400, message, errors={"npi": [message]})
    profile = search_service().get_physician(npi)
    if profile is None:
        abort(404, description=f"No physician with NPI {npi} is listed.")
    if not profile.active:
        abort(410, description=f"The physician with NPI {npi} is no longer listed.")
    return jsonify(serialize.physician_profile(profile))


def _required_text(max_length: int, name: str = "q") -> str:
    text = clean_text(request.args.get(name, ""))
    if unreadable(text):
        raise BadSearchRequest({name: [UNREADABLE_MESSAGE]})
    if not text:
        raise BadSearchRequest({name: ["Type at least one character."]})
    if len(text) > max_length:
        raise BadSearchRequest({name: [f"Please keep it under {max_length} characters."]})
    return text


@bp.get("/conditions")
@limiter.limit(_api_limit, deduct_when=_charged)
def conditions():
    text = _required_text(MAX_TEXT)
    return jsonify(serialize.conditions(text, search_service().find_conditions(text)))


@bp.get("/suggest")
@limiter.limit(_suggest_limit, deduct_when=_charged)
def suggest():
    text = _required_text(MAX_SHORT_TEXT)
    return jsonify(serialize.suggestions(text, search_service().suggest(text)))


@bp.get("/places")
@limiter.limit(_suggest_limit)
def places():
    """Location autocomplete from the offline ZIP table: no search node involved."""
    text = _required_text(MAX_SHORT_TEXT)
    return jsonify(serialize.places(text, place_suggestions(text)))


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
