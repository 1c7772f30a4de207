"""The coordinator's and front desk's pages through Flask's test client, on the real node:
exports (.xlsx and CSV) and how they page, the shortlist's answers, the search carried
to profiles and sheets, referral sheets, location suggestions, help, and the map's
tile-server setting. The same journeys in Chromium are in tests/browser/test_workflows.py.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import openpyxl
import pytest
from conftest import make_app

from app.search.params import SearchParams
from app.search.service import SearchService
from app.web import export
from directory.geography import zip_place
from integration.test_pages import FROM_OUR_PAGE, RESULTS, SPINE_SURGEON, hrefs, text_of

PROVIDENCE = "/search?location=Providence%2C+RI"


class CountingClient:
    """The real client, with its searches counted (not a mock: every call reaches the node)."""

    def __init__(self, es):
        self.es = es
        self.indices: list[str] = []

    def search(self, **kwargs):
        self.indices.append(kwargs["index"])
        return self.es.search(**kwargs)


def test_an_export_pages_with_search_after_one_search_per_500(es, search_alias):
    counting = CountingClient(es)
    params = SearchParams(place=zip_place("06106"), radius_miles=100)
    service = SearchService(counting, search_alias)
    service.hospitals.get()  # the hospital names, read once per worker, not per export
    counting.indices.clear()
    total, hits = service.export_physicians(params, limit=1200)
    npis = [hit.npi for hit in hits]
    assert total > 1200 and len(npis) == 1200 and len(set(npis)) == 1200
    # The page's own search reads the query as the page does, then one search per 500
    # rows (was 24 page searches for 1,200 rows).
    assert counting.indices == [search_alias] * 4
    first_page = SearchService(es, search_alias).search_physicians(replace(params, per_page=50))
    assert npis[:50] == [hit.npi for hit in first_page.results]  # the order users see


@pytest.mark.parametrize("q", ["sciatica", "knee replacement", "asthma"])
def test_an_export_lists_physicians_in_the_order_the_results_pages_show(client, q):
    """The CSV and spreadsheet listed a condition's physicians in the engine's plain order,
    while the page spreads its first pages across specialties: rank 3 on screen was 5th in
    the file, and with 2,000 rows at most, the order decides who is left out."""
    shown = []
    for page in (1, 2, 3):
        args = {"q": q, "location": "06106", "page": page}
        shown += [
            h["npi"]
            for h in client.get("/api/v1/physicians", query_string=args).get_json()["results"]
        ]
    body = client.get("/search.csv", query_string={"q": q, "location": "06106"}).get_data(
        as_text=True
    )
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))  # Excel's byte-order mark
    column = rows[0].index("NPI")
    assert [row[column] for row in rows[1 : len(shown) + 1]] == shown


def test_the_spreadsheet_keeps_zip_codes_phone_and_npi_as_text(client):
    response = client.get(PROVIDENCE.replace("/search", "/search.xlsx"))
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="physicians.xlsx"'
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    rows = list(book["Physicians"].iter_rows(values_only=True))
    header = rows[0]
    assert header == export.COLUMNS
    zips = [row[header.index("ZIP")] for row in rows[1:]]
    assert zips and all(re.fullmatch(r"0\d{4}", z) for z in zips), zips  # 02903, never 2903
    assert all(isinstance(row[header.index("Distance (miles)")], int | float) for row in rows[1:])
    about = dict(book["About this list"].iter_rows(values_only=True))
    assert about["Near"] == "Providence, RI" and about["Physicians"].endswith("physicians")


def test_the_results_page_says_when_a_download_would_be_cut_short(client, monkeypatch):
    assert "Downloads hold the first" not in text_of(client.get(RESULTS))
    monkeypatch.setattr(export, "EXPORT_MAX_ROWS", 10)
    app = client.application
    app.jinja_env.globals["export_limit"] = 10
    try:
        page = text_of(client.get(RESULTS))
    finally:
        app.jinja_env.globals["export_limit"] = export.EXPORT_MAX_ROWS
    assert re.search(r"Downloads hold the first 10 of these [\d,]+ physicians", page)
    body = client.get(RESULTS.replace("/search", "/search.csv")).get_data(as_text=True)
    assert len(body.strip().splitlines()) == 11


def post(client, action: str, npi: str, json: bool = False, next_url: str = RESULTS):
    headers = {**FROM_OUR_PAGE, "Accept": "application/json"} if json else FROM_OUR_PAGE
    data = {"npi": npi, "next": next_url}
    return client.post(f"/shortlist/{action}", data=data, headers=headers)


def test_shortlist_answers_json_for_the_button_and_refuses_a_fifth(client, demo_profiles):
    npis = [p["npi"] for p in demo_profiles[:5]]
    for count, npi in enumerate(npis[:4], start=1):
        body = post(client, "add", npi, json=True).get_json()
        assert body == {
            "message": f"Added to your shortlist ({count} of 4).",
            "listed": True,
            "count": count,
            "limit": 4,
            "full": False,
        }
    refused = post(client, "add", npis[4], json=True).get_json()
    assert refused["full"] and not refused["listed"] and refused["count"] == 4
    assert refused["message"].startswith("Your shortlist is full (4 of 4).")
    removed = post(client, "remove", npis[0], json=True).get_json()
    assert removed["count"] == 3 and not removed["listed"]


def test_without_javascript_the_message_shows_on_that_physicians_card(client):
    response = post(client, "add", SPINE_SURGEON, next_url=RESULTS + f"#hit-{SPINE_SURGEON}")
    assert response.headers["Location"] == RESULTS + f"#hit-{SPINE_SURGEON}"
    html = client.get(RESULTS).get_data(as_text=True)
    card_status = re.search(rf'id="shortlist-status-{SPINE_SURGEON}">([^<]*)<', html)
    assert card_status and "Added to your shortlist (1 of 4)." in card_status.group(1)
    assert 'class="flash__message"' not in html  # shown once, where the eye is


@pytest.mark.parametrize("target", ["/\t/evil.example", "/\n/evil.example", "/ /evil.example"])
def test_shortlist_next_with_invisible_characters_stays_on_site(client, target):
    response = post(client, "add", SPINE_SURGEON, next_url=target)
    assert response.status_code == 303 and response.headers["Location"] == "/shortlist"


def test_a_profile_opened_from_results_links_back_to_the_same_search(client):
    html = client.get(RESULTS + "&language=English").get_data(as_text=True)
    profile = next(h for h in hrefs(html) if h.startswith("/physicians/") and "back=" in h)
    page = client.get(profile).get_data(as_text=True)
    back = re.search(r'<a class="back-link" href="([^"]+)">Back to results</a>', page)
    assert back
    assert back.group(1).replace("&amp;", "&") == (
        "/search?q=back+pain+after+surgery&location=06106&language=English"
    )


@pytest.mark.parametrize(
    "query", ["q=a%26b%23c+d%2Be+%C3%A9%3F%2F", "q=50%25+off&location=Hartford%2C+CT&radius=5"]
)
def test_links_that_carry_the_search_encode_it_as_url_for_does(client, query):
    """Result cards build each link's ``back`` once per page; what they build must be what
    url_for builds, however the search text is written."""
    from flask import url_for

    from app.web.search_context import search_back, with_back

    with client.application.test_request_context(f"/search?{query}"):
        back = search_back()
        assert back and back.startswith("/search?")
        for endpoint, values in (
            ("profiles.profile", {"npi": SPINE_SURGEON, "from": "s1", "rank": 3}),
            ("shortlist.compare", {}),
        ):
            assert with_back(endpoint, **values) == url_for(endpoint, **values, back=back)


@pytest.mark.parametrize(
    "back",
    ["https://evil.example/search?q=x", "//evil.example/search?q=x", "/search\t?q=x",
     "/physicians/1?q=x", "/search", "javascript:alert(1)"],
)  # fmt: skip
def test_back_to_results_is_only_ever_a_search_on_this_site(client, back):
    html = client.get(f"/physicians/{SPINE_SURGEON}", query_string={"back": back}).text
    assert "Back to results" not in html
    assert not [h for h in hrefs(html) if "evil.example" in h or h.startswith("javascript")]


def test_search_sheet_states_the_search_the_date_and_how_many(client):
    response = client.get("/sheet?q=sciatica&location=06106&language=English&size=10")
    page = text_of(response)
    assert response.status_code == 200
    assert len(re.findall(r"NPI \d{10}", page)) == 10
    for text in ("Looking for Sciatica", "Near 06106", "Within 25 miles", "Filters English"):
        assert text in page
    assert re.search(r"Prepared \w+ \d{1,2}, \d{4}", page)
    assert re.search(r"The first 10 of \d+ found", page)
    assert re.search(r"New patients (Accepting|Not accepting) new patients \(as of", page)
    assert "Languages English" in page and "Fax " in page


def test_shortlist_sheet_holds_the_whole_shortlist_and_its_search(client, demo_profiles):
    for profile in demo_profiles[:3]:
        post(client, "add", profile["npi"])
    back = "/search?q=sciatica&location=06106&accepting_new_patients=true"
    page = text_of(client.get("/shortlist/sheet", query_string={"back": back}))
    assert "Your shortlist: 3 physicians" in page and len(re.findall(r"NPI \d{10}", page)) == 3
    assert "Near 06106" in page and "Filters Accepting new patients" in page
    rows = client.get("/shortlist.csv", query_string={"back": back}).text.splitlines()
    assert rows[0].startswith("\ufeffNPI,") and len(rows) == 4


@pytest.mark.parametrize("path", ["/shortlist.csv", "/shortlist.xlsx"])
def test_a_shortlist_download_is_never_kept_by_a_shared_cache(client, demo_profiles, path):
    """A download read from one person's cookie, sent with no cache headers: a CDN that caches
    by file extension would have handed it to the next person."""
    post(client, "add", demo_profiles[0]["npi"])
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert "Cookie" in response.headers["Vary"]


def test_invalid_sheet_search_is_a_400_page(client):
    response = client.get("/sheet?q=&location=")
    assert response.status_code == 400 and "Type a condition" in text_of(response)


def test_places_api_suggests_zips_and_every_state_of_a_city_name(client):
    body = client.get("/api/v1/places?q=springfield").get_json()
    values = [p["value"] for p in body["places"]]
    assert {"Springfield, MA", "Springfield, IL"} <= set(values)
    assert client.get("/api/v1/places?q=0610").get_json()["places"][0]["value"] == "06101"
    # A few letters: the big city they start (Hartford, CT) before the village "Hart, MI".
    assert client.get("/api/v1/places?q=hart").get_json()["places"][0]["value"] == "Hartford, CT"
    missing = client.get("/api/v1/places")
    assert missing.status_code == 400 and missing.mimetype == "application/problem+json"


def test_help_is_the_last_header_link_and_documents_shortcuts_and_the_cap(client):
    for path in ("/", RESULTS, "/conditions", "/shortlist", f"/physicians/{SPINE_SURGEON}"):
        nav = re.search(r'<nav class="site-nav".*?</nav>', client.get(path).text, re.S).group(0)
        assert re.findall(r"<a [^>]*>([^<]+)", nav)[-1] == "Help", path
    page = text_of(client.get("/help"))
    assert "Keyboard shortcuts in the compact view" in page and "2,000 physicians" in page


def test_specialties_index_groups_by_body_system_in_plain_words(client):
    page = text_of(client.get("/specialties"))
    for heading in ("Primary care", "Ear, nose and throat (ENT)", "Women's health"):
        assert heading in page
    assert "Ent " not in page and "Womens" not in page and "Physician Physician" not in page
    assert "Cardiologist (Cardiovascular Disease Physician)" in page


def test_map_tile_server_is_a_setting_and_the_security_policy_follows(search_alias):
    app = make_app(search_alias, MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png")
    response = app.test_client().get(RESULTS)
    assert (
        "img-src 'self' data: https://tiles.example.org;"
        in (response.headers["Content-Security-Policy"])
    )
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in response.text
    no_tiles = make_app(search_alias, MAP_TILE_URL="").test_client().get(RESULTS)
    assert "img-src 'self' data:;" in no_tiles.headers["Content-Security-Policy"]
