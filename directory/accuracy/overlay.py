"""Staff corrections and verifications applied to a source profile (pure).

The loader calls :func:`overlay` on every profile it reads, with the live corrections
and verifications from the store, so a rebuild from the roster or NPPES keeps them. A
correction whose value the source now states itself is *retired* (reported, not
applied): the source agrees, so the file is right again and the correction is done.
The app calls it too, on the source profile rebuilt from the live document
(:func:`source_profile`), to put one edit live without waiting for a load.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from directory.accuracy import facts
from directory.accuracy.ages import youngest_fields
from directory.accuracy.facts import FACTS, FRESHNESS_GROUPS, SCHEDULING_KEYS
from directory.lookup import lookup_fields

STAFF_CORRECTION = "staff correction"


@dataclass(frozen=True)
class Correction:
    """A live override as the rules see it (the store's row, without the database)."""

    id: int
    fact: str
    value: Any
    at: datetime
    by: str
    reason: str = ""


@dataclass(frozen=True)
class Verification:
    """A verifier confirmed these freshness groups on a date (``YYYY-MM-DD``) by a method."""

    id: int
    groups: tuple[str, ...]
    on: str
    method: str


@dataclass(frozen=True)
class Retired:
    id: int
    source_value: Any


@dataclass
class Overlaid:
    profile: dict
    applied: list[int] = field(default_factory=list)
    retired: list[Retired] = field(default_factory=list)


def source_freshness(profile: dict) -> dict[str, dict[str, str]]:
    """Per-group date and source from the file, defaulting to the profile's own."""
    given = profile.get("freshness") or {}
    day, source = profile["last_verified"], profile["source"]
    if not given:  # most profiles: every group as of the profile's own date and source
        return {group: {"last_verified": day, "source": source} for group in FRESHNESS_GROUPS}
    found = {}
    for group in FRESHNESS_GROUPS:
        entry = given.get(group) or {}
        found[group] = {
            "last_verified": entry.get("last_verified") or day,
            "source": entry.get("source") or source,
        }
    return found


def _applied_order(correction: Correction) -> tuple[datetime, int]:
    return correction.at, correction.id


def _newer(entry: dict[str, str], on: str, source: str) -> dict[str, str]:
    return {"last_verified": on, "source": source} if on > entry["last_verified"] else entry


def overlay(
    source: dict,
    corrections: Iterable[Correction] = (),
    verifications: Iterable[Verification] = (),
) -> Overlaid:
    """The profile as the directory shows it: source facts, then staff corrections on top."""
    base = {**source, "scheduling": _all_notes(source.get("scheduling") or {})}
    base.pop("accuracy", None)
    original = source_freshness(source)
    freshness = {group: dict(entry) for group, entry in original.items()}  # once, then copied
    result = Overlaid(profile=base)
    source_values: dict[str, Any] = {}
    applied: dict[str, dict] = {}
    for correction in sorted(corrections, key=_applied_order) if corrections else ():
        was = facts.read(base, correction.fact)
        if facts.agree(correction.fact, correction.value, was):
            result.retired.append(Retired(correction.id, was))
            continue
        result.profile = facts.write(result.profile, correction.fact, correction.value)
        source_values[correction.fact] = was
        applied[correction.fact] = {
            "id": correction.id,
            "by": correction.by,
            "at": correction.at.isoformat(),
            "reason": correction.reason,
        }
        if group := FACTS[correction.fact].group:
            day = correction.at.date().isoformat()
            freshness[group] = _newer(freshness[group], day, STAFF_CORRECTION)
        result.applied.append(correction.id)
    for verification in verifications:
        for group in verification.groups:
            freshness[group] = _newer(freshness[group], verification.on, verification.method)
    result.profile["freshness"] = freshness
    result.profile["verified_on"] = min([entry["last_verified"] for entry in freshness.values()])
    result.profile["accuracy"] = {
        "source_freshness": original,
        "source_values": source_values,
        "corrections": applied,
    }
    return result


def _all_notes(given: dict) -> dict:
    """Every scheduling note: the given ones, blanks for the rest (a copy either way)."""
    if tuple(given) == SCHEDULING_KEYS:  # a validated profile has them all, in order
        return given.copy()
    return {**facts.empty_scheduling(), **given}


def source_profile(document: dict) -> dict:
    """What the source said, from a live document: corrected facts back to their source values."""
    accuracy = document.get("accuracy") or {}
    profile = copy.deepcopy(document)
    for fact, value in (accuracy.get("source_values") or {}).items():
        profile = facts.write(profile, fact, value)
    if accuracy.get("source_freshness"):
        profile["freshness"] = accuracy["source_freshness"]
    else:
        profile.pop("freshness", None)  # a document indexed before freshness existed
    profile.pop("accuracy", None)
    return profile


def accuracy_fields(profile: dict) -> dict:
    """The document fields an overlay decides: what a partial update of the live index writes."""
    locations = profile["locations"]
    return {
        "locations": locations,
        "location_points": [{"lat": loc["lat"], "lon": loc["lon"]} for loc in locations],
        "cities": sorted({f"{loc['city']}, {loc['state']}" for loc in locations}),
        "states": sorted({loc["state"] for loc in locations}),  # "psychiatrist illinois"
        "zips": sorted({loc["zip"] for loc in locations}),
        "accepting_new_patients": profile.get("accepting_new_patients"),
        "insurance": profile.get("insurance") or [],
        "scheduling": profile["scheduling"],
        **youngest_fields(profile["scheduling"]),  # a corrected "ages seen" ranks at once
        "freshness": profile["freshness"],
        "verified_on": profile["verified_on"],
        "accuracy": profile["accuracy"],
        **lookup_fields(profile),  # a corrected phone is looked up at once
    }
