"""The OpenAPI 3 document for ``/api/v1``, kept beside the code it describes.

schemathesis drives the API from this document in the test suite, so a drift between
the two fails a test. ``parameters`` holds the query parameters (the search's come from
the filter registry), ``schemas`` the bodies the API answers with, and ``document``
assembles the paths and components into the one document ``/api/v1/openapi.json`` serves.
"""

from __future__ import annotations

from app.openapi.document import openapi_document
from app.openapi.parameters import SEARCH_PARAMETERS, search_parameters

__all__ = ["SEARCH_PARAMETERS", "openapi_document", "search_parameters"]
