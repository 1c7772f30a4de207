"""Put one profile's corrections and verifications into the live index, now.

A staff edit must not wait for the next full load. The live document remembers what
its source said (``accuracy.source_values``), so the profile is recomputed from the
source plus every live correction and verification in the store (the same ``overlay``
the loader runs) and written back with a partial update through the alias. Because it
recomputes from the store rather than patching a field, an undo, two quick edits or
an edit that raced a load all end in the state the store describes.
"""

from __future__ import annotations

from elasticsearch import Elasticsearch, NotFoundError
from sqlalchemy.orm import Session

from directory.accuracy.mapping import ACCURACY_PROPERTIES
from directory.accuracy.overlay import Overlaid, accuracy_fields, overlay, source_profile
from directory.store.overrides import live_corrections
from directory.store.verifications import live_verifications


class NotInIndex(LookupError):
    """The NPI is not in the live index (not loaded yet, or deleted)."""


def live_document(es: Elasticsearch, alias: str, npi: str) -> dict:
    try:
        return es.get(index=alias, id=npi)["_source"]
    except NotFoundError as error:
        raise NotInIndex(npi) from error


def recompute(session: Session, document: dict) -> Overlaid:
    """The document's profile as the store says it should be shown now."""
    npi = document["npi"]
    return overlay(
        source_profile(document),
        live_corrections(session, npi).get(npi, []),
        live_verifications(session, npi).get(npi, []),
    )


def refresh(es: Elasticsearch, alias: str, npi: str, session: Session) -> Overlaid:
    """Recompute one document from the store and update it in place (searchable on return)."""
    result = recompute(session, live_document(es, alias, npi))
    # An index loaded before these fields existed is strict about new ones: add them first.
    es.indices.put_mapping(index=alias, body={"properties": ACCURACY_PROPERTIES})
    es.update(index=alias, id=npi, doc=accuracy_fields(result.profile), refresh="wait_for")
    return result
