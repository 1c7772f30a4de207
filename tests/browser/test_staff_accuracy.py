"""The staff page that corrects a profile: axe-clean at phone and desktop widths, and it works.

Its own small directory and store: a verifier signs in through the real form in Chromium,
corrects the phone with a reason, sees it live, and undoes it with one click.
"""

from __future__ import annotations

import pytest
from accuracy_helpers import load, npi, profile
from conftest import drop_alias_indices, unique_alias
from playwright.sync_api import expect
from staff_helpers import PASSWORD, add_account, staff_app

from browser.conftest import VIEWPORTS, assert_accessible, new_context, screenshot, serving
from directory.store import migrate

VERIFIER = "verifier@example.org"
DOCTOR = npi(1)


@pytest.fixture(scope="module")
def staff_server(es, tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.sqlite3'}"
    migrate.upgrade(url)
    alias = unique_alias("staff-browser")
    load(es, alias, [profile(1), profile(2, verified_days_ago=200)], url)
    app = staff_app(alias, url)
    add_account(app, VERIFIER, "verifier")
    with serving(app, "staff-server") as base:
        yield base
    drop_alias_indices(es, alias)


def _signed_in(browser, base_url, size):
    context = new_context(browser, base_url, *size)
    page = context.new_page()
    page.goto(f"/staff/login?next=/staff/profiles/{DOCTOR}")
    page.get_by_label("E-mail").fill(VERIFIER)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/staff/profiles/{DOCTOR}")
    return context, page


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_correction_page_is_accessible_and_undo_is_one_click(browser, staff_server, viewport):
    context, page = _signed_in(browser, staff_server, VIEWPORTS[viewport])
    assert_accessible(page, f"the correction page ({viewport})")

    page.get_by_label("Phone", exact=True).fill("555-01")
    page.get_by_label("Why (where the correction comes from)").fill("Practice called")
    page.get_by_role("button", name="Save corrections and put live").click()
    expect(page.get_by_role("alert")).to_contain_text("10-digit US number")
    assert_accessible(page, f"the correction page with errors ({viewport})")

    page.get_by_label("Phone", exact=True).fill("860-555-0199")
    page.get_by_label("Why (where the correction comes from)").fill("Practice called")
    page.get_by_role("button", name="Save corrections and put live").click()
    expect(page.get_by_text("Corrected phone. Live in search now.")).to_be_visible()
    assert_accessible(page, f"the correction page after a save ({viewport})")
    screenshot(page, f"staff-correction-{viewport}")

    page.get_by_role("button", name=f"Undo the correction of phone, NPI {DOCTOR}").click()
    expect(page.get_by_text("Correction undone. Live in search now.")).to_be_visible()
    expect(page.get_by_label("Phone", exact=True)).to_have_value("860-555-0100")

    page.goto("/staff/verification")
    expect(page.get_by_role("link", name="Test Accuracy2")).to_be_visible()
    assert_accessible(page, f"the verification queue ({viewport})")
    context.close()
