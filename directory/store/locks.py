"""Exclusive jobs across processes and hosts, held as a row in the store.

Two vocabulary rebuilds at once would delete each other's half-built index; the lock
makes the second wait, and then it rebuilds from the store as it is by then. A holder
that died leaves a row that expires after ``ttl``.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from directory.store.models import JobLock, utcnow


class LockTimeout(RuntimeError):
    pass


def _try_acquire(factory: sessionmaker[Session], name: str, holder: str, ttl: timedelta) -> bool:
    with factory() as session:
        try:
            with session.begin():
                expired = utcnow() - ttl
                session.execute(
                    delete(JobLock).where(JobLock.name == name, JobLock.acquired_at < expired)
                )
                session.add(JobLock(name=name, holder=holder))
            return True
        except IntegrityError:
            return False


@contextmanager
def job_lock(
    factory: sessionmaker[Session],
    name: str,
    ttl: timedelta = timedelta(minutes=10),
    wait_seconds: float = 120.0,
) -> Iterator[str]:
    holder = f"{socket.gethostname()}:{os.getpid()}:{time.monotonic_ns()}"
    deadline = time.monotonic() + wait_seconds
    pause = 0.05
    while not _try_acquire(factory, name, holder, ttl):
        if time.monotonic() > deadline:
            raise LockTimeout(f"'{name}' is held by another job; gave up after {wait_seconds}s")
        time.sleep(pause)  # polling a row: there is no event to wait on across processes
        pause = min(pause * 2, 1.0)
    try:
        yield holder
    finally:
        with factory() as session, session.begin():
            session.execute(delete(JobLock).where(JobLock.name == name, JobLock.holder == holder))
