"""Staff corrections survive reloads: the loader overlays them on every profile it reads.

``StoreOverlay`` reads the live corrections and verifications from the store once, then
overlays each profile as it streams past (``directory.accuracy.overlay``): corrected facts
replace the source's, verified facts take the newer date. A correction whose value the
source now states is retired, but only once the load has gone live (``finish``), so a
refused or failed load changes nothing in the store. ``finish`` also re-applies any edit
staff made while the load ran, since the new index was built from the earlier snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime

from elasticsearch import Elasticsearch, ElasticsearchException
from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from directory.accuracy import live
from directory.accuracy.overlay import Retired, overlay
from directory.settings import settings
from directory.store import audit, overrides
from directory.store.db import database_url, make_engine, session_factory, transaction
from directory.store.models import utcnow
from directory.store.verifications import live_verifications
from indexer.errors import LoadFailed
from indexer.records import Record


class StoreOverlay:
    """The store's live corrections and verifications, read once when a job starts.

    ``unread`` finishes the refusal when the store does not answer: what the job did not
    do (a load: "nothing was loaded").
    """

    def __init__(self, url: str | None = None, *, unread: str = "nothing was loaded") -> None:
        self.engine = make_engine(url or database_url(settings()))
        self.factory = session_factory(self.engine)
        self.started = utcnow()
        self.corrections, self.verifications = {}, {}
        try:
            self.ready = inspect(self.engine).has_table("profile_overrides")
            if self.ready:
                with self.factory() as session:
                    self.corrections = overrides.live_corrections(session)
                    self.verifications = live_verifications(session)
        except SQLAlchemyError as error:
            self.engine.dispose()
            # Loading without them would silently undo every staff correction: refuse.
            raise LoadFailed(
                f"the store did not answer ({type(error).__name__}), so staff corrections "
                f"could not be read; {unread}"
            ) from error
        self.applied = 0
        self.retired: list[Retired] = []

    def apply(self, records: Iterable[Record]) -> Iterator[Record]:
        for record in records:
            npi = record.get("npi") if isinstance(record, dict) else None
            if npi in self.corrections or npi in self.verifications:
                result = overlay(
                    record, self.corrections.get(npi, ()), self.verifications.get(npi, ())
                )
                self.applied += len(result.applied)
                self.retired += result.retired
                record = result.profile
            yield record

    def finish(self, es: Elasticsearch, alias: str, why: str) -> str:
        """After the load went live: retire what the source agrees with, catch up late edits."""
        if not self.ready:
            self.engine.dispose()
            return "staff corrections: none (the store has no tables yet: make store)"
        try:
            retired, caught_up = self._retire_and_catch_up(es, alias, why)
        except SQLAlchemyError as error:
            return (
                f"staff corrections: {self.applied} applied; the store stopped answering "
                f"({type(error).__name__}), so none was retired: the next load retires them"
            )
        finally:
            self.engine.dispose()
        late = f", {caught_up} edited during the load re-applied" if caught_up else ""
        return (
            f"staff corrections: {self.applied} applied, {retired} retired "
            f"(the source now agrees){late}"
        )

    def _retire_and_catch_up(self, es: Elasticsearch, alias: str, why: str) -> tuple[int, int]:
        actor = f"loader, {audit.command_line_actor()}"
        with transaction(self.factory) as session:
            retired = overrides.retire(session, self.retired, actor, why)
        return retired, self._catch_up(es, alias)

    def _catch_up(self, es: Elasticsearch, alias: str) -> int:
        """Re-apply, through the alias, what staff changed since the store was read."""
        caught_up = 0
        with self.factory() as session:
            for npi in sorted(overrides.changed_since(session, self.started)):
                try:
                    live.refresh(es, alias, npi, session)
                    caught_up += 1
                except live.NotInIndex:
                    continue
        return caught_up

    def reapply(self, es: Elasticsearch, index: str, built: datetime) -> list[str]:
        """Put the store's corrections and verifications on ``index`` before it goes live.

        For a rollback: the index was built (at ``built``) before the staff work done
        since. Every profile with a live correction or verification is recomputed, and so
        is every profile whose corrections changed since, so an undone one goes too. A
        store that stops answering refuses, before anything is swapped.
        """
        if not self.ready:
            self.engine.dispose()
            return ["staff corrections: none (the store has no tables yet: make store)"]
        try:
            with self.factory() as session:
                changed = overrides.changed_since(session, built)
                retired = overrides.retired_since(session, built)
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise LoadFailed(
                f"the store stopped answering ({type(error).__name__}), so staff corrections "
                "could not be re-applied to the previous index"
            ) from error
        npis = set(self.corrections) | set(self.verifications) | changed
        updated, missing = live.reapply(es, index, npis, self.corrections, self.verifications)
        absent = f" ({missing:,} not in it)" if missing else ""
        notes = [f"staff corrections and verifications re-applied: {_profiles(updated)}{absent}"]
        if retired:
            shown = ", ".join(sorted(retired)[:10]) + (" ..." if len(retired) > 10 else "")
            notes.append(
                f"{_profiles(len(retired))} had a correction retired after {index} was built, "
                "because a later load's source agreed with it; they now show the older "
                f"source's values: check NPI {shown}"
            )
        return notes

    def caught_up(self, es: Elasticsearch, alias: str) -> list[str]:
        """After a rollback went live: re-apply edits staff made while it ran."""
        if not self.ready:
            return []
        try:
            count = self._catch_up(es, alias)
        except (SQLAlchemyError, ElasticsearchException) as error:
            return [
                f"edits staff made during the rollback may not be live ({type(error).__name__});"
                " the next load applies them"
            ]
        finally:
            self.engine.dispose()
        return [f"{count} edited during the rollback re-applied"] if count else []


def _profiles(count: int) -> str:
    return f"{count:,} profile" + ("" if count == 1 else "s")
