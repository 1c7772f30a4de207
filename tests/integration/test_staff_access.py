"""The staff area: every route refuses the anonymous and the wrong role; CSRF; throttled sign-in."""

from __future__ import annotations

import logging
import re

import pytest
from conftest import make_app
from staff_helpers import PASSWORD, add_account, csrf_token, sign_in, staff_app
from werkzeug.routing.converters import NumberConverter

from directory.store import accounts, audit
from directory.store.models import ROLES

ROLE_EMAILS = {role: f"{role}@example.org" for role in ROLES}
DEMO_NPI = "1000000012"  # Dr. Whitford, hand-placed in the demo data


@pytest.fixture
def app(search_alias, sqlite_store_url):
    app = staff_app(search_alias, sqlite_store_url)
    for role, email in ROLE_EMAILS.items():
        add_account(app, email, role)
    return app


def staff_routes(app):
    """(rule, method, view) for every staff route except the sign-in page itself."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff.") or rule.endpoint == "staff.login":
            continue
        # Row ids become 1, an NPI a demo physician's (so allowed roles reach the real page).
        path = re.sub(r"<\w+>", DEMO_NPI, re.sub(r"<row_id:\w+>", "1", rule.rule))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((path, method, app.view_functions[rule.endpoint]))
    return sorted(found, key=lambda route: route[0] == "/staff/logout")  # sign out last


def test_every_staff_view_declares_its_roles(app):
    routes = staff_routes(app)
    assert len(routes) >= 9
    undeclared = [
        (path, method) for path, method, view in routes if not hasattr(view, "staff_roles")
    ]
    assert undeclared == []


def test_anonymous_visitors_are_sent_to_sign_in_from_every_staff_route(app):
    client = app.test_client()
    token = csrf_token(client)
    for path, method, _ in staff_routes(app):
        response = client.open(path, method=method, data={"csrf_token": token})
        assert response.status_code == 302, (method, path)
        assert response.headers["Location"].startswith("/staff/login"), (method, path)
        assert response.headers["Cache-Control"] == "no-store"


def test_every_staff_route_refuses_a_role_it_does_not_allow(app):
    checked = 0
    for role, email in ROLE_EMAILS.items():
        client = app.test_client()
        assert sign_in(client, email).status_code == 302
        token = csrf_token(client, "/staff/")
        for path, method, view in staff_routes(app):
            response = client.open(path, method=method, data={"csrf_token": token})
            if role in view.staff_roles:
                assert response.status_code not in (403, 500), (role, method, path)
            else:
                assert response.status_code == 403, (role, method, path)
                assert response.headers["Cache-Control"] == "no-store"
                checked += 1
    assert checked >= 9  # curators meet admin pages; verifiers, curation and admin pages


def test_staff_pages_are_never_cached(app):
    client = app.test_client()
    assert client.get("/staff/login").headers["Cache-Control"] == "no-store"
    sign_in(client, ROLE_EMAILS["admin"])
    for path in ("/staff/", "/staff/audit", "/staff/accounts", "/staff/curation"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"


def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(app):
    client = app.test_client()
    response = client.post(
        "/staff/login", data={"email": ROLE_EMAILS["admin"], "password": PASSWORD}
    )
    assert response.status_code == 400 and "expired" in response.get_data(as_text=True)
    sign_in(client, ROLE_EMAILS["curator"])
    response = client.post(
        "/staff/curation",
        data={"term": "sore sit bone", "target": "condition:coccydynia", "reason": "x"},
    )
    assert response.status_code == 400
    assert "sore sit bone" not in client.get("/staff/curation").get_data(as_text=True)


@pytest.fixture
def throttled(search_alias, sqlite_store_url):
    """A staff area that allows 3 refused sign-ins a minute per address, with a curator."""
    app = staff_app(
        search_alias, sqlite_store_url, RATELIMIT_ENABLED=True, STAFF_LOGIN_RATE_LIMIT="3/minute"
    )
    add_account(app, ROLE_EMAILS["curator"], "curator")
    yield app
    make_app(search_alias)  # the one limiter is off again for the apps of later tests


def test_sign_in_is_throttled_per_address(throttled):
    client = throttled.test_client()
    token = csrf_token(client)
    codes = [
        client.post(
            "/staff/login", data={"csrf_token": token, "email": "x@example.org", "password": "n"}
        ).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_signing_in_and_out_all_day_never_locks_a_curator_out(throttled):
    client = throttled.test_client()
    for _ in range(5):  # more sign-ins than the 3 refusals the address may have
        assert sign_in(client, ROLE_EMAILS["curator"]).status_code == 302
        assert client.get("/staff/").status_code == 200
        client.post("/staff/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    # Refused sign-ins still count: three wrong passwords, then even the right one waits.
    refused = [sign_in(client, ROLE_EMAILS["curator"], "wrong password!") for _ in range(3)]
    assert [response.status_code for response in refused] == [200, 200, 200]
    assert sign_in(client, ROLE_EMAILS["curator"]).status_code == 429


def title_of(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.get_data(as_text=True), re.S)[1]


TRY_AGAIN = re.compile(r'<a href="([^"]+)">Try again</a>')


def test_a_form_left_open_too_long_says_so_and_links_back_to_the_form(app):
    client = app.test_client()
    sign_in(client, ROLE_EMAILS["curator"])
    curation = {"csrf_token": "from a session long gone", "term": "sore sit bone"}
    sent = client.post(
        "/staff/curation", data=curation, headers={"Referer": "http://localhost/staff/curation"}
    )
    assert sent.status_code == 400
    assert title_of(sent).startswith("This form has expired")
    assert "open too long" in sent.get_data(as_text=True)
    again = TRY_AGAIN.findall(sent.get_data(as_text=True))
    assert again == ["/staff/curation"] and client.get(again[0]).status_code == 200
    # No page to go back to: the address the form was sent to, when it is a page itself.
    signed_out = app.test_client().post("/staff/login", data={"email": "a@b.org"})
    assert signed_out.status_code == 400 and title_of(signed_out).startswith("This form")
    assert TRY_AGAIN.findall(signed_out.get_data(as_text=True)) == ["/staff/login"]


def test_sign_ins_are_logged_and_audited_without_the_password(app, caplog):
    client = app.test_client()
    with caplog.at_level(logging.INFO):
        refused = sign_in(client, ROLE_EMAILS["admin"], "not the password!")
        assert refused.status_code == 200
        assert "match an active staff account" in refused.get_data(as_text=True)
        assert sign_in(client, ROLE_EMAILS["admin"]).status_code == 302
    assert "staff sign-in refused" in caplog.text and "staff sign-in: account" in caplog.text
    assert PASSWORD not in caplog.text and "not the password!" not in caplog.text
    page = client.get("/staff/audit").get_data(as_text=True)
    assert "login.failed" in page and "account.add" in page and PASSWORD not in page
    with app.extensions["store"].factory() as session:
        actions = [entry.action for entry in audit.recent(session)]
    assert actions[:2] == ["login", "login.failed"]


FIELD_ERROR = re.compile(r'<p class="field-error"[^>]*>(.*?)</p>', re.S)


def test_a_locked_account_is_refused_in_the_words_an_unknown_one_is(app):
    """Nobody learns from the sign-in page which e-mail addresses have staff accounts."""
    client = app.test_client()
    for _ in range(accounts.MAX_FAILED_LOGINS):
        assert sign_in(client, ROLE_EMAILS["curator"], "a wrong guess!").status_code == 200
    locked = sign_in(client, ROLE_EMAILS["curator"])  # the right password, while locked
    unknown = sign_in(client, "nobody@example.org")
    assert locked.status_code == unknown.status_code == 200
    said = [FIELD_ERROR.findall(r.get_data(as_text=True)) for r in (locked, unknown)]
    assert (
        said[0] == said[1] == ["That e-mail and password don&#39;t match an active staff account."]
    )
    with app.extensions["store"].factory() as session:
        assert [entry.action for entry in audit.recent(session, limit=2)] == [
            "login.failed",
            "login.locked",
        ]


AUDIT_ROW = re.compile(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>")


def test_the_audit_log_names_an_account_but_never_keeps_what_was_typed_for_none(app):
    """People type their password into the e-mail box: the log must not keep it."""
    client = app.test_client()
    typed_password = "Tr0ub4dorHorse9"
    assert sign_in(client, typed_password, "whatever").status_code == 200
    assert sign_in(client, "nobody@example.org", "whatever").status_code == 200
    assert sign_in(client, "  Verifier@Example.org ", "wrong password!").status_code == 200
    sign_in(client, ROLE_EMAILS["admin"])
    page = client.get("/staff/audit?action=login.failed").get_data(as_text=True)
    assert typed_password.lower() not in page.lower() and "nobody@" not in page
    assert AUDIT_ROW.findall(page) == [
        (ROLE_EMAILS["verifier"], "login.failed", ROLE_EMAILS["verifier"]),
        ("anonymous", "login.failed", "unknown account"),
        ("anonymous", "login.failed", "unknown account"),
    ]


def test_disabling_an_account_ends_its_session(app):
    client = app.test_client()
    sign_in(client, ROLE_EMAILS["curator"])
    assert client.get("/staff/").status_code == 200
    result = app.test_cli_runner().invoke(args=["staff", "disable", ROLE_EMAILS["curator"]])
    assert result.exit_code == 0 and "disabled" in result.output
    assert client.get("/staff/").status_code == 302
    assert sign_in(client, ROLE_EMAILS["curator"]).status_code == 200  # refused


def test_the_cli_resets_lists_and_refuses_with_a_sentence(app):
    runner = app.test_cli_runner()
    reset = runner.invoke(
        args=["staff", "reset", ROLE_EMAILS["verifier"]], input="a new long password\n" * 2
    )
    assert reset.exit_code == 0
    client = app.test_client()
    assert sign_in(client, ROLE_EMAILS["verifier"], "a new long password").status_code == 302
    listing = runner.invoke(args=["staff", "list"])
    assert "verifier@example.org\tverifier\tactive" in listing.output
    duplicate = runner.invoke(
        args=["staff", "add", ROLE_EMAILS["admin"], "--role", "admin"], input=f"{PASSWORD}\n" * 2
    )
    assert duplicate.exit_code == 1 and "already has an account" in duplicate.output
    assert "Traceback" not in duplicate.output


def test_sign_in_never_redirects_off_the_staff_area(app):
    client = app.test_client()
    token = csrf_token(client)
    response = client.post(
        "/staff/login",
        data={
            "csrf_token": token,
            "email": ROLE_EMAILS["admin"],
            "password": PASSWORD,
            "next": "https://evil.example/staff",
        },
    )
    assert response.headers["Location"] == "/staff/"


@pytest.mark.parametrize("target", ["/staff/\r\nX-Injected: 1", "/staff/\tqueue", "//evil/staff"])
def test_a_next_path_no_browser_could_follow_signs_in_to_the_staff_home(app, target):
    """'/staff/%0d%0aX:1' as next answered the correct password with a 500 page."""
    client = app.test_client()
    response = client.post(
        "/staff/login",
        data={
            "csrf_token": csrf_token(client),
            "email": ROLE_EMAILS["admin"],
            "password": PASSWORD,
            "next": target,
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/staff/"


@pytest.mark.parametrize(
    ("key", "ago", "said"),
    [
        ("staff_seen_at", 31 * 60, "after 30 minutes without activity"),
        ("staff_signed_in_at", 13 * 3600, "12 hours after signing in"),
    ],
)
def test_a_staff_sign_in_ends_when_idle_and_after_a_working_day(app, key, ago, said):
    """A front desk's shared computer left signed in, or a copied cookie, stayed signed in
    for Flask's 31 days: a sign-in now ends after 30 idle minutes, and 12 hours after it
    began."""
    client = app.test_client()
    assert sign_in(client, ROLE_EMAILS["verifier"]).status_code == 302
    assert client.get("/staff/").status_code == 200  # in use: still signed in
    with client.session_transaction() as session:
        session[key] -= ago
    response = client.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert said in client.get(response.headers["Location"]).get_data(as_text=True)
    assert client.get("/staff/").status_code == 302  # the old cookie is no good again


def test_public_pages_gain_no_staff_cookie_even_for_signed_in_staff(app):
    client = app.test_client()
    sign_in(client, ROLE_EMAILS["admin"])
    for path in ("/search?q=sciatica", "/api/v1/physicians?q=sciatica", "/conditions"):
        response = client.get(path)
        assert response.status_code == 200
        cookies = " ".join(response.headers.getlist("Set-Cookie"))
        assert "remember_token" not in cookies and "session=" not in cookies, path


def test_signing_out_makes_a_copied_session_cookie_useless(app):
    """A front-desk PC: someone copied the verifier's cookie before she signed out."""
    desk = app.test_client()
    assert sign_in(desk, ROLE_EMAILS["verifier"]).status_code == 302
    copied = desk.get_cookie("session").value
    signed_out = desk.post("/staff/logout", data={"csrf_token": csrf_token(desk, "/staff/")})
    assert signed_out.headers["Location"] == "/staff/login"
    thief = app.test_client()
    thief.set_cookie("session", copied)
    response = thief.get("/staff/reports")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/staff/login")
    assert thief.get("/staff/").status_code == 302
    # Signing in again works, and the new session is a fresh one.
    assert sign_in(desk, ROLE_EMAILS["verifier"]).status_code == 302
    assert desk.get("/staff/reports").status_code == 200


