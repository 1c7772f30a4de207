"""Report an error and the verifiers' inbox in Chromium, at a phone's and a laptop's width:
the journey works (with and without JavaScript), nothing scrolls sideways, axe finds nothing.

Screenshots land in artifacts/screenshots/ (report-*.png).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import make_app
from playwright.sync_api import BrowserContext, Page, expect
from staff_helpers import PASSWORD, add_account

from browser.conftest import (
    VIEWPORTS,
    assert_accessible,
    fits_the_screen,
    named_physician,
    new_context,
    screenshot,
    serving,
)
from directory.store import migrate

pytestmark = pytest.mark.browser

RESULTS = "/search?q=sciatica&location=06106"
VERIFIER = "vera@example.org"
REFERENCE = re.compile(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}")
REPORT_LINK = re.compile(r"^Report an error about ")


@pytest.fixture(scope="module")
def report_server(search_alias, tmp_path_factory) -> Iterator[str]:
    """The real app on a live port with its own migrated store and one verifier."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reports') / 'store.sqlite3'}"
    migrate.upgrade(url)
    app = make_app(search_alias, DATABASE_URL=url)
    add_account(app, VERIFIER, "verifier")
    with serving(app, "report-server") as base:
        yield base


@pytest.fixture(params=VIEWPORTS, ids=list(VIEWPORTS))
def screen(request) -> str:
    return request.param


@pytest.fixture
def context(browser, report_server, screen) -> Iterator[BrowserContext]:
    width, height = VIEWPORTS[screen]
    context = new_context(browser, report_server, width=width, height=height)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


def check(page: Page, label: str, screen: str) -> None:
    assert_accessible(page, f"{label} at {screen}")
    assert fits_the_screen(page), f"{label} scrolls sideways at {screen}"
    assert screenshot(page, f"report-{label}-{screen}").stat().st_size > 0


def send_a_report(page: Page, details: str) -> str:
    """From the profile: the link, the form, the confirmation; returns the reference."""
    page.goto(f"/physicians/{named_physician()}")
    page.get_by_role("link", name=REPORT_LINK).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Report an error")
    page.get_by_role("radio", name="Phone number").check()
    page.get_by_label("What should it say?").fill(details)
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your report is sent")
    return REFERENCE.search(page.locator(".reference").inner_text())[0]


def test_report_an_error_from_a_profile(page, screen):
    page.goto(f"/physicians/{named_physician()}")
    expect(page.get_by_role("link", name=REPORT_LINK).first).to_be_visible()
    check(page, "profile", screen)
    page.get_by_role("link", name=REPORT_LINK).first.click()
    expect(page.get_by_role("group", name="What is wrong?")).to_be_visible()
    expect(page.locator("#leave_blank")).to_be_hidden()  # the honeypot: for bots only
    check(page, "form", screen)
    page.get_by_role("button", name="Send report").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Choose what is wrong.")
    check(page, "form-errors", screen)
    summary.get_by_role("link", name="Choose what is wrong.").click()
    expect(page.get_by_role("radio", name="Phone number")).to_be_focused()
    page.get_by_role("radio", name="Phone number").check()
    page.get_by_label("What should it say?").fill("The number rings a pizzeria.")
    page.get_by_role("button", name="Send report").click()
    expect(page.locator(".reference")).to_have_text(REFERENCE)
    check(page, "sent", screen)


def test_report_an_error_without_javascript(browser, report_server):
    width, height = VIEWPORTS["phone"]
    context = new_context(
        browser, report_server, width=width, height=height, java_script_enabled=False
    )
    try:
        reference = send_a_report(context.new_page(), "Moved to Farmington in May.")
        assert REFERENCE.fullmatch(reference)
    finally:
        context.close()


@pytest.mark.parametrize("view", ["list", "compact"])
def test_every_result_offers_report_an_error(page, screen, view):
    page.goto(RESULTS + ("&view=compact" if view == "compact" else ""))
    rows = page.locator(".card" if view == "list" else ".compact tbody tr")
    expect(rows.first).to_be_visible()
    links = page.get_by_role("link", name=REPORT_LINK)
    assert links.count() == rows.count()
    expect(links.first).to_be_visible()
    assert_accessible(page, f"results-{view} at {screen}")
    assert screenshot(page, f"report-results-{view}-{screen}").stat().st_size > 0
    # The links never widen the page (whether the page fits at all is test_accessibility's).
    with_links = page.evaluate("document.documentElement.scrollWidth")
    page.evaluate("document.querySelectorAll('.report-link').forEach(link => link.remove())")
    without = page.evaluate("Math.max(document.documentElement.scrollWidth, window.innerWidth)")
    assert with_links <= without, f"the report links widen results-{view} at {screen}"


def sign_in(page: Page) -> None:
    page.goto("/staff/login")
    page.get_by_label("E-mail").fill(VERIFIER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff home")


def test_a_verifier_assigns_and_resolves_a_report_in_the_inbox(page, screen):
    reference = send_a_report(page, f"Wrong number ({screen}).")
    sign_in(page)
    page.get_by_role("navigation", name="Staff").get_by_role("link", name="Error reports").click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("2 business days left")
    expect(row).to_contain_text("Nobody yet")
    check(page, "inbox", screen)
    row.get_by_role("button", name=re.compile(rf"^Assign to me\W+{reference}$")).click()
    expect(page.get_by_role("status").first).to_contain_text(f"Report {reference} is assigned")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Report {reference}")
    check(page, "detail", screen)
    page.get_by_role("button", name="Resolve report").click()
    expect(page.get_by_role("alert")).to_contain_text("Say what was corrected")
    check(page, "detail-errors", screen)
    page.get_by_label("What was corrected").fill("Called the practice; fixed at the source.")
    page.get_by_role("button", name="Resolve report").click()
    expect(page.get_by_role("status").first).to_contain_text(f"Report {reference} is resolved.")
    expect(page.get_by_role("link", name=reference)).to_have_count(0)
    page.get_by_role("link", name="Closed").click()
    expect(page.get_by_role("row").filter(has_text=reference)).to_contain_text("Resolved by")
