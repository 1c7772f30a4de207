"""Report an error: the public form on every profile, card and compact row; validation,
CSRF, the rate limit, the honeypot, hostile input and unknown NPIs (never a 500)."""

from __future__ import annotations

import logging
import re

import pytest
from browser.conftest import named_physician
from conftest import make_app
from staff_helpers import csrf_token, staff_app

from directory.npi import npi_check_digit
from directory.store.models import ErrorReport

RESULTS = "/search?q=sciatica&location=06106"
UNLISTED = "99999999" + "9" + npi_check_digit("999999999")[-1]
REFERENCE = re.compile(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def app(search_alias, sqlite_store_url):
    return staff_app(search_alias, sqlite_store_url)


@pytest.fixture
def npi() -> str:
    return named_physician()


def stored(app) -> list[ErrorReport]:
    with app.extensions["store"].factory() as session:
        rows = session.query(ErrorReport).order_by(ErrorReport.id).all()
        session.expunge_all()
        return rows


def send(client, npi: str, token: str | None = "fetch", **fields):
    if token == "fetch":
        token = csrf_token(client, f"/physicians/{npi}/report")
    data = {"problem": "phone", "details": "", "contact": "", "leave_blank": "", **fields}
    if token:
        data["csrf_token"] = token
    return client.post(f"/physicians/{npi}/report", data=data)


def test_every_profile_card_and_compact_row_links_to_its_report_form(app, npi):
    client = app.test_client()
    profile = client.get(f"/physicians/{npi}").get_data(as_text=True)
    assert f'href="/physicians/{npi}/report"' in profile
    cards = client.get(RESULTS).get_data(as_text=True)
    card_npis = re.findall(r'<li class="card" id="hit-(\d{10})"', cards)
    assert card_npis and re.findall(r'href="/physicians/(\d{10})/report"', cards) == card_npis
    assert 'Report an error<span class="visually-hidden"> about ' in cards
    compact = client.get(RESULTS + "&view=compact").get_data(as_text=True)
    rows = compact.count("<tr data-row>")
    assert rows and len(re.findall(r'href="/physicians/\d{10}/report"', compact)) == rows


def test_the_form_asks_what_is_wrong_with_labels_and_a_token(app, npi):
    page = app.test_client().get(f"/physicians/{npi}/report")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    for label in ("Phone number", "Address", "Accepting new patients", "Specialty"):
        assert f">{label}</label>" in html
    assert "Insurance accepted" in html and "No longer at this practice" in html
    assert "<legend>What is wrong?</legend>" in html and 'name="csrf_token"' in html
    assert 'maxlength="1000"' in html and "within 2 business days" in html
    assert '<label for="leave_blank">Leave this field empty</label>' in html


def test_a_report_is_stored_and_the_reporter_gets_its_reference(app, npi, caplog):
    client = app.test_client()
    with caplog.at_level(logging.DEBUG):
        response = send(
            client, npi, problem="phone", details="Rings a pizzeria.", contact="555-0100"
        )
    assert response.status_code == 303
    assert response.headers["Location"] == f"/physicians/{npi}/report/sent"
    confirmation = client.get(response.headers["Location"]).get_data(as_text=True)
    [report] = stored(app)
    assert REFERENCE.search(confirmation)[0] == report.reference
    assert (report.npi, report.problem, report.details, report.contact) == (
        npi,
        "phone",
        "Rings a pizzeria.",
        "555-0100",
    )
    assert report.physician_name and report.state == "open" and report.due_on
    # Nothing about the reporter but the contact they typed; nothing of it in the logs.
    assert "555-0100" not in caplog.text and "pizzeria" not in caplog.text
    # A reload of the confirmation shows the same reference and stores nothing more.
    again = client.get(f"/physicians/{npi}/report/sent")
    assert report.reference in again.get_data(as_text=True)
    assert len(stored(app)) == 1
    # Neither the form a reporter filled in nor its reference stays in a browser's cache on
    # a shared front-desk computer.
    assert again.headers["Cache-Control"] == "no-store"
    assert client.get(f"/physicians/{npi}/report").headers["Cache-Control"] == "no-store"


def test_the_report_table_has_no_place_for_who_sent_it():
    columns = set(ErrorReport.__table__.columns.keys())
    for tracking in ("ip", "address", "user_agent", "cookie", "session"):
        assert not [c for c in columns if tracking in c and c != "contact"], tracking


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"problem": ""}, "Choose what is wrong."),
        ({"problem": "rude staff"}, "Choose what is wrong."),
        ({"problem": "other", "details": "  "}, "Tell us what is wrong."),
        ({"details": "x" * 1001}, "Please keep it under 1,000 characters."),
        ({"contact": "y" * 201}, "Please keep it under 200 characters."),
    ],
    ids=["nothing", "unknown", "other-empty", "long-details", "long-contact"],
)
def test_an_incomplete_report_says_what_to_fix_and_stores_nothing(app, npi, fields, message):
    response = send(app.test_client(), npi, **fields)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Please check your report" in html and message in html
    assert 'aria-invalid="true"' in html or "problem-error" in html
    assert stored(app) == []


