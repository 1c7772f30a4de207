"""Static files: content-hashed URLs, long caching, gzip for text assets, and the favicon.

``asset_url("css/site.css")`` gives ``/static/css/site.css?v=<hash of the bytes>``, so a
changed file gets a new URL and the old one can be cached for a year. Text assets are
gzipped once per file version (Leaflet's 147 KB script travels as ~43 KB). Pages are not
compressed here: they carry CSRF tokens next to reflected search text (BREACH).
"""

from __future__ import annotations

import gzip
import hashlib
import os
from functools import lru_cache

from flask import Flask, Response, current_app, request, send_from_directory, url_for
from werkzeug.security import safe_join

ONE_YEAR = 31_536_000
ONE_DAY = 86_400
FAVICON = "favicon.svg"  # linked from every page; also answers /favicon.ico
COMPRESSIBLE = ("text/css", "text/javascript", "application/javascript", "image/svg+xml")
MIN_GZIP_BYTES = 1024


def _static_path(filename: str) -> str | None:
    return safe_join(current_app.static_folder or "", filename)


@lru_cache(maxsize=256)
def _digest(path: str, mtime_ns: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


@lru_cache(maxsize=64)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    with open(path, "rb") as handle:
        return gzip.compress(handle.read(), compresslevel=9, mtime=0)


def asset_url(filename: str) -> str:
    """The URL of a static file with a content-hash version parameter."""
    path = _static_path(filename)
    if path is None or not os.path.isfile(path):
        raise FileNotFoundError(f"no static file {filename!r}")
    return url_for("static", filename=filename, v=_digest(path, os.stat(path).st_mtime_ns))


def _gzip_static(response: Response) -> None:
    if response.status_code != 200 or response.mimetype not in COMPRESSIBLE:
        return
    if "gzip" not in request.headers.get("Accept-Encoding", "").lower():
        return
    path = _static_path((request.view_args or {}).get("filename", ""))
    if path is None or not os.path.isfile(path) or os.path.getsize(path) < MIN_GZIP_BYTES:
        return
    body = _gzipped(path, os.stat(path).st_mtime_ns)
    original = response.response
    response.direct_passthrough = False
    response.set_data(body)
    if hasattr(original, "close"):
        original.close()  # the file send_file opened: we answer from the cached bytes
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    etag, weak = response.get_etag()
    if etag:
        # Same resource, different bytes: a weak validator still answers If-None-Match.
        response.set_etag(etag, weak=True)


def static_headers(response: Response) -> Response:
    if request.endpoint != "static":
        return response
    if request.args.get("v"):
        response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    else:
        response.headers["Cache-Control"] = "no-cache"  # unversioned: always revalidate
    _gzip_static(response)
    return response


def favicon() -> Response:
    """/favicon.ico, which browsers and bookmarks ask for whatever a page links: the site's
    icon, cached a day (the address has no version to change when the icon does)."""
    folder = current_app.static_folder or ""
    return send_from_directory(folder, FAVICON, mimetype="image/svg+xml", max_age=ONE_DAY)


def init_app(app: Flask) -> None:
    app.add_template_global(asset_url)
    app.add_url_rule("/favicon.ico", "favicon", favicon)
    app.after_request(static_headers)
