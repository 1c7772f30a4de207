"""What an attacker or a misconfigured proxy can send, and what the site answers: unknown
hosts, redirects, the shortlist's ``next``, proxies and HTTPS, Retry-After, rate limits
that survive an outage, 410 for physicians no longer listed, and a liveness probe that
never waits on the search node."""

from __future__ import annotations

import logging
import re
import socket
import threading
import time

import pytest
from conftest import drop_alias_indices, make_app, unique_alias

from directory.npi import npi_check_digit
from directory.vocabulary import default_vocabulary
from indexer.load import rebuild_all
from indexer.sources.profiles import validate_profile

NPI = "123456789" + npi_check_digit("123456789")
GONE = "100200300" + npi_check_digit("100200300")
HOSTILE_HOSTS = ["evil.example", "evil.example:8000", "bad host", "a/b", "évil.example",
                 "x" * 300, "[::1", "localhost:99999", "localhost:abc"]  # fmt: skip
PAGES = ["/", "/search?q=back+pain", "/healthz", "/readyz", f"/physicians/{NPI}", "/shortlist"]


@pytest.mark.parametrize("host", HOSTILE_HOSTS, ids=lambda h: h[:20])
def test_an_unknown_host_is_a_plain_400_never_a_500(search_app, host, caplog):
    client = search_app.test_client()
    with caplog.at_level(logging.ERROR):
        for path in PAGES:
            page = client.get(path, headers={"Host": host})
            assert page.status_code == 400, path
            assert "Unknown site address" in page.get_data(as_text=True)
        api = client.get("/api/v1/physicians?q=back", headers={"Host": host})
    assert api.status_code == 400 and api.headers["Content-Type"] == "application/problem+json"
    assert "does not answer for that site address" in api.get_json(force=True)["detail"]
    assert not caplog.records  # no traceback in the log either


