"""One place that turns failures into friendly pages or problem+json.

Pages under ``/api/`` answer RFC 9457 ``application/problem+json``; everything
else gets an HTML page that says what happened and what to do next.
"""

from __future__ import annotations

from elasticsearch import exceptions as es_errors
from flask import Flask, current_app, json, render_template, request
from werkzeug.exceptions import BadHost, HTTPException, SecurityError


class SearchUnavailable(Exception):
    """The search cluster could not answer (down, unreachable or too slow)."""

    def __init__(self, detail: str, status: int = 503):
        super().__init__(detail)
        self.detail = detail
        self.status = status


class BadSearchRequest(ValueError):
    """A search parameter was invalid; ``errors`` maps parameter name → messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


TITLES = {
    400: "Please check your search",
    403: "You don't have permission for this page",
    404: "We couldn't find that page",
    405: "That action isn't allowed here",
    410: "No longer listed",
    429: "Too many requests",
    500: "Something went wrong on our side",
    503: "Search is temporarily unavailable",
    504: "Search is taking too long",
}


# Retry-After means something on these only (RFC 9110 §10.2.3, RFC 6585 §4).
RETRY_LATER = (429, 503)
# Answered without templates: the page layout builds URLs, which need a trusted Host.
UNKNOWN_HOST_PAGE = (
    "<!doctype html><html lang=en><meta charset=utf-8><title>Unknown site address</title>"
    "<h1>Unknown site address</h1><p>This server does not answer for that address.</p></html>"
)


def wants_problem_json() -> bool:
    return request.path.startswith("/api/")


def retry_after() -> dict[str, str]:
    return {"Retry-After": str(current_app.config["RETRY_AFTER_SECONDS"])}


def problem(status: int, detail: str, title: str | None = None, **extra) -> tuple:
    body = {"type": "about:blank", "title": title or TITLES.get(status, "Error")}
    body |= {"status": status, "detail": detail, **extra}
    headers = {"Content-Type": "application/problem+json"}
    if status in RETRY_LATER:
        headers.update(retry_after())
    return json.dumps(body), status, headers


def render_error(
    status: int, detail: str, title: str | None = None, retry: str | None = None, **extra
):
    """The error page (or problem+json); ``title`` when the status's own says too little,
    ``retry`` the address a "Try again" link goes to."""
    if wants_problem_json():
        return problem(status, detail, title, **extra)
    headers = retry_after() if status in RETRY_LATER else {}
    page = render_template(
        "errors/error.html",
        status=status,
        title=title or TITLES.get(status, "Error"),
        detail=detail,
        retry=retry or _same_page_again(status),
    )
    return page, status, headers


def _same_page_again(status: int) -> str | None:
    """An outage of a page that only reads: asking for it again may work in a moment."""
    if status not in (503, 504) or request.method != "GET":
        return None
    return request.full_path if request.query_string else request.path


def register_errorhandlers(app: Flask) -> None:
    @app.errorhandler(SearchUnavailable)
    def search_unavailable(error: SearchUnavailable):
        return render_error(error.status, error.detail)

    @app.errorhandler(es_errors.ConnectionError)
    def cluster_unreachable(error):
        # A call outside the service seam (health, profile lookup) hit a down node.
        return render_error(503, "The search service is not reachable right now.")

    @app.errorhandler(BadSearchRequest)
    def bad_search(error: BadSearchRequest):
        return render_error(400, str(error), errors=error.errors)

    @app.errorhandler(SecurityError)  # a Host outside TRUSTED_HOSTS
    @app.errorhandler(BadHost)  # a Host that isn't a host name at all
    def unknown_host(error: HTTPException):
        if wants_problem_json():
            return problem(400, "This server does not answer for that site address.")
        return UNKNOWN_HOST_PAGE, 400, {"Content-Type": "text/html; charset=utf-8"}

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        detail = error.description or TITLES.get(error.code or 500, "Error")
        if error.code == 429:  # Flask-Limiter's description is just the limit: "3 per 1 minute"
            detail = (
                f"Too many requests from your address (limit: {detail}). Please wait and retry."
            )
        body, status, headers = render_error(error.code or 500, detail)
        if getattr(error, "valid_methods", None):  # a 405 must say what is allowed (RFC 9110)
            headers["Allow"] = ", ".join(error.valid_methods)
        return body, status, headers

    @app.errorhandler(UnicodeDecodeError)
    def undecodable(error: UnicodeDecodeError):
        # Raw non-UTF-8 bytes in the query string (gunicorn refuses them; other servers don't).
        return render_error(400, "The web address has characters we can't read. Please retype it.")

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unhandled error on %s", request.path)
        return render_error(500, "Please try again. If it keeps happening, call the office.")
