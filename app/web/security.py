"""HTTP hardening: security headers, trusted hosts, proxies, HTTPS-only extras, relative
redirects, and a friendly page for a stale form token that links back to the form.

The Content-Security-Policy allows no inline script or style at all: every script and
stylesheet is a static file. Leaflet positions map tiles through ``element.style``
(CSSOM), which ``style-src 'self'`` permits.

- ``TRUSTED_HOSTS`` (comma list; default loopback names only): any other ``Host`` is a
  plain 400, never a 500, and never echoed into a URL we build.
- ``PROXY_COUNT`` (default 0): how many reverse proxies stand in front; with N > 0,
  Werkzeug's ProxyFix trusts the last N ``X-Forwarded-For``/``-Proto`` values, so rate
  limits see the client's address and HTTPS is recognised behind a TLS terminator.
- On HTTPS requests: HSTS, and ``Secure`` on every cookie we set.
- Redirects to our own host carry a path only, so a ``Host`` header can't steer them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, has_request_context, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from app.config import WEB_DEFAULTS
from app.errors import RETRY_LATER, render_error


def tile_source(tile_url: str | None) -> str:
    """The CSP source for a tile URL template: 'https://{s}.tile.x.org/...' → 'https://*.tile.x.org'."""
    parts = urlsplit(tile_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    first, _, rest = parts.netloc.partition(".")
    if "{" in rest:  # a placeholder CSP cannot express: allow the scheme's hosts
        return f"{parts.scheme}:"
    return f"{parts.scheme}://{'*' if '{' in first else first}{'.' + rest if rest else ''}"


def content_security_policy(tile_url: str | None) -> str:
    images = " ".join(s for s in ("'self'", "data:", tile_source(tile_url)) if s)
    return "; ".join(
        (
            "default-src 'self'",
            f"img-src {images}",
            "script-src 'self'",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


# The policy with the default tile server (tests compare against it).
CONTENT_SECURITY_POLICY = content_security_policy(str(WEB_DEFAULTS["MAP_TILE_URL"]))
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    # "Use my location" is the only browser feature the pages ask for.
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=()",
}
# One year; no includeSubDomains: the hospital's other sites are not ours to pin.
HSTS = "max-age=31536000"
REDIRECTS = (301, 302, 303, 307, 308)
# The shortlist's buttons carry no token: refused when another site's page sent them.
NOT_FROM_OUR_PAGES = (
    "This form has expired or was sent from somewhere else. Go back, reload the page and try again."
)
STALE_FORM_TITLE = "This form has expired"
STALE_FORM = (
    "The page was open too long, so for your security the form expired and nothing was sent. "
    "Open the form again and send it once more."
)


def from_our_pages() -> bool:
    """Was this POST sent by one of our own pages? (CSRF defence without a token.)

    For forms on public pages: a token would need a session cookie on every results page,
    and public pages set no identifier. Browsers mark every request with ``Sec-Fetch-Site``
    (all current engines) or, on a POST, ``Origin``; a page on another site can make
    neither say "this site". With neither header (a very old browser, or a privacy proxy
    that strips both) the ``Referer`` decides; with nothing at all the POST is refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    return on_this_site(request.headers.get("Origin") or request.headers.get("Referer"))


def a_path_here(target: str | None) -> bool:
    """A path on this site, nothing a browser reads as another host, fit for a Location.

    Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so
    "/<tab>/evil" and "/<backslash>evil" both mean "//evil", another site; a control
    character can't go in a Location header at all (a line break there was a 500), and a
    space has no business there.
    """
    return bool(
        target
        and target.isprintable()
        and " " not in target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not urlsplit(target).netloc
    )


def on_this_site(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme == request.scheme and parts.netloc == request.host


def form_page() -> str:
    """Where a refused form can be filled in again: the page that sent it when it is ours,
    else the address it was sent to when that is a page (a POST-only action is not)."""
    if on_this_site(request.referrer):
        return local_location(request.referrer or "")
    if current_app.url_map.bind_to_environ(request.environ).test(request.path, "GET"):
        return request.path
    return url_for("search.home")


def security_headers(response: Response) -> Response:
    response.headers.setdefault(
        "Content-Security-Policy", current_app.extensions["content_security_policy"]
    )
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
        _secure_cookies(response)
    return response


class SessionOverHttps(SecureCookieSessionInterface):
    """The session cookie is saved after every after_request hook: mark it here."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or (has_request_context() and request.is_secure)


def _secure_cookies(response: Response) -> None:
    cookies = response.headers.getlist("Set-Cookie")
    if cookies:
        marked = [c if "; secure" in c.lower() else f"{c}; Secure" for c in cookies]
        response.headers.setlist("Set-Cookie", marked)


def _own_hosts() -> set[str]:
    # Raw header values: request.host would re-validate an untrusted Host and raise.
    environ = request.environ
    server = f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    return {environ.get("HTTP_HOST", "").lower(), server.lower()} - {"", ":"}


def local_location(location: str) -> str:
    """An absolute URL as a path on this site; never ``//host`` (which is another site)."""
    parts = urlsplit(location)
    path = "/" + parts.path.lstrip("/\\")
    return f"{path}?{parts.query}" if parts.query else path


def final_headers(response: Response) -> Response:
    """Runs after every other hook, Flask-Limiter's included (see ``init_app``)."""
    if response.status_code not in RETRY_LATER:
        response.headers.pop("Retry-After", None)  # the limiter adds it to every answer
    location = response.headers.get("Location")
    if location and response.status_code in REDIRECTS:
        netloc = urlsplit(location).netloc.lower()
        if netloc and netloc in _own_hosts():  # e.g. werkzeug's slash-merging 308
            response.headers["Location"] = local_location(location)
    return response


def trusted_hosts(value: object) -> list[str] | None:
    """``"a.org, .b.org"`` -> ``["a.org", ".b.org"]``; ``"*"`` -> None (any host)."""
    hosts = value.split(",") if isinstance(value, str) else list(value or [])
    hosts = [host.strip() for host in hosts if host.strip()]
    return None if "*" in hosts or not hosts else hosts


def init_app(app: Flask) -> None:
    app.extensions["content_security_policy"] = content_security_policy(
        app.config.get("MAP_TILE_URL")
    )
    app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config.get("TRUSTED_HOSTS"))
    proxies = int(app.config.get("PROXY_COUNT") or 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.session_interface = SessionOverHttps()
    app.after_request(security_headers)
    # after_request hooks run last-registered first: at the front of the list, ours runs
    # after the limiter's, which was registered earlier and sets Retry-After on every answer.
    app.after_request_funcs.setdefault(None, []).insert(0, final_headers)
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        # The session only carries the CSRF token and flash messages; never sent cross-site.
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"

    @app.errorhandler(CSRFError)
    def stale_form(error: CSRFError):
        return render_error(400, STALE_FORM, STALE_FORM_TITLE, retry=form_page())
