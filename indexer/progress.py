"""Load progress for people: a live bar on a terminal, periodic log lines otherwise."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO


def count_lines(path: Path) -> int:
    """Physical lines, counted in 1 MB blocks (fast, constant memory)."""
    with open(path, "rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


class Progress:
    """Call with the number of records read so far; prints rate and ETA."""

    def __init__(self, total: int | None = None, stream: TextIO | None = None, every: float = 5.0):
        self.total = total or None
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every if not self.tty else 0.2
        self.started = time.perf_counter()
        self.last = 0.0
        self.count = 0

    def __call__(self, count: int) -> None:
        self.count = count
        now = time.perf_counter()
        if now - self.last < self.every:
            return
        self.last = now
        self.stream.write(self.line(now) + ("\r" if self.tty else "\n"))
        self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.count / elapsed
        text = f"{self.count:,} records, {rate:,.0f}/s"
        if self.total and rate:
            share = min(self.count / self.total, 1.0)
            eta = max(self.total - self.count, 0) / rate
            bar = "#" * int(share * 30)
            text = f"[{bar:<30}] {share:6.1%} {text}, ETA {eta:,.0f}s"
        return text

    def done(self) -> None:
        if self.tty and self.last:
            self.stream.write("\n")
