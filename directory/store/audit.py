"""The audit log: every staff action and account change, who did it and when."""

from __future__ import annotations

import getpass

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.store.models import AuditEntry, StaffAccount


def command_line_actor() -> str:
    """How a CLI action is signed: the operating-system user who ran it."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        user = "unknown"
    return f"command line ({user})"


def record(
    session: Session,
    actor: StaffAccount | str,
    action: str,
    target: str = "",
    **detail: object,
) -> AuditEntry:
    """Add an entry to the caller's transaction; it commits (or not) with the change itself."""
    entry = AuditEntry(
        actor_id=actor.id if isinstance(actor, StaffAccount) else None,
        actor=actor.email if isinstance(actor, StaffAccount) else actor,
        action=action,
        target=target[:200],
        detail=detail,
    )
    session.add(entry)
    return entry


def recent(session: Session, limit: int = 200, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))
