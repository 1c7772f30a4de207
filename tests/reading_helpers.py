"""What the parser reads, in the shape the vocabulary tests compare."""

from __future__ import annotations

from directory.understanding import interpret


def concepts(text: str) -> set[str]:
    """The concepts read, also those a specialist is asked for by ("muscular dystrophy
    doctor")."""
    found: set[str] = set()
    for part in interpret(text).parts:
        if part.kind in ("condition", "procedure"):
            found |= set(part.ids)
        elif part.treats is not None:
            found |= set(part.treats.ids)
    return found
