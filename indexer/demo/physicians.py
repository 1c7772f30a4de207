"""One random demo physician: specialty, credentials, claims, practices, languages, plans.

Where the physician practises comes from an ``Area`` (``indexer.demo.areas``): one of the
seven demo metros, or a place drawn by population for the national spread. Every choice
comes from the one seeded ``random.Random`` in a fixed order, so the output never varies.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from directory import geography
from indexer.demo.catalog import (
    FRESH_SHARE,
    INSURERS,
    LOCATION_COUNTS,
    OTHER_LANGUAGES,
    REFERENCE_DATE,
    SCHOOLS,
    SECOND_SPECIALTY,
    SPECIALTIES,
    SPECIALTY_BY_CODE,
    STREET_NAMES,
    STREET_SUFFIXES,
    VERIFIED_WITHIN_DAYS,
    Metro,
    Specialty,
)
from indexer.demo.shape import bio, location_at, pick_name, profile, school_kind, weighted

Claims = Mapping[str, tuple[Sequence[str], Sequence[str]]]


class Area(Protocol):
    """Where one physician practises: local colour (``metro``) and the ZIPs to use."""

    metro: Metro

    def pick_zip(self, rng: random.Random, index: int) -> tuple[str, geography.ZipInfo]:
        """The ZIP of the physician's ``index``-th practice location (0 = main)."""


def _subset(rng: random.Random, items: Sequence[str]) -> list[str]:
    """A random 40-90% of ``items``, in their original order: nobody does everything."""
    if not items:
        return []
    keep = max(1, round(len(items) * rng.uniform(0.4, 0.9)))
    return [items[i] for i in sorted(rng.sample(range(len(items)), keep))]


def _claims(rng: random.Random, codes: list[str], claims: Claims) -> tuple[list, list]:
    conditions: dict[str, None] = {}
    procedures: dict[str, None] = {}
    for code in codes:
        condition_ids, procedure_ids = claims.get(code, ((), ()))
        conditions.update(dict.fromkeys(_subset(rng, condition_ids)))
        procedures.update(dict.fromkeys(_subset(rng, procedure_ids)))
    return list(conditions), list(procedures)


def _random_specialties(rng: random.Random) -> list[Specialty]:
    primary = weighted(rng, SPECIALTIES, tuple(s.weight for s in SPECIALTIES))
    if primary.related and rng.random() < SECOND_SPECIALTY:
        return [primary, SPECIALTY_BY_CODE[rng.choice(primary.related)]]
    return [primary]


def _credentials(rng: random.Random, specialty: Specialty) -> list[str]:
    if specialty.kind == "pt":
        return ["DPT"] if rng.random() < 0.7 else ["PT"]
    if specialty.kind == "dc":
        return ["DC"]
    degree = "MD" if rng.random() < 0.8 else "DO"
    return [degree, "PhD"] if rng.random() < 0.03 else [degree]


def _languages(rng: random.Random, metro: Metro) -> list[str]:
    spoken = ["English"]
    if rng.random() < metro.spanish:
        spoken.append("Spanish")
    spoken += [lang for lang in metro.languages if rng.random() < 0.06]
    spoken += [lang for lang in OTHER_LANGUAGES if lang not in spoken and rng.random() < 0.015]
    return spoken


def _insurance(rng: random.Random, metro: Metro, state: str) -> list[str]:
    plans = [name for name, share in INSURERS if rng.random() < share]
    if state == metro.state:  # ConnectiCare is for Hartford, not its Massachusetts suburbs
        plans += [name for name in metro.insurers if rng.random() < 0.6]
    return plans or ["Medicare"]


def _phone(rng: random.Random, metro: Metro) -> str:
    return f"{rng.choice(metro.area_codes)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"


def _random_location(rng: random.Random, area: Area, index: int, practice: str,
                     surname: str) -> dict:  # fmt: skip
    zip5, info = area.pick_zip(rng, index)
    number = rng.randint(1, 2999)
    street = f"{number} {rng.choice((*STREET_NAMES, surname, pick_name(rng, 'last')))}"
    street += f" {rng.choice(STREET_SUFFIXES)}"
    suite = f"Suite {rng.randint(100, 499)}" if rng.random() < 0.5 else ""
    owner = info.city if rng.random() < 0.5 else surname
    fax = _phone(rng, area.metro) if rng.random() < 0.6 else ""
    jitter = (rng.uniform(-0.009, 0.009), rng.uniform(-0.009, 0.009))
    phone = _phone(rng, area.metro)
    return location_at(zip5, f"{owner} {practice}", street, suite, phone, fax, jitter)


def _days_since_verified(rng: random.Random) -> int:
    """0-89 days for FRESH_SHARE of profiles, 90 days to 18 months for the rest.

    One draw, as before, so every later choice (names, places) is unchanged."""
    drawn = rng.randint(0, VERIFIED_WITHIN_DAYS)
    fresh = round(FRESH_SHARE * (VERIFIED_WITHIN_DAYS + 1))
    if drawn < fresh:
        return drawn * 90 // fresh
    return 90 + (drawn - fresh) * (VERIFIED_WITHIN_DAYS - 90) // (VERIFIED_WITHIN_DAYS + 1 - fresh)


def random_profile(
    rng: random.Random, npi: str, claims: Claims, area: Area, as_of: date = REFERENCE_DATE
) -> dict[str, Any]:
    metro = area.metro
    specialties = _random_specialties(rng)
    main = specialties[0]
    gender = "female" if rng.random() < 0.5 else "male"
    first, last = pick_name(rng, gender), pick_name(rng, "last")
    credentials = _credentials(rng, main)
    conditions, procedures = _claims(rng, [s.code for s in specialties], claims)
    count = weighted(rng, [n for n, _ in LOCATION_COUNTS], tuple(w for _, w in LOCATION_COUNTS))
    locations = [_random_location(rng, area, i, main.practice, last) for i in range(count)]
    languages = _languages(rng, metro)
    hospitals = rng.sample(metro.hospitals, rng.choice((1, 1, 2))) if main.kind == "md" else []
    graduated = rng.randint(1978, 2019)
    schools = SCHOOLS[school_kind(credentials[0])]
    boards = dict.fromkeys(s.board for s in specialties if s.board and rng.random() < 0.85)
    prefix = "" if credentials[0] == "PT" else "Dr."
    display = f"{prefix} {first} {last}".strip()
    home = locations[0]
    return profile({
        "npi": npi,
        "name": {"prefix": prefix, "first": first,
                 "middle": rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.6 else "",
                 "last": last, "suffix": "Jr." if rng.random() < 0.02 else ""},
        "credentials": credentials, "gender": gender,
        "specialties": [{"code": s.code, "primary": i == 0} for i, s in enumerate(specialties)],
        "conditions": conditions, "procedures": procedures, "languages": languages,
        "insurance": _insurance(rng, metro, home["state"]),
        "accepting_new_patients": rng.random() < 0.7,
        "telehealth": rng.random() < (0.45 if main.kind == "md" else 0.2),
        "locations": locations, "hospital_affiliations": hospitals,
        "education": [{"degree": credentials[0], "school": rng.choice(schools), "year": graduated}],
        "board_certifications": list(boards),
        "bio": bio(main.title, display, home["city"], home["state"], graduated + 4, languages),
        "last_verified": (as_of - timedelta(days=_days_since_verified(rng))).isoformat(),
    })  # fmt: skip
