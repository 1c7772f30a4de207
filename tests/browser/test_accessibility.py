"""axe-core on every page type at phone and desktop widths, plus the acceptance screenshots.

Any axe violation fails (WCAG 2.2 A/AA, including 24 px targets, and best-practice rules).
Screenshots land in artifacts/screenshots/ (git-ignored) so anyone can look at the pages
without running them.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import (
    WIDTHS,
    assert_accessible,
    fits_the_screen,
    named_physician,
    new_context,
    screenshot,
)

pytestmark = pytest.mark.browser

RESULTS = "/search?q=sciatica&location=06106"
PAGES = {
    "home": "/",
    "results-filtered": RESULTS + "&language=English&accepting_new_patients=true",
    "results-no-results": RESULTS + "&language=Klingon",
    "results-compact": RESULTS + "&view=compact",
    "results-crisis": "/search?q=quiero+morir&location=06106",
    "search-errors": "/search?q=&location=Hartfxxd%2C+CT&radius=900",
    "profile": "/physicians/{npi}",
    "condition": "/conditions/failed-back-surgery-syndrome",
    "procedure": "/procedures/spinal-cord-stimulation",
    "condition-index": "/conditions",
    "specialty": "/specialties/208VP0014X",
    "specialty-index": "/specialties",
    "error-404": "/physicians/0000000000",
    "help": "/help",
    "referral-sheet": "/sheet?q=sciatica&location=06106&language=English",
    "profile-from-results": "/physicians/{npi}?back=/search%3Fq%3Dsciatica%26location%3D06106",
}


def open_page(page: Page, path: str, map_shown: bool = True) -> None:
    page.goto(path)
    page.wait_for_load_state("load")
    if map_shown and page.locator("#results-map").count():
        # Drawn, whether beside the list (wide) or behind the Map button (phone).
        expect(page.locator("#results-map .leaflet-marker-icon").first).to_be_attached()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(browser, live_server, name, width):
    context = new_context(browser, live_server, width=width)
    page = context.new_page()
    try:
        open_page(page, PAGES[name].format(npi=named_physician()))
        assert_accessible(page, f"{name} at {width}px")
        # Nothing may scroll sideways on a phone.
        assert fits_the_screen(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_shortlist_compare_page_has_no_axe_violations(browser, live_server, width):
    context = new_context(browser, live_server, width=width)
    page = context.new_page()
    try:
        page.goto(RESULTS)
        for added in (1, 2):
            page.get_by_role("button", name="Add to shortlist").first.click()
            expect(page.locator("[data-shortlist-count]")).to_have_text(f"({added})")
        page.goto("/shortlist")
        expect(page.locator("table.compare thead th")).to_have_count(2)
        assert_accessible(page, f"shortlist compare at {width}px")
    finally:
        context.close()


@pytest.mark.parametrize("width_name", WIDTHS)
def test_acceptance_screenshots(browser, live_server, width_name):
    context = new_context(browser, live_server, width=WIDTHS[width_name])
    page = context.new_page()
    shots = {
        "home": "/",
        "results": RESULTS,
        "profile": f"/physicians/{named_physician()}",
        "condition": "/conditions/failed-back-surgery-syndrome",
    }
    try:
        for name, path in shots.items():
            open_page(page, path)
            assert screenshot(page, f"{name}-{width_name}").stat().st_size > 0
        page.emulate_media(media="print")
        for name in ("results", "profile"):
            open_page(page, shots[name], map_shown=False)
            expect(page.locator(".site-nav")).to_be_hidden()
            assert screenshot(page, f"print-{name}-{width_name}").stat().st_size > 0
    finally:
        context.close()
