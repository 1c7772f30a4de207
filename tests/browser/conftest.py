"""Browser fixtures: the real app on a live port, Debian's Chromium, and axe-core.

The app runs in a thread (werkzeug) against the session's real search index. Chromium
is Debian's (``scripts/ensure-browser``); nothing here downloads a browser. Requests to
any host but this machine are aborted, so map tiles fail fast instead of hanging.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT, make_app
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}
# The viewports issue 13's journeys are checked at: a phone and a laptop screen.
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# axe is served to the page from this same-origin path (intercepted, never reaching the app):
# the pages' Content-Security-Policy forbids inline scripts, and the tests keep it enforced.
AXE_PATH = "/__test__/axe.min.js"


def _closing_responses(wsgi_app):
    """werkzeug's dev server skips ``close()`` on a response when the browser drops the
    connection mid-reply (leaving a page while a stylesheet loads): the static file behind
    it then leaks and warns. A generator's ``finally`` closes it when the server lets go."""

    def app(environ, start_response):
        response = wsgi_app(environ, start_response)
        try:
            yield from response
        finally:
            if hasattr(response, "close"):
                response.close()

    return app


@contextmanager
def serving(app, name: str = "live-server") -> Iterator[str]:
    """The app on a free local port, in a thread, for as long as the block runs."""
    app.wsgi_app = _closing_responses(app.wsgi_app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(search_alias) -> Iterator[str]:
    with serving(make_app(search_alias)) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run scripts/ensure-browser")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def named_physician() -> str:
    """The NPI of the first hand-placed demo physician (a Hartford spine surgeon)."""
    from indexer.demo import named_npi

    return named_npi(1)


def only_this_machine(route: Route) -> None:
    url = urlparse(route.request.url)
    if url.hostname not in LOCAL_HOSTS:
        route.abort()
    elif url.path == AXE_PATH:
        route.fulfill(path=str(AXE), content_type="text/javascript")
    else:
        route.continue_()


def new_context(
    browser: Browser, base_url: str, width: int = 1280, height: int = 900, **options
) -> BrowserContext:
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": height}, **options
    )
    context.set_default_timeout(15_000)
    context.route("**/*", only_this_machine)
    return context


@pytest.fixture
def context(browser, live_server) -> Iterator[BrowserContext]:
    context = new_context(browser, live_server)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


# WCAG 2.0/2.1/2.2 A and AA, and best practice. target-size (2.5.8, 24 px) is off by
# default in axe 4.10, so it is switched on by name as well as by its wcag22aa tag.
AXE_OPTIONS = """{
  resultTypes: ['violations'],
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                                  'best-practice']},
  rules: {'target-size': {enabled: true}}
}"""


def axe_violations(page: Page) -> list[dict]:
    """Run axe-core's WCAG 2.2 A/AA and best-practice rules on the page as it is now, once
    its stylesheets have loaded: a form's answer checked mid-load has unstyled 17 px links
    (target-size)."""
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_PATH)
    result = page.evaluate(f"async () => await axe.run(document, {AXE_OPTIONS})")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    at {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def assert_accessible(page: Page, label: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe found violations on {label}:\n{describe(violations)}"


def screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """The whole page, or (full_page=False) just what fits on the first screen."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def fits_the_screen(page: Page) -> bool:
    """No sideways scrolling, measured once the page and its stylesheet have loaded: before
    that, under load, unstyled text can be wider than a phone for a moment."""
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
