"""Cleaning fact values typed by staff or read from files (pure, shared by app and loader)."""

from __future__ import annotations

import re
from typing import Any

# A Direct (secure health messaging) address looks like an e-mail address.
_DIRECT = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$")
MAX_TEXT = 200
# Compiled once: the loader cleans several phones per profile, millions of times a load.
_EXTENSION = re.compile(r"(?i)\s*(?:x|ext\.?)\s*\d+\s*$")
_NON_DIGIT = re.compile(r"\D")
_NORMAL_PHONE = re.compile(r"[2-9]\d\d-\d\d\d-\d\d\d\d")  # what normalising returns


def normalise_phone(value: object) -> str:
    """'(860) 555-0100', '18605550100' -> '860-555-0100'; '' when it isn't a US number."""
    if value.__class__ is str and (not value or _NORMAL_PHONE.fullmatch(value)):
        return value  # blank, or already in our form: nothing to change
    text = _EXTENSION.split(str(value or ""))[0]
    digits = _NON_DIGIT.sub("", text)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01":
        return ""
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def has_extension(value: object) -> bool:
    """ "860-555-0177 ext 245", "x12": a number with an extension, which the directory does
    not keep (normalise_phone drops it)."""
    return bool(_EXTENSION.search(str(value or "")))


def direct_address(value: object) -> str:
    """A Direct address (``intake@direct.example.org``), or '' when it isn't one."""
    text = str(value or "").strip()
    return text if _DIRECT.fullmatch(text) else ""


def one_line(value: object, limit: int = MAX_TEXT) -> str:
    """Plain text on one line: runs of whitespace collapse, control characters go."""
    if value is None or isinstance(value, dict | list):
        return ""
    text = str(value)
    if not text.isprintable():  # the common case, all printable, skips a pass per character
        text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    return " ".join(text.split())[:limit]


def text_list(value: Any) -> list[str]:
    """A list of short texts from a list or a ';'-separated string, duplicates dropped."""
    items = value if isinstance(value, list) else str(value or "").split(";")
    seen: dict[str, str] = {}
    for item in items:
        text = one_line(item)
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def yes_no(value: object) -> bool | None:
    """true/false, yes/no, y/n, 1/0 (any case); anything else is unknown (None)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if value is not None else ""
    if text in ("true", "yes", "y", "1"):
        return True
    if text in ("false", "no", "n", "0"):
        return False
    return None
