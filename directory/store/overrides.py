"""Staff corrections of profile facts (overrides): add, undo, retire, and read them.

Both sides use this module: the web app writes corrections and undoes them; the loader
reads the live ones when it builds documents and retires those the source now agrees
with. Every change is audited in the caller's transaction; no row is ever deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from directory.accuracy import facts
from directory.accuracy.overlay import Correction, Retired
from directory.store import audit
from directory.store.models import FactVerification, ProfileOverride, StaffAccount, utcnow

MAX_REASON = 1000


class OverrideError(ValueError):
    """A refused correction, worded for the member of staff."""


def _name(actor: StaffAccount | str) -> str:
    return actor.email if isinstance(actor, StaffAccount) else actor


def as_correction(row: ProfileOverride) -> Correction:
    return Correction(row.id, row.fact, row.value, row.created_at, row.created_by, row.reason)


def live_corrections(session: Session, npi: str | None = None) -> dict[str, list[Correction]]:
    """Live corrections by NPI (all of them, or one profile's): what every build applies."""
    query = select(ProfileOverride).where(ProfileOverride.state == "live")
    if npi is not None:
        query = query.where(ProfileOverride.npi == npi)
    found: dict[str, list[Correction]] = defaultdict(list)
    for row in session.scalars(query.order_by(ProfileOverride.id)):
        found[row.npi].append(as_correction(row))
    return dict(found)


def history(session: Session, npi: str | None = None, limit: int = 300) -> list[ProfileOverride]:
    """Newest first: live, undone, retired and replaced corrections alike."""
    query = select(ProfileOverride).order_by(ProfileOverride.id.desc()).limit(limit)
    if npi is not None:
        query = query.where(ProfileOverride.npi == npi)
    return list(session.scalars(query))


def _end(row: ProfileOverride, state: str, actor: StaffAccount | str, note: str) -> None:
    row.state = state
    row.ended_at = utcnow()
    row.ended_by = _name(actor)
    row.end_note = note


def correct(
    session: Session,
    npi: str,
    fact: str,
    value: Any,
    was: Any,
    reason: str,
    author: StaffAccount | str,
) -> ProfileOverride:
    """Store a live correction of one fact; a live one for the same fact is replaced.

    ``was`` is what the live directory showed, recorded as the value this one replaced.
    """
    if fact not in facts.FACTS:
        raise OverrideError(f"'{fact}' is not a fact staff can correct.")
    reason = reason.strip()
    if not reason:
        raise OverrideError("Say why, so the next verifier knows where the correction came from.")
    if len(reason) > MAX_REASON:
        raise OverrideError(f"Keep the reason under {MAX_REASON} characters.")
    value = facts.clean(fact, value)
    if facts.agree(fact, value, was):
        raise OverrideError(
            f"The source already says that for {facts.FACTS[fact].label.lower()}: "
            "undo the correction instead."
        )
    for old in session.scalars(
        select(ProfileOverride).where(
            ProfileOverride.npi == npi,
            ProfileOverride.fact == fact,
            ProfileOverride.state == "live",
        )
    ):
        _end(old, "replaced", author, "replaced by a newer correction")
    session.flush()
    row = ProfileOverride(
        npi=npi,
        fact=fact,
        value=value,
        source_value=was,
        reason=reason,
        created_by_id=author.id if isinstance(author, StaffAccount) else None,
        created_by=_name(author),
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as error:  # another verifier corrected the same fact a moment ago
        raise OverrideError(
            "Someone corrected this fact a moment ago; reload and check."
        ) from error
    audit.record(
        session, author, "override.add", npi, fact=fact,
        value=facts.shown(fact, value), was=facts.shown(fact, was), reason=reason,
    )  # fmt: skip
    return row


def undo(session: Session, override_id: int, actor: StaffAccount | str) -> ProfileOverride:
    row = session.get(ProfileOverride, override_id)
    if row is None or not row.live:
        raise OverrideError("That correction is not live (already undone, retired or replaced?).")
    _end(row, "undone", actor, "undone")
    audit.record(
        session, actor, "override.undo", row.npi, fact=row.fact,
        value=facts.shown(row.fact, row.value), override=row.id,
    )  # fmt: skip
    return row


def retire(
    session: Session, retired: Iterable[Retired], actor: StaffAccount | str, why: str
) -> int:
    """End corrections the source now agrees with, saying when and why; returns how many."""
    count = 0
    for item in retired:
        row = session.get(ProfileOverride, item.id)
        if row is None or not row.live:
            continue
        note = f"the source now agrees ({facts.shown(row.fact, item.source_value)}): {why}"
        _end(row, "retired", actor, note[:1000])
        audit.record(
            session, actor, "override.retire", row.npi, fact=row.fact, override=row.id, why=why
        )
        count += 1
    return count


def changed_since(session: Session, when: datetime) -> set[str]:
    """NPIs whose corrections or verifications changed at or after ``when``."""
    o, v = ProfileOverride, FactVerification
    found = set(session.scalars(select(o.npi).where(or_(o.created_at >= when, o.ended_at >= when))))
    found |= set(
        session.scalars(select(v.npi).where(or_(v.created_at >= when, v.undone_at >= when)))
    )
    return found


def retired_since(session: Session, when: datetime) -> set[str]:
    """NPIs with a correction a load retired at or after ``when`` (its source agreed)."""
    o = ProfileOverride
    return set(session.scalars(select(o.npi).where(o.state == "retired", o.ended_at >= when)))
