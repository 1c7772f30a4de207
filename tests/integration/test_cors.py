"""Another site's page calling the JSON API from the browser (CORS, app/cors.py): a
hospital's own page embeds the directory's search. Only the public GET API says other
origins may read it; pages, the staff area and forms never do."""

from __future__ import annotations

import pytest
from conftest import make_app

from indexer.demo import named_npi

HOSPITAL = "https://www.example-hospital.org"
PUBLIC_API = [
    "/api/v1/physicians?q=sciatica&location=06106",
    f"/api/v1/physicians/{named_npi(1)}",
    "/api/v1/conditions?q=sciatica",
    "/api/v1/suggest?q=sci",
    "/api/v1/places?q=hart",
    "/api/v1/openapi.json",
    "/api/v1/physicians?radius=-1",  # an error is readable too: it says what to fix
]
NOT_THE_API = ["/", "/search?q=sciatica", f"/physicians/{named_npi(1)}", "/staff/login"]


@pytest.mark.parametrize("path", PUBLIC_API)
def test_a_page_on_another_site_may_read_every_public_api_answer(client, path):
    response = client.get(path, headers={"Origin": HOSPITAL})
    assert response.status_code < 500
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert "Retry-After" in response.headers["Access-Control-Expose-Headers"]


def test_the_browser_may_ask_to_read_the_api_but_not_to_post_to_it(client):
    response = client.options(
        "/api/v1/physicians",
        headers={"Origin": HOSPITAL, "Access-Control-Request-Method": "GET"},
    )
    allowed = {m.strip() for m in response.headers["Access-Control-Allow-Methods"].split(",")}
    assert "GET" in allowed and not allowed & {"POST", "PUT", "PATCH", "DELETE"}


@pytest.mark.parametrize("path", NOT_THE_API)
def test_pages_and_the_staff_area_stay_with_this_site(client, path):
    response = client.get(path, headers={"Origin": HOSPITAL})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_forms_that_change_something_stay_with_this_site(client):
    response = client.post(
        "/shortlist/add", data={"npi": named_npi(1)}, headers={"Origin": HOSPITAL}
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_a_deployment_lists_the_sites_it_lets_in(search_alias):
    listed = make_app(search_alias, API_CORS_ORIGINS=f"{HOSPITAL}, https://clinic.example.org")
    client = listed.test_client()
    ours = client.get("/api/v1/suggest?q=sci", headers={"Origin": HOSPITAL})
    assert ours.headers["Access-Control-Allow-Origin"] == HOSPITAL
    assert "Origin" in ours.headers["Vary"]
    other = client.get("/api/v1/suggest?q=sci", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_a_deployment_can_let_no_other_site_in(search_alias):
    closed = make_app(search_alias, API_CORS_ORIGINS="").test_client()
    response = closed.get("/api/v1/suggest?q=sci", headers={"Origin": HOSPITAL})
    assert response.status_code == 200 and "Access-Control-Allow-Origin" not in response.headers
