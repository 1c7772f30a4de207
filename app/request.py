"""The app's request: query parameters whose bytes are not UTF-8 read as unreadable.

Werkzeug (2.3 on) leaves percent-escapes it cannot decode as they were sent, so
``?q=%C0%AF`` reached the search as the text "%C0%AF", which the parser read as "AF"
(atrial fibrillation). Decoded with U+FFFD instead, a value says it could not be read,
and the search form and the API refuse it (``app.search.form.UNREADABLE``) rather than
guess. Raw bytes that are not UTF-8 still fail to decode at all (``app.errors``).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.utils import cached_property


class ReadingRequest(Request):
    @cached_property
    def args(self) -> MultiDict[str, str]:
        pairs = parse_qsl(self.query_string.decode(), keep_blank_values=True, errors="replace")
        return self.parameter_storage_class(pairs)