def test_signing_out_ends_the_accounts_sessions_in_every_browser_and_says_so(app):
    laptop, desk = app.test_client(), app.test_client()
    for client in (laptop, desk):
        assert sign_in(client, ROLE_EMAILS["admin"]).status_code == 302
    response = desk.post(
        "/staff/logout", data={"csrf_token": csrf_token(desk, "/staff/")}, follow_redirects=True
    )
    assert "signed out everywhere" in response.get_data(as_text=True)
    assert laptop.get("/staff/").status_code == 302  # the other browser must sign in again
    with app.extensions["store"].factory() as session:
        assert audit.recent(session)[0].action == "logout"


def _numeric_staff_routes(app):
    """(rule, method) of every staff route that takes a row number."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("staff."):
            continue
        names = re.findall(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>", rule.rule)
        converters = [app.url_map.converters[kind or "default"] for kind, _ in names]
        if any(issubclass(converter, NumberConverter) for converter in converters):
            found += [(rule, method) for method in rule.methods - {"HEAD", "OPTIONS"}]
    return found


@pytest.mark.parametrize("row", ["99999999999999999999", str(2**63), str(2**31), "0", "-1"])
def test_a_row_number_no_row_can_have_is_not_found_on_every_staff_route(
    search_alias, migrated_database_url, row
):
    """Not a crash: 404 for ids beyond what the store's id columns hold, on both engines."""
    app = staff_app(search_alias, migrated_database_url)
    add_account(app, ROLE_EMAILS["admin"], "admin")  # admins may use every staff route
    client = app.test_client()
    assert sign_in(client, ROLE_EMAILS["admin"]).status_code == 302
    token = csrf_token(client, "/staff/")
    form = {"csrf_token": token, "assignee": "1", "note": "Fixed.", "reason": "Not wrong."}
    routes = _numeric_staff_routes(app)
    assert len(routes) >= 7  # a report, assign, resolve, reject and three undos
    for rule, method in routes:
        path = re.sub(r"<[^>]+>", row, rule.rule)
        response = client.open(path, method=method, data=form)
        assert response.status_code == 404, (method, path, response.status_code)
        assert "find that page" in response.get_data(as_text=True)
    app.extensions["store"].factory.kw["bind"].dispose()


