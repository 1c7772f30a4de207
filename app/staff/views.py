"""The staff area's own pages: sign in and out, the start page, accounts and the audit log."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy.exc import OperationalError, ProgrammingError

from app.errors import render_error
from app.extensions import limiter
from app.staff.auth import (
    StaffUser,
    allow,
    login_limit,
    safe_next,
    sign_in_refused,
    started_signed_in,
)
from app.staff.forms import EmptyForm, LoginForm
from app.staff.store import changes, db
from directory.store import accounts, audit
from directory.store.models import ROLES

bp = Blueprint("staff", __name__, url_prefix="/staff")
EVERYONE = ROLES
CURATORS = ("curator", "admin")
VERIFIERS = ("verifier", "admin")
ADMINS = ("admin",)


@bp.after_request
def never_cache(response):
    # Staff pages show the audit log and search insights: no shared or browser cache keeps them.
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


@bp.errorhandler(OperationalError)
@bp.errorhandler(ProgrammingError)
def store_unavailable(error):
    current_app.logger.error("staff store unavailable: %s", type(error).__name__)
    return render_error(
        503, "The staff database is not reachable or not set up (run `make store`)."
    )


@bp.context_processor
def staff_context() -> dict:
    return {
        "staff": current_user,
        "logout_form": EmptyForm(),
        "CURATORS": CURATORS,
        "VERIFIERS": VERIFIERS,
    }


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"], deduct_when=sign_in_refused)
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        with changes() as session:
            result = accounts.authenticate(session, form.email.data, form.password.data)
        if result.ok:
            login_user(StaffUser.from_account(result.account))
            started_signed_in()
            current_app.logger.info("staff sign-in: account %s", result.account.id)
            return redirect(safe_next(form.next.data) or url_for("staff.home"))
        # Staff sign-ins, unlike searches, are logged with the address: it is how abuse is traced.
        current_app.logger.warning("staff sign-in refused from %s", request.remote_addr)
        form.password.errors.append(result.problem)
    return render_template("staff/login.html", form=form)


@bp.post("/logout")
@allow(*EVERYONE)
def logout():
    if EmptyForm().validate_on_submit():
        # Server-side, not only this browser's cookie: a copy of the cookie must stop working.
        with changes() as session:
            accounts.sign_out(session, signed_in_account(session))
        logout_user()
        flash("You are signed out everywhere you were signed in to the staff area.")
    return redirect(url_for("staff.login"))


@bp.get("/")
@allow(*EVERYONE)
def home():
    return render_template("staff/home.html", queue=_queue_status())


@bp.get("/accounts")
@allow(*ADMINS)
def account_list():
    return render_template("staff/accounts.html", accounts=accounts.all_accounts(db()))


@bp.get("/audit")
@allow(*ADMINS)
def audit_log():
    action = request.args.get("action", "")[:64] or None
    entries = audit.recent(db(), limit=300, action=action)
    return render_template("staff/audit.html", entries=entries, action=action or "")


def signed_in_account(session):
    """The signed-in account as a row of ``session``, for audit entries and authorship."""
    return accounts.get(session, current_user.account_id)


def _queue_status() -> dict | None:
    sink = current_app.extensions.get("search_events")
    return sink.counters() if sink else None
