"""The verifiers' inbox: error reports from the public, oldest first, on the 2-business-day clock.

Verifiers and admins assign a report (to themselves or another verifier), resolve it with
a note or reject it with a reason; each action and its audit entry commit together.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.staff.accuracy_views import profile_facts
from app.staff.auth import allow
from app.staff.forms import AssignForm, RejectForm, ResolveForm
from app.staff.store import changes, db
from app.staff.views import VERIFIERS, bp, signed_in_account
from directory.accuracy.clock import ClockReading, local_day
from directory.store import error_reports
from directory.store.error_reports import PROBLEM_LABELS
from directory.store.models import ErrorReport, utcnow

SHOWS = {"open": "Open", "mine": "Assigned to me", "closed": "Closed"}


@dataclass(frozen=True)
class InboxRow:
    report: ErrorReport
    clock: ClockReading | None  # None once closed: the clock has stopped


def _today():
    return local_day(utcnow(), current_app.config["REPORT_TIME_ZONE"])


def _row(report: ErrorReport, today) -> InboxRow:
    return InboxRow(report, ClockReading(report.due_on, today) if report.open else None)


def _reports(show: str) -> list[ErrorReport]:
    if show == "closed":
        return error_reports.closed_reports(db())
    found = error_reports.open_reports(db())
    if show == "mine":
        found = [r for r in found if r.assigned_to_id == current_user.account_id]
    return found


@bp.get("/reports")
@allow(*VERIFIERS)
def report_inbox():
    show = request.args.get("show", "open")
    show = show if show in SHOWS else "open"
    today = _today()
    rows = [_row(report, today) for report in _reports(show)]
    return render_template(
        "staff/reports.html",
        rows=rows,
        show=show,
        shows=SHOWS,
        today=today,
        overdue=sum(1 for row in rows if row.clock and row.clock.overdue),
        problems=PROBLEM_LABELS,
        assign_form=AssignForm(),
    )


def _report(report_id: int) -> ErrorReport:
    """The report every page and action of ``/staff/reports/<id>`` is about, or 404."""
    report = error_reports.get(db(), report_id)
    if report is None:
        abort(404, description="There is no error report with that number.")
    return report


def _detail(report_id: int, status: int = 200, **forms):
    report = _report(report_id)
    page = render_template(
        "staff/report.html",
        row=_row(report, _today()),
        problems=PROBLEM_LABELS,
        verifiers=error_reports.verifiers(db()),
        # The profile's correction page, for whoever that page allows.
        can_correct=current_user.role in profile_facts.staff_roles,
        assign_form=forms.get("assign_form") or AssignForm(),
        resolve_form=forms.get("resolve_form") or ResolveForm(),
        reject_form=forms.get("reject_form") or RejectForm(),
    )
    return page, status


@bp.get("/reports/<row_id:report_id>")
@allow(*VERIFIERS)
def report_detail(report_id: int):
    return _detail(report_id)


def _act(report_id: int, action, *args) -> None:
    """Run one staff action with its audit entry; a refusal becomes a message."""
    try:
        with changes() as session:
            report = action(session, report_id, *args, signed_in_account(session))
            outcome = f"assigned to {report.assignee.name}" if report.open else report.state
        flash(f"Report {report.reference} is {outcome}.")
    except error_reports.ReportError as error:
        flash(str(error))


@bp.post("/reports/<row_id:report_id>/assign")
@allow(*VERIFIERS)
def report_assign(report_id: int):
    _report(report_id)
    form = AssignForm(verifiers=error_reports.verifiers(db()))
    if not form.validate_on_submit():
        return _detail(report_id, 400, assign_form=form)
    _act(report_id, error_reports.assign, form.assignee.data)
    return redirect(_back(report_id))


@bp.post("/reports/<row_id:report_id>/resolve")
@allow(*VERIFIERS)
def report_resolve(report_id: int):
    _report(report_id)
    form = ResolveForm()
    if not form.validate_on_submit():
        return _detail(report_id, 400, resolve_form=form)
    _act(report_id, error_reports.resolve, form.note.data)
    return redirect(url_for("staff.report_inbox"))


@bp.post("/reports/<row_id:report_id>/reject")
@allow(*VERIFIERS)
def report_reject(report_id: int):
    _report(report_id)
    form = RejectForm()
    if not form.validate_on_submit():
        return _detail(report_id, 400, reject_form=form)
    _act(report_id, error_reports.reject, form.reason.data)
    return redirect(url_for("staff.report_inbox"))


def _back(report_id: int) -> str:
    """Assigning from the inbox returns to the inbox; from a report, to that report."""
    if request.form.get("from") == "inbox":
        return url_for("staff.report_inbox")
    return url_for("staff.report_detail", report_id=report_id)
