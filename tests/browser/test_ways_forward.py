"""The interpretation chips and the ways forward, in Chromium: by keyboard, axe-clean, and
each offer followed to a page that finds physicians (with and without JavaScript)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

from browser.conftest import assert_accessible, new_context

pytestmark = pytest.mark.browser

FOCUS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""
FOUND = re.compile(r"\d[\d,]* physicians? found")
HARTFORD = (41.7637, -72.6851)


def tab_to(page: Page, predicate: str, limit: int = 300) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate}); }}"):
            assert page.evaluate(FOCUS_VISIBLE), f"no visible focus on {predicate}"
            return
    pytest.fail(f"Tab never reached: {predicate}")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_a_chip_is_removed_by_keyboard_and_the_search_reruns_without_it(page):
    page.goto("/search?q=spanish+speaking+cardiologist+near+06106")
    chips = page.locator(".part-chip")
    expect(chips.filter(has_text="Spanish")).to_have_count(1)
    assert_accessible(page, "results with interpretation chips")
    tab_to(page, "el.matches('.part-chip__remove') && el.textContent.includes('Spanish')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "spanish" not in query(page)["q"][0].lower()
    expect(page.locator(".part-chip").filter(has_text="Spanish")).to_have_count(0)
    expect(page.locator(".part-chip").filter(has_text="Cardiologist")).to_have_count(1)
    expect(page.locator("#result-count")).to_contain_text(FOUND)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_zero_result_page_offers_a_way_forward_that_finds_physicians(browser, live_server, width):
    context = new_context(browser, live_server, width=width)
    page = context.new_page()
    page.goto("/search?q=spinal+cord+stimulator&location=Hartford%2C+CT&radius=1")
    expect(page.locator("#result-count")).to_contain_text("No physicians found")
    ways = page.locator(".no-results a[data-suggestion]")
    expect(ways.first).to_be_visible()
    expect(ways.first).to_contain_text(re.compile(r"\w"))
    assert_accessible(page, f"a zero-result page at {width}px")
    ways.first.click()
    expect(page.locator("#result-count")).to_contain_text(FOUND)
    context.close()


def test_an_ambiguous_place_shows_the_one_with_physicians_and_asks_about_the_others(page):
    """Only Springfield, MA has cardiologists in the directory: the page lists them, says
    why, and still asks which Springfield was meant; another one is a keypress away."""
    page.goto("/search?q=cardiologist+springfield")
    notice = page.get_by_role("status").filter(has_text="Showing Springfield, MA")
    expect(notice).to_contain_text("the only Springfield with physicians for this search")
    expect(page.locator("#result-count")).to_contain_text(FOUND)
    ask = page.locator(".ask--place")
    expect(ask.get_by_role("heading")).to_have_text("Which Springfield did you mean?")
    first = ask.get_by_role("link").first
    expect(first).to_have_text("Springfield, IL")  # the biggest of the others
    assert_accessible(page, "the ambiguous-place prompt beside its results")
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_contain_text("Springfield, IL")
    assert query(page)["location"] == ["Springfield, IL"]


def test_a_condition_without_a_place_asks_where_and_works_without_javascript(browser, live_server):
    context = new_context(browser, live_server, width=390, java_script_enabled=False)
    page = context.new_page()
    page.goto("/search?q=sciatica")
    ask = page.locator(".ask--location")
    expect(ask.get_by_role("heading")).to_have_text("Where should we look?")
    expect(ask.get_by_role("button", name="Use my location")).to_be_hidden()
    ask.get_by_label("ZIP code or city").fill("06106")
    ask.get_by_role("button", name="Search near here").click()
    expect(page.locator("#result-count")).to_contain_text("Hartford, CT 06106")
    expect(page.locator("#result-count")).to_contain_text(FOUND)
    assert query(page)["q"] == ["sciatica"]
    expect(page.locator(".ask--location")).to_have_count(0)
    context.close()


def test_use_my_location_fills_the_place_and_the_search_finds_physicians_nearby(
    browser, live_server
):
    latitude, longitude = HARTFORD
    context = new_context(
        browser,
        live_server,
        geolocation={"latitude": latitude, "longitude": longitude},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto("/search?q=sciatica")
    ask = page.locator(".ask--location")
    assert_accessible(page, "the add-location prompt")
    ask.get_by_role("button", name="Use my location").click()
    # About a kilometre, not where exactly they stand: the URL and a printed sheet carry it.
    expect(ask.get_by_label("ZIP code or city")).to_have_value(f"{latitude:.2f}, {longitude:.2f}")
    ask.get_by_role("button", name="Search near here").click()
    expect(page.locator("#result-count")).to_contain_text(FOUND)
    expect(page.locator("#result-count")).to_contain_text(f"{latitude:.2f}")
    assert f"{latitude:.3f}" not in page.url and f"{latitude:.4f}" not in page.url
    context.close()
