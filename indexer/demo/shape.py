"""Small pieces every demo profile is built from: weighted draws, names, a location, a bio.

Shared by the hand-placed physicians (``named``) and the random ones (``physicians``).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from functools import cache
from typing import Any

from faker.providers.person.en_US import Provider as FakerPerson

from directory import geography
from indexer.demo.catalog import SOURCE
from indexer.demo_scheduling import demo_scheduling
from indexer.sources import proper_case

PROFILE_KEYS = ("npi", "name", "credentials", "gender", "specialties", "conditions",
                "procedures", "languages", "insurance", "accepting_new_patients", "telehealth",
                "locations", "hospital_affiliations", "education", "board_certifications",
                "bio")  # fmt: skip


@cache
def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(itertools.accumulate(weights))


def weighted(rng: random.Random, items: Sequence[Any], weights: tuple[float, ...]) -> Any:
    return rng.choices(items, cum_weights=_cumulative(weights))[0]


@cache
def _name_pool(kind: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    names = {
        "male": FakerPerson.first_names_male,
        "female": FakerPerson.first_names_female,
        "last": FakerPerson.last_names,
    }[kind]
    return tuple(proper_case(name) for name in names), tuple(names.values())  # "McClain"


def pick_name(rng: random.Random, kind: str) -> str:
    names, weights = _name_pool(kind)
    return weighted(rng, names, weights)


def profile(fields: dict[str, Any]) -> dict[str, Any]:
    """Fields in the canonical order, with the demo's source and ``active``."""
    return {
        **{key: fields[key] for key in PROFILE_KEYS},
        "source": SOURCE,
        "last_verified": fields["last_verified"],
        "active": True,
        "freshness": {},
        "scheduling": demo_scheduling(fields["npi"], _primary_first(fields["specialties"])),
    }


def _primary_first(specialties: list[dict]) -> tuple[str, ...]:
    return tuple(s["code"] for s in sorted(specialties, key=lambda s: not s.get("primary")))


def location_at(zip5: str, name: str, street: str, suite: str, phone: str, fax: str,
                jitter: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:  # fmt: skip
    info = geography.zip_info(zip5)
    assert info is not None, zip5  # demo ZIPs all come from the ZIP table
    return {
        "name": name, "address_line1": street, "address_line2": suite,
        "city": info.city, "state": info.state, "zip": zip5, "phone": phone, "fax": fax,
        "lat": round(info.lat + jitter[0], 5), "lon": round(info.lon + jitter[1], 5),
    }  # fmt: skip


def bio(title: str, name: str, city: str, state: str, since: int, languages: list[str]) -> str:
    spoken = [lang for lang in languages if lang != "English"]
    extra = f" Sees patients in English and {', '.join(spoken)}." if spoken else ""
    article = "an" if title[0] in "aeiou" else "a"
    return f"{name} is {article} {title} in {city}, {state}, in practice since {since}.{extra}"


def school_kind(credential: str) -> str:
    return {"DPT": "PT", "PT": "PT", "DC": "DC", "DO": "DO"}.get(credential, "MD")
