"""From the correction form to the facts that changed (for the views; no database here)."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class AddressCheck:
    """What the offline ZIP data says against a typed city, state and ZIP."""

    state: str | None = None  # a refusal: not a state, or not the ZIP's (reliable data)
    city: str | None = None  # a doubt: the ZIP's post office has other names; staff may confirm


def check_address(form_values: dict, current: dict) -> AddressCheck:
    """Check the city and state against the ZIP, when the form changes one of the three.

    Only then: a source address the data doubts must not block correcting a phone number.
    A ZIP lies in one state, so a wrong state is refused; a practice may give its village
    ("Weatogue") where the ZIP's post office is named for another town, so a city is doubted.
    """
    typed = {key: (form_values.get(key) or "").strip() for key in ("city", "state", "zip")}
    typed["zip"] = typed["zip"][:5]
    if all(typed[key].casefold() == str(current.get(key) or "").casefold() for key in typed):
        return AddressCheck()
    place = geography.zip_info(typed["zip"])
    if place is None:
        return AddressCheck()  # the ZIP field already says "Enter a ZIP code in service"
    state, where = typed["state"].upper(), geography.STATE_NAMES.get(place.state, place.state)
    refused = doubted = None
    # A state that is no state at all is the form field's own error (the loader's rule).
    if state and state in geography.STATE_NAMES and state != place.state:
        refused = f"ZIP {typed['zip']} is in {where} ({place.state}), not {state}."
    if typed["city"] and not geography.is_zip_city(typed["zip"], typed["city"]):
        names = " or ".join(geography.zip_city_names(typed["zip"])[:3])
        doubted = (
            f"The post office calls ZIP {typed['zip']} {names}, not {typed['city']}. "
            "Correct the city or the ZIP, or tick “Keep this city” if it is right."
        )
    return AddressCheck(refused, doubted)


def _address(form_values: dict, current: dict) -> dict:
    zip5 = form_values["zip"].strip()[:5]
    address = {key: form_values[key] for key in ADDRESS_FIELDS} | {"zip": zip5}
    address["name"] = current.get("name", "")
    place = geography.zip_info(zip5)
    if place:  # a city or state left blank is the ZIP's, never blank on the public page
        address["city"] = (address["city"] or "").strip() or place.city
        address["state"] = (address["state"] or "").strip() or place.state
    if zip5 != current.get("zip") and place:
        # A new ZIP moves the map pin to the ZIP's centre (streets need an online geocoder).
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