def test_the_cli_refuses_a_password_nobody_should_use_and_says_why(app):
    runner = app.test_cli_runner()
    for password, why in (
        (" " * 12, "at least 12 characters"),
        ("aaaaaaaaaaaa", "repeats"),
        ("password1234", "common word"),
        ("abcdefghijkl", "run of"),
    ):
        for args in (["staff", "add", "sp@qa.test", "--role", "curator"],
                     ["staff", "reset", ROLE_EMAILS["curator"]]):  # fmt: skip
            result = runner.invoke(args=[*args, "--password", password])
            assert result.exit_code == 1, (args, password, result.output)
            assert why in result.output and "Traceback" not in result.output, result.output
            assert "added sp@qa.test" not in result.output
            assert f"reset {ROLE_EMAILS['curator']}" not in result.output
    listing = runner.invoke(args=["staff", "list"]).output
    assert "sp@qa.test" not in listing
    assert sign_in(app.test_client(), ROLE_EMAILS["curator"]).status_code == 302  # unchanged


SCROLL_REGION = re.compile(r"<div[^>]*class=\"table-scroll\"[^>]*>")


def test_every_scrolling_table_on_a_staff_page_is_reachable_and_named_by_keyboard(app):
    """axe's scrollable-region-focusable: a keyboard user must be able to scroll a wide table."""
    client = app.test_client()
    sign_in(client, ROLE_EMAILS["admin"])
    pages = ("/staff/accounts", "/staff/audit", "/staff/reports", "/staff/reports?show=closed",
             "/staff/curation", "/staff/corrections")  # fmt: skip
    for path in pages:
        html = client.get(path).get_data(as_text=True)
        regions = SCROLL_REGION.findall(html)
        assert regions, path
        for region in regions:
            assert 'tabindex="0"' in region and 'role="region"' in region, (path, region)
            label = re.search(r'aria-labelledby="([^"]+)"', region)
            assert label or 'aria-label="' in region, (path, region)
            if label:
                assert f'id="{label[1]}"' in html, (path, region)


def test_a_page_for_another_role_says_why_in_its_title(app):
    client = app.test_client()
    sign_in(client, ROLE_EMAILS["curator"])
    response = client.get("/staff/reports")
    assert response.status_code == 403
    title = title_of(response)
    assert not title.startswith("Error") and "permission" in title.lower()
    assert "Your staff role does not include this page." in response.get_data(as_text=True)
