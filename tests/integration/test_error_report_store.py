"""Error reports in the store, on SQLite and PostgreSQL: the due date, staff actions and
their audit entries, and the reporter's contact erased when a report closes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import inspect, update
from sqlalchemy.exc import IntegrityError

from directory.store import accounts, audit, error_reports, migrate
from directory.store.db import make_engine
from directory.store.models import ErrorReport

PASSWORD = "correct horse battery staple"
CLI = "command line (test)"
NPI = "1234567893"
# Friday 24 December 2027 is the federal Christmas holiday (the 25th is a Saturday).
THURSDAY_BEFORE_CHRISTMAS = datetime(2027, 12, 23, 15, 0, tzinfo=UTC)


@pytest.fixture
def staff(store):
    with store() as session, session.begin():
        for email, role in (("vera@example.org", "verifier"), ("cora@example.org", "curator")):
            accounts.add(session, email, email[:4].title(), role, PASSWORD, CLI)
        accounts.add(session, "adam@example.org", "Adam", "admin", PASSWORD, CLI)
    return store


def _submit(store, **fields) -> int:
    values = {"problem": "phone", "details": "The number rings a pizzeria.", **fields}
    with store() as session, session.begin():
        report = error_reports.submit(session, NPI, "Dr. Ada Example", **values)
        return report.id


def _account(session, email):
    return accounts.find(session, email)


def test_the_migration_adds_the_table_and_downgrades_alone(database_url):
    migrate.upgrade(database_url)
    engine = make_engine(database_url)
    assert "error_reports" in inspect(engine).get_table_names()
    migrate.downgrade(database_url, "-1")
    tables = inspect(engine).get_table_names()
    assert "error_reports" not in tables and "staff_accounts" in tables
    assert "profile_overrides" in tables  # the revision before it is left as it was
    engine.dispose()


def test_a_report_gets_a_random_reference_and_its_due_date(staff):
    first = _submit(staff, now=THURSDAY_BEFORE_CHRISTMAS)
    second = _submit(staff, problem="no_longer_here", details="")
    with staff() as session:
        report, other = error_reports.get(session, first), error_reports.get(session, second)
        assert re.fullmatch(r"R-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", report.reference)
        assert report.reference != other.reference
        # Friday is Christmas observed, then the weekend: Monday 27th and Tuesday 28th.
        assert report.due_on == date(2027, 12, 28)
        assert report.state == "open" and report.reported_at == THURSDAY_BEFORE_CHRISTMAS
        # No audit entry: the public is not staff, and nothing about them is logged.
        assert not [e for e in audit.recent(session) if e.action.startswith("report.")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"problem": "rude staff"}, "Choose what is wrong"),
        ({"details": "x" * 1001}, "too long"),
        ({"contact": "y" * 201}, "too long"),
    ],
)
def test_bad_reports_are_refused_with_a_sentence(staff, fields, message):
    with pytest.raises(error_reports.ReportError, match=message):
        _submit(staff, **fields)


def test_assign_resolve_and_reject_are_audited_and_close_the_report(staff):
    kept, dropped = _submit(staff, contact="555-0100"), _submit(staff, contact="me@example.org")
    with staff() as session, session.begin():
        admin, vera = _account(session, "adam@example.org"), _account(session, "vera@example.org")
        error_reports.assign(session, kept, vera.id, admin)
        error_reports.resolve(session, kept, "Called the office; phone corrected.", vera)
        error_reports.reject(session, dropped, "The number on file is right.", admin)
    with staff() as session:
        resolved, rejected = error_reports.get(session, kept), error_reports.get(session, dropped)
        assert (resolved.state, resolved.assignee.email, resolved.closed_by) == (
            "resolved",
            "vera@example.org",
            "vera@example.org",
        )
        assert rejected.state == "rejected" and rejected.outcome == "The number on file is right."
        assert resolved.contact is None and rejected.contact is None  # erased on closing
        assert error_reports.open_reports(session) == []
        assert [r.id for r in error_reports.closed_reports(session)] == [dropped, kept]
        entries = [e for e in audit.recent(session) if e.action.startswith("report.")]
        assert [(e.action, e.actor, e.target) for e in reversed(entries)] == [
            ("report.assign", "adam@example.org", resolved.reference),
            ("report.resolve", "vera@example.org", resolved.reference),
            ("report.reject", "adam@example.org", rejected.reference),
        ]
        assert entries[-1].detail == {"to": "vera@example.org"}
        assert all("555-0100" not in str(e.detail) for e in entries)


def test_a_failed_action_leaves_no_audit_entry(staff):
    report_id = _submit(staff)
    with staff() as session, session.begin():
        error_reports.reject(
            session, report_id, "Duplicate.", _account(session, "vera@example.org")
        )
    with staff() as session:
        vera = _account(session, "vera@example.org")
        with pytest.raises(error_reports.ReportError, match="already rejected"):
            error_reports.resolve(session, report_id, "Fixed.", vera)
        session.rollback()
        assert len([e for e in audit.recent(session) if e.action.startswith("report.")]) == 1


@pytest.mark.parametrize(
    ("email", "message"), [("cora@example.org", "verifiers and admins"), (None, "verifiers")]
)
def test_reports_go_only_to_active_verifiers_and_admins(staff, email, message):
    report_id = _submit(staff)
    with staff() as session:
        admin = _account(session, "adam@example.org")
        assignee = _account(session, email).id if email else 10_000
        with pytest.raises(error_reports.ReportError, match=message):
            error_reports.assign(session, report_id, assignee, admin)
        assert [a.email for a in error_reports.verifiers(session)] == [
            "adam@example.org",
            "vera@example.org",
        ]


def test_closing_needs_a_note_and_an_open_report(staff):
    report_id = _submit(staff)
    with staff() as session:
        vera = _account(session, "vera@example.org")
        with pytest.raises(error_reports.ReportError, match="Say what was done"):
            error_reports.resolve(session, report_id, "   ", vera)
        with pytest.raises(error_reports.ReportError, match="no such report"):
            error_reports.reject(session, 10_000, "Spam.", vera)


def test_the_database_itself_refuses_a_closed_report_that_keeps_a_contact(staff):
    report_id = _submit(staff, contact="555-0100")
    with staff() as session:
        with pytest.raises(IntegrityError):
            session.execute(
                update(ErrorReport)
                .where(ErrorReport.id == report_id)
                .values(state="resolved", closed_at=datetime.now(UTC))
            )
        session.rollback()
