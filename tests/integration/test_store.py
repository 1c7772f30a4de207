"""The relational store on SQLite and PostgreSQL: migrations, accounts, audit, curation, locks."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import extract_parameters, profiles
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from directory.store import accounts, audit, curation, locks, migrate
from directory.store.db import make_engine
from directory.store.models import AuditEntry, CuratedTerm, JobLock, StaffAccount

PASSWORD = "correct horse battery staple"
CLI = "command line (test)"


def test_migrations_create_every_table_and_round_trip(database_url):
    migrate.upgrade(database_url)
    migrate.upgrade(database_url)  # a second `make run` changes nothing
    assert migrate.is_current(database_url)
    engine = make_engine(database_url)
    tables = set(inspect(engine).get_table_names())
    assert {"staff_accounts", "audit_log", "curated_terms", "job_locks"} <= tables
    migrate.downgrade(database_url, "base")
    assert not {"staff_accounts", "curated_terms"} & set(inspect(engine).get_table_names())
    migrate.upgrade(database_url)
    assert migrate.is_current(database_url)
    engine.dispose()


def test_outside_the_tests_passwords_cost_rfc_9106s_low_memory_argon2id(
    production_password_hasher,
):
    stored = production_password_hasher.hash(PASSWORD)  # what a real sign-up stores
    assert extract_parameters(stored) == profiles.RFC_9106_LOW_MEMORY
    assert production_password_hasher.verify(stored, PASSWORD)


def test_a_new_account_stores_an_argon2id_hash_never_the_password(store):
    with store() as session, session.begin():
        accounts.add(session, "Ada@Example.org", "Ada", "curator", PASSWORD, CLI)
    with store() as session:
        account = accounts.find(session, "ada@example.org")
        assert account.password_hash.startswith("$argon2id$")
        assert PASSWORD not in account.password_hash and PASSWORD not in repr(account)
        entry = session.scalar(select(AuditEntry).where(AuditEntry.action == "account.add"))
        assert (entry.actor, entry.target, entry.detail) == (
            CLI,
            "ada@example.org",
            {"role": "curator"},
        )
        assert PASSWORD not in str(entry.detail)
        assert entry.at.tzinfo is not None and datetime.now(UTC) - entry.at < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("email", "role", "password", "message"),
    [
        ("ada@example.org", "curator", PASSWORD, "already has an account"),
        ("bob@example.org", "owner", PASSWORD, "Role must be one of"),
        ("bob@example.org", "curator", "short", "at least 12"),
        ("not an email", "curator", PASSWORD, "not an e-mail"),
    ],
)
def test_account_changes_are_refused_with_a_reason(store, email, role, password, message):
    with store() as session, session.begin():
        accounts.add(session, "ada@example.org", "Ada", "curator", PASSWORD, CLI)
    with store() as session, pytest.raises(accounts.AccountError, match=message):
        accounts.add(session, email, "B", role, password, CLI)


def test_sign_in_locks_after_repeated_failures_and_reset_unlocks(store):
    with store() as session, session.begin():
        accounts.add(session, "ada@example.org", "Ada", "admin", PASSWORD, CLI)
    for _ in range(accounts.MAX_FAILED_LOGINS):
        with store() as session, session.begin():
            assert not accounts.authenticate(session, "ada@example.org", "wrong guess!!").ok
    with store() as session, session.begin():
        locked = accounts.authenticate(session, "ada@example.org", PASSWORD)
        assert not locked.ok and locked.problem == accounts.WRONG  # as for an unknown e-mail
    with store() as session, session.begin():
        version = accounts.find(session, "ada@example.org").session_version
        accounts.reset(session, "ada@example.org", PASSWORD + "!", CLI)
    with store() as session, session.begin():
        signed_in = accounts.authenticate(session, "ada@example.org", PASSWORD + "!")
        assert signed_in.ok and signed_in.account.session_version == version + 1
        assert signed_in.account.last_login_at is not None
    with store() as session:
        actions = [e.action for e in audit.recent(session, limit=100)]
    assert actions.count("login.failed") == accounts.MAX_FAILED_LOGINS
    assert {"login.locked", "account.reset", "login"} <= set(actions)


def test_a_disabled_account_cannot_sign_in_and_an_unknown_one_learns_nothing(store):
    with store() as session, session.begin():
        accounts.add(session, "ada@example.org", "Ada", "verifier", PASSWORD, CLI)
        accounts.disable(session, "ada@example.org", CLI)
    with store() as session, session.begin():
        disabled = accounts.authenticate(session, "ada@example.org", PASSWORD)
        unknown = accounts.authenticate(session, "who@example.org", PASSWORD)
    assert disabled.problem == unknown.problem == accounts.WRONG


def _curator(store) -> None:
    with store() as session, session.begin():
        accounts.add(session, "cur@example.org", "Cur", "curator", PASSWORD, CLI)


def test_curated_terms_are_live_until_undone_and_the_version_moves(store):
    _curator(store)
    with store() as session, session.begin():
        author = accounts.find(session, "cur@example.org")
        start = curation.curation_version(session)
        row = curation.add(
            session, "  Lumbago!! ", "condition", "low-back-pain", "patients say", author
        )
        curation.add(session, "please help", "noise", None, "filler", author)
    with store() as session:
        assert curation.curated_terms(session) == {
            "lumbago": ("condition", "low-back-pain"),
            "please help": ("noise", None),
        }
        assert curation.curation_version(session) == start + 2
    with store() as session, session.begin():
        curation.undo(session, row.id, accounts.find(session, "cur@example.org"))
    with store() as session:
        assert "lumbago" not in curation.curated_terms(session)
        assert curation.curation_version(session) == start + 3
        undone = curation.get(session, row.id)
        assert (undone.live, undone.undone_by, undone.created_by) == (
            False,
            "cur@example.org",
            "cur@example.org",
        )


def test_one_live_mapping_per_term_and_the_database_enforces_it(store):
    _curator(store)
    with store() as session, session.begin():
        author = accounts.find(session, "cur@example.org")
        first = curation.add(session, "lumbago", "condition", "low-back-pain", "r", author)
    with store() as session, pytest.raises(curation.CurationError, match="already mapped"):
        curation.add(session, "LUMBAGO", "specialty", "208VP0014X", "r", "someone")
    with store() as session, pytest.raises(IntegrityError), session.begin():
        # Two curators at once both pass the check; the partial unique index stops the second.
        session.add(CuratedTerm(term="lumbago", kind="noise", reason="r", created_by="x"))
    with store() as session, session.begin():
        curation.undo(session, first.id, "someone")
        curation.add(session, "lumbago", "specialty", "208VP0014X", "remapped", "someone")
    with store() as session:
        assert curation.curated_terms(session) == {"lumbago": ("specialty", "208VP0014X")}


def test_noise_has_no_target_and_a_mapping_needs_one(store):
    with store() as session, pytest.raises(IntegrityError), session.begin():
        session.add(CuratedTerm(term="x", kind="noise", target_id="y", reason="r", created_by="x"))
    with store() as session, pytest.raises(curation.CurationError, match="mean"):
        curation.add(session, "x", "condition", None, "r", "x")


def test_a_job_lock_excludes_a_second_holder_until_released_or_expired(store):
    with locks.job_lock(store, "vocabulary"):
        with (
            pytest.raises(locks.LockTimeout),
            locks.job_lock(store, "vocabulary", wait_seconds=0.2),
        ):
            pass
    with locks.job_lock(store, "vocabulary", wait_seconds=0.2):  # released: free again
        pass
    with store() as session, session.begin():  # a holder that died an hour ago
        session.add(
            JobLock(
                name="vocabulary", holder="dead", acquired_at=datetime.now(UTC) - timedelta(hours=1)
            )
        )
    with locks.job_lock(store, "vocabulary", wait_seconds=0.2):
        with store() as session:
            assert session.scalar(select(JobLock.holder)) != "dead"


def test_a_waiting_job_runs_once_the_holder_releases(store):
    order = []
    released = threading.Event()

    def second():
        with locks.job_lock(store, "vocabulary", wait_seconds=30):
            order.append("second")

    with locks.job_lock(store, "vocabulary"):
        worker = threading.Thread(target=second)
        worker.start()
        order.append("first")
        released.set()
    worker.join(timeout=30)
    assert order == ["first", "second"]


def test_accounts_list_in_email_order(store):
    with store() as session, session.begin():
        for email in ("b@example.org", "a@example.org"):
            accounts.add(session, email, email, "curator", PASSWORD, CLI)
    with store() as session:
        assert [a.email for a in accounts.all_accounts(session)] == [
            "a@example.org",
            "b@example.org",
        ]
        assert session.scalar(select(StaffAccount.role).limit(1)) == "curator"
