"""What people do on the pages, in Chromium: search, filter, page, open a profile, print,
export, compare; by keyboard alone and with JavaScript switched off."""

from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import Page, expect

from app.web.export import COLUMNS, EXPORT_MAX_ROWS
from browser.conftest import fits_the_screen, named_physician, new_context

pytestmark = pytest.mark.browser

FOCUS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""


def tab_until(page: Page, predicate: str, limit: int = 400) -> None:
    """Press Tab until ``predicate`` (a JS expression about document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            assert page.evaluate(FOCUS_VISIBLE), f"no visible focus on {predicate}"
            return
    pytest.fail(f"Tab never reached: {predicate}")


def search_from_home(page: Page, what: str = "sciatica", where: str = "06106") -> None:
    page.goto("/")
    page.get_by_label("Condition, symptom, procedure, specialty or name").fill(what)
    page.get_by_label("ZIP code or city").fill(where)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#result-count")).to_contain_text("physicians found")


def test_search_filter_and_open_a_profile(page):
    search_from_home(page, "back pain after surgery")
    expect(page.locator(".understood")).to_contain_text("Failed Back Surgery Syndrome")
    before = page.locator("#result-count").inner_text()
    page.get_by_label(re.compile(r"^Accepting new patients")).check()
    page.get_by_role("button", name="Apply filters").click()
    assert "accepting_new_patients=true" in page.url
    expect(page.locator("#result-count")).not_to_have_text(before)
    expect(page.locator(".chip")).to_contain_text("Accepting new patients")
    badges = page.locator(".card .badge--yes")
    expect(badges).to_have_count(page.locator(".card").count())
    first = page.locator(".card__name a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator(".source-note")).to_contain_text("Source:")


PINS_ON_MAP = """() => {
  const icons = [...document.querySelectorAll('#results-map .leaflet-marker-icon')];
  return icons.reduce((sum, icon) => sum + (icon.classList.contains('map-cluster')
    ? parseInt(icon.querySelector('[aria-hidden]').textContent, 10) : 1), 0);
}"""


def test_results_map_shows_a_marker_per_physician(page):
    search_from_home(page)
    expect(page.locator("[data-map-section]")).to_be_visible()
    expect(page.locator("#results-map .leaflet-marker-icon").first).to_be_visible()
    # Nearby practices share a numbered cluster: pins plus cluster counts = the cards.
    assert page.evaluate(PINS_ON_MAP) == page.locator(".card").count()


def test_keyboard_only_search_filter_and_pagination(page):
    page.goto("/")
    tab_until(page, "el.id === 'q'")
    page.keyboard.type("sciatica")
    page.keyboard.press("Escape")  # close any suggestions so Enter submits the form
    tab_until(page, "el.id === 'location'")
    page.keyboard.type("06106")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=sciatica" in page.url and "location=06106" in page.url
    tab_until(page, "el.type === 'checkbox' && el.value === 'English'")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_until(page, "el.textContent.trim() === 'Apply filters'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "language=English" in page.url
    tab_until(page, "el.getAttribute('rel') === 'next'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "page=2" in page.url and "language=English" in page.url
    expect(page.locator("#result-count")).to_contain_text("Page 2 of")


def test_skip_link_is_first_and_moves_focus_to_the_content(page):
    page.goto("/conditions")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to main content")
    assert page.evaluate(FOCUS_VISIBLE)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_autocomplete_is_a_keyboard_combobox(page):
    page.goto("/")
    box = page.get_by_role("combobox", name="Condition, symptom, procedure, specialty or name")
    box.press_sequentially("sciat", delay=30)
    expect(box).to_have_attribute("aria-expanded", "true")
    options = page.get_by_role("option")
    # The list for what was typed, not an earlier answer for "sc" still on screen.
    expect(options.first).to_contain_text(re.compile("sciat", re.IGNORECASE))
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    expect(page.locator(f"#{active}")).to_have_attribute("aria-selected", "true")
    label = page.locator(f"#{active}").evaluate("el => el.firstChild.textContent")
    box.press("Enter")
    expect(box).to_have_value(label)
    expect(box).to_have_attribute("aria-expanded", "false")


def test_everything_works_without_javascript(browser, live_server):
    context = new_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    try:
        search_from_home(page)
        expect(page.locator("[data-map-section]")).to_be_hidden()
        expect(page.get_by_role("button", name="Use my location")).to_be_hidden()
        page.locator(".filters > summary").click()  # a plain <details>: opens without JS
        page.get_by_label(re.compile(r"^English")).check()
        page.get_by_role("button", name="Apply filters").click()
        assert "language=English" in page.url
        page.get_by_role("link", name="Next page").click()
        assert "page=2" in page.url
        expect(page.locator("#result-count")).to_contain_text("Page 2 of")
        page.get_by_role("link", name="Compact view").click()
        expect(page.locator("table.compact")).to_be_visible()
        page.locator("table.compact tbody th a").first.click()
        expect(page.locator(".profile")).to_be_visible()
    finally:
        context.close()


def test_csv_export_downloads(page):
    search_from_home(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == "physicians.csv"
    with open(download.path(), newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == COLUMNS
    total = int(re.search(r"([\d,]+) physicians", page.locator("#result-count").inner_text())[1])
    assert len(rows) - 1 == min(total, EXPORT_MAX_ROWS)


def test_print_view_is_a_referral_sheet(page):
    page.emulate_media(media="print")
    page.goto(f"/physicians/{named_physician()}")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.get_by_role("button", name=re.compile("shortlist"))).to_be_hidden()
    sheet = page.locator("main").inner_text()
    for label in ("NPI", "Phone", "Fax", "Practice location"):
        assert label in sheet
    page.goto("/search?q=sciatica&location=06106")
    expect(page.locator(".filters")).to_be_hidden()
    expect(page.locator(".card .print-only").first).to_be_visible()
    assert re.search(r"NPI \d{10}", page.locator(".cards").inner_text())


def test_shortlist_compares_side_by_side(page):
    search_from_home(page)
    for added in (1, 2, 3):
        # Wait for this addition's own answer before the next click: the message text alone
        # ("Added to your shortlist") was already on screen from the previous one.
        page.get_by_role("button", name="Add to shortlist").first.click()
        expect(page.locator("[data-shortlist-count]")).to_have_text(f"({added})")
        expect(page.locator(".shortlist-status").nth(added - 1)).to_contain_text(
            f"Added to your shortlist ({added} of 4)"
        )
    page.get_by_role("link", name=re.compile(r"^Shortlist")).click()
    expect(page.get_by_role("table")).to_contain_text("Comparing 3 physicians")
    expect(page.locator("table.compare thead th")).to_have_count(3)
    page.get_by_role("button", name=re.compile("^Remove from shortlist")).first.click()
    expect(page.locator("table.compare thead th")).to_have_count(2)


def test_no_content_security_policy_violations(page):
    problems: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and problems.append(m.text))
    search_from_home(page)
    pin = page.locator("#results-map img.leaflet-marker-icon").first  # a pin, not a cluster
    expect(pin).to_be_visible()
    pin.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup")).to_be_visible()
    page.goto(f"/physicians/{named_physician()}")
    page.goto("/")
    page.locator("#q").press_sequentially("knee", delay=30)
    expect(page.get_by_role("option").first).to_be_visible()
    assert not problems, problems


@pytest.mark.parametrize("path", ["/", "/search?q=sciatica&location=06106", "/shortlist"])
def test_nothing_scrolls_sideways_at_320px(browser, live_server, path):
    context = new_context(browser, live_server, width=320)
    page = context.new_page()
    try:
        page.goto(path)
        assert fits_the_screen(page)
    finally:
        context.close()
