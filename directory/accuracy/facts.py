"""The facts staff may correct, and how to read, write and compare them (pure).

A fact lives in the same place on a canonical profile and on its search document
(``locations[0].phone``, ``insurance``, ``scheduling.ages_seen``), so one accessor
serves the loader (before a document is built) and the app (on the live document).
Each fact belongs to a *freshness group*: the four things whose last-verified date
and source we track (phone, locations, accepting new patients, insurance), or none.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from directory.accuracy import values

# Facts whose last verification we track, in the order staff see them.
FRESHNESS_GROUPS = ("phone", "locations", "accepting_new_patients", "insurance")
GROUP_LABELS = {
    "phone": "Phone and fax",
    "locations": "Locations",
    "accepting_new_patients": "Accepting new patients",
    "insurance": "Insurance",
}
ADDRESS_KEYS = ("name", "address_line1", "address_line2", "city", "state", "zip")
SCHEDULING_KEYS = (
    "ages_seen",
    "conditions_not_treated",
    "referral_required",
    "authorization_required",
    "intake_phone",
    "intake_fax",
    "direct_address",
)


@dataclass(frozen=True)
class Fact:
    name: str
    label: str
    kind: str  # phone | text | list | flag | address | direct
    group: str | None  # freshness group, or None (scheduling notes)


FACTS: dict[str, Fact] = {
    f.name: f
    for f in (
        Fact("phone", "Phone", "phone", "phone"),
        Fact("fax", "Fax", "phone", "phone"),
        Fact("address", "Address (first location)", "address", "locations"),
        Fact("accepting_new_patients", "Accepting new patients", "flag", "accepting_new_patients"),
        Fact("insurance", "Insurance accepted", "list", "insurance"),
        Fact("ages_seen", "Ages seen", "text", None),
        Fact("conditions_not_treated", "Conditions not treated", "list", None),
        Fact("referral_required", "Referral required", "flag", None),
        Fact("authorization_required", "Authorisation required", "flag", None),
        Fact("intake_phone", "Intake phone", "phone", None),
        Fact("intake_fax", "Intake fax", "phone", None),
        Fact("direct_address", "Direct address", "direct", None),
    )
}


_BLANK_NOTES = {
    key: [] if FACTS[key].kind == "list" else None if FACTS[key].kind == "flag" else ""
    for key in SCHEDULING_KEYS
}
_LIST_NOTES = tuple(key for key in SCHEDULING_KEYS if FACTS[key].kind == "list")


def empty_scheduling() -> dict[str, Any]:
    """Every scheduling note, blank. Copied from one template: every profile asks for it."""
    notes = _BLANK_NOTES.copy()
    for key in _LIST_NOTES:  # a list of its own for each profile
        notes[key] = []
    return notes


def clean(fact: str, value: Any) -> Any:
    """A value of this fact as it is stored: phones normalised, lists deduplicated."""
    return _CLEANERS.get(FACTS[fact].kind, values.one_line)(value)


def _address(value: Any) -> dict[str, Any]:
    given = value if isinstance(value, dict) else {}
    address = {key: values.one_line(given.get(key)) for key in ADDRESS_KEYS}
    address["state"] = address["state"].upper()
    for key in ("lat", "lon"):
        if isinstance(given.get(key), int | float):
            address[key] = float(given[key])
    return address


# How each kind of fact is cleaned; any other kind ("text") is one line of text.
_CLEANERS = {
    "phone": values.normalise_phone,
    "direct": values.direct_address,
    "list": values.text_list,
    "flag": values.yes_no,
    "address": _address,
}


def read(record: dict, fact: str) -> Any:
    """The fact's value on a profile or document."""
    if fact in SCHEDULING_KEYS:
        return (record.get("scheduling") or empty_scheduling()).get(fact)
    if fact in ("phone", "fax", "address"):
        first = record["locations"][0]
        if fact == "address":
            return {key: first.get(key, "") for key in (*ADDRESS_KEYS, "lat", "lon")}
        return first.get(fact, "")
    return record.get(fact)


def write(record: dict, fact: str, value: Any) -> dict:
    """A copy of the profile or document with the fact set (the original is untouched)."""
    record = {**record}
    if fact in SCHEDULING_KEYS:
        record["scheduling"] = {**(record.get("scheduling") or empty_scheduling()), fact: value}
    elif fact in ("phone", "fax", "address"):
        locations = copy.deepcopy(record["locations"])
        if fact == "address":
            locations[0].update(value)
        else:
            locations[0][fact] = value
        record["locations"] = locations
    else:
        record[fact] = copy.deepcopy(value)
    return record


def comparable(fact: str, value: Any) -> Any:
    """What two values must share to say the same thing (case, order and spacing aside)."""
    kind = FACTS[fact].kind
    if kind == "list":
        return sorted({values.one_line(v).casefold() for v in value or []})
    if kind == "address":
        given = value or {}
        # The practice name and the map point don't decide whether the address agrees.
        return tuple(values.one_line(given.get(k)).casefold() for k in ADDRESS_KEYS[1:])
    if kind == "flag":
        return value
    if kind == "phone":  # "(860) 555-0100" and "860-555-0100" are the same number
        return values.normalise_phone(value) or values.one_line(value)
    return values.one_line(value).casefold()


def agree(fact: str, first: Any, second: Any) -> bool:
    return comparable(fact, first) == comparable(fact, second)


def shown(fact: str, value: Any) -> str:
    """A value as one line of text for staff pages and the audit log."""
    kind = FACTS[fact].kind
    if kind == "flag":
        return {True: "yes", False: "no"}.get(value, "unknown")
    if kind == "list":
        return "; ".join(value or []) or "(none)"
    if kind == "address":
        given = value or {}
        parts = [given.get(k) for k in ADDRESS_KEYS[1:]]
        return ", ".join(p for p in parts if p) or "(none)"
    return str(value or "") or "(none)"
