"""The store's tables. Every change needs an Alembic migration (``python -m directory.store``)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROLES = ("curator", "verifier", "admin")
CURATION_KINDS = ("condition", "procedure", "specialty", "noise")
# A correction is live until undone, retired (the source agrees) or replaced by a newer one.
OVERRIDE_STATES = ("live", "undone", "retired", "replaced")
# What a member of the public can say is wrong on a profile (the report form's choices).
REPORT_PROBLEMS = (
    "phone",
    "address",
    "accepting_new_patients",
    "specialty",
    "insurance",
    "no_longer_here",
    "other",
)
REPORT_STATES = ("open", "resolved", "rejected")

# Named constraints, so later migrations can alter them on SQLite (batch mode) and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on both engines (SQLite hands back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("store datetimes must be timezone-aware")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class StaffAccount(Base):
    """A member of staff who signs in to /staff. Passwords are argon2id hashes only."""

    __tablename__ = "staff_accounts"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on every sign-out, reset and disable: a session cookie naming an older version
    # is refused, so signing out ends the session in every browser, copied cookies included.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:  # never the hash
        return f"<StaffAccount {self.id} {self.email} {self.role}>"


class AuditEntry(Base):
    """Who did what, when: every staff action and every account change."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    # The actor as shown (an e-mail, or "command line (user)"): survives the account's removal.
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class CuratedTerm(Base):
    """Words people searched for, mapped by a curator to a concept or specialty, or noise.

    Undo keeps the row (``undone_at``): the history says who mapped what and who took it back.
    At most one live mapping per term (a partial unique index on both engines).
    """

    __tablename__ = "curated_terms"
    __table_args__ = (
        CheckConstraint(_in("kind", CURATION_KINDS), name="kind"),
        CheckConstraint("(kind = 'noise') = (target_id IS NULL)", name="target"),
        Index(
            "uq_curated_terms_live_term",
            "term",
            unique=True,
            sqlite_where=text("undone_at IS NULL"),
            postgresql_where=text("undone_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str | None] = mapped_column(String(254))

    author = relationship(StaffAccount, foreign_keys=[created_by_id])

    @property
    def live(self) -> bool:
        return self.undone_at is None


class ErrorReport(Base):
    """A member of the public's report that a profile is wrong, and what staff did about it.

    Holds nothing that identifies the reporter except ``contact``, which they chose to give
    and which is erased when the report is closed. No address, cookie, user agent or
    session is ever stored with a report.
    """

    __tablename__ = "error_reports"
    __table_args__ = (
        CheckConstraint(_in("problem", REPORT_PROBLEMS), name="problem"),
        CheckConstraint(_in("state", REPORT_STATES), name="state"),
        CheckConstraint("(state = 'open') = (closed_at IS NULL)", name="closed"),
        CheckConstraint("state = 'open' OR contact IS NULL", name="contact_only_while_open"),
        Index("ix_error_reports_state_reported_at", "state", "reported_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # What the reporter is told; random, so it says nothing about how many reports there are.
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    npi: Mapped[str] = mapped_column(String(10), index=True)
    # The name as the profile showed it when reported: the inbox reads without a search.
    physician_name: Mapped[str] = mapped_column(String(200))
    problem: Mapped[str] = mapped_column(String(32))
    details: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str | None] = mapped_column(String(200))
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="open")
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(254))
    # The resolution note, or the reason a report was rejected.
    outcome: Mapped[str | None] = mapped_column(Text)

    assignee = relationship(StaffAccount, foreign_keys=[assigned_to_id])

    @property
    def open(self) -> bool:
        return self.state == "open"


class JobLock(Base):
    """An exclusive job (a vocabulary rebuild) in progress; see ``locks``."""

    __tablename__ = "job_locks"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(120))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProfileOverride(Base):
    """A staff correction of one fact of one profile, applied over the source on every build.

    Nothing is deleted: undo, retirement (the source now agrees) and replacement end a row
    (``state``, ``ended_at``, ``ended_by``, ``end_note``) and keep it as history. At most
    one live correction per fact of a profile (a partial unique index on both engines).
    """

    __tablename__ = "profile_overrides"
    __table_args__ = (
        CheckConstraint(_in("state", OVERRIDE_STATES), name="state"),
        CheckConstraint("(state = 'live') = (ended_at IS NULL)", name="ended"),
        Index(
            "uq_profile_overrides_live_fact",
            "npi",
            "fact",
            unique=True,
            sqlite_where=text("state = 'live'"),
            postgresql_where=text("state = 'live'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    npi: Mapped[str] = mapped_column(String(10), index=True)
    fact: Mapped[str] = mapped_column(String(40))
    value: Mapped[object] = mapped_column(JSON, nullable=True)
    # What the live directory said before this correction (the source's value, or an older one).
    source_value: Mapped[object] = mapped_column(JSON, nullable=True)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(10), default="live")
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_by: Mapped[str | None] = mapped_column(String(254))
    end_note: Mapped[str | None] = mapped_column(Text)

    @property
    def live(self) -> bool:
        return self.state == "live"


class FactVerification(Base):
    """A verifier confirmed some facts of a profile ("verified today"); undo keeps the row."""

    __tablename__ = "fact_verifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    npi: Mapped[str] = mapped_column(String(10), index=True)
    groups: Mapped[list] = mapped_column(JSON)
    verified_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_accounts.id"))
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[str | None] = mapped_column(String(254))

    @property
    def live(self) -> bool:
        return self.undone_at is None
