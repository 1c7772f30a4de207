"""The JSON API against its own OpenAPI document, driven by schemathesis.

Over two thousand generated requests across the four operations (valid and invalid,
including schemathesis' coverage phase of boundary values): none may answer 500, every
answer must match the document, and every 4xx must be a problem+json a client can show.
"""

from __future__ import annotations

import schemathesis
from conftest import make_app
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from app.openapi import openapi_document

schema = schemathesis.openapi.from_dict(openapi_document())
# Not checked, on purpose: a well-formed search may still name a place we can't find
# (``location=00000`` is a documented 400), and query strings are text on the wire, so the
# API reads ``page=`` as "no page" and measures ``q`` after dropping control characters.
LENIENT_BY_DESIGN = [positive_data_acceptance, negative_data_rejection]


def problem_details_for_client_errors(ctx, response, case) -> None:
    """A 4xx says what went wrong in RFC 9457 form, with a sentence a person can read."""
    if not 400 <= response.status_code < 500:
        return
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith("application/problem+json"), content_type
    body = response.json()
    assert body["status"] == response.status_code
    assert body["title"] and len(body["detail"]) >= 10, body
    if response.status_code == 400 and case.operation.path != "/api/v1/physicians/{npi}":
        assert body["errors"] and all(body["errors"].values()), body


@schema.parametrize()
@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_matches_its_openapi_document(case, search_app):
    case.call_and_validate(
        app=search_app,
        additional_checks=[problem_details_for_client_errors],
        excluded_checks=LENIENT_BY_DESIGN,
    )


def _search_case():
    return schema["/api/v1/physicians"]["GET"].Case(query={"q": "sciatica"})


def test_a_directory_that_is_not_loaded_answers_as_documented(es):
    case = _search_case()
    unloaded = make_app("never-loaded-directory")
    # A 503 is the right answer here; the document must describe it, Retry-After included.
    response = case.call_and_validate(app=unloaded, excluded_checks=[not_a_server_error])
    assert response.status_code == 503 and int(response.headers["retry-after"][0]) > 0


def test_a_rate_limited_client_is_answered_as_documented(search_alias):
    limited = make_app(search_alias, RATELIMIT_ENABLED=True, API_RATE_LIMIT="1/minute")
    try:
        statuses = [_search_case().call_and_validate(app=limited).status_code for _ in range(2)]
    finally:
        make_app(search_alias)  # Flask-Limiter is process-wide: back to "off" for later tests
    assert statuses == [200, 429]
