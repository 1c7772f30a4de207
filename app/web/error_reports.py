"""Report an error on a physician's page: a short public form, no sign-in, rate-limited.

The report is stored with the physician's NPI and name, what is wrong, the reporter's
words and (only if they give it) a contact: never their address, cookie, user agent or
session. They get a reference number; verifiers answer it in the staff inbox.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import (
    Blueprint,
    Flask,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.extensions import limiter
from app.staff.store import changes
from app.web.profiles import listed_physician
from app.web.report_form import ReportForm
from directory.settings import SettingError
from directory.store import error_reports
from directory.store.error_reports import PROBLEM_LABELS

bp = Blueprint("reports", __name__)
SENT = "report_sent"  # the session key that carries the reference to the confirmation page
UNSAVED = "We couldn't save your report just now. Please try again in a few minutes."


def init_app(app: Flask) -> None:
    """Refuse to start with a time zone the clock can't use (rather than 500 on each report)."""
    name = app.config["REPORT_TIME_ZONE"]
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SettingError(
            f"REPORT_TIME_ZONE={name!r} is not a time zone name, like America/New_York"
        ) from error


@bp.after_request
def never_cache(response):
    # The form holds what a reporter typed (a name, a phone, an e-mail) and the confirmation
    # its reference: no browser or shared cache keeps them on a front-desk computer.
    response.headers["Cache-Control"] = "no-store"
    return response


def _report_limit() -> str:
    return current_app.config["REPORT_RATE_LIMIT"]


def _stored_or_a_bot(response) -> bool:
    """Only a report stored (or a bot caught) spends the address's budget: a person sent
    back to choose what is wrong, behind a hospital's one address, is not throttled for it."""
    return response.status_code == 303 or bool(g.get("caught_a_bot"))


BUSY = (
    "Many reports were sent from your network in the last hour, so this one was not sent. "
    "What you typed is kept below: please send it again later."
)


@bp.errorhandler(429)
def too_many(error):
    """The limit reached: the form again, as typed, saying why (not an error page that
    loses the reporter's words)."""
    npi = (request.view_args or {}).get("npi", "")
    form = ReportForm()  # filled from the request, not validated
    form.form_errors.append(BUSY)
    return _page(listed_physician(npi), form, 429)


def _page(physician, form: ReportForm, status: int = 200):
    page = render_template(
        "pages/report.html", physician=physician, form=form, problems=PROBLEM_LABELS
    )
    return page, status


@bp.get("/physicians/<npi>/report")
def report_form(npi: str):
    return _page(listed_physician(npi), ReportForm())


@bp.post("/physicians/<npi>/report")
@limiter.limit(_report_limit, deduct_when=_stored_or_a_bot)
def report_send(npi: str):
    physician = listed_physician(npi)
    form = ReportForm()
    if form.caught_a_bot:
        g.caught_a_bot = True
        # Nothing stored; the page says why in case a person's browser filled it in.
        current_app.logger.info("error report refused: the honeypot field was filled")
        form.leave_blank.errors = ["This field must stay empty. Clear it and send again."]
        return _page(physician, form, 400)
    if not form.validate_on_submit():
        return _page(physician, form, 400)
    try:
        reference = _store(npi, physician.display_name, form)
    except (OperationalError, ProgrammingError) as error:
        # The form comes back as typed, so the reporter can send it again later.
        current_app.logger.error("error report not saved: store %s", type(error).__name__)
        form.form_errors.append(UNSAVED)
        return _page(physician, form, 503)
    except error_reports.ReportError as error:  # the store's own checks, should the form's drift
        form.form_errors.append(str(error))
        return _page(physician, form, 400)
    session[SENT] = {"npi": npi, "reference": reference}
    return redirect(url_for("reports.report_sent", npi=npi), 303)


def _store(npi: str, name: str, form: ReportForm) -> str:
    with changes() as store_session:
        report = error_reports.submit(
            store_session,
            npi,
            name,
            form.problem.data,
            form.details.data,
            form.contact.data,
            time_zone=current_app.config["REPORT_TIME_ZONE"],
        )
        return report.reference


@bp.get("/physicians/<npi>/report/sent")
def report_sent(npi: str):
    physician = listed_physician(npi)
    sent = session.get(SENT) or {}
    if sent.get("npi") != npi:
        return redirect(url_for("reports.report_form", npi=npi))
    return render_template(
        "pages/report_sent.html", physician=physician, reference=sent.get("reference")
    )
