"""Search text as it may be stored: normalised, with anything that looks personal removed.

People type more than conditions: an e-mail, a phone number, a date of birth, a member or
record number, a street address. None of it may reach the event log. What stays is what
the insights need: the words, ICD-10-CM codes (letters and digits) and valid NPIs (a
physician's public number). A ZIP code keeps its first three digits, the coarse location
the events record anyway.
"""

from __future__ import annotations

import re

from directory.npi import is_valid_npi
from directory.text import fold

IGNORE_CASE = re.IGNORECASE
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATES = (
    re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"),
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b", IGNORE_CASE),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{2,4}}\b", IGNORE_CASE),
)
STREET = re.compile(
    r"\b\d{1,6}\s+(?:[a-z]+\s+){1,3}"
    r"(?:street|st|avenue|ave|road|rd|drive|lane|ln|boulevard|blvd|way|court|place|pl)\b\.?",
    IGNORE_CASE,
)
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
PHONE = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\b\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b")
DIGITS = re.compile(r"\b\d{5,}\b")


def _phone(match: re.Match) -> str:
    text = match.group()
    return text if text.isdigit() and is_valid_npi(text) else "[phone]"


def _digits(match: re.Match) -> str:
    text = match.group()
    if len(text) == 10 and is_valid_npi(text):
        return text
    if len(text) == 5:  # a ZIP code: the coarse ZIP3 is all the events keep of a place
        return f"{text[:3]}xx"
    return "[number]"


def redact(text: str) -> str:
    """Normalised (accent-folded, lower case, single spaces) and redacted search text."""
    return redact_value(fold(text))


def redact_value(text: str) -> str:
    """Redacted, single-spaced, case kept: for filter values such as "Spanish" or a NUCC code."""
    cleaned = " ".join(text.split())
    cleaned = EMAIL.sub("[email]", cleaned)
    cleaned = SSN.sub("[number]", cleaned)
    for pattern in DATES:
        cleaned = pattern.sub("[date]", cleaned)
    cleaned = STREET.sub("[address]", cleaned)
    cleaned = PHONE.sub(_phone, cleaned)
    cleaned = DIGITS.sub(_digits, cleaned)
    return " ".join(cleaned.split())
