"""Staff sign-in: Flask-Login sessions, roles on every view, a throttled and audited login.

Only staff pages touch the session for sign-in: public pages never load a user, so they
gain no cookie and no extra work from the staff area.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlsplit

from flask import Response, abort, current_app, flash, request, session
from flask_login import LoginManager, UserMixin, current_user

from app.web.security import a_path_here
from directory.store import accounts
from directory.store.models import ROLES, StaffAccount

STAFF_PREFIX = "/staff"


@dataclass(frozen=True)
class StaffUser(UserMixin):
    """The signed-in member of staff, detached from the database session."""

    account_id: int
    email: str
    name: str
    role: str
    session_version: int

    @classmethod
    def from_account(cls, account: StaffAccount) -> StaffUser:
        return cls(account.id, account.email, account.name, account.role, account.session_version)

    def get_id(self) -> str:
        # The version ends every session of an account that signed out, was reset or disabled.
        return f"{self.account_id}.{self.session_version}"


class StaffLoginManager(LoginManager):
    def _update_remember_cookie(self, response):
        # Flask-Login reads the session after every response; on public pages that would add
        # "Vary: Cookie" work for nothing. We never set remember-me cookies anyway.
        if request.path.startswith(STAFF_PREFIX):
            return super()._update_remember_cookie(response)
        return response


login_manager = StaffLoginManager()
login_manager.login_view = "staff.login"
login_manager.login_message = "Please sign in to see staff pages."
login_manager.session_protection = "strong"


SIGNED_IN_AT, SEEN_AT = "staff_signed_in_at", "staff_seen_at"


def started_signed_in() -> None:
    """Called at sign-in: the times the session's idle and whole-day limits count from."""
    session[SIGNED_IN_AT] = session[SEEN_AT] = time.time()


def _expired() -> str:
    """Why the sign-in in this session has ended, or "" while it lasts (it is then kept
    alive by this request)."""
    now = time.time()
    idle = current_app.config["STAFF_IDLE_MINUTES"]
    hours = current_app.config["STAFF_SESSION_HOURS"]
    if now - session.get(SIGNED_IN_AT, 0) > hours * 3600:
        return f"You were signed out {hours} hours after signing in. Please sign in again."
    if now - session.get(SEEN_AT, 0) > idle * 60:
        return f"You were signed out after {idle} minutes without activity. Please sign in again."
    session[SEEN_AT] = now
    return ""


@login_manager.user_loader
def load_user(user_id: str) -> StaffUser | None:
    from app.staff.store import db

    ended = _expired()
    if ended:  # a copied cookie, or a shared computer left signed in, stops working
        session.clear()
        flash(ended)
        return None
    account_id, _, version = user_id.partition(".")
    if not account_id.isdigit() or not version.isdigit():
        return None
    account = accounts.get(db(), int(account_id))
    if account is None or not account.active or account.session_version != int(version):
        return None
    return StaffUser.from_account(account)


def allow(*roles: str) -> Callable:
    """Only these roles may use the view; everyone else gets 403, the anonymous a sign-in."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown roles {unknown}")

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403, description="Your staff role does not include this page.")
            return view(*args, **kwargs)

        guarded.staff_roles = frozenset(roles)  # read by the access test for every route
        return guarded

    return decorate


def safe_next(target: str | None) -> str | None:
    """Only a path inside the staff area: never an open redirect to another site."""
    if not a_path_here(target) or not urlsplit(target).path.startswith(STAFF_PREFIX):
        return None
    return target


def login_limit() -> str:
    return current_app.config["STAFF_LOGIN_RATE_LIMIT"]


def sign_in_refused(response: Response) -> bool:
    """Only a refused sign-in spends the address's budget: a member of staff who signs in
    and out all day is never throttled. A successful sign-in is the one answer that
    redirects (to the staff area)."""
    return response.status_code != 302
