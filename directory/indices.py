"""Names of the aliases and indices both the loader and the app address.

The app only ever queries aliases; the loader creates timestamped indices behind
them (``indexer.lifecycle``). Deriving every name here keeps the two in step.
"""

from __future__ import annotations


def vocabulary_alias(alias: str) -> str:
    """The small condition/specialty index that sits beside a physician alias."""
    return f"{alias}-vocabulary"


def previous_alias(alias: str) -> str:
    """The generation before the live one, kept for ``indexer rollback``."""
    return f"{alias}-previous"
