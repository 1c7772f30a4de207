"""Put one profile's corrections and verifications into the live index, now.

A staff edit must not wait for the next full load. The live document remembers what
its source said (``accuracy.source_values``), so the profile is recomputed from the
source plus every live correction and verification in the store (the same ``overlay``
the loader runs) and written back with a partial update through the alias. Because it
recomputes from the store rather than patching a field, an undo, two quick edits or
an edit that raced a load all end in the state the store describes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from elasticsearch import Elasticsearch, NotFoundError, helpers
from sqlalchemy.orm import Session

from directory.accuracy.mapping import ACCURACY_PROPERTIES
from directory.accuracy.overlay import (
    Correction,
    Overlaid,
    Verification,
    accuracy_fields,
    overlay,
    source_profile,
)
from directory.store.overrides import live_corrections
from directory.store.verifications import live_verifications

REAPPLY_BATCH = 500  # documents read and updated per request when many are recomputed


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
    return recomputed(
        document,
        live_corrections(session, npi).get(npi, []),
        live_verifications(session, npi).get(npi, []),
    )


def recomputed(
    document: dict, corrections: Iterable[Correction], verifications: Iterable[Verification]
) -> Overlaid:
    """The document's source values with these corrections and verifications on top."""
    return overlay(source_profile(document), corrections, verifications)


def reapply(
    es: Elasticsearch,
    index: str,
    npis: Iterable[str],
    corrections: Mapping[str, Sequence[Correction]],
    verifications: Mapping[str, Sequence[Verification]],
) -> tuple[int, int]:
    """:func:`refresh` for many documents of one index, from the store's live corrections
    and verifications read once (by NPI): what a rollback does to the index it puts live.

    Each document is recomputed from its own source values, so a correction undone since
    the index was built goes too. Returns (documents updated, NPIs not in the index).
    """
    es.indices.put_mapping(index=index, body={"properties": ACCURACY_PROPERTIES})
    wanted, updated, missing = sorted(set(npis)), 0, 0
    for start in range(0, len(wanted), REAPPLY_BATCH):
        found = es.mget(index=index, body={"ids": wanted[start : start + REAPPLY_BATCH]})
        actions = []
        for document in found["docs"]:
            if not document.get("found"):
                missing += 1
                continue
            npi = document["_id"]
            source = document["_source"]
            profile = recomputed(source, corrections.get(npi, ()), verifications.get(npi, ()))
            fields = accuracy_fields(profile.profile)
            actions.append({"_op_type": "update", "_index": index, "_id": npi, "doc": fields})
        updated += helpers.bulk(es, actions, raise_on_error=True)[0] if actions else 0
    es.indices.refresh(index=index)
    return updated, missing


def refresh(es: Elasticsearch, alias: str, npi: str, session: Session) -> Overlaid:
    """Recompute one document from the store and update it in place (searchable on return)."""
    result = recompute(session, live_document(es, alias, npi))
    # An index loaded before these fields existed is strict about new ones: add them first.
    es.indices.put_mapping(index=alias, body={"properties": ACCURACY_PROPERTIES})
    es.update(index=alias, id=npi, doc=accuracy_fields(result.profile), refresh="wait_for")
    return result
