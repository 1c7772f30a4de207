"""Rate limits on the JSON API and autocomplete: a clear 429 with Retry-After, per client.

Flask-Limiter keeps ``enabled`` and its storage on the one module-level ``limiter``, so
the last app built decides for every app in the process; the fixture puts it back to
"off" (what every other test app asks for) when the test ends.
"""

from __future__ import annotations

import time

import pytest
from conftest import make_app


@pytest.fixture
def limited(search_alias):
    def build(**limits):
        return make_app(search_alias, RATELIMIT_ENABLED=True, **limits).test_client()

    yield build
    make_app(search_alias)  # RATELIMIT_ENABLED=False again for the apps of later tests


def test_the_fourth_search_in_a_minute_is_refused_with_retry_after(limited):
    client = limited(API_RATE_LIMIT="3/minute")
    for _ in range(3):
        response = client.get("/api/v1/physicians?q=sciatica")
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "3"
    refused = client.get("/api/v1/physicians?q=sciatica")
    assert refused.status_code == 429
    assert refused.headers["Content-Type"] == "application/problem+json"
    body = refused.get_json(force=True)
    assert body["status"] == 429 and body["title"] == "Too many requests"
    assert "3 per 1 minute" in body["detail"] and "wait" in body["detail"]
    # Retry-After is when the window resets, never sooner: a client that obeys gets through.
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining"] == "0"


def test_limits_are_per_client_address(limited):
    client = limited(API_RATE_LIMIT="2/minute")
    for _ in range(2):
        client.get("/api/v1/conditions?q=sciatica")
    assert client.get("/api/v1/conditions?q=sciatica").status_code == 429
    other = client.get("/api/v1/conditions?q=sciatica", environ_base={"REMOTE_ADDR": "10.9.8.7"})
    assert other.status_code == 200


def test_autocomplete_has_its_own_higher_limit(limited):
    client = limited(API_RATE_LIMIT="1/minute", SUGGEST_RATE_LIMIT="5/minute")
    assert client.get("/api/v1/physicians?q=back").status_code == 200
    assert client.get("/api/v1/physicians?q=back").status_code == 429
    answers = [client.get("/api/v1/suggest?q=sci").status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    body = client.get("/api/v1/suggest?q=sci").get_json(force=True)
    assert body["status"] == 429 and "5 per 1 minute" in body["detail"]


def test_pages_health_and_the_api_document_are_not_limited(limited):
    client = limited(API_RATE_LIMIT="1/minute")
    for path in ("/search?q=sciatica", "/readyz", "/healthz", "/api/v1/openapi.json") * 3:
        assert client.get(path).status_code == 200, path


def test_the_limit_lifts_when_its_window_ends(limited):
    client = limited(API_RATE_LIMIT="2/second")
    statuses = [client.get("/api/v1/conditions?q=back").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    time.sleep(1.1)
    assert client.get("/api/v1/conditions?q=back").status_code == 200


def test_operators_can_turn_limits_off(search_alias):
    app = make_app(search_alias, RATELIMIT_ENABLED=False, API_RATE_LIMIT="1/minute")
    client = app.test_client()
    assert {client.get("/api/v1/conditions?q=back").status_code for _ in range(5)} == {200}
