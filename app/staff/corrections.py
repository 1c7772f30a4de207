"""From the correction form to the facts that changed (for the views; no database here)."""

from __future__ import annotations

from typing import Any

from directory import geography
from directory.accuracy import facts
from directory.accuracy.facts import FACTS, SCHEDULING_KEYS
from directory.accuracy.overlay import source_profile

FLAG_VALUES = {True: "yes", False: "no", None: ""}
LIST_FACTS = ("insurance", "conditions_not_treated")
ADDRESS_FIELDS = ("address_line1", "address_line2", "city", "state", "zip")


def form_data(document: dict) -> dict[str, str]:
    """The form filled with what the live document shows."""
    address = facts.read(document, "address")
    data: dict[str, Any] = {key: address.get(key, "") for key in ADDRESS_FIELDS}
    for fact in FACTS:
        if fact == "address":
            continue
        value = facts.read(document, fact)
        if FACTS[fact].kind == "flag":
            value = FLAG_VALUES[value]
        elif fact in LIST_FACTS:
            value = "\n".join(value or [])
        data[fact] = value or ""
    return data


def _address(form_values: dict, current: dict) -> dict:
    zip5 = form_values["zip"].strip()[:5]
    address = {key: form_values[key] for key in ADDRESS_FIELDS} | {"zip": zip5}
    address["name"] = current.get("name", "")
    place = geography.zip_info(zip5)
    if zip5 != current.get("zip") and place:
        # A new ZIP moves the map pin to the ZIP's centre (streets need an online geocoder).
        address["city"] = address["city"] or place.city
        address["state"] = address["state"] or place.state
        address |= {"lat": place.lat, "lon": place.lon}
    else:
        address |= {"lat": current["lat"], "lon": current["lon"]}
    return facts.clean("address", address)


def proposed_changes(form_values: dict, document: dict) -> dict[str, tuple[Any, Any]]:
    """fact -> (new value, what the source says) for each fact the form changes."""
    changes = {}
    source = source_profile(document)
    for fact in FACTS:
        if fact == "address":
            value = _address(form_values, facts.read(document, "address"))
        else:
            raw = form_values.get(fact)
            if fact in LIST_FACTS:
                raw = (raw or "").replace("\r", "").replace("\n", ";")
            value = facts.clean(fact, raw)
        if not facts.agree(fact, value, facts.read(document, fact)):
            changes[fact] = (value, facts.read(source, fact))
    return changes


def scheduling_only(changes: dict) -> bool:
    return all(fact in SCHEDULING_KEYS for fact in changes)
