"""The verifiers' inbox on SQLite and PostgreSQL: oldest first on the 2-business-day clock,
assign, resolve and reject through the pages, each with its audit entry; roles and CSRF."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from browser.conftest import named_physician
from staff_helpers import add_account, csrf_token, sign_in, staff_app

from directory.store import accounts, audit, error_reports
from directory.store.models import ErrorReport

EMAILS = {
    "verifier": "vera@example.org",
    "other": "otto@example.org",
    "admin": "adam@example.org",
    "curator": "cora@example.org",
}
LONG_AGO = datetime(2026, 1, 2, 15, 0, tzinfo=UTC)  # a Friday: due Tuesday 6 January


@pytest.fixture
def app(search_alias, migrated_database_url):
    app = staff_app(search_alias, migrated_database_url)
    for key, email in EMAILS.items():
        add_account(app, email, "verifier" if key == "other" else key)
    yield app
    store = app.extensions["store"]
    if "factory" in store.__dict__:  # the engine was opened: close its pool
        store.factory.kw["bind"].dispose()


def submit(app, when: datetime | None = None, **fields) -> ErrorReport:
    values = {"problem": "phone", "details": "Rings a pizzeria.", "contact": "555-0100"}
    with app.extensions["store"].factory() as session, session.begin():
        return error_reports.submit(
            session, named_physician(), "Dr. Example", now=when, **(values | fields)
        )


def report_row(app, report_id: int) -> ErrorReport:
    with app.extensions["store"].factory() as session:
        return session.get(ErrorReport, report_id)


def report_actions(app) -> list[tuple[str, str, str]]:
    with app.extensions["store"].factory() as session:
        entries = [e for e in audit.recent(session) if e.action.startswith("report.")]
        return [(e.action, e.actor, e.target) for e in reversed(entries)]


def signed_in(app, who: str):
    client = app.test_client()
    assert sign_in(client, EMAILS[who]).status_code == 302
    return client, csrf_token(client, "/staff/")


def test_the_inbox_lists_open_reports_oldest_first_with_the_clock(app):
    new, old = submit(app), submit(app, LONG_AGO, problem="address", contact=None)
    client, _ = signed_in(app, "verifier")
    page = client.get("/staff/reports")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert html.index(old.reference) < html.index(new.reference)
    assert "Tue 6 Jan" in html and "Overdue by" in html  # long past its due day
    assert "2 business days left" in html  # the one sent just now
    assert "<strong>2</strong> open" in html and '<strong class="clock--overdue">1</strong>' in html
    assert "report-row--overdue" in html and "Nobody yet" in html


def test_assign_to_me_from_the_inbox_is_audited_and_shows_under_mine(app):
    report = submit(app)
    client, token = signed_in(app, "verifier")
    response = client.post(
        f"/staff/reports/{report.id}/assign",
        data={"csrf_token": token, "assignee": _account_id(app, "verifier"), "from": "inbox"},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/staff/reports"
    assert report_row(app, report.id).assigned_to_id == _account_id(app, "verifier")
    assert report.reference in client.get("/staff/reports?show=mine").get_data(as_text=True)
    assert report_actions(app) == [("report.assign", EMAILS["verifier"], report.reference)]


def test_an_admin_assigns_to_another_verifier_from_the_report_page(app):
    report = submit(app)
    client, token = signed_in(app, "admin")
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "555-0100" in page and "Rings a pizzeria." in page and "(me)</option>" in page
    client.post(
        f"/staff/reports/{report.id}/assign",
        data={"csrf_token": token, "assignee": _account_id(app, "other")},
    )
    assert report_row(app, report.id).assigned_to_id == _account_id(app, "other")
    mine = client.get("/staff/reports?show=mine").get_data(as_text=True)
    assert f"Report {report.reference} is assigned to {EMAILS['other']}." in mine
    assert f'href="/staff/reports/{report.id}"' not in mine


@pytest.mark.parametrize(
    "assignee", ["curator", "999", "99999999999999999999", "nobody"], ids=lambda a: a
)
def test_nobody_outside_the_verifiers_can_be_assigned_and_the_form_says_so(app, assignee):
    """A curator (wrong role), an account that does not exist, or not a number at all."""
    report = submit(app)
    client, token = signed_in(app, "verifier")
    chosen = _account_id(app, "curator") if assignee == "curator" else assignee
    response = client.post(
        f"/staff/reports/{report.id}/assign", data={"csrf_token": token, "assignee": chosen}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Choose an active verifier or admin" in page
    assert 'id="assignee-error"' in page and 'aria-invalid="true"' in page  # by the select
    assert report_row(app, report.id).assigned_to_id is None and report_actions(app) == []


def test_a_report_that_does_not_exist_is_not_found_for_every_action(app):
    client, token = signed_in(app, "verifier")
    me = _account_id(app, "verifier")
    form = {"csrf_token": token, "assignee": me, "note": "Done.", "reason": "Not wrong."}
    for action in ("assign", "resolve", "reject"):
        response = client.post(f"/staff/reports/999/{action}", data=form)
        assert response.status_code == 404, action
        assert "There is no error report with that number." in response.get_data(as_text=True)
    assert report_actions(app) == []


@pytest.mark.parametrize("who", ["verifier", "admin"])
def test_the_report_page_links_to_the_profiles_correction_page(app, who):
    report = submit(app)
    client, _ = signed_in(app, who)
    page = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    link = f'href="/staff/profiles/{report.npi}"'
    assert link in page and "when they exist" not in page
    assert client.get(f"/staff/profiles/{report.npi}").status_code == 200  # a page, not a 404


def test_resolve_with_a_note_closes_erases_the_contact_and_is_audited(app):
    report = submit(app)
    client, token = signed_in(app, "verifier")
    response = client.post(
        f"/staff/reports/{report.id}/resolve",
        data={"csrf_token": token, "note": "Called the practice; phone fixed at the source."},
    )
    assert response.status_code == 302
    closed = report_row(app, report.id)
    assert (closed.state, closed.contact, closed.closed_by) == (
        "resolved",
        None,
        EMAILS["verifier"],
    )
    inbox = _inbox(client)
    assert f"Report {report.reference} is resolved." in inbox
    assert f'href="/staff/reports/{report.id}"' not in inbox
    closed_page = client.get("/staff/reports?show=closed").get_data(as_text=True)
    assert report.reference in closed_page and "Resolved by vera@example.org" in closed_page
    detail = client.get(f"/staff/reports/{report.id}").get_data(as_text=True)
    assert "555-0100" not in detail and "Erased when the report was closed" in detail
    assert report_actions(app) == [("report.resolve", EMAILS["verifier"], report.reference)]


def test_reject_needs_a_reason_and_is_audited(app):
    report = submit(app)
    client, token = signed_in(app, "admin")
    refused = client.post(f"/staff/reports/{report.id}/reject", data={"csrf_token": token})
    assert refused.status_code == 400
    assert "Say why the report is rejected." in refused.get_data(as_text=True)
    assert report_row(app, report.id).state == "open" and report_actions(app) == []
    client.post(
        f"/staff/reports/{report.id}/reject",
        data={"csrf_token": token, "reason": "The number on file is the practice's own."},
    )
    assert report_row(app, report.id).state == "rejected"
    assert report_actions(app) == [("report.reject", EMAILS["admin"], report.reference)]


def test_a_closed_report_cannot_be_closed_again(app):
    report = submit(app)
    client, token = signed_in(app, "verifier")
    for _ in range(2):
        client.post(
            f"/staff/reports/{report.id}/resolve", data={"csrf_token": token, "note": "Done."}
        )
    assert "is already resolved" in client.get("/staff/reports").get_data(as_text=True)
    assert len(report_actions(app)) == 1


def test_staff_actions_need_their_csrf_token(app):
    report = submit(app)
    client, _ = signed_in(app, "verifier")
    response = client.post(f"/staff/reports/{report.id}/resolve", data={"note": "Done."})
    assert response.status_code == 400
    assert report_row(app, report.id).state == "open" and report_actions(app) == []


def test_curators_see_no_inbox_and_verifiers_find_it_in_the_menu(app):
    client, _ = signed_in(app, "curator")
    assert client.get("/staff/reports").status_code == 403
    assert "Error reports" not in client.get("/staff/").get_data(as_text=True)
    client, _ = signed_in(app, "verifier")
    home = client.get("/staff/").get_data(as_text=True)
    assert 'href="/staff/reports"' in home
    assert client.get("/staff/reports/999999").status_code == 404


def test_a_report_sent_through_the_public_form_reaches_the_inbox(app):
    public = app.test_client()
    npi = named_physician()
    token = csrf_token(public, f"/physicians/{npi}/report")
    sent = public.post(
        f"/physicians/{npi}/report",
        data={"csrf_token": token, "problem": "no_longer_here", "details": "Retired in May."},
    )
    reference = re.search(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}", public.get(sent.headers["Location"]).text)
    client, _ = signed_in(app, "verifier")
    inbox = _inbox(client)
    assert reference[0] in inbox and "No longer at this practice" in inbox


def _inbox(client) -> str:
    return client.get("/staff/reports").get_data(as_text=True)


def _account_id(app, who: str) -> int:
    with app.extensions["store"].factory() as session:
        return accounts.find(session, EMAILS[who]).id
