"""Template helpers: URLs that change one search parameter, phone and map links, text.

Every helper returns plain strings (autoescaped by Jinja) except :func:`paragraphs`,
which escapes each paragraph itself before marking the joined HTML safe.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar
from urllib.parse import quote_plus

from flask import Flask, get_flashed_messages, request, url_for
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict

from app.search.form import printable
from app.search.offers import text_without_parts  # the chip's "remove" link
from app.web import shortlist_cookie
from directory.crisis import notices_for

SOURCE_LABELS = {
    "synthetic-demo": "synthetic demo data (not a real physician)",
    "NPPES": "NPPES NPI Registry",
}
# The registry records when the provider last updated it; other sources when we checked.
DATE_WORDS = {"NPPES": "last updated"}
_BLANK_LINES = re.compile(r"\n\s*\n")
T = TypeVar("T")


def _clean_args(args: MultiDict) -> MultiDict:
    """The parameters a page carries on, without empty ones or control characters (a NUL
    typed in the box went back out, raw, in every hidden input and link)."""
    cleaned = ((k, printable(v)) for k, v in args.items(multi=True) if v is not None)
    return MultiDict([(k, v) for k, v in cleaned if v])


def args_with(changes: dict, keep_page: bool = False) -> MultiDict:
    """The current query string with ``changes`` applied (None removes a parameter).

    Any change other than ``page`` goes back to page 1: the old page may not exist.
    """
    args = MultiDict(request.args)
    if not keep_page and "page" not in changes:
        args.poplist("page")
    for name, value in changes.items():
        if value is None:
            args.poplist(name)
        elif isinstance(value, list | tuple):
            args.setlist(name, [str(v) for v in value])
        else:
            args.setlist(name, [str(value)])
    return _clean_args(args)


def url_with(_endpoint: str | None = None, **changes) -> str:
    """This page (or ``_endpoint``) with some parameters changed: pagination, sort, facets."""
    args = args_with(changes)
    return url_for(_endpoint or request.endpoint or "search.results", **args.to_dict(flat=False))


def url_without(name: str, value: str) -> str:
    """This page with one value of a multi-valued filter removed."""
    kept = [v for v in request.args.getlist(name) if v != value]
    return url_with(**{name: kept or None})


def crisis_notices() -> tuple:
    """Who to call now when the words searched say someone may be in danger
    (directory.crisis): shown above the results, and above a form error or an outage."""
    # Staff pages list what others searched; the notices are for the person searching.
    if request.method != "GET" or request.blueprint == "staff":
        return ()
    try:
        return notices_for(request.args.get("q"))
    except UnicodeDecodeError:  # the 400 page for an undecodable query string has no words
        return ()


def tel_href(phone: str) -> str:
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}"


def directions_url(location) -> str:
    return "https://www.google.com/maps/dir/?api=1&destination=" + quote_plus(location.one_line)


def paragraphs(text: str) -> Markup:
    """Plain text with blank-line paragraph breaks → escaped ``<p>`` elements."""
    parts = [p.strip() for p in _BLANK_LINES.split(text or "") if p.strip()]
    return Markup("\n").join(Markup("<p>{}</p>").format(escape(p)) for p in parts)


def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source.replace("-", " "))


def source_date_word(source: str) -> str:
    return DATE_WORDS.get(source, "last verified")


def long_date(iso: str) -> str:
    """'2024-05-01' → 'May 1, 2024' (unchanged if it isn't an ISO date)."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day:%B} {day.day}, {day.year}"


def yes_no(value: bool | None, yes: str = "Yes", no: str = "No", unknown: str = "Not listed"):
    return unknown if value is None else (yes if value else no)


def miles(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.1f} mi" if value < 10 else f"{value:.0f} mi"


# The vocabulary's body-system codes in patients' words: a table, not title-casing, which
# turned "ent" into "Ent" and "womens-health" into "Womens health".
BODY_SYSTEMS = {
    "allergy": "Allergies and immune system",
    "cardiology": "Heart",
    "dermatology": "Skin, hair and nails",
    "endocrinology": "Hormones, diabetes and thyroid",
    "ent": "Ear, nose and throat (ENT)",
    "gastroenterology": "Stomach, bowel and liver",
    "geriatrics": "Older adults",
    "hematology": "Blood",
    "infectious-disease": "Infections",
    "mental-health": "Mental health",
    "musculoskeletal": "Bones, joints and muscles",
    "nephrology": "Kidneys",
    "neurology": "Brain and nerves",
    "oncology": "Cancer",
    "ophthalmology": "Eyes",
    "pain": "Pain",
    "pediatrics": "Children",
    "primary-care": "Primary care",
    "pulmonology": "Lungs and breathing",
    "rheumatology": "Arthritis and autoimmune conditions",
    "spine": "Spine and back",
    "urology": "Bladder, kidneys and urinary tract",
    "vascular": "Blood vessels and circulation",
    "womens-health": "Women's health",
}


def body_system_name(code: str) -> str:
    """'womens-health' → "Women's health"; an unlisted code falls back to sentence case."""
    return BODY_SYSTEMS.get(code) or code.replace("_", " ").replace("-", " ").capitalize()


def today_long() -> str:
    return long_date(date.today().isoformat())


def shortlist_messages(npi: str) -> list[str]:
    """What the shortlist just said about one physician, for the live region under the
    card's button (a plain loop: a results page asks once per card)."""
    wanted = f"shortlist:{npi}"
    flashed = get_flashed_messages(with_categories=True)
    return [text for category, text in flashed if category == wanted]


def once_per_request(name: str, build: Callable[[], T]) -> T:
    """``build()``, worked out once for this request and kept in its WSGI environ (never
    shared with another request): a results page asks the same thing once per card."""
    key = f"find_a_physician.{name}"
    if key not in request.environ:
        request.environ[key] = build()
    return request.environ[key]


def shortlist_urls() -> dict[str, str]:
    """Where the shortlist buttons post ("add", "remove")."""
    return once_per_request(
        "shortlist_urls", lambda: {name: url_for(f"shortlist.{name}") for name in ("add", "remove")}
    )


def init_app(app: Flask) -> None:
    app.add_template_global(shortlist_messages)
    app.add_template_global(shortlist_urls)
    app.add_template_global(url_with)
    app.add_template_global(url_without)
    app.add_template_global(text_without_parts)
    app.add_template_global(directions_url)
    app.add_template_global(today_long)
    for name, fn in (
        ("tel_href", tel_href),
        ("paragraphs", paragraphs),
        ("source_label", source_label),
        ("source_date_word", source_date_word),
        ("long_date", long_date),
        ("yes_no", yes_no),
        ("miles", miles),
        ("body_system_name", body_system_name),
        ("printable", printable),
    ):
        app.add_template_filter(fn, name)

    app.add_template_global(crisis_notices)

    @app.context_processor
    def shortlist_context():
        return {"shortlist_npis": shortlist_cookie.read()}
