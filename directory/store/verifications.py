"""Verifications: a verifier confirmed some facts of a profile today (audited, undoable).

Each freshness group (phone, locations, accepting new patients, insurance) takes the
newest date of its source and its live verifications, so "verified today" makes a
profile fresh until the next 90 days are up; undo keeps the row and takes it back.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.accuracy.facts import FRESHNESS_GROUPS
from directory.accuracy.overlay import Verification
from directory.store import audit
from directory.store.models import FactVerification, StaffAccount, utcnow

MAX_METHOD = 120


class VerificationError(ValueError):
    pass


def as_verification(row: FactVerification) -> Verification:
    return Verification(row.id, tuple(row.groups), row.verified_on.isoformat(), row.method)


def live_verifications(session: Session, npi: str | None = None) -> dict[str, list[Verification]]:
    query = select(FactVerification).where(FactVerification.undone_at.is_(None))
    if npi is not None:
        query = query.where(FactVerification.npi == npi)
    found: dict[str, list[Verification]] = defaultdict(list)
    for row in session.scalars(query.order_by(FactVerification.id)):
        found[row.npi].append(as_verification(row))
    return dict(found)


def history(session: Session, npi: str, limit: int = 100) -> list[FactVerification]:
    query = select(FactVerification).where(FactVerification.npi == npi)
    return list(session.scalars(query.order_by(FactVerification.id.desc()).limit(limit)))


def verify(
    session: Session,
    npi: str,
    groups: list[str],
    method: str,
    note: str,
    author: StaffAccount | str,
    on: date | None = None,
) -> FactVerification:
    chosen = [group for group in FRESHNESS_GROUPS if group in groups]
    if not chosen or len(chosen) != len(set(groups)):
        raise VerificationError("Tick the facts you checked.")
    method = " ".join(method.split())
    if not method or len(method) > MAX_METHOD:
        raise VerificationError(f"Say how you checked (under {MAX_METHOD} characters).")
    row = FactVerification(
        npi=npi,
        groups=chosen,
        verified_on=on or utcnow().date(),
        method=method,
        note=note.strip()[:1000],
        created_by_id=author.id if isinstance(author, StaffAccount) else None,
        created_by=author.email if isinstance(author, StaffAccount) else author,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, author, "verification.add", npi, groups=chosen, method=method,
        verified_on=row.verified_on.isoformat(), verification=row.id,
    )  # fmt: skip
    return row


def undo(session: Session, verification_id: int, actor: StaffAccount | str) -> FactVerification:
    row = session.get(FactVerification, verification_id)
    if row is None or not row.live:
        raise VerificationError("That verification is not live (already undone?).")
    row.undone_at = utcnow()
    row.undone_by = actor.email if isinstance(actor, StaffAccount) else actor
    audit.record(
        session, actor, "verification.undo", row.npi, groups=row.groups, verification=row.id
    )
    return row
