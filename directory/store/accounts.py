"""Staff accounts: add, disable, reset, and sign-in with lockout.

Passwords are hashed with argon2id (argon2-cffi's RFC 9106 low-memory profile) and never
stored, returned or logged in clear. Every change writes an audit entry in the same
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from directory.store import audit
from directory.store.models import ROLES, StaffAccount, utcnow
from directory.store.passwords import password_problem

MAX_FAILED_LOGINS = 10  # then the account waits LOCKOUT before the next try
LOCKOUT = timedelta(minutes=15)

_hasher = PasswordHasher()
# Verified when the e-mail is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class AccountError(ValueError):
    """A refused account change, worded for the operator."""


def normalise_email(email: str) -> str:
    cleaned = email.strip().lower()
    if "@" not in cleaned or len(cleaned) > 254 or " " in cleaned:
        raise AccountError(f"'{email}' is not an e-mail address.")
    return cleaned


def check_password(password: str, email: str = "") -> None:
    """The password policy (``passwords``), for every place that sets a password."""
    problem = password_problem(password, email)
    if problem:
        raise AccountError(problem)


def find(session: Session, email: str) -> StaffAccount | None:
    return session.scalar(select(StaffAccount).where(StaffAccount.email == normalise_email(email)))


def get(session: Session, account_id: int) -> StaffAccount | None:
    return session.get(StaffAccount, account_id)


def _existing(session: Session, email: str) -> StaffAccount:
    account = find(session, email)
    if account is None:
        raise AccountError(f"No staff account for {normalise_email(email)}.")
    return account


def add(
    session: Session, email: str, name: str, role: str, password: str, actor: str
) -> StaffAccount:
    email = normalise_email(email)
    if role not in ROLES:
        raise AccountError(f"Role must be one of {', '.join(ROLES)}.")
    check_password(password, email)
    if find(session, email):
        raise AccountError(f"{email} already has an account.")
    account = StaffAccount(
        email=email, name=name.strip() or email, role=role, password_hash=_hasher.hash(password)
    )
    session.add(account)
    session.flush()
    audit.record(session, actor, "account.add", email, role=role)
    return account


def end_sessions(account: StaffAccount) -> None:
    """Sign the account out everywhere: every session cookie issued until now stops working.

    A session cookie is signed, not stored, so forgetting it in one browser is not enough: a
    copy taken before (a shared front-desk PC) would still work. The cookie names the
    account's session version; moving the version on refuses every older cookie.
    """
    account.session_version += 1


def disable(session: Session, email: str, actor: str) -> StaffAccount:
    account = _existing(session, email)
    account.active = False
    end_sessions(account)
    audit.record(session, actor, "account.disable", account.email)
    return account


def sign_out(session: Session, account: StaffAccount) -> None:
    """The member of staff signed out: end the account's sessions, in every browser."""
    end_sessions(account)
    audit.record(session, account, "logout", account.email)


def reset(session: Session, email: str, password: str, actor: str) -> StaffAccount:
    """New password, account enabled again, lockout cleared, other sessions signed out."""
    account = _existing(session, email)
    check_password(password, account.email)
    account.password_hash = _hasher.hash(password)
    account.active = True
    account.failed_logins = 0
    account.locked_until = None
    end_sessions(account)
    audit.record(session, actor, "account.reset", account.email)
    return account


def all_accounts(session: Session) -> list[StaffAccount]:
    return list(session.scalars(select(StaffAccount).order_by(StaffAccount.email)))


@dataclass(frozen=True)
class SignIn:
    account: StaffAccount | None
    problem: str | None  # None when signed in

    @property
    def ok(self) -> bool:
        return self.problem is None


WRONG = "That e-mail and password don't match an active staff account."
UNKNOWN_ACCOUNT = "unknown account"  # the audit log's target for an e-mail no account has


def authenticate(
    session: Session, email: str, password: str, now: datetime | None = None
) -> SignIn:
    """Check a sign-in; counts failures, locks after MAX_FAILED_LOGINS, audits the outcome.

    Every refusal reads the same (``WRONG``) and checks a password hash, so neither the
    page nor its timing tells an unknown e-mail from a disabled or locked account: only
    the audit log says which it was.
    """
    now = now or utcnow()
    try:
        account = find(session, email)
    except AccountError:
        account = None
    refusal = _refused_whatever_the_password(account, now)
    if refusal:
        _verify(_DUMMY_HASH, password)
        _audit_refusal(session, account, refusal)
        return SignIn(None, WRONG)
    if not _verify(account.password_hash, password):
        account.failed_logins += 1
        if account.failed_logins >= MAX_FAILED_LOGINS:
            account.locked_until, account.failed_logins = now + LOCKOUT, 0
        _audit_refusal(session, account, "login.failed")
        return SignIn(None, WRONG)
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    account.failed_logins, account.locked_until, account.last_login_at = 0, None, now
    audit.record(session, account, "login", account.email)
    return SignIn(account, None)


def _refused_whatever_the_password(account: StaffAccount | None, now: datetime) -> str | None:
    """The audit action of a sign-in no password lets through, or None."""
    if account is None or not account.active:
        return "login.failed"
    if account.locked_until and account.locked_until > now:
        return "login.locked"
    return None


def _audit_refusal(session: Session, account: StaffAccount | None, action: str) -> None:
    if account is None:
        # Never what was typed: people type their password into the e-mail box.
        audit.record(session, "anonymous", action, UNKNOWN_ACCOUNT)
    else:
        audit.record(session, account, action, account.email)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