def test_the_hosts_it_serves_are_configurable(search_alias):
    client = make_app(search_alias, TRUSTED_HOSTS="directory.example.org, .example.net")
    client = client.test_client()
    for host in ("directory.example.org", "directory.example.org:8443", "find.example.net"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200, host
    for host in ("localhost", "example.org", "evil.example"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 400, host
    anything = make_app(search_alias, TRUSTED_HOSTS="*").test_client()
    assert anything.get("/healthz", headers={"Host": "evil.example"}).status_code == 200


def merged_slashes(client, path: str, host: str):
    return client.get("/", environ_overrides={"PATH_INFO": path}, headers={"Host": host})


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1"])
def test_the_slash_merging_redirect_is_relative(search_app, host):
    response = merged_slashes(search_app.test_client(), f"//physicians//{NPI}", host)
    assert response.status_code == 308
    assert response.headers["Location"] == f"/physicians/{NPI}"


def test_a_redirect_never_carries_the_requests_host_even_when_any_host_is_allowed(search_alias):
    client = make_app(search_alias, TRUSTED_HOSTS="*").test_client()
    for path in (f"//physicians//{NPI}", f"///evil.example//physicians/{NPI}"):
        response = merged_slashes(client, path, "evil.example")
        location = response.headers.get("Location", "")
        assert "evil.example" not in location.split("/physicians")[0], (path, location)
        assert not location.startswith("//") and "://" not in location


@pytest.fixture(scope="module")
def shortlist_client(search_alias):
    client = make_app(search_alias).test_client()
    client.environ_base["HTTP_SEC_FETCH_SITE"] = "same-origin"  # posted from our own page
    return client


@pytest.mark.parametrize(
    "target",
    ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example",
     "/\\evil.example", "\\\\evil.example", "//evil.example", "https://evil.example/",
     "/%0d%0aSet-Cookie:x=1\n", "javascript:alert(1)", "", "search"],
    ids=repr,
)  # fmt: skip
def test_the_shortlists_next_is_a_local_path_or_nothing(shortlist_client, target):
    response = shortlist_client.post("/shortlist/add", data={"npi": NPI, "next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == "/shortlist"


def test_a_local_next_is_kept(shortlist_client):
    target = "/search?q=back+pain&location=06106"
    response = shortlist_client.post("/shortlist/add", data={"npi": NPI, "next": target})
    assert response.headers["Location"] == target


def test_https_behind_a_proxy_gets_hsts_and_secure_cookies(search_alias):
    client = make_app(search_alias, PROXY_COUNT=1).test_client()
    https = {"X-Forwarded-Proto": "https", "Sec-Fetch-Site": "same-origin"}
    response = client.post("/shortlist/add", data={"npi": NPI}, headers=https)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) >= 2 and all("; Secure" in c for c in cookies)  # shortlist, flash
    plain = client.post(
        "/shortlist/add", data={"npi": NPI}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert "Strict-Transport-Security" not in plain.headers
    assert not any("Secure" in c for c in plain.headers.getlist("Set-Cookie"))


def test_without_a_configured_proxy_forwarded_headers_are_ignored(search_alias):
    client = make_app(search_alias, WTF_CSRF_ENABLED=False).test_client()
    response = client.post("/shortlist/add", data={"npi": NPI},
                           headers={"X-Forwarded-Proto": "https"})  # fmt: skip
    assert "Strict-Transport-Security" not in response.headers


@pytest.fixture
def limited(search_alias):
    def build(alias=search_alias, **settings):
        return make_app(alias, RATELIMIT_ENABLED=True, API_RATE_LIMIT="2/minute", **settings)

    yield build
    make_app(search_alias)  # the limiter is module-wide: turn it off again for later tests


def test_rate_limits_count_the_client_behind_the_proxy(limited):
    client = limited(PROXY_COUNT=1).test_client()
    for address in ("203.0.113.7", "203.0.113.7", "198.51.100.4"):
        response = client.get("/api/v1/conditions?q=back", headers={"X-Forwarded-For": address})
        assert response.status_code == 200, address
    third = client.get("/api/v1/conditions?q=back", headers={"X-Forwarded-For": "203.0.113.7"})
    assert third.status_code == 429


def test_retry_after_is_only_on_429_and_503(limited):
    client = limited().test_client()
    ok = client.get("/api/v1/conditions?q=back")
    assert ok.status_code == 200 and "Retry-After" not in ok.headers
    assert ok.headers["X-RateLimit-Limit"] == "2"
    bad = client.get("/api/v1/conditions?q=")
    assert bad.status_code == 400 and "Retry-After" not in bad.headers
    refused = client.get("/api/v1/conditions?q=back")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Retry-After" not in client.get("/search?q=back").headers


def test_an_outage_does_not_use_up_the_rate_limit(es, limited):
    alias = unique_alias("outage")  # not loaded yet: every search is a 503
    try:
        client = limited(alias).test_client()
        for _ in range(5):
            down = client.get("/api/v1/physicians?q=back+pain")
            assert down.status_code == 503 and int(down.headers["Retry-After"]) > 0
        rebuild_all(es, alias, [validate_profile(profile(NPI), "t", 1)], default_vocabulary())
        back = client.get("/api/v1/physicians?q=back+pain")
        assert back.status_code == 200, back.get_data(as_text=True)  # not a 429
    finally:
        drop_alias_indices(es, alias)


def profile(npi: str, **changes) -> dict:
    return {
        "npi": npi,
        "name": {"first": "Ann", "last": "Lee"},
        "specialties": ["207Q00000X"],
        "locations": [{"zip": "06106"}],
        "source": "clinic-roster",
        "last_verified": "2024-05-01",
        **changes,
    }


@pytest.fixture(scope="module")
def with_inactive(es):
    alias = unique_alias("inactive")
    records = [validate_profile(profile(NPI), "t", 1),
               validate_profile(profile(GONE, active=False), "t", 2)]  # fmt: skip
    rebuild_all(es, alias, records, default_vocabulary())
    yield make_app(alias).test_client()
    drop_alias_indices(es, alias)


def test_a_physician_no_longer_listed_is_410_gone(with_inactive):
    page = with_inactive.get(f"/physicians/{GONE}")
    html = page.get_data(as_text=True)
    assert page.status_code == 410 and "No longer listed" in html
    assert "Ann Lee" not in html  # nothing from the old profile
    api = with_inactive.get(f"/api/v1/physicians/{GONE}")
    assert api.status_code == 410 and api.headers["Content-Type"] == "application/problem+json"
    assert api.get_json(force=True)["status"] == 410
    listed = with_inactive.get(f"/api/v1/physicians/{NPI}")
    assert listed.status_code == 200 and listed.get_json()["active"] is True


def test_the_shortlist_takes_only_physicians_still_listed(with_inactive):
    """A physician no longer listed (and a valid NPI nobody lists) could be added, and
    showed on the compare page, the referral sheet and the CSV with full contact details."""
    headers = {"Sec-Fetch-Site": "same-origin", "Accept": "application/json"}
    unknown = "999888777" + npi_check_digit("999888777")
    for npi in (GONE, unknown):
        body = with_inactive.post("/shortlist/add", data={"npi": npi}, headers=headers).get_json()
        assert not body["listed"] and body["count"] == 0
        assert body["message"] == "That physician is not listed in the directory."
    added = with_inactive.post("/shortlist/add", data={"npi": NPI}, headers=headers).get_json()
    assert added["listed"] and added["count"] == 1


def test_a_physician_who_left_after_being_shortlisted_is_taken_off_and_said_so(with_inactive):
    app = with_inactive.application
    with app.test_request_context():
        from flask import make_response

        from app.web import shortlist_cookie

        cookie = shortlist_cookie.write(make_response(""), (NPI, GONE)).headers["Set-Cookie"]
    with_inactive.set_cookie(shortlist_cookie.COOKIE, cookie.split(";")[0].split("=", 1)[1])
    page = with_inactive.get("/shortlist")
    html = page.get_data(as_text=True)
    assert "Comparing 1 physician" in html
    assert "no longer listed in the directory and was taken off your shortlist" in html
    assert "shortlist=" in page.headers["Set-Cookie"]  # the cookie now holds the one listed
    sheet = with_inactive.get("/shortlist.csv").get_data(as_text=True)
    assert NPI in sheet and GONE not in sheet
    assert "taken off" not in with_inactive.get("/shortlist").get_data(as_text=True)


class FrozenNode:
    """A port that accepts connections and never answers: a node that froze."""

    def __enter__(self) -> str:
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=64)
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}"

    def __exit__(self, *exc) -> None:
        self.socket.close()


def test_liveness_answers_at_once_while_a_search_waits_on_a_frozen_node(search_alias):
    with FrozenNode() as url:
        app = make_app(search_alias, ELASTICSEARCH_URL=url, ELASTICSEARCH_TIMEOUT=3)
        client = app.test_client()
        searching = threading.Thread(target=client.get, args=("/api/v1/physicians?q=back",))
        searching.start()
        started = time.monotonic()
        live = client.get("/healthz")
        elapsed = time.monotonic() - started
        assert searching.is_alive()  # the search is still stuck on the node
        searching.join()
        app.extensions["elasticsearch"].transport.close()
    assert live.status_code == 200 and live.get_json() == {"status": "ok"}
    assert elapsed < 0.5, f"/healthz took {elapsed:.2f}s"


@pytest.mark.parametrize("npi", [f"{NPI}%0A", f"{NPI}%0D%0A", "%D9%A1" * 10, f" {NPI}"])
def test_an_npi_with_a_trailing_newline_or_foreign_digits_is_not_an_npi(search_app, npi):
    client = search_app.test_client()
    api = client.get(f"/api/v1/physicians/{npi}")
    assert api.status_code == 400 and "10 digits" in api.get_json(force=True)["detail"]
    assert client.get(f"/physicians/{npi}").status_code == 404


def test_the_csp_and_friends_are_on_every_answer(search_app):
    client = search_app.test_client()
    for path in ("/", "/healthz", "/api/v1/physicians?q=back", "/nowhere"):
        headers = client.get(path).headers
        assert re.search(r"script-src 'self'", headers["Content-Security-Policy"]), path
        assert headers["X-Content-Type-Options"] == "nosniff"
