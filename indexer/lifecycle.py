"""Index lifecycle: timestamped indices behind an alias, swapped atomically.

``<alias>`` always points at exactly one live index; ``<alias>-previous`` at the
one before it, kept for ``rollback``. Anything else named ``<alias>-<timestamp>``
is an orphan of an interrupted load and is deleted before the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, NotFoundError

from directory.indices import previous_alias

_STAMP = "%Y%m%d%H%M%S%f"


def new_index_name(alias: str) -> str:
    return f"{alias}-{datetime.now(UTC).strftime(_STAMP)}"


def _is_generation(alias: str, index: str) -> bool:
    return re.fullmatch(re.escape(alias) + r"-\d{20}", index) is not None


def indices_of(es: Elasticsearch, alias: str) -> list[str]:
    """Indices the alias points at (empty when the alias does not exist)."""
    try:
        return sorted(es.indices.get_alias(name=alias))
    except NotFoundError:
        return []


def generations(es: Elasticsearch, alias: str) -> list[str]:
    try:
        names = es.indices.get(index=f"{alias}-*", expand_wildcards="open,closed")
    except NotFoundError:
        return []
    return sorted(name for name in names if _is_generation(alias, name))


def delete_orphans(es: Elasticsearch, alias: str) -> list[str]:
    """Delete generations neither live nor kept for rollback (left by a killed load)."""
    keep = set(indices_of(es, alias)) | set(indices_of(es, previous_alias(alias)))
    orphans = [name for name in generations(es, alias) if name not in keep]
    for name in orphans:
        es.indices.delete(index=name, ignore_unavailable=True)
    return orphans


def swap(es: Elasticsearch, alias: str, new_index: str) -> list[str]:
    """Point the alias at ``new_index`` in one atomic call; keep one previous index.

    Returns the indices deleted because they fell out of the rollback window.
    """
    live = indices_of(es, alias)
    older = indices_of(es, previous_alias(alias))
    actions: list[dict] = [{"add": {"index": new_index, "alias": alias}}]
    actions += [{"remove": {"index": name, "alias": alias}} for name in live]
    actions += [{"remove": {"index": name, "alias": previous_alias(alias)}} for name in older]
    actions += [{"add": {"index": name, "alias": previous_alias(alias)}} for name in live]
    es.indices.update_aliases(body={"actions": actions})
    dropped = [name for name in older if name not in live and name != new_index]
    for name in dropped:
        es.indices.delete(index=name, ignore_unavailable=True)
    return dropped


def rollback_target(es: Elasticsearch, alias: str) -> str:
    """The index a rollback puts live (the previous one), or a RuntimeError saying why none."""
    return _live_and_previous(es, alias)[1]


def rollback(es: Elasticsearch, alias: str) -> tuple[str, str]:
    """Swap live and previous: returns (now live, now previous)."""
    live, previous = _live_and_previous(es, alias)
    actions = [
        {"remove": {"index": live, "alias": alias}},
        {"remove": {"index": previous, "alias": previous_alias(alias)}},
        {"add": {"index": previous, "alias": alias}},
        {"add": {"index": live, "alias": previous_alias(alias)}},
    ]
    es.indices.update_aliases(body={"actions": actions})
    return previous, live


def _live_and_previous(es: Elasticsearch, alias: str) -> tuple[str, str]:
    """The live and the previous index of ``alias``, or a RuntimeError saying which is missing."""
    previous = indices_of(es, previous_alias(alias))
    if not previous:
        raise RuntimeError(f"no previous index for '{alias}' to roll back to")
    live = indices_of(es, alias)
    if not live:
        raise RuntimeError(f"alias '{alias}' does not exist")
    return live[0], previous[0]


def created_at(es: Elasticsearch, index: str) -> datetime:
    """When the index was created (UTC): what its documents were built from is older."""
    stamp = es.indices.get_settings(index=index, name="index.creation_date")
    millis = int(stamp[index]["settings"]["index"]["creation_date"])
    return datetime.fromtimestamp(millis / 1000, UTC)


@dataclass(frozen=True)
class AliasStatus:
    alias: str
    live_index: str | None
    live_count: int | None
    previous_index: str | None
    previous_count: int | None
    created: datetime | None
    orphans: tuple[str, ...]


def status(es: Elasticsearch, alias: str) -> AliasStatus:
    live = (indices_of(es, alias) or [None])[0]
    previous = (indices_of(es, previous_alias(alias)) or [None])[0]
    keep = {live, previous}
    created = created_at(es, live) if live else None

    def count(index: str | None) -> int | None:
        return es.count(index=index)["count"] if index else None

    return AliasStatus(
        alias=alias,
        live_index=live,
        live_count=count(live),
        previous_index=previous,
        previous_count=count(previous),
        created=created,
        orphans=tuple(n for n in generations(es, alias) if n not in keep),
    )