def test_what_was_typed_is_kept_when_the_form_comes_back(app, npi):
    html = send(app.test_client(), npi, problem="", details="Moved to Farmington.").get_data(
        as_text=True
    )
    assert ">Moved to Farmington.</textarea>" in html


def test_a_report_without_its_csrf_token_is_refused(app, npi):
    response = send(app.test_client(), npi, token=None)
    assert response.status_code == 400 and "expired" in response.get_data(as_text=True)
    response = send(app.test_client(), npi, token="forged")
    assert response.status_code == 400
    assert stored(app) == []


def test_the_honeypot_stores_nothing_and_says_why(app, npi):
    response = send(app.test_client(), npi, leave_blank="http://spam.example")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "This field must stay empty" in html and "trap--shown" in html
    assert stored(app) == []


@pytest.fixture
def limited(search_alias, sqlite_store_url):
    yield staff_app(
        search_alias, sqlite_store_url, RATELIMIT_ENABLED=True, REPORT_RATE_LIMIT="2/minute"
    )
    make_app(search_alias)  # the module-level limiter off again for later tests' apps


def test_reports_are_rate_limited_per_address(limited, npi):
    client = limited.test_client()
    assert [send(client, npi).status_code for _ in range(3)] == [303, 303, 429]
    refused = send(client, npi, details="The fax on the second location is 555-0199")
    page = refused.get_data(as_text=True)
    # The form again, saying why, with the reporter's words kept for later.
    assert refused.status_code == 429 and "was not sent" in page
    assert "The fax on the second location is 555-0199" in page
    assert len(stored(limited)) == 2
    # The form itself and the profile stay open; another address may still report.
    assert client.get(f"/physicians/{npi}/report").status_code == 200
    other = limited.test_client()
    token = csrf_token(other, f"/physicians/{npi}/report")
    response = other.post(
        f"/physicians/{npi}/report",
        data={"csrf_token": token, "problem": "address"},
        environ_base={"REMOTE_ADDR": "10.9.8.7"},
    )
    assert response.status_code == 303


def test_a_report_sent_back_to_be_finished_spends_none_of_the_limit(limited, npi):
    """Every post counted: three sends without choosing what is wrong used up the limit, and
    the finished report was refused. Behind a hospital's one address, everyone shares it."""
    client = limited.test_client()
    assert [send(client, npi, problem="").status_code for _ in range(3)] == [400, 400, 400]
    assert [send(client, npi).status_code for _ in range(2)] == [303, 303]
    assert len(stored(limited)) == 2


@pytest.mark.parametrize(
    "path",
    ["/physicians/12345/report", f"/physicians/{UNLISTED}/report", "/physicians/abc/report"],
)
def test_unknown_or_invalid_npis_are_a_404_page(app, path):
    client = app.test_client()
    response = client.get(path)
    assert response.status_code == 404
    assert "We couldn&#39;t find that page" in response.get_data(as_text=True)
    token = csrf_token(client, f"/physicians/{named_physician()}/report")
    assert client.post(path, data={"csrf_token": token, "problem": "phone"}).status_code == 404
    assert client.get(path + "/sent").status_code == 404
    assert stored(app) == []


HOSTILE = [
    {"problem": "<script>alert(1)</script>"},
    {"problem": ["phone", "address"]},
    {"details": "null\x00byte and \x1b[31mescape\x07 codes"},
    {"details": "a" * 100_000},
    {"contact": "\u202eevil\u202c <img src=x onerror=alert(1)>"},
    {"details": "'; DROP TABLE error_reports; --", "contact": "%00%ff"},
    {"details": "emoji \U0001f600, zero width \u200b and \u0000"},
]


@pytest.mark.parametrize("fields", HOSTILE, ids=lambda f: repr(f)[:30])
def test_hostile_input_never_breaks_the_form(app, npi, fields):
    client = app.test_client()
    response = send(client, npi, **fields)
    assert response.status_code in (303, 400), response.get_data(as_text=True)[:300]
    html = response.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    for report in stored(app):
        assert "\x00" not in report.details + (report.contact or "")
        assert "\x1b" not in report.details


def test_undecodable_form_bytes_are_not_a_500(app, npi):
    client = app.test_client()
    token = csrf_token(client, f"/physicians/{npi}/report")
    body = f"csrf_token={token}&problem=phone&details=%FF%FE%C3".encode()
    response = client.post(
        f"/physicians/{npi}/report",
        data=body,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (303, 400)


def test_the_confirmation_needs_a_report_from_this_browser(app, npi):
    client = app.test_client()
    response = client.get(f"/physicians/{npi}/report/sent")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/physicians/{npi}/report"


def test_a_store_that_is_not_set_up_is_a_503_not_a_500(search_alias, tmp_path, npi):
    app = staff_app(search_alias, f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    response = send(app.test_client(), npi)
    assert response.status_code == 503
    html = response.get_data(as_text=True)
    assert "couldn&#39;t save your report" in html and 'value="phone" checked' in html


def test_an_unknown_time_zone_stops_the_app_at_start(search_alias, sqlite_store_url):
    with pytest.raises(ValueError, match="REPORT_TIME_ZONE='Mars/Olympus'"):
        staff_app(search_alias, sqlite_store_url, REPORT_TIME_ZONE="Mars/Olympus")
