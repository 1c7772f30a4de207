"""The shortlist lives only in the visitor's browser: a signed cookie of up to 4 NPIs.

No patient data, no server-side storage. The signature stops a crafted cookie from
smuggling anything but NPIs into the compare page; a bad cookie is simply empty.
"""

from __future__ import annotations

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.wrappers import Response

from directory.npi import is_valid_npi

COOKIE = "shortlist"
MAX_PHYSICIANS = 4
MAX_AGE = 60 * 60 * 24 * 30  # a month: long enough to finish a referral


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="shortlist")


def read() -> tuple[str, ...]:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return ()
    try:
        value = _serializer().loads(raw)
    except BadSignature:
        return ()
    if not isinstance(value, list):
        return ()
    npis = [v for v in value if isinstance(v, str) and is_valid_npi(v)]
    return tuple(dict.fromkeys(npis))[:MAX_PHYSICIANS]


def write(response: Response, npis: tuple[str, ...]) -> Response:
    if not npis:
        response.delete_cookie(COOKIE, samesite="Lax")
        return response
    response.set_cookie(
        COOKIE,
        _serializer().dumps(list(npis)),
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure,
    )
    return response
