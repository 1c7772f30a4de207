"""Server-rendered pages: time to first byte and page weight, per page type.

    PHYSICIAN_INDEX_ALIAS=physicians .venv/bin/python bench/page_weight.py [--requests 30]

Starts gunicorn (recommended settings) against the real node at ELASTICSEARCH_URL and
the alias in PHYSICIAN_INDEX_ALIAS (default ``physicians``; load it with ``make load``).
TTFB is the p50 over N sequential requests per page after one warm-up. Weight is what a
browser transfers on a first visit, as a browser asks for it (``Accept-Encoding: gzip``):
the document plus every stylesheet, script and image it or its stylesheets reference;
map tiles come from OpenStreetMap and are excluded. The results-page budget is 250 KB.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import time
from urllib.parse import urljoin, urlsplit

from common import client, percentile, running_app

BUDGET_KB = 250
PAGES = {
    "home": "/",
    "results (cards + map)": "/search?q=back+pain+after+surgery&location=06106",
    "results (compact)": "/search?q=back+pain+after+surgery&location=06106&view=compact",
    "no results": "/search?q=back+pain+after+surgery&location=06106&language=Klingon",
    "profile": "/physicians/{npi}",
    "condition": "/conditions/failed-back-surgery-syndrome",
    "condition index": "/conditions",
    "specialty": "/specialties/208VP0014X",
    "shortlist (empty)": "/shortlist",
}
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')
CSS_URL = re.compile(r"url\(([^)\"']+)\)")


def fetch(connection: http.client.HTTPConnection, path: str) -> tuple[float, bytes, dict]:
    """(seconds to the first byte, body as sent on the wire, headers)."""
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    first_byte = time.perf_counter() - started
    body = response.read()
    if response.status >= 400:
        raise SystemExit(f"{path}: HTTP {response.status}")
    return first_byte, body, dict(response.getheaders())


def asset_paths(html: str, page: str) -> set[str]:
    return {urlsplit(urljoin(page, unquote_amp(u))).geturl() for u in ASSET.findall(html)}


def unquote_amp(url: str) -> str:
    return url.replace("&amp;", "&")


def page_weight(connection, path: str, html: bytes) -> tuple[int, int]:
    """(bytes transferred, number of requests) for the document and what it pulls in."""
    total, requests, seen = len(html), 1, set()
    queue = sorted(asset_paths(html.decode(), path))
    while queue:
        asset = queue.pop()
        if asset in seen or urlsplit(asset).netloc:
            continue  # already counted, or another host (map tiles)
        seen.add(asset)
        _, body, headers = fetch(connection, asset)
        total += len(body)
        requests += 1
        if asset.split("?")[0].endswith(".css"):
            css = decoded(body, headers)
            leaflet_images = [urljoin(asset, u) for u in CSS_URL.findall(css) if "marker" in u]
            queue += [urlsplit(u).path for u in leaflet_images if "2x" not in u]
    return total, requests


def decoded(body: bytes, headers: dict) -> str:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8", "replace")


def first_npi(connection) -> str:
    _, html, _ = fetch(connection, PAGES["results (cards + map)"])
    return re.search(rb'href="/physicians/(\d{10})[?"]', html).group(1).decode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    alias = os.environ.get("PHYSICIAN_INDEX_ALIAS", "physicians")
    if not client().indices.exists_alias(name=alias):
        raise SystemExit(f"alias {alias!r} does not exist: run `make load` or set the alias")
    with running_app(alias) as base:
        connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)
        npi = first_npi(connection)
        print(f"alias {alias}; TTFB p50 over {args.requests} sequential requests per page")
        print(
            f"{'page':<24}{'TTFB p50':>10}{'TTFB p95':>10}{'document':>11}{'weight':>10}  requests"
        )
        for name, template in PAGES.items():
            path = template.format(npi=npi)
            fetch(connection, path)  # warm-up
            times, html = [], b""
            for _ in range(args.requests):
                first_byte, html, _ = fetch(connection, path)
                times.append(first_byte * 1000)
            weight, requests = page_weight(connection, path, html)
            flag = (
                " over budget!" if name.startswith("results") and weight > BUDGET_KB * 1024 else ""
            )
            print(
                f"{name:<24}{percentile(times, 50):>8.1f}ms{percentile(times, 95):>8.1f}ms"
                f"{len(html) / 1024:>9.1f}KB{weight / 1024:>8.1f}KB  {requests}{flag}"
            )
        print(f"budget: results page under {BUDGET_KB} KB before map tiles")


if __name__ == "__main__":
    main()
