"""Error reports: the public says a profile is wrong; verifiers assign, resolve or reject.

``submit`` is the only write the public can cause. Every staff action (``assign``,
``resolve``, ``reject``) writes an audit entry in the caller's transaction. Closing a
report erases the reporter's contact in the same transaction: it is kept only while
someone might need to call back. Nothing here ever sees an address, cookie or session.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.accuracy.clock import DEFAULT_TIME_ZONE, due_date, local_day
from directory.store import audit
from directory.store.models import REPORT_PROBLEMS, ErrorReport, StaffAccount, utcnow

MAX_DETAILS = 1000
MAX_CONTACT = 200
MAX_OUTCOME = 1000
VERIFIER_ROLES = ("verifier", "admin")
# What each problem is called, on the public form and in the staff inbox.
PROBLEM_LABELS = {
    "phone": "Phone number",
    "address": "Address",
    "accepting_new_patients": "Accepting new patients",
    "specialty": "Specialty",
    "insurance": "Insurance accepted",
    "no_longer_here": "No longer at this practice",
    "other": "Something else",
}
# Crockford's base32: no I, L, O or U, so a reference read out on the phone is unambiguous.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class ReportError(ValueError):
    """A refused report or staff action, worded for the person who tried it."""


def new_reference() -> str:
    """``R-XXXX-XXXX``: 40 random bits, so references neither count reports nor can be guessed."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"R-{code[:4]}-{code[4:]}"


def _unused_reference(session: Session) -> str:
    while True:  # a repeat in 2**40 is vanishingly rare; the unique constraint backs this up
        reference = new_reference()
        if session.scalar(select(ErrorReport.id).where(ErrorReport.reference == reference)) is None:
            return reference


def submit(
    session: Session,
    npi: str,
    physician_name: str,
    problem: str,
    details: str = "",
    contact: str | None = None,
    now: datetime | None = None,
    time_zone: str = DEFAULT_TIME_ZONE,
) -> ErrorReport:
    """Store a report from the public form (already validated there; checked again here)."""
    if problem not in REPORT_PROBLEMS:
        raise ReportError("Choose what is wrong.")
    details, contact = details.strip(), (contact or "").strip() or None
    if len(details) > MAX_DETAILS or len(contact or "") > MAX_CONTACT:
        raise ReportError("The report is too long.")
    now = now or utcnow()
    report = ErrorReport(
        reference=_unused_reference(session),
        npi=npi,
        physician_name=physician_name[:200],
        problem=problem,
        details=details,
        contact=contact,
        reported_at=now,
        due_on=due_date(local_day(now, time_zone)),
    )
    session.add(report)
    session.flush()
    return report


def get(session: Session, report_id: int) -> ErrorReport | None:
    return session.get(ErrorReport, report_id)


def open_reports(session: Session) -> list[ErrorReport]:
    """Oldest first: the inbox is worked in the order the clock runs out."""
    query = select(ErrorReport).where(ErrorReport.state == "open")
    return list(session.scalars(query.order_by(ErrorReport.reported_at, ErrorReport.id)))


def closed_reports(session: Session, limit: int = 100) -> list[ErrorReport]:
    query = select(ErrorReport).where(ErrorReport.state != "open")
    return list(session.scalars(query.order_by(ErrorReport.closed_at.desc()).limit(limit)))


def verifiers(session: Session) -> list[StaffAccount]:
    """Who a report can be assigned to: active verifiers and admins."""
    query = select(StaffAccount).where(
        StaffAccount.active.is_(True), StaffAccount.role.in_(VERIFIER_ROLES)
    )
    return list(session.scalars(query.order_by(StaffAccount.name, StaffAccount.email)))


def _open_report(session: Session, report_id: int) -> ErrorReport:
    report = get(session, report_id)
    if report is None:
        raise ReportError("There is no such report.")
    if not report.open:
        raise ReportError(f"Report {report.reference} is already {report.state}.")
    return report


def assign(session: Session, report_id: int, assignee_id: int, actor: StaffAccount) -> ErrorReport:
    report = _open_report(session, report_id)
    assignee = session.get(StaffAccount, assignee_id)
    if assignee is None or not assignee.active or assignee.role not in VERIFIER_ROLES:
        raise ReportError("Reports can be assigned to active verifiers and admins only.")
    report.assigned_to_id, report.assigned_at = assignee.id, utcnow()
    audit.record(session, actor, "report.assign", report.reference, to=assignee.email)
    return report


def _close(
    session: Session, report_id: int, state: str, outcome: str, actor: StaffAccount
) -> ErrorReport:
    outcome = outcome.strip()
    if not outcome:
        raise ReportError("Say what was done, or why the report is rejected.")
    if len(outcome) > MAX_OUTCOME:
        raise ReportError(f"Keep it under {MAX_OUTCOME} characters.")
    report = _open_report(session, report_id)
    report.state, report.outcome = state, outcome
    report.closed_at, report.closed_by = utcnow(), actor.email
    report.contact = None  # kept only while the report is open
    action = "report.resolve" if state == "resolved" else "report.reject"
    audit.record(session, actor, action, report.reference, npi=report.npi, note=outcome[:300])
    return report


def resolve(session: Session, report_id: int, note: str, actor: StaffAccount) -> ErrorReport:
    return _close(session, report_id, "resolved", note, actor)


def reject(session: Session, report_id: int, reason: str, actor: StaffAccount) -> ErrorReport:
    return _close(session, report_id, "rejected", reason, actor)
