"""The server-rendered pages, through Flask's test client, against the real search node.

Each test checks something a patient, referral coordinator or front-desk user would
notice: what the page says, where a message appears, what a link or download contains.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import drop_alias_indices, make_app, unique_alias
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.search.params import Resolution
from app.search.results import SearchPage
from app.search.service import SearchService
from app.web import export
from app.web.security import CONTENT_SECURITY_POLICY
from directory.npi import npi_check_digit
from indexer.demo import named_npi

RESULTS = "/search?q=back+pain+after+surgery&location=06106"
FBSS = "failed-back-surgery-syndrome"
SPINE_SURGEON = named_npi(1)  # the first hand-placed demo physician, in Hartford


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    return re.sub(r"\s+([,.;:)?])", r"\1", text)


def element(html: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    match = re.search(rf'<[a-z]+\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', html)
    assert match, f"no element with id {element_id!r}"
    return match.group(0)


def block(html: str, css_class: str) -> str:
    """From the first element with this class to the end of the page (enough to look inside)."""
    start = html.index(f'class="{css_class}')
    return html[start:]


def hrefs(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html)]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# What a browser sends with a form posted from one of our own pages.
FROM_OUR_PAGE = {"Sec-Fetch-Site": "same-origin"}


# --- Home and search ----------------------------------------------------------------------


def test_home_has_one_search_box_location_radius_and_examples(client):
    response = client.get("/")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert html.count("<h1") == 1
    assert re.search(r'<form[^>]+action="/search"[^>]+method="get"', html)
    for field in ('name="q"', 'name="location"', 'name="radius"'):
        assert field in html
    assert re.findall(r'<option value="(\d+)"', html) == ["5", "10", "25", "50", "100", "250"]
    for example in ("back pain after surgery", "sciatica", "knee replacement"):
        assert f"/search?q={example.replace(' ', '+')}" in html
    assert 'href="#main"' in html and 'id="main"' in html


def test_search_by_condition_and_zip_explains_why_each_physician(client):
    response = client.get(RESULTS)
    page = text_of(response)
    assert response.status_code == 200
    assert "What we searched for: Failed Back Surgery Syndrome" in page
    assert re.search(r"\d+ physicians found within 25 miles of Hartford, CT", page)
    assert "Why this physician" in page
    assert "Treats Failed Back Surgery Syndrome (listed on their profile)" in page
    html = response.get_data(as_text=True)
    assert 'href="tel:+1' in html
    assert re.search(r"<strong>\d+(\.\d)? mi</strong> away", html)
    assert 'aria-live="polite"' in element(html, "result-count")


def test_derived_matches_say_which_specialty_implies_them(client):
    page = text_of(client.get(RESULTS + "&page=2"))
    assert re.search(r"Treats Failed Back Surgery Syndrome \(typical for [A-Z][\w ,()-]+\)", page)


def test_empty_search_says_what_to_type_next_to_the_search_box(client):
    response = client.get("/search?q=&location=")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    message = "Type a condition, procedure, specialty or name, or enter a location."
    assert message in unescape(re.search(r'id="q-error".*?</div>', html, re.S).group(0))
    q_input = element(html, "q")
    assert 'aria-invalid="true"' in q_input and "q-error" in q_input


def test_unknown_location_suggests_the_place_next_to_the_location_box(client):
    response = client.get("/search?q=sciatica&location=Hartfxxd,+CT")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    error = unescape(re.search(r'id="location-error".*?</div>', html, re.S).group(0))
    assert "We couldn't find 'Hartfxxd, CT'. Did you mean Hartford, CT" in error
    assert "location-error" in element(html, "location")
    suggestion = next(h for h in hrefs(html) if "Hartford" in h)
    assert query_of(suggestion)["location"] == ["Hartford, CT"]
    assert query_of(suggestion)["q"] == ["sciatica"]


def test_radius_out_of_range_is_explained_next_to_the_radius(client):
    response = client.get("/search?q=sciatica&location=06106&radius=900")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    error = re.search(r'id="radius-error".*?</div>', html, re.S).group(0)
    assert "Choose a distance from 1 to 250 miles." in error
    assert 'aria-describedby="radius-error"' in element(html, "radius")


def test_location_alone_browses_physicians_nearby(client):
    response = client.get("/search?location=06106&radius=10")
    page = text_of(response)
    assert response.status_code == 200
    assert "Physicians near Hartford, CT" in page
    assert re.search(r"[\d,]+ physicians found within 10 miles", page)


def test_condition_link_from_the_library_searches_that_condition(client):
    response = client.get(f"/search?condition={FBSS}&location=06106")
    assert response.status_code == 200
    assert "What we searched for: Failed Back Surgery Syndrome" in text_of(response)


def test_filters_are_checkboxes_in_a_get_form_with_an_apply_button(client):
    html = client.get(RESULTS).get_data(as_text=True)
    form = re.search(
        r'<form method="get" action="/search" aria-labelledby="filters-title">.*?</form>',
        html,
        re.S,
    ).group(0)
    assert 'type="checkbox" id="f-language-spanish" name="language" value="Spanish"' in form
    assert 'name="accepting_new_patients" value="true"' in form
    assert '<input type="hidden" name="q" value="back pain after surgery">' in form
    assert '<input type="hidden" name="location" value="06106">' in form
    assert '<button type="submit" class="button button--primary">Apply filters</button>' in form


def test_the_type_of_clinician_filter_names_each_kind_once_in_the_plural(client):
    """'Physicians (MD/DO)s (48)', 'Physical Therapistss (20)': pluralised twice."""
    html = client.get("/search?q=sciatica&location=06106").get_data(as_text=True)
    labels = re.findall(r'<label for="f-clinician_type-[^"]+">([^<]+) <span class="count">', html)
    assert "Physicians (MD/DO)" in labels and "Physical Therapists" in labels, labels


def test_applying_a_filter_keeps_it_checked_and_offers_to_remove_it(client):
    response = client.get(RESULTS + "&language=Spanish")
    html = response.get_data(as_text=True)
    assert re.search(r'id="f-language-spanish"[^>]*checked', html)
    languages = re.findall(r"Languages:</span> ([^<]+)</p>", html)
    assert languages and all("Spanish" in line for line in languages)
    remove = next(h for h in hrefs(html) if "language" not in h and "06106" in h and "q=" in h)
    assert query_of(remove)["q"] == ["back pain after surgery"]


def test_pagination_links_are_bookmarkable_urls(client):
    html = client.get("/search?location=06106").get_data(as_text=True)
    nav = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group(0)
    assert re.search(r'href="[^"]*page=1"[^>]*aria-current="page"', nav)
    next_link = unescape(re.search(r'href="([^"]+)" rel="next"', nav).group(1))
    assert query_of(next_link)["page"] == ["2"]
    second = client.get(next_link)
    assert second.status_code == 200 and "Page 2 of" in text_of(second)


def test_a_page_past_the_end_links_back_to_the_last_page(client):
    page = text_of(client.get("/search?q=sciatica&location=06106&page=400"))
    assert "There are only" in page and "Go to the last page" in page


def test_no_results_offer_the_searchs_own_suggestions(client):
    response = client.get(RESULTS + "&language=Klingon")
    html = response.get_data(as_text=True)
    assert "No physicians found" in text_of(response)
    assert "Remove the language filter" in html
    link = next(h for h in hrefs(html) if "06106" in h and "language" not in h and "q=" in h)
    assert client.get(link).status_code == 200


def test_did_you_mean_links_search_for_the_suggestion(client, monkeypatch):
    empty = SearchPage(0, 1, 20, (), {}, Resolution("sciatca", (), ("Sciatica",)), (), 1)
    monkeypatch.setattr(SearchService, "search_physicians", lambda service, params: empty)
    html = client.get("/search?q=sciatca").get_data(as_text=True)
    assert "Did you mean" in html
    assert "/search?q=Sciatica" in hrefs(html)


def test_compact_view_is_dense_rows_and_is_remembered(client):
    response = client.get(RESULTS + "&view=compact")
    html = response.get_data(as_text=True)
    assert 'class="compact"' in html
    headers = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert headers == [
        "Physician", "Phone", "Fax", "New patients", "Next location", "Telehealth", "Languages",
        "Scheduling notes",
    ]  # fmt: skip
    assert "results_view=compact" in response.headers["Set-Cookie"]
    assert 'class="compact"' in client.get(RESULTS).get_data(as_text=True)
    assert 'class="cards"' in client.get(RESULTS + "&view=cards").get_data(as_text=True)
    assert 'class="cards"' in client.get(RESULTS).get_data(as_text=True)


def test_map_data_and_leaflet_only_on_results_with_a_map(client):
    html = client.get(RESULTS).get_data(as_text=True)
    assert "vendor/leaflet/leaflet.js?v=" in html
    markers = re.search(r"data-markers='([^']+)'", html).group(1)
    assert '"lat":' in unescape(markers) and '"url": "/physicians/' in unescape(markers)
    for path in ("/", f"/physicians/{SPINE_SURGEON}", RESULTS + "&view=compact"):
        assert "leaflet" not in client.get(path).get_data(as_text=True)


# --- CSV export ---------------------------------------------------------------------------


def test_csv_export_downloads_the_current_result_list(client):
    listed = text_of(client.get(RESULTS))
    total = int(re.search(r"([\d,]+) physicians found", listed).group(1).replace(",", ""))
    response = client.get("/search.csv?q=back+pain+after+surgery&location=06106")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")  # the BOM: Excel then reads UTF-8 accents right
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert list(rows[0]) == list(export.COLUMNS)
    assert len(rows) == min(total, export.EXPORT_MAX_ROWS)
    first = rows[0]
    assert re.fullmatch(r"\d{10}", first["NPI"]) and first["City"] and first["ZIP"]
    assert re.fullmatch(r"0\d{4}", first["ZIP"])  # a Hartford ZIP, leading zero intact
    assert float(first["Distance (miles)"]) <= 25
    assert {r["Accepting new patients"] for r in rows} <= {"yes", "no", ""}
    assert first["Profile"].endswith(f"/physicians/{first['NPI']}")
    # NPPES rows list no languages; every demo profile does, and every row has its date.
    assert sum(bool(r["Languages"]) for r in rows) >= len(rows) // 2
    assert all(r["Last verified"] for r in rows)


def test_csv_export_stops_at_the_row_limit(client, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_MAX_ROWS", 60)
    response = client.get("/search.csv?location=06106&radius=100")
    assert len(response.get_data(as_text=True).strip().splitlines()) == 1 + 60


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    assert export.safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert export.safe_cell("+1") == "'+1" and export.safe_cell("@SUM") == "'@SUM"
    assert export.safe_cell("-2") == "'-2" and export.safe_cell("Hartford") == "Hartford"


def test_csv_export_of_an_invalid_search_is_a_400_page(client):
    response = client.get("/search.csv?q=&location=")
    assert response.status_code == 400
    assert "Type a condition" in text_of(response)


# --- Profiles -----------------------------------------------------------------------------


def test_profile_shows_locations_treatments_and_where_the_data_comes_from(client):
    response = client.get(f"/physicians/{SPINE_SURGEON}")
    page = text_of(response)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Source: synthetic demo data (not a real physician)" in page
    assert re.search(r"last verified \w+ \d{1,2}, \d{4}", page)
    assert "Practice location" in page and "Fax" in page
    assert "https://www.google.com/maps/dir/?api=1&destination=85+Seymour+St" in unescape(html)
    assert 'href="tel:+1' in html
    assert "Listed on their profile" in page and "Typical for" in page
    assert "Failed Back Surgery Syndrome" in page
    for heading in ("Specialties", "Languages", "Insurance accepted", "Hospital affiliations"):
        assert heading in page
    assert "Education" in page and f"NPI {SPINE_SURGEON}" in page


def test_nppes_profile_says_registry_and_last_updated(client):
    response = client.get("/physicians/1255334207")
    page = text_of(response)
    assert response.status_code == 200
    assert "Source: NPPES NPI Registry, last updated September 27, 2016" in page
    assert "maps/dir/?api=1" in response.get_data(as_text=True)


@pytest.mark.parametrize("npi", ["1234567893", "0000000000", "12345", "abc"])
def test_unknown_or_malformed_npi_is_a_friendly_404(client, npi):
    response = client.get(f"/physicians/{npi}")
    assert response.status_code == 404
    page = text_of(response)
    assert "We couldn't find that page" in page and "Start a new search" in page


# --- Library ------------------------------------------------------------------------------


def test_failed_back_syndrome_page_reads_like_a_health_library(client):
    response = client.get(f"/conditions/{FBSS}")
    html = response.get_data(as_text=True)
    page = text_of(response)
    assert response.status_code == 200
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", html)
    for section in ("Overview", "Causes", "Symptoms", "Diagnosis", "Treatment options"):
        assert section in headings
    assert "Find a physician who treats Failed Back Surgery Syndrome" in page
    assert f'<input type="hidden" name="condition" value="{FBSS}">' in html
    assert "Specialists involved and why" in page
    assert "Spinal cord stimulators" in page  # the reason a specialty is involved
    search = next(h for h in hrefs(html) if "specialty=208VP0014X" in h)
    assert query_of(search)["condition"] == [FBSS]
    assert "M96.1" in page


def test_condition_index_groups_by_body_system_and_lists_a_to_z(client):
    response = client.get("/conditions")
    page = text_of(response)
    assert response.status_code == 200
    assert "By body system" in page and "A to Z" in page and "Spine" in page
    assert response.get_data(as_text=True).count(f'href="/conditions/{FBSS}"') == 2


def test_procedure_pages_and_wrong_kind_redirects(client):
    response = client.get("/procedures/spinal-cord-stimulation")
    assert response.status_code == 200
    assert "Who it helps" in text_of(response) and "Recovery" in text_of(response)
    moved = client.get("/conditions/spinal-cord-stimulation")
    assert moved.status_code == 301
    assert moved.headers["Location"].endswith("/procedures/spinal-cord-stimulation")


@pytest.mark.parametrize("path", ["/conditions/no-such-thing", "/specialties/NOTACODE"])
def test_unknown_library_pages_are_404(client, path):
    assert client.get(path).status_code == 404


def test_specialty_page_lists_what_it_treats_linked_to_search(client):
    response = client.get("/specialties/208VP0014X")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Failed Back Surgery Syndrome" in text_of(response)
    search = next(h for h in hrefs(html) if f"condition={FBSS}" in h)
    assert query_of(search)["specialty"] == ["208VP0014X"]
    assert 'name="specialty" value="208VP0014X"' in html
    assert "/specialties/208VP0014X" in client.get("/specialties").get_data(as_text=True)


# --- Shortlist ----------------------------------------------------------------------------


def add(client, npi: str, next_url: str = "/shortlist", headers=FROM_OUR_PAGE):
    return client.post("/shortlist/add", data={"npi": npi, "next": next_url}, headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        {},  # no sign of where it came from
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain is another site's page
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
    ],
)
def test_a_shortlist_post_from_another_site_is_refused(client, headers):
    response = add(client, SPINE_SURGEON, headers=headers)
    assert response.status_code == 400
    assert "This form has expired or was sent from somewhere else" in text_of(response)
    assert "shortlist=" not in response.headers.get("Set-Cookie", "")
    clear = client.post("/shortlist/clear", headers=headers)
    assert clear.status_code == 400


@pytest.mark.parametrize(
    "headers", [FROM_OUR_PAGE, {"Origin": "http://localhost"}, {"Referer": "http://localhost/x"}]
)
def test_a_shortlist_post_from_our_page_is_accepted(client, headers):
    response = add(client, SPINE_SURGEON, headers=headers)
    assert response.status_code == 303 and "shortlist=" in response.headers["Set-Cookie"]


def test_results_and_profile_pages_set_no_cookie(client):
    """Public pages stay anonymous: nothing that could tie one search to the next."""
    for path in (RESULTS, f"/physicians/{SPINE_SURGEON}", "/", "/shortlist"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers.getlist("Set-Cookie") == [], path


def test_the_view_cookie_holds_only_the_layout(client):
    """docs/privacy.md: the one cookie a result list may set is the layout chosen, no id."""
    assert client.get(RESULTS + "&view=a1b2c3-tracker").headers.getlist("Set-Cookie") == []
    [cookie] = client.get(RESULTS + "&view=compact").headers.getlist("Set-Cookie")
    assert cookie.split("; ")[0] == "results_view=compact"
    assert "Max-Age=31536000" in cookie and "HttpOnly" in cookie


def test_shortlist_adds_compares_and_removes_physicians(client):
    response = add(client, SPINE_SURGEON, RESULTS)
    assert response.status_code == 303 and response.headers["Location"] == RESULTS
    assert add(client, "1255334207").status_code == 303
    compare = client.get("/shortlist")
    page = text_of(compare)
    assert "Comparing 2 physicians" in page and "Added to your shortlist (2 of 4)" in page
    assert SPINE_SURGEON in page and "1255334207" in page
    assert "Remove from shortlist" in page
    client.post("/shortlist/remove", data={"npi": SPINE_SURGEON}, headers=FROM_OUR_PAGE)
    assert "Comparing 1 physician" in text_of(client.get("/shortlist"))


def test_shortlist_holds_four_and_says_so(client, demo_profiles):
    for profile in demo_profiles[:5]:
        add(client, profile["npi"])
    page = text_of(client.get("/shortlist"))
    assert "Comparing 4 physicians" in page
    assert "Your shortlist is full (4 of 4). Remove a physician from it to add this one." in page


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil"])
def test_shortlist_never_redirects_off_site(client, target):
    response = add(client, SPINE_SURGEON, target)
    assert response.headers["Location"] == "/shortlist"


def test_a_tampered_shortlist_cookie_is_ignored(client):
    client.set_cookie("shortlist", '["<script>"]')
    response = client.get("/shortlist")
    assert response.status_code == 200 and "Your shortlist is empty" in text_of(response)


# --- Security -----------------------------------------------------------------------------

PAGES = ["/", RESULTS, f"/physicians/{SPINE_SURGEON}", f"/conditions/{FBSS}", "/shortlist", "/nope"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_page(client, path):
    headers = client.get(path).headers
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", PAGES + ["/search?q=", "/conditions", "/specialties/208VP0014X"])
def test_no_inline_scripts_or_styles(client, path):
    html = client.get(path).get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers either


def test_static_assets_are_versioned_cached_and_compressed(client):
    html = client.get("/").get_data(as_text=True)
    url = re.search(r'href="(/static/css/site\.css\?v=[0-9a-f]{12})"', html).group(1)
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["Content-Encoding"] == "gzip"
    with open("app/static/css/site.css", "rb") as handle:
        assert gzip.decompress(response.data) == handle.read()
    response.close()


@pytest.mark.parametrize("path", ["/", "/search?q=sciatica", "/staff/login", "/no-such-page"])
def test_every_page_shows_the_site_icon_and_favicon_ico_is_no_404(client, path):
    html = client.get(path).get_data(as_text=True)
    icon = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', html)
    assert icon, path
    # what the link names, and what a browser asks for whatever the page links
    with client.get(icon[1]) as linked, client.get("/favicon.ico") as asked:
        assert linked.status_code == asked.status_code == 200
        assert linked.mimetype == asked.mimetype == "image/svg+xml"
        assert asked.data == linked.data and b"<svg" in asked.data
        assert linked.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert asked.headers["Cache-Control"] == "public, max-age=86400"
        assert "Set-Cookie" not in asked.headers


@pytest.fixture(scope="module")
def crafted_alias(es):
    """A throwaway index with one profile whose fields carry markup and a formula."""
    from directory.vocabulary import default_vocabulary
    from indexer.load import rebuild, rebuild_vocabulary
    from indexer.sources.profiles import validate_profile

    name = unique_alias("pages-xss")
    record = validate_profile(
        {
            "npi": "123456789" + npi_check_digit("123456789"),
            "name": {"first": "<script>alert('first')</script>", "last": "Inert"},
            "credentials": ["MD"],
            "specialties": [{"code": "208VP0014X", "primary": True}],
            "conditions": [FBSS],
            "locations": [
                {
                    "name": '=HYPERLINK("http://evil.example")',
                    "address_line1": "<img src=x onerror=alert(1)>",
                    "zip": "06106",
                    "phone": "860-555-0199",
                }
            ],
            "bio": "<script>alert('bio')</script>",
            "hospital_affiliations": ['"><script>alert(2)</script>'],
            "source": "clinic-roster",
            "last_verified": "2025-01-15",
        },
        "test",
        1,
    )
    assert isinstance(record, dict), record
    vocabulary = default_vocabulary()
    rebuild_vocabulary(es, name, vocabulary)
    rebuild(es, name, [record], vocabulary)
    yield name
    drop_alias_indices(es, name)


def test_markup_in_a_profile_renders_inert(crafted_alias):
    client = make_app(crafted_alias).test_client()
    for path in ("/physicians/1234567893", "/search?location=06106"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_exported_formula_from_a_profile_is_defused(crafted_alias):
    client = make_app(crafted_alias).test_client()
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?location=06106").text)))
    assert rows[0]["Practice"] == '\'=HYPERLINK("http://evil.example")'


def test_search_text_is_reflected_escaped(client):
    html = client.get("/search?q=<script>alert(1)</script>&location=06106").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Nothing a user types produces a 500 -------------------------------------------------

NASTY = [
    "/search?q=%00%01sciatica",
    "/search?q=sciatica&page=abc",
    "/search?q=sciatica&page=0",
    "/search?q=sciatica&page=999999999999999999999",
    "/search?q=sciatica&radius=-5",
    "/search?q=sciatica&radius=1e9",
    "/search?q=sciatica&per_page=5000",
    "/search?q=sciatica&sort=distance",
    "/search?q=sciatica&sort=%27;DROP",
    "/search?q=" + "a" * 500,
    "/search?location=%F0%9F%99%82",
    "/search?location=999.9,999.9",
    "/search?q=sciatica&gender=robot",
    "/search?q=sciatica&specialty=" + "X" * 300,
    "/search?q=(((&location=06106",
    "/search?q=%22unbalanced&location=06106",
    "/search?q=*:*",
    "/search.csv?q=sciatica&page=-1",
    "/physicians/%00",
    "/conditions/%2e%2e%2fetc",
    "/specialties/%F0%9F%99%82",
]


@pytest.mark.parametrize("path", NASTY)
def test_odd_input_never_produces_a_500(client, path):
    assert client.get(path).status_code < 500


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(q=st.text(max_size=60), location=st.text(max_size=30), radius=st.text(max_size=6))
def test_any_typed_search_is_answered_without_a_500(search_app, q, location, radius):
    client = search_app.test_client()
    response = client.get("/search", query_string={"q": q, "location": location, "radius": radius})
    assert response.status_code in (200, 400)


# --- Error pages --------------------------------------------------------------------------


def links_of(html: str) -> list[tuple[str, str]]:
    return [(unescape(h), t.strip()) for h, t in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)]


def test_search_outage_is_a_friendly_503_with_a_phone_fallback():
    client = make_app("physicians", ELASTICSEARCH_URL="http://127.0.0.1:9").test_client()
    response = client.get("/search?q=sciatica")
    page = text_of(response)
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert "Search is temporarily unavailable" in page and "try again" in page
    assert "call the practice directly" in page
    # The home page says so before anyone types; the health library keeps working.
    home = client.get("/")
    assert home.status_code == 503
    assert "Search is temporarily unavailable" in text_of(home)
    assert client.get(f"/conditions/{FBSS}").status_code == 200
    # Its links lead somewhere that works: "Start a new search" on the home page's own
    # outage page pointed back to the same 503.
    links = dict((text, href) for href, text in links_of(home.get_data(as_text=True)))
    assert "Start a new search" not in links and links["Try again"] == "/"
    assert links["Browse conditions"] == "/conditions"
    searched = dict((text, href) for href, text in links_of(response.get_data(as_text=True)))
    assert searched["Start a new search"] == "/" and searched["Try again"] == "/search?q=sciatica"


def test_unexpected_errors_are_a_friendly_500_page():
    app = make_app("physicians")
    app.add_url_rule("/boom", "boom", lambda: 1 / 0)
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Something went wrong on our side" in text_of(response)
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(
    "path", PAGES + ["/search?q=", "/conditions", "/specialties", "/procedures/physical-therapy"]
)
def test_each_page_has_one_h1_landmarks_and_a_skip_link(client, path):
    html = client.get(path).get_data(as_text=True)
    assert html.count("<h1") == 1
    assert '<html lang="en">' in html and '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html


def test_every_visible_input_on_the_results_page_has_a_label(client):
    html = client.get(RESULTS).get_data(as_text=True)
    ids = re.findall(r'<(?:input|select)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', html)
    assert ids
    for field_id in ids:
        assert f'for="{field_id}"' in html, field_id
